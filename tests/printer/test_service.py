"""PrinterService (GUI-thread facade): outcomes on the GUI thread, states on the bus, never a hang."""

from __future__ import annotations

import threading
import time
import weakref

import pytest
from PySide6.QtWidgets import QApplication

import devices.printer.driver as driver_module
import kiosk.services.printer as service_module
from devices.printer.encode import render_bytes
from devices.printer.samples import sample_receipt
from kiosk.services.printer import PrinterService, PrintOutcome
from tests.printer.conftest import make_config
from tests.printer.escpos_decode import decode
from tests.printer.helpers import qr_texts


@pytest.fixture
def start_service(qtbot, threads, bus):
    def start(**printer):
        states: list[tuple[str, str, str]] = []
        bus.device_state_changed.connect(lambda *args: states.append(args))
        service = PrinterService(make_config(**printer), threads, bus, poll_seconds=60)
        service.start()
        qtbot.waitUntil(lambda: bool(states), timeout=10000)
        return service, states

    return start


def run(qtbot, call) -> PrintOutcome:
    """Start a print through ``call(on_done)``; wait for on_done; check it ran once, on the GUI thread."""
    outcomes: list[tuple[PrintOutcome, bool]] = []
    call(lambda outcome: outcomes.append((outcome, threading.current_thread() is threading.main_thread())))
    qtbot.waitUntil(lambda: bool(outcomes), timeout=10000)
    qtbot.wait(50)
    [(outcome, on_gui_thread)] = outcomes
    assert on_gui_thread
    return outcome


def test_prints_and_exposes_the_bytes(qtbot, start_service):
    service, states = start_service()
    receipt = sample_receipt("payment")
    outcome = run(qtbot, lambda done: service.print_receipt(receipt, done))
    assert outcome.ok and outcome.reason_code == ""
    assert qr_texts(service.last_output(), 576) == [receipt.qr_payload]
    assert service.output_of(outcome.job_id) == service.last_output()
    assert states[-1] == ("printer", "ready", "")
    assert service.state == "ready"


def test_test_page(qtbot, start_service):
    service, _ = start_service()
    assert run(qtbot, service.test_page).ok
    assert qr_texts(service.last_output(), 576) == ["TCDS|TEST|Trạm công dân số"]


@pytest.mark.parametrize(("mode", "state"), [("paper_out", "fault"), ("offline", "absent")])
def test_failures_reach_caller_and_bus(qtbot, start_service, mode, state):
    service, states = start_service()
    service.set_simulated_mode(mode)
    qtbot.waitUntil(lambda: states[-1] == ("printer", state, mode), timeout=10000)
    outcome = run(qtbot, lambda done: service.print_receipt(sample_receipt("dossier"), done))
    assert not outcome.ok and outcome.reason_code == mode
    assert service.state == state and service.detail == mode
    # the technician fixes it: the next receipt prints
    service.set_simulated_mode("ok")
    qtbot.waitUntil(lambda: states[-1] == ("printer", "ready", ""), timeout=10000)
    assert run(qtbot, lambda done: service.print_receipt(sample_receipt("dossier"), done)).ok


def test_timeout_reports_once_and_does_not_reprint_by_itself(qtbot, start_service):
    # the health slip needs >= 0.95 s in "slow" mode; 0.5 s still lets its first chunk out on a stalled machine
    service, states = start_service(simulated_mode="slow", job_timeout_seconds=0.5)
    outcome = run(qtbot, lambda done: service.print_receipt(sample_receipt("health"), done))
    assert outcome.reason_code == "timeout"
    partial = service.last_output()
    full = render_bytes(sample_receipt("health"), width=576)
    assert partial and full.startswith(partial) and len(partial) < len(full)  # cut short: half a slip, no cut
    assert states[-1] == ("printer", "fault", "timeout")
    # only a person's explicit reprint sends it again
    service.set_simulated_mode("ok")
    outcomes: list[PrintOutcome] = []
    assert service.reprint(outcome.job_id, outcomes.append)
    qtbot.waitUntil(lambda: bool(outcomes), timeout=10000)
    assert outcomes[0].ok and decode(service.last_output()).cuts == 1
    assert not service.reprint("unknown-job", outcomes.append)
    service.forget()  # the visit ends: nothing of it stays in the printer service
    assert not service.reprint(outcome.job_id, outcomes.append)
    assert service.last_output() == b""


