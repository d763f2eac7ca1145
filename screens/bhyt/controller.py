"""The household BHYT journey's decisions: register or renew → ID card → members → period → dossier → fee.

GUI thread. It owns no data: the draft lives in the visit (wiped with it). The application is submitted as a
dossier of the BHYT procedure through the submit pipeline (durable in the queue first, then synced to the hub
with its idempotency key like every dossier); the done screen's "pay the fee now" takes the total to the payment
area, which pays it by VietQR like any other fee. Logs carry counts and codes, never a name or an ID number.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from core.bhyt import BhytError
from core.formats import Kind
from core.money import format_vnd
from kiosk.services.submit import ReceiptLine, SubmitRequest
from screens.bhyt import model
from screens.dossier.model import identity_json, kiosk_channel
from screens.scan.routing import begin_scan, end_scan

if TYPE_CHECKING:
    from core.catalogue import Procedure
    from kiosk.services.context import AppContext
    from kiosk.services.storage import EnqueueOutcome

log = logging.getLogger(__name__)
IDENTITY_STEP = "identity.scan"
STEPS = 4  # choose, ID card, members, period and contribution


class BhytController(QObject):
    def __init__(self, ctx: AppContext, screens: dict[str, Any]) -> None:
        super().__init__(screens["bhyt"])  # goes with the screens, and its connections with it
        self.ctx, self.s = ctx, screens
        self.language = ctx.config.station.language
        choose, members, member, quote = (screens[k] for k in ("bhyt", "bhyt.members", "bhyt.member", "bhyt.quote"))
        choose.action_chosen.connect(self.choose)
        members.add_requested.connect(lambda: ctx.flow.go("bhyt.member"))
        members.remove_requested.connect(self.remove)
        members.continue_requested.connect(self.to_quote)
        member.scan_requested.connect(lambda widget: begin_scan(ctx, widget, {Kind.ID_CARD}, self.scanned))
        member.scan_stopped.connect(lambda: end_scan(ctx))
        member.typed.connect(self.typed)
        quote.period_chosen.connect(self.period)
        quote.consent_changed.connect(self._consent)
        quote.submit_requested.connect(self.submit)
        ctx.navigator.screen_shown.connect(self._shown)
        ctx.bus.language_changed.connect(self._language)

    def _draft(self) -> model.HouseholdDraft:
        return model.draft_of(self.ctx.flow.visit)

    def procedure(self, action: str) -> Procedure | None:
        catalogue = self.ctx.services.catalogue
        return catalogue.get(model.procedure_code(action)) if catalogue is not None else None

    # -- register or renew ---------------------------------------------------------------------------------
    def choose(self, action: str) -> None:
        if self.procedure(action) is None:
            log.warning("BHYT %s: procedure %s is not in this station's catalogue", action,
                        model.procedure_code(action))
            self.s["bhyt"].show_missing()
            return
        draft = self._draft()
        draft.action = action
        if self.ctx.flow.visit.identity is not None:
            self.ctx.flow.go("bhyt.members")
        else:
            self.ctx.flow.go(IDENTITY_STEP, {"return_to": "bhyt.members", "purpose": "dossier", "step": [2, STEPS]})

    # -- members -------------------------------------------------------------------------------------------
    def _shown(self, screen: Any) -> None:
        if screen is self.s["bhyt.members"] and not screen.sample:
            self._prefill_head()
            screen.show_members(self._draft().members)
        elif screen is self.s["bhyt.quote"] and self.ctx.flow.visit is not None and self._draft().members:
            screen.set_periods(model.periods())
            self._show_quote()

    def _prefill_head(self) -> None:
        """The head of household is the person whose card was scanned in the identity step: first on the list
        (once; removed by hand, they stay removed for this card)."""
        identity, draft = self.ctx.flow.visit.identity, self._draft()
        if identity is None or draft.head_id == identity.id_number:
            return
        draft.head_id = identity.id_number
        draft.members[:] = [m for m in draft.members if m.id_number != identity.id_number]
        head, errors = model.member_from_card(identity, draft.members)
        if head is not None:
            draft.members.insert(0, head)
        else:
            log.info("BHYT: the head of household was not pre-filled (%s)", ",".join(errors.values()))

    def remove(self, index: int) -> None:
        draft = self._draft()
        if 0 <= index < len(draft.members):
            del draft.members[index]
        self.s["bhyt.members"].show_members(draft.members)
        self.s["bhyt.members"].show_error("")

    def scanned(self, result: Any) -> None:
        if result.kind is not Kind.ID_CARD or result.value is None:  # the scanner only sends ID cards; be sure
            self.s["bhyt.member"].scan.show_feedback("unexpected")
            return
        end_scan(self.ctx)
        self._add(*model.member_from_card(result.value, self._draft().members), scanned=True)

    def typed(self, name: str, id_number: str, dob: str) -> None:
        self._add(*model.check_member(name, id_number, dob, self._draft().members), scanned=False)

    def _add(self, member: model.Member | None, errors: dict[str, str], scanned: bool) -> None:
        screen = self.s["bhyt.member"]
        if member is None:
            log.info("BHYT: a member was refused (%s, %s)", "scanned" if scanned else "typed",
                     ",".join(errors.values()))
            field, code = next(iter(errors.items()))
            screen.show_error(screen.error_text(code, model.MAX_MEMBERS, model.state_paid_age()[0]), field)
            if scanned and screen.page == "scan":  # the camera stays open for another person's card
                begin_scan(self.ctx, screen.scan, {Kind.ID_CARD}, self.scanned)
            return
        draft = self._draft()
        draft.members.append(member)
        log.info("BHYT: member %d added (%s)", len(draft.members), member.source)
        self.ctx.flow.go("bhyt.members")

    # -- period and contribution ---------------------------------------------------------------------------
    def to_quote(self) -> None:
        if not self._draft().members:
            self.s["bhyt.members"].show_error(self.s["bhyt.members"].nobody_text())
            return
        self.ctx.flow.go("bhyt.quote")

    def period(self, months: int) -> None:
        draft = self._draft()
        if months in model.periods():
            draft.months = months
        self._show_quote()

    def _show_quote(self) -> None:
        draft = self._draft()
        try:
            quote = model.contribution(draft)
        except BhytError as exc:  # no base salary in force, an emptied list: say it, never crash
            log.error("BHYT quote impossible: %s", exc)
            self.ctx.flow.fail("internal_error")
            return
        self.s["bhyt.quote"].show_quote(quote, [m.full_name for m in draft.members])

    def _consent(self, on: bool) -> None:
        if self.ctx.flow.visit is not None:
            self._draft().consent = on

    # -- submit --------------------------------------------------------------------------------------------
    def submit(self) -> None:
        visit, draft = self.ctx.flow.visit, self._draft()
        procedure = self.procedure(draft.action) if draft.action else None
        screen = self.s["bhyt.quote"]
        if procedure is None or model.ready(draft):
            log.error("BHYT submit refused: %s", "no procedure" if procedure is None else model.ready(draft))
            screen.set_busy(False)
            return
        name_vi = procedure.name_vi
        name = procedure.name_en if self.language == "en" and procedure.name_en else name_vi
        payload, personal, quote = model.submission(draft, identity_json(visit.identity), name_vi, self.language,
                                                     dt.date.today(), kiosk_channel(procedure) or "in_person")
        vi = self.language != "en"
        items = (ReceiptLine("Số người" if vi else "People", str(len(quote.members))),
                 ReceiptLine("Thời hạn" if vi else "Period", f"{quote.months} {'tháng' if vi else 'months'}"),
                 ReceiptLine("Số tiền đóng" if vi else "Contribution", format_vnd(quote.total_vnd)))
        request = SubmitRequest(kind="dossier", payload=payload, personal=personal, service_name=name,
                                resident_name=getattr(visit.identity, "full_name", "") or "", receipt_items=items,
                                fee=quote.total_vnd, done_params={"service": name})
        submit = self.ctx.services.submit
        if submit is None or not submit.submit(request, on_saved=self._saved):
            screen.set_busy(False)

    def _saved(self, outcome: EnqueueOutcome) -> None:
        self.s["bhyt.quote"].set_busy(False)
        if outcome.ok:  # it is in the queue now: keep no copy in memory
            log.info("BHYT application saved as %s", outcome.uuid)
            self._draft().wipe()

    def _language(self, language: str) -> None:
        self.language = language
