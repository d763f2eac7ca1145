"""Technician mode: the PIN gate, the status/devices/submissions screens, and what their buttons do.

Runs on the GUI thread. Screens emit intents; this controller calls the service facades and
writes every action to the audit log (DESIGN §5).
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any

from core.logging_setup import audit
from core.pin import PIN_STATE_FILE, PinGate
from kiosk.services.context import AppContext
from screens.scan.routing import begin_scan, end_scan
from screens.technician.devices import TechnicianDevicesScreen
from screens.technician.diagnostics import TechnicianDiagnosticsScreen
from screens.technician.doctor import TechnicianDoctorScreen
from screens.technician.enrol import TechnicianEnrolScreen
from screens.technician.pin_pad import PinPadScreen
from screens.technician.status import TechnicianStatusScreen
from screens.technician.submissions import TechnicianSubmissionsScreen
from screens.technician.words import code_kind, detail_text, measured_text, message

if TYPE_CHECKING:
    from kiosk.services.printer import PrintOutcome

log = logging.getLogger(__name__)


class TechnicianController:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        sec = ctx.config.security
        gate = PinGate([sec.technician_pin_hash, sec.operator_pin_hash], sec.lockout_after_failures,
                       sec.lockout_base_seconds, state_path=ctx.data_dir / PIN_STATE_FILE)
        nav, flow = ctx.navigator, ctx.flow
        self.pin = nav.add(PinPadScreen(gate))
        self.status = nav.add(TechnicianStatusScreen())
        self.devices = nav.add(TechnicianDevicesScreen())
        self.submissions = nav.add(TechnicianSubmissionsScreen())
        self.enrol = nav.add(TechnicianEnrolScreen())
        self.diagnostics = nav.add(TechnicianDiagnosticsScreen())
        self.doctor = nav.add(TechnicianDoctorScreen())
        for step in ("technician", "technician.devices", "technician.submissions", "technician.enrol",
                     "technician.diagnostics", "technician.doctor"):
            flow.flow.register(step, sec.technician_idle_seconds)
        self._scan_widget: Any = None

        self.pin.unlocked.connect(self._unlocked)
        self.status.exit_requested.connect(self._exit)
        self.status.sync_now_requested.connect(self.sync_now)
        self.status.test_print_requested.connect(self.test_print)
        self.status.devices_requested.connect(lambda: flow.go("technician.devices"))
        self.status.submissions_requested.connect(lambda: flow.go("technician.submissions"))
        self.status.enrol_requested.connect(lambda: flow.go("technician.enrol"))
        self.status.diagnostics_requested.connect(lambda: flow.go("technician.diagnostics"))
        self._sync_status: dict[str, Any] = dict(ctx.bus.sync_status)  # what was reported before this was built
        self._device_states: dict[str, str] = dict(ctx.bus.device_states)
        ctx.bus.sync_status_changed.connect(lambda status: self._sync_status.update(status or {}))
        ctx.bus.device_state_changed.connect(lambda name, state, _d: self._device_states.__setitem__(name, state))
        self._start_diagnostics()
        from kiosk.appliance.doctor_controller import DoctorController

        self.status.doctor_requested.connect(lambda: flow.go("technician.doctor"))
        self._doctor = DoctorController(ctx, self.doctor, self._device_states)
        ctx.bus.sync_status_changed.connect(self.status.set_sync_status)
        self._catalogue_info: dict[str, Any] = {}
        ctx.bus.catalogue_changed.connect(self._catalogue_changed)
        if ctx.bus.catalogue_info:  # announced before this area was built
            self._catalogue_changed(dict(ctx.bus.catalogue_info))
        ctx.bus.device_state_changed.connect(self.status.set_device_state)
        ctx.bus.device_state_changed.connect(self.devices.set_device_state)

        self.devices.camera_test_toggled.connect(self.camera_test)
        self.devices.printer_test_requested.connect(self.test_print)
        self.devices.printer_mode_chosen.connect(self.printer_mode)
        self.devices.health_test_requested.connect(self.health_test)
        printer = ctx.config.printer
        self.devices.set_printer_simulated(printer.kind == "simulated", printer.simulated_mode)

        self.enrol.enrol_requested.connect(self.enrol_kiosk)
        self.enrol.scan_toggled.connect(self.enrol_scan)
        self.enrol.set_configured_url(ctx.config.hub.url)
        self._enrol_scan_widget: Any = None
        self._attach_keyboard()
        self.submissions.refresh_requested.connect(self.list_submissions)
        self.submissions.requeue_requested.connect(self.requeue)
        self.submissions.reprint_requested.connect(self.reprint)

    # ---- actions ----------------------------------------------------------------------------------
    def _unlocked(self) -> None:
        audit("technician_mode_entered")
        self.ctx.bus.technician_mode_changed.emit(True)
        self.ctx.flow.go("technician")

    def _exit(self) -> None:
        audit("technician_mode_left")
        self.ctx.bus.technician_mode_changed.emit(False)
        self.ctx.flow.home("technician")

    def sync_now(self) -> None:
        sync = self.ctx.services.sync
        if sync is None:
            self.status.report_unavailable("sync")
            return
        audit("sync_now")
        self.status.report_sync({"started": True})
        sync.sync_now(self.status.report_sync)

    def test_print(self) -> None:
        printer = self.ctx.services.printer
        if printer is None:
            self.status.report_unavailable("printer")
            return
        audit("printer_test_page")

        def done(outcome: PrintOutcome) -> None:
            self.status.report_print(outcome.ok, outcome.reason_code)
            self.devices.show_print_result(self.status.feedback.text())

        printer.test_page(done)

    def printer_mode(self, mode: str) -> None:
        printer = self.ctx.services.printer
        if printer is not None:
            audit("printer_simulated_mode", mode=mode)
            printer.set_simulated_mode(mode)

    def camera_test(self, on: bool) -> None:
        scanner = self.ctx.services.scanner
        if scanner is None:
            self.devices.show_scan(message("no_camera"))
            return
        if not on:
            end_scan(self.ctx)
            return
        if self._scan_widget is None:
            from screens.scan.scan_widget import ScanWidget

            self._scan_widget = ScanWidget()
            self.devices.attach_scan_widget(self._scan_widget)
        from core.formats import Kind

        audit("camera_test")
        begin_scan(self.ctx, self._scan_widget, set(Kind), self._scanned)

    def _scanned(self, result: Any) -> None:
        # Only the kind and size: the technician screen never shows a resident's ID-card data.
        kind = getattr(getattr(result, "kind", None), "value", "?")
        reason = getattr(result, "reason", "")
        self.devices.show_scan(f"✓ {code_kind(kind)}" + (f" ({detail_text(reason)})" if reason else ""))

    def health_test(self, measure: str) -> None:
        health = self.ctx.services.health
        if health is None:
            self.devices.show_health_result(message("no_health"))
            return
        from core.health.model import Measure

        audit("health_device_test", measure=measure)
        self.devices.show_health_result("…")
        health.measure(Measure(measure), lambda _progress: None,
                       lambda outcome: self.devices.show_health_result(measured_text(outcome)), timeout_s=60)

    def _start_diagnostics(self) -> None:
        service = self.ctx.services.diagnostics
        if service is None:
            return
        service.tailed.connect(self.diagnostics.show_log)
        service.exported.connect(self.diagnostics.show_export)
        self.diagnostics.refresh_requested.connect(lambda: service.tail(300))
        self.diagnostics.export_requested.connect(self._export_diagnostics)

    def _catalogue_changed(self, info: dict[str, Any]) -> None:
        self._catalogue_info = dict(info or {})
        self.status.set_catalogue(self._catalogue_info)

    def _export_diagnostics(self) -> None:
        audit("diagnostics_exported")
        if self.ctx.services.diagnostics is not None:
            sync = dict(self._sync_status) | {"catalogue": self._catalogue_info}  # summary.json names the version
            self.ctx.services.diagnostics.export(dict(self._device_states), sync)

    def _attach_keyboard(self) -> None:
        try:
            from screens.keyboard.keyboard import OnScreenKeyboard
        except ModuleNotFoundError:
            return
        keyboard = OnScreenKeyboard()
        keyboard.set_target(self.enrol.code, "letters", telex=False)
        self.enrol.attach(None, keyboard)

    def enrol_scan(self, on: bool) -> None:
        scanner = self.ctx.services.scanner
        if scanner is None:
            self.enrol.show_result(False, message("no_camera"))
            return
        if not on:
            end_scan(self.ctx)
            return
        if self._enrol_scan_widget is None:
            from screens.scan.scan_widget import ScanWidget

            self._enrol_scan_widget = ScanWidget()
            self.enrol.attach(self._enrol_scan_widget, None)
        from core.formats import Kind

        def scanned(result: Any) -> None:
            end_scan(self.ctx)
            self.enrol.scan_button.setChecked(False)
            self.enrol.fill(result.value.hub_url, result.value.code)

        begin_scan(self.ctx, self._enrol_scan_widget, {Kind.ENROLMENT}, scanned)

    def enrol_kiosk(self, hub_url: str, code: str) -> None:
        hub = self.ctx.services.hub
        if hub is None:
            self.enrol.show_result(False, message("no_sync"))
            return
        audit("enrolment_requested", hub=hub_url or self.ctx.config.hub.url)

        def done(result: Any) -> None:
            if result.ok:
                audit("enrolled", kiosk_id=result.data.get("kiosk_id"), hub=result.data.get("hub_url"))
                if self.ctx.services.sync is not None:
                    self.ctx.services.sync.reload_hub()
            self.enrol.show_result(result.ok, self.enrol.describe(result))

        hub.enrol(hub_url, code, done)

    def list_submissions(self, status: str) -> None:
        storage = self.ctx.services.storage
        if storage is None:
            return
        if status == "receipt_failed":
            storage.receipts_to_reprint(self.submissions.show_rows)
        else:
            storage.list_submissions(status, self.submissions.show_rows)

    def reprint(self, uuid: str) -> None:
        """Rebuild the receipt of a saved submission and print it (DESIGN §3.6: the data was never lost)."""
        storage, printer = self.ctx.services.storage, self.ctx.services.printer
        if storage is None or printer is None:
            self.status.report_unavailable("printer")
            return
        audit("receipt_reprinted", uuid=uuid)

        def printed(outcome: PrintOutcome) -> None:
            if outcome.ok:
                storage.mark_receipt(uuid, True)
            self.submissions.show_feedback(self.status.feedback_for_print(outcome.ok, outcome.reason_code))
            self.list_submissions("receipt_failed")

        def got(source: Any) -> None:
            if source is None:
                return
            submit = self.ctx.services.submit
            if submit is None:
                return
            receipt = submit.reprint_copy(source)
            printer.print_receipt(receipt, printed, job_id=f"{uuid}:reprint:{time.monotonic_ns()}")

        storage.receipt_source(uuid, got)

    def requeue(self, uuid: str) -> None:
        storage = self.ctx.services.storage
        if storage is None:
            return
        audit("submission_requeued", uuid=uuid)

        def done(view: Any) -> None:
            self.submissions.show_feedback(
                message("requeued", getattr(view, "local_ref", "")) if view else message("not_found"))
            self.list_submissions("rejected")
            if self.ctx.services.sync is not None:
                self.ctx.services.sync.notify_enqueued()

        storage.requeue(uuid, done)

