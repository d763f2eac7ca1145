"""The citizen areas share their helpers and the scanner app fixture (tests/citizen/conftest.py)."""

from tests.citizen.conftest import scanner_app  # noqa: F401  (a fixture, found by name)
