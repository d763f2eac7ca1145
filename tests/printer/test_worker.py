"""PrinterWorker in a real QThread with the simulated printer: results, states, no double receipts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Signal, Slot

from devices.printer.printer_worker import PrinterWorker
from devices.printer.samples import sample_receipt
from tests.printer.conftest import make_config
from tests.printer.helpers import qr_texts


class Sender(QObject):
    """Calls the worker's slots the way the service does: queued, from the GUI thread."""

    submit = Signal(str, object, bool)
    mode = Signal(str)


class Relay(QObject):
    """The worker's signals re-emitted on the GUI thread (as the service receives them), so qtbot.waitSignal's
    own timer is never touched from the worker thread. Keeps a history too."""

    printed = Signal(str)
    print_failed = Signal(str, str)
    state_changed = Signal(str, str)

    def __init__(self, worker: PrinterWorker) -> None:
        super().__init__()
        self.states: list[tuple[str, str]] = []
        self.outputs: list[tuple[str, bytes]] = []
        worker.printed.connect(self._printed)
        worker.print_failed.connect(self._failed)
        worker.state_changed.connect(self._state)
        worker.job_output.connect(self._output)

    @Slot(str)
    def _printed(self, job: str) -> None:
        self.printed.emit(job)

    @Slot(str, str)
    def _failed(self, job: str, reason: str) -> None:
        self.print_failed.emit(job, reason)

    @Slot(str, str)
    def _state(self, state: str, detail: str) -> None:
        self.states.append((state, detail))
        self.state_changed.emit(state, detail)

    @Slot(str, object)
    def _output(self, job: str, data: object) -> None:
        self.outputs.append((job, bytes(data)))


@pytest.fixture
def start_worker(qtbot, threads):
    def start(**printer) -> tuple[Relay, Sender]:
        worker = PrinterWorker(make_config(**printer).printer, poll_seconds=60)
        sender = Sender()
        sender.submit.connect(worker.submit)
        sender.mode.connect(worker.set_simulated_mode)
        relay = Relay(worker)
        with qtbot.waitSignal(relay.state_changed, timeout=5000,
                              check_params_cb=lambda state, _detail: state in ("ready", "absent", "fault")):
            threads.start(worker, "printer")
        return relay, sender

    return start


def test_prints_a_job_and_reports_busy_then_ready(qtbot, start_worker):
    worker, sender = start_worker()
    worker.states.clear()
    receipt = sample_receipt("dossier")
    with qtbot.waitSignal(worker.printed, timeout=10000) as blocker:
        sender.submit.emit("job-1", receipt, False)
    assert blocker.args == ["job-1"]
    assert worker.states == [("busy", "job-1"), ("ready", "")]
    [(job, data)] = worker.outputs  # the job's bytes arrive before its result
    assert job == "job-1"
    assert qr_texts(data, 576) == [receipt.qr_payload]


@pytest.mark.parametrize(("mode", "state"), [("paper_out", "fault"), ("offline", "absent")])
def test_failures_are_reported_with_reason_and_state(qtbot, start_worker, mode, state):
    worker, sender = start_worker(simulated_mode=mode)
    with qtbot.waitSignal(worker.print_failed, timeout=10000) as failed:
        sender.submit.emit("job-2", sample_receipt("dossier"), False)
    assert failed.args == ["job-2", mode]
    assert worker.states[-1] == (state, mode)  # what the operator sees (already known from the idle poll)


def test_job_that_sent_bytes_is_not_resent_until_an_explicit_reprint(qtbot, start_worker):
    worker, sender = start_worker(simulated_mode="slow", job_timeout_seconds=0.1)
    outputs = worker.outputs
    with qtbot.waitSignal(worker.print_failed, timeout=10000) as failed:
        sender.submit.emit("job-3", sample_receipt("health"), False)
    assert failed.args == ["job-3", "timeout"]
    assert len(outputs) == 1 and outputs[0][1]  # some bytes reached the printer
    # the same job again, without a person asking: refused, nothing sent
    with qtbot.waitSignal(worker.print_failed, timeout=5000) as refused:
        sender.submit.emit("job-3", sample_receipt("health"), False)
    assert refused.args == ["job-3", "error"]
    assert len(outputs) == 1
    # an explicit reprint on a working printer goes through
    sender.mode.emit("ok")
    with qtbot.waitSignal(worker.printed, timeout=10000):
        sender.submit.emit("job-3", sample_receipt("health"), True)
    assert len(outputs) == 2


def test_recovers_when_the_printer_comes_back(qtbot, start_worker):
    worker, sender = start_worker(simulated_mode="offline")
    with qtbot.waitSignal(worker.state_changed, timeout=5000, check_params_cb=lambda s, d: s == "ready"):
        sender.mode.emit("ok")
    with qtbot.waitSignal(worker.printed, timeout=10000):
        sender.submit.emit("job-4", sample_receipt("report"), False)


def test_no_printer_configured(qtbot, threads):
    real = PrinterWorker(make_config(kind="none").printer)
    sender = Sender()
    sender.submit.connect(real.submit)
    worker = Relay(real)
    with qtbot.waitSignal(worker.state_changed, timeout=5000) as state:
        threads.start(real, "printer")
    assert state.args == ["absent", "not_configured"]
    with qtbot.waitSignal(worker.print_failed, timeout=5000) as failed:
        sender.submit.emit("job-5", sample_receipt("report"), False)
    assert failed.args == ["job-5", "offline"]


def test_job_that_sent_nothing_may_be_printed_again(qtbot, start_worker, tmp_path):
    """A USB-lp device node that is missing (unplugged): nothing sent, so the same job may go again later."""
    device = tmp_path / "usb" / "lp0"
    worker, sender = start_worker(kind="file", file_path=str(device))
    assert worker.states[-1] == ("absent", "offline")
    with qtbot.waitSignal(worker.print_failed, timeout=5000) as failed:
        sender.submit.emit("job-6", sample_receipt("dossier"), False)
    assert failed.args == ["job-6", "offline"]
    device.parent.mkdir()  # plugged back in
    with qtbot.waitSignal(worker.printed, timeout=10000):
        sender.submit.emit("job-6", sample_receipt("dossier"), False)
    assert qr_texts(device.read_bytes(), 576) == [sample_receipt("dossier").qr_payload]
    assert worker.outputs == []  # real transports do not echo their bytes
