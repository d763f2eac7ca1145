"""Receipts drawn in the helper process: the same bytes on paper as drawn in-process, and still printed when the
helper is gone (issue 12: the GUI thread must not wait for Pillow's drawing, which holds the GIL)."""

from __future__ import annotations

import os
import signal

import pytest

from devices.printer.driver import PrinterDriver
from devices.printer.encode import render_bytes
from devices.printer.render_pool import RenderPool
from devices.printer.samples import sample_receipt
from tests.printer.conftest import make_config

OPTIONS = {"width": 576, "profile": "default", "qr_mode": "auto", "text_mode": False}


@pytest.fixture
def pool():
    pool = RenderPool()
    yield pool
    pool.close()


def helper_pids(pool: RenderPool) -> list[int]:
    assert pool._pool is not None
    return list(pool._pool._processes)  # the executor's own record of its process


def test_the_helper_draws_the_same_receipt_as_the_kiosk_would_in_process(pool):
    for kind in ("dossier", "payment", "health"):
        receipt = sample_receipt(kind)
        assert pool.render(receipt, **OPTIONS) == render_bytes(receipt, **OPTIONS)
    pids = helper_pids(pool)
    assert pids and os.getpid() not in pids  # drawn in another process, not in this one


def test_a_receipt_is_still_printed_when_the_helper_process_died(pool):
    receipt = sample_receipt("dossier")
    expected = render_bytes(receipt, **OPTIONS)
    assert pool.render(receipt, **OPTIONS) == expected
    for pid in helper_pids(pool):
        os.kill(pid, signal.SIGKILL)  # the OOM killer, a crash in a native library...
    assert pool.render(receipt, **OPTIONS) == expected  # a new helper, or in-process: the resident gets it
    assert pool.render(receipt, **OPTIONS) == expected


def test_the_driver_prints_what_the_helper_drew(pool):
    printer = PrinterDriver(make_config(kind="simulated").printer, render=pool.render)
    receipt = sample_receipt("payment")
    sent = printer.print_receipt(receipt)
    assert sent == len(printer.last_output) > 0
    in_process = PrinterDriver(make_config(kind="simulated").printer)
    in_process.print_receipt(receipt)
    assert printer.last_output == in_process.last_output
