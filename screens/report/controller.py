"""The report journey's controller: turns "send" on the review screen into a saved submission, a receipt and
the shared done screen (kiosk.services.submit). GUI thread; talks only to service facades.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject

from screens.report import model
from screens.widgets.blocks import ui_language

if TYPE_CHECKING:
    from kiosk.services.context import AppContext
    from kiosk.services.storage import EnqueueOutcome

log = logging.getLogger(__name__)


class ReportController(QObject):
    def __init__(self, ctx: AppContext, review: Any, photo: Any) -> None:
        super().__init__(review)
        self.ctx = ctx
        self.review = review
        self.photo = photo
        review.submit_requested.connect(self.submit)
        photo.capture_requested.connect(self.capture)

    def photo_available(self) -> bool:
        return self.ctx.services.scanner is not None

    def capture(self) -> None:
        scanner = self.ctx.services.scanner
        if not self.photo_available():
            self.photo.add_photo(None)
            return
        scanner.capture_still(self.photo.add_photo)

    def submit(self) -> None:
        from kiosk.services.submit import ReceiptLine, SubmitRequest
        from screens.report.base import category_label, location_label

        visit = self.ctx.flow.visit
        draft = visit.data.get(model.DRAFT_KEY, {})
        try:
            payload, personal = model.build_submission(draft, visit.identity, ui_language())
        except ValueError:
            log.warning("report %s is incomplete: not sent", visit.id)
            self.review.save_failed()
            return
        request = SubmitRequest(
            kind="report", payload=payload, personal=personal, attachments=model.attachments(draft),
            service_name=QCoreApplication.translate("Report", "Report on security and order"),
            resident_name="" if payload["anonymous"] else visit.identity.full_name,
            receipt_items=(
                ReceiptLine(QCoreApplication.translate("Report", "About"), category_label(draft["category"])),
                ReceiptLine(QCoreApplication.translate("Report", "Where"), location_label(draft))),
            receipt_notes=(QCoreApplication.translate("Report", "In an emergency, call 113."),),
        )
        submit = self.ctx.services.submit
        if submit is None or not submit.submit(request, on_saved=self._saved):
            self.review.save_failed()  # another submission is still being saved

    def _saved(self, outcome: EnqueueOutcome) -> None:
        if not outcome.ok:
            self.review.save_failed()
