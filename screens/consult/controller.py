"""The consultation journey: consent → finding a doctor → the call → the advice (printed), or a call-back
request when nobody can answer. Screens' intents → ConsultService; its events → screens. GUI thread."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

from screens.consult.call import ConsultCallScreen
from screens.consult.consent import ConsultConsentScreen
from screens.consult.model import clean_phone
from screens.consult.status import ConsultStatusScreen

if TYPE_CHECKING:
    from kiosk.services.context import AppContext
    from kiosk.services.printer import PrintOutcome
    from kiosk.services.protocols import ConsultApi
    from kiosk.services.storage import EnqueueOutcome

log = logging.getLogger(__name__)


class ConsultController(QObject):
    def __init__(self, ctx: AppContext, consent: ConsultConsentScreen, status: ConsultStatusScreen,
                 call: ConsultCallScreen) -> None:
        super().__init__()
        self.ctx, self.consent, self.status, self.call = ctx, consent, status, call
        self.readings: dict[str, Any] = {}
        self.resident: dict[str, Any] = {}
        self.note: dict[str, Any] | None = None
        self.duty_hours = ""
        self.in_call = False
        self._wait = QTimer(self)
        self._wait.setSingleShot(True)
        self._wait.timeout.connect(self._waited_too_long)
        self._ended_reason = ""
        consent.call_requested.connect(self._call)
        consent.return_requested.connect(ctx.flow.back)
        status.cancel_requested.connect(self._hangup)
        status.callback_requested.connect(self._callback)
        status.print_requested.connect(self._print)
        status.finish_requested.connect(lambda: ctx.flow.home("finished"))
        call.end_requested.connect(self._hangup)
        call.volume_changed.connect(self._volume)
        self._wired: Any = None
        self._wire()
        ctx.flow.visit_reset.connect(self._visit_reset)

    def _wire(self) -> None:
        """Listen to the service (built after the screens are installed, so looked up again on use)."""
        service = self.service
        if service is None or service is self._wired:
            return
        self._wired = service
        self.call.set_volume(service.settings.volume)
        service.event.connect(self._on_event)
        service.remote_frame.connect(self.call.show_remote)
        service.local_frame.connect(self.call.show_self)

    def _volume(self, percent: int) -> None:
        if self.service is not None:
            self.service.set_volume(percent)

    @property
    def service(self) -> ConsultApi | None:
        return self.ctx.services.consult

    @property
    def available(self) -> bool:
        return bool(self.service is not None and self.service.enabled)

    def open(self, readings: dict[str, Any] | None = None, resident: dict[str, Any] | None = None) -> None:
        """Entry from the health results or the health tile: shows what would be shared, asks for consent."""
        self._wire()
        self.readings, self.resident, self.note = dict(readings or {}), dict(resident or {}), None
        self.consent.set_shared(bool(self.readings), bool(self.resident))
        self.ctx.flow.go("consult.consent")

    # -- intents -------------------------------------------------------------------------------
    def _call(self) -> None:
        if not self.consent.consent or self.service is None:
            return
        self._wire()
        self._ended_reason, self.note = "", None
        card = self.ctx.flow.visit.identity
        link_id = card.id_number if self.consent.link and card is not None else None
        if not self.service.start_call(self.readings, self.resident, link_id):
            return
        self.in_call = True
        log.info("visit %s: consultation requested", self.ctx.flow.visit.id)
        self.status.set_state("connecting")
        self.ctx.flow.go("consult.status")
        self._wait.start(int(self.service.settings.wait_timeout_seconds * 1000))

    def _hangup(self) -> None:
        if self.service is not None and self.in_call:
            self.service.hangup()

    def _waited_too_long(self) -> None:
        self._ended_reason = "timeout"
        self._hangup()

    def _callback(self, typed: str) -> None:
        phone = clean_phone(typed)
        if phone is None:
            self.status.set_state("unavailable", reason=self._ended_reason, duty_hours=self.duty_hours,
                                  error=self.tr("Please enter a phone number of 10 digits, starting with 0."))
            return
        service = self.service
        reason = self._ended_reason or "no-doctor"
        if service is None or not service.request_callback(phone, self.resident.get("name", ""), self.readings,
                                                           reason, self._callback_saved):
            self.status.set_state("unavailable", reason=reason, duty_hours=self.duty_hours,
                                  error=self.tr("Saving is not available on this station."))

    def _callback_saved(self, outcome: EnqueueOutcome) -> None:
        if outcome.ok:
            log.info("visit %s: call-back request queued as %s", self.ctx.flow.visit.id, outcome.uuid)
            self.status.set_state("callback_saved", reference=outcome.local_ref)
        else:
            self.status.set_state("unavailable", reason=self._ended_reason, duty_hours=self.duty_hours,
                                  error=self.tr("The request could not be saved. Please ask the staff."))

    def _print(self) -> None:
        if self.note is None or self.service is None:
            return
        self.status.set_print_state("printing")
        if not self.service.print_note(self.note, self._printed):
            self.status.set_print_state("failed")

    def _printed(self, outcome: PrintOutcome) -> None:
        self.status.set_print_state("printed" if outcome.ok else "failed")

    # -- events of the call --------------------------------------------------------------------
    def _on_event(self, kind: str, data: dict[str, Any]) -> None:
        log.info("visit %s: consultation %s: %s", self.ctx.flow.visit.id, data.get("consultation_id"), kind)
        if kind == "queued":
            self.duty_hours = str(data.get("duty_hours") or "")
            self.status.set_state("waiting", **data)
        elif kind == "no-doctor":  # the peer ends by itself after this (no "ended" follows)
            self.duty_hours = str(data.get("duty_hours") or "")
            self._ended_reason = "no-doctor"
            self._ended("no-doctor")
        elif kind == "accepted":
            self._wait.stop()
            self.call.reset()
            self.call.set_state("connecting", str(data.get("doctor") or ""))
            self.ctx.flow.go("consult.call")
        elif kind in ("connected", "restored", "resumed"):
            self.call.set_state("connected")
        elif kind in ("reconnecting", "degraded"):
            self.call.set_state(kind)
        elif kind == "caption":
            self.call.show_caption(str(data.get("text", "")))
        elif kind == "note":
            self.note = data
            self._print()
        elif kind == "ended":
            self._ended(str(data.get("by", "")))

    def _ended(self, by: str) -> None:
        self._wait.stop()
        self.in_call = False
        reason = self._ended_reason or {"network": "network", "error": "network", "no-doctor": "no-doctor"}.get(by, "")
        if self.note is None and reason:
            self._ended_reason = reason
            self.status.set_state("unavailable", reason=reason, duty_hours=self.duty_hours)
        else:
            advice = "\n".join(t for t in ((self.note or {}).get("advice", ""), (self.note or {}).get("note", ""))
                               if t)
            self.status.set_state("ended", advice_text=advice)
        self.ctx.flow.go("consult.status")

    def _visit_reset(self, *_: Any) -> None:
        self._hangup()
        self._wait.stop()
        self.readings, self.resident, self.note, self._ended_reason = {}, {}, None, ""
