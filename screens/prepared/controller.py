"""Redeeming a dossier prepared at home: scan → ask the hub (once) → open the dossier pre-filled. GUI thread.

Logs carry the visit id and the outcome, never the code or the answers (personal data)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from core.formats.prepared import accepted_answers
from core.formats.result import Kind
from screens.scan.routing import begin_scan, end_scan

if TYPE_CHECKING:
    from kiosk.services.context import AppContext

log = logging.getLogger(__name__)
HUB_PROBLEMS = {"draft_invalid", "draft_expired", "draft_used", "offline", "not_configured"}


class PreparedController(QObject):
    def __init__(self, ctx: AppContext, screen: Any) -> None:
        super().__init__(screen)
        self.ctx, self.screen = ctx, screen
        self._waiting: str | None = None  # the visit a redemption answer belongs to
        screen.scan_requested.connect(lambda widget: begin_scan(ctx, widget, {Kind.DRAFT}, self.scanned))
        screen.scan_stopped.connect(lambda: end_scan(ctx))
        screen.fill_here_requested.connect(lambda: ctx.flow.go("dossier"))
        screen.redeem_requested.connect(self.redeem)
        ctx.bus.language_changed.connect(self._language)

    def _visit(self) -> str:
        visit = self.ctx.flow.visit
        return str(getattr(visit, "id", "-")) if visit is not None else "-"

    def scanned(self, result: Any) -> None:
        end_scan(self.ctx)
        if getattr(result, "kind", None) is not Kind.DRAFT or result.value is None:
            self.screen.show_problem("draft_invalid")
            return
        self.redeem(result.value.payload)

    def redeem(self, payload: str) -> None:
        """Ask the hub for the prepared answers (the dossier pick screen's scan hands a draft over here too)."""
        hub = self.ctx.services.hub
        if hub is None:
            log.warning("visit %s: prepared dossier without a hub service", self._visit())
            self.screen.show_problem("offline")
            return
        self.screen.show_busy()
        visit = self._waiting = self._visit()
        hub.redeem_draft(payload, lambda result: self._redeemed(visit, result))

    def _redeemed(self, visit: str, result: Any) -> None:
        if visit != self._visit() or self._waiting != visit:
            return  # the resident left, or another visit began: this answer is not theirs
        self._waiting = None
        if not getattr(result, "ok", False):
            code = getattr(result, "error_code", None) or "error"
            log.info("visit %s: prepared dossier refused (%s)", visit, code)
            self.screen.show_problem("offline" if code == "not_configured" else code if code in HUB_PROBLEMS
                                     else "error")
            return
        data = result.data if isinstance(result.data, dict) else {}
        catalogue = self.ctx.services.catalogue
        procedure = catalogue.get(str(data.get("procedure_code", ""))) if catalogue is not None else None
        if procedure is None:
            log.warning("visit %s: prepared dossier for a procedure not in this station's catalogue", visit)
            self.screen.show_problem("not_in_catalogue")
            return
        answers = accepted_answers(procedure.form_fields, data.get("answers"))
        log.info("visit %s: prepared dossier opened for %s (%d answers)", visit, procedure.code, len(answers))
        from screens.dossier.prepared import open_prepared

        open_prepared(self.ctx, procedure.code, answers)

    def _language(self, language: str) -> None:
        self.screen.retranslate()
