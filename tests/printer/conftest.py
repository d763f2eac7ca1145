"""Fixtures for the printer tests: configs with a chosen printer, worker threads, decoded receipts."""

from __future__ import annotations

import dataclasses

import pytest

from kiosk.config import default_config


def make_config(**printer):
    """The default config (simulated printer) with ``printer`` fields replaced."""
    config = default_config()
    return dataclasses.replace(config, printer=dataclasses.replace(config.printer, **printer))



@pytest.fixture
def bus(qapp):
    from kiosk.services.bus import AppBus

    return AppBus()