def test_submission_uuid_as_job_id_prints_once_then_needs_an_explicit_reprint(qtbot, start_service):
    service, _ = start_service()
    uuid = "2f1c7d0e-5b8a-4c61-9d3e-7a0b1c2d3e4f"
    first = run(qtbot, lambda done: service.print_receipt(sample_receipt("dossier"), done, job_id=uuid))
    assert first.ok and first.job_id == uuid
    again = run(qtbot, lambda done: service.print_receipt(sample_receipt("dossier"), done, job_id=uuid))
    assert again.reason_code == "error"  # no second receipt by accident
    assert run(qtbot, lambda done: service.reprint(uuid, done)).ok


def test_stuck_worker_is_answered_by_the_watchdog(qtbot, start_service, monkeypatch):
    monkeypatch.setattr(service_module, "WATCHDOG_MARGIN_SECONDS", 0.0)
    monkeypatch.setattr(driver_module, "SLOW_DELAY_SECONDS", 0.6)  # one write takes longer than the job may
    service, states = start_service(simulated_mode="slow", job_timeout_seconds=0.2)
    outcomes: list[PrintOutcome] = []
    service.print_receipt(sample_receipt("report"), outcomes.append)
    qtbot.waitUntil(lambda: bool(outcomes), timeout=10000)
    assert outcomes == [PrintOutcome(False, "timeout", outcomes[0].job_id)]
    # the worker's own late answer (its state, then its result, queued in that order) must not call on_done again
    qtbot.waitUntil(lambda: states[-1] == ("printer", "fault", "timeout"), timeout=10000)
    qtbot.wait(100)
    assert len(outcomes) == 1


def test_no_printer_and_not_started_answer_offline(qtbot, threads, bus):
    for service in (PrinterService(make_config(kind="none"), threads, bus), PrinterService(make_config(), threads)):
        outcome = run(qtbot, lambda done, s=service: s.print_receipt(sample_receipt("dossier"), done))
        assert outcome.reason_code == "offline"


def test_a_raising_callback_does_not_break_the_service(qtbot, start_service):
    service, _ = start_service()

    def bad(_outcome):
        raise RuntimeError("caller bug")

    service.print_receipt(sample_receipt("dossier"), bad)
    assert run(qtbot, lambda done: service.print_receipt(sample_receipt("dossier"), done)).ok



def test_a_service_dropped_after_its_watchdog_fired_is_freed_without_a_crash(qtbot, start_service, monkeypatch):
    """The watchdog deletes itself later from inside its own timeout; it must not be what keeps the service alive
    (its deferred delete then freed the service from inside the watchdog's destructor: a double delete, a crash)."""
    monkeypatch.setattr(service_module, "WATCHDOG_MARGIN_SECONDS", 0.0)
    monkeypatch.setattr(driver_module, "SLOW_DELAY_SECONDS", 0.6)
    service, _ = start_service(simulated_mode="slow", job_timeout_seconds=0.2)
    outcomes: list[PrintOutcome] = []
    service.print_receipt(sample_receipt("report"), outcomes.append)
    deadline = time.monotonic() + 10
    while not outcomes and time.monotonic() < deadline:  # like a kiosk idling: no deferred delete is run here
        QApplication.processEvents()
        time.sleep(0.01)
    assert outcomes
    gone = weakref.ref(service)
    del service
    qtbot.wait(50)  # an event loop runs the deferred deletes
    assert gone() is None


def test_a_job_in_flight_when_the_app_closes_leaves_no_timer_running(qtbot, start_service):
    """Its watchdog would otherwise outlive the app; freed later from another thread, it crashes the GUI thread."""
    from PySide6.QtCore import QTimer

    service, _ = start_service(simulated_mode="slow")
    service.print_receipt(sample_receipt("health"), lambda _outcome: None)
    assert any(t.isActive() for t in service.findChildren(QTimer))
    service.shutdown()
    assert not any(t.isActive() for t in service.findChildren(QTimer))
