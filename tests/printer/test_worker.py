"""PrinterWorker in a real QThread with the simulated printer: results, states, no double receipts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Signal

from devices.printer.printer_worker import PrinterWorker
from devices.printer.samples import sample_receipt
from tests.printer.conftest import make_config
from tests.printer.helpers import qr_texts
from tests.qt_relay import relay_of


class Sender(QObject):
    """Calls the worker's slots the way the service does: queued, from the GUI thread."""

    submit = Signal(str, object, bool)
    mode = Signal(str)


@pytest.fixture
def start_worker(qtbot, threads):
    def start(**printer) -> tuple[object, Sender]:
        worker = PrinterWorker(make_config(**printer).printer, poll_seconds=60)
        sender = Sender()
        sender.submit.connect(worker.submit)
        sender.mode.connect(worker.set_simulated_mode)
        relay = relay_of(worker)  # wait on the worker's signals as seen on the GUI thread (tests/qt_relay.py)
        with qtbot.waitSignal(relay.state_changed, timeout=10000,
                              check_params_cb=lambda state, _detail: state in ("ready", "absent", "fault")):
            threads.start(worker, "printer")
        return relay, sender

    return start


def test_prints_a_job_and_reports_busy_then_ready(qtbot, start_worker):
    relay, sender = start_worker()
    relay.clear()
    receipt = sample_receipt("dossier")
    with qtbot.waitSignal(relay.printed, timeout=10000) as blocker:
        sender.submit.emit("job-1", receipt, False)
    assert blocker.args == ["job-1"]
    assert relay.args("state_changed") == [("busy", "job-1"), ("ready", "")]
    [(job, data)] = relay.args("job_output")  # the job's bytes arrive before its result
    assert job == "job-1"
    assert qr_texts(data, 576) == [receipt.qr_payload]


@pytest.mark.parametrize(("mode", "state"), [("paper_out", "fault"), ("offline", "absent")])
def test_failures_are_reported_with_reason_and_state(qtbot, start_worker, mode, state):
    relay, sender = start_worker(simulated_mode=mode)
    with qtbot.waitSignal(relay.print_failed, timeout=10000) as failed:
        sender.submit.emit("job-2", sample_receipt("dossier"), False)
    assert failed.args == ["job-2", mode]
    assert relay.args("state_changed")[-1] == (state, mode)  # what the operator sees (known from the idle poll)


def test_job_that_sent_bytes_is_not_resent_until_an_explicit_reprint(qtbot, start_worker):
    # 20 chunks of the health slip take >= 0.95 s in "slow" mode: it always times out, and 0.5 s leaves room for
    # a loaded machine to stall before the first chunk (which would send nothing)
    relay, sender = start_worker(simulated_mode="slow", job_timeout_seconds=0.5)
    with qtbot.waitSignal(relay.print_failed, timeout=10000) as failed:
        sender.submit.emit("job-3", sample_receipt("health"), False)
    assert failed.args == ["job-3", "timeout"]
    assert len(relay.args("job_output")) == 1 and relay.args("job_output")[0][1]  # some bytes reached the printer
    # the same job again, without a person asking: refused, nothing sent
    with qtbot.waitSignal(relay.print_failed, timeout=10000) as refused:
        sender.submit.emit("job-3", sample_receipt("health"), False)
    assert refused.args == ["job-3", "error"]
    assert len(relay.args("job_output")) == 1
    # an explicit reprint on a working printer goes through
    sender.mode.emit("ok")
    with qtbot.waitSignal(relay.printed, timeout=10000):
        sender.submit.emit("job-3", sample_receipt("health"), True)
    assert len(relay.args("job_output")) == 2


def test_recovers_when_the_printer_comes_back(qtbot, start_worker):
    relay, sender = start_worker(simulated_mode="offline")
    with qtbot.waitSignal(relay.state_changed, timeout=10000, check_params_cb=lambda s, d: s == "ready"):
        sender.mode.emit("ok")
    with qtbot.waitSignal(relay.printed, timeout=10000):
        sender.submit.emit("job-4", sample_receipt("report"), False)


def test_no_printer_configured(qtbot, threads):
    worker = PrinterWorker(make_config(kind="none").printer)
    sender = Sender()
    sender.submit.connect(worker.submit)
    relay = relay_of(worker)
    with qtbot.waitSignal(relay.state_changed, timeout=10000) as state:
        threads.start(worker, "printer")
    assert state.args == ["absent", "not_configured"]
    with qtbot.waitSignal(relay.print_failed, timeout=10000) as failed:
        sender.submit.emit("job-5", sample_receipt("report"), False)
    assert failed.args == ["job-5", "offline"]


def test_job_that_sent_nothing_may_be_printed_again(qtbot, start_worker, tmp_path):
    """A USB-lp device node that is missing (unplugged): nothing sent, so the same job may go again later."""
    device = tmp_path / "usb" / "lp0"
    relay, sender = start_worker(kind="file", file_path=str(device))
    assert relay.args("state_changed")[-1] == ("absent", "offline")
    with qtbot.waitSignal(relay.print_failed, timeout=10000) as failed:
        sender.submit.emit("job-6", sample_receipt("dossier"), False)
    assert failed.args == ["job-6", "offline"]
    device.parent.mkdir()  # plugged back in
    with qtbot.waitSignal(relay.printed, timeout=10000):
        sender.submit.emit("job-6", sample_receipt("dossier"), False)
    assert qr_texts(device.read_bytes(), 576) == [sample_receipt("dossier").qr_payload]
    assert relay.args("job_output") == []  # real transports do not echo their bytes
