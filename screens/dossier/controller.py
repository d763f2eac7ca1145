"""The dossier journey's controller: turns the dossier screens' intents into flow steps and service calls.

GUI thread. It owns no data: the draft lives in the visit (wiped with it); services are looked up at use
time (``ctx.services`` is filled after the areas install themselves).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from core.formats import Kind
from kiosk.services.submit import ReceiptLine, SubmitRequest
from screens.dossier.common import STEPS, draft_of, procedure_name
from screens.dossier.model import build_submission, fee_for
from screens.scan.routing import begin_scan, end_scan

if TYPE_CHECKING:
    from kiosk.services.context import AppContext
    from kiosk.services.storage import EnqueueOutcome

log = logging.getLogger(__name__)
IDENTITY_STEP = "identity.scan"  # the shared ID-card sub-journey (screens/identity)
ADMIN_LEVEL_ORDER = {"commune": 0, "district": 1, "province": 2, "central": 3}


class DossierController(QObject):
    def __init__(self, ctx: AppContext, screens: dict[str, Any]) -> None:
        super().__init__(screens["dossier"])  # goes with the screens, and its connections with it
        self.ctx, self.s = ctx, screens
        self.language = ctx.config.station.language
        for name in ("dossier.form", "dossier.photos", "dossier.review"):  # the screens that read procedures
            screens[name].catalogue = self.catalogue
        pick, form, photos = screens["dossier"], screens["dossier.form"], screens["dossier.photos"]
        review, consent = screens["dossier.review"], screens["dossier.consent"]
        pick.search_changed.connect(self._search)
        pick.chosen.connect(self.choose)
        pick.scan_requested.connect(lambda w: self._scan(w, {Kind.PROCEDURE, Kind.DRAFT}, self._procedure_scanned))
        pick.scan_stopped.connect(self._end_scan)
        form.completed.connect(lambda: ctx.flow.go("dossier.photos"))
        photos.capture_requested.connect(self._capture)
        photos.preview_requested.connect(lambda w: self._scan(w, set(), lambda _result: None))
        photos.preview_stopped.connect(self._end_scan)
        photos.completed.connect(lambda: ctx.flow.go("dossier.review"))
        review.edit_requested.connect(lambda: ctx.flow.go("dossier.form"))
        review.completed.connect(lambda: ctx.flow.go("dossier.consent"))
        consent.submit_requested.connect(self.submit)
        ctx.bus.language_changed.connect(self._language)
        ctx.navigator.screen_shown.connect(self._shown)

    def catalogue(self) -> Any:
        return self.ctx.services.catalogue

    # -- procedure -----------------------------------------------------------------------------------------
    def _shown(self, screen: Any) -> None:
        if screen is self.s["dossier"]:
            self._search(screen.search.text())
            cat = self.catalogue()
            chosen = cat.get(screen.preselected) if cat is not None and screen.preselected else None
            screen.show_preselected(procedure_name(chosen, self.language))
        elif screen is self.s["dossier.photos"]:
            screen.set_capture_available(self.ctx.services.scanner is not None)

    def _search(self, text: str) -> None:
        cat = self.catalogue()
        if cat is None:
            self.s["dossier"].show_procedures([], self.language)
            return
        found = cat.search(text, limit=40) if text.strip() else sorted(cat.all(), key=self._sort_key)
        # a procedure without form fields (the hand-curated ones) cannot be filed from the station yet
        self.s["dossier"].show_procedures([p for p in found if p.form_fields], self.language)

    def _sort_key(self, procedure: Any) -> tuple[int, str, str]:
        """The ward's own procedures first (a station stands in the ward: residence registration is what most
        residents come for), then alphabetical as a Vietnamese reader expects ("Đăng ký" between "Cấp" and
        "Gia hạn")."""
        from core.formats.text import strip_diacritics

        name = procedure_name(procedure, self.language)
        level = ADMIN_LEVEL_ORDER.get(getattr(procedure, "admin_level", None) or "", len(ADMIN_LEVEL_ORDER))
        return level, strip_diacritics(name).casefold(), name

    def choose(self, code: str) -> None:
        cat = self.catalogue()
        if cat is None or cat.get(code) is None or not cat.get(code).form_fields:
            log.warning("procedure %s is not in the catalogue or has no form", code)
            return
        visit = self.ctx.flow.visit
        draft = draft_of(visit)
        if draft.code != code:  # another procedure: its form has other questions
            draft.code, draft.prefilled_for = code, ""
            draft.answers.clear()
            draft.prefilled.clear()
        if visit.identity is not None:  # already identified in this visit (e.g. came back to change procedure)
            self.ctx.flow.go("dossier.form")
        else:
            self.ctx.flow.go(IDENTITY_STEP, {"return_to": "dossier.form", "purpose": "dossier", "step": [2, STEPS]})

    # -- camera --------------------------------------------------------------------------------------------
    def _scan(self, widget: Any, purposes: set[Kind], on_result: Any) -> None:
        begin_scan(self.ctx, widget, purposes, on_result)

    def _end_scan(self) -> None:
        end_scan(self.ctx)

    def _procedure_scanned(self, result: Any) -> None:
        if result.kind is Kind.DRAFT:  # a dossier prepared at home: screens/prepared redeems it
            self._end_scan()
            self.ctx.flow.go("prepared", {"payload": result.value.payload})
            return
        cat = self.catalogue()
        procedure = cat.resolve(result.value) if cat is not None else None
        if procedure is None:
            self.s["dossier"].scan.show_feedback("unexpected")
            return
        self._end_scan()
        self.choose(procedure.code)

    def _capture(self) -> None:
        scanner = self.ctx.services.scanner
        if scanner is None:
            return
        from screens.dossier.photo_quality import check_photo_bytes

        def shot(data: Any) -> None:
            photos = self.s["dossier.photos"]
            if data:
                photos.show_shot(bytes(data), check_photo_bytes(bytes(data)).problems)
            else:
                photos.show_shot(None, ())

        scanner.capture_still(shot)

    # -- submit --------------------------------------------------------------------------------------------
    def submit(self) -> None:
        visit = self.ctx.flow.visit
        draft = draft_of(visit)
        cat = self.catalogue()
        procedure = cat.get(draft.code) if cat is not None else None
        if procedure is None or not draft.consent:
            log.error("submit without a procedure or consent ignored")
            self.s["dossier.consent"].set_busy(False)
            return
        from core.money import format_vnd
        from screens.prepared.note import next_time_note

        item = build_submission(procedure, draft, visit.identity, self.language)
        fee = fee_for(procedure) or None
        name_vi = procedure.name_vi
        items = (ReceiptLine("Lệ phí" if self.language == "vi" else "Fee",
                             format_vnd(fee) if fee else ("Không" if self.language == "vi" else "None")),)
        request = SubmitRequest(
            kind="dossier", payload=item.payload, personal=item.personal, attachments=item.attachments,
            service_name=name_vi if self.language == "vi" else procedure_name(procedure, "en"),
            resident_name=getattr(visit.identity, "full_name", "") or "", receipt_items=items, fee=fee,
            receipt_notes=(next_time_note(self.ctx.config.hub.url),),
            done_params={"service": procedure_name(procedure, self.language)})
        submit = self.ctx.services.submit
        if submit is None or not submit.submit(request, on_saved=lambda outcome: self._saved(outcome)):
            self.s["dossier.consent"].set_busy(False)

    def _saved(self, outcome: EnqueueOutcome) -> None:
        self.s["dossier.consent"].set_busy(False)
        if outcome.ok:  # it is in the queue now: keep no copy in memory
            draft = draft_of(self.ctx.flow.visit)
            draft.answers.clear()
            draft.photos.clear()

    # -- language ------------------------------------------------------------------------------------------
    def _language(self, language: str) -> None:
        self.language = language
        for screen in self.s.values():
            screen.language = language
            screen.retranslate()
        if self.ctx.navigator.current is self.s["dossier"]:
            self._shown(self.s["dossier"])
