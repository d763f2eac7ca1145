"""Benchmarks: run as modules (`python -m bench.NAME`, `make bench`); each prints ratios against a baseline."""
