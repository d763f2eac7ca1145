"""One procedure, readable by an older person: first a summary card (what to bring, the fee, how long it takes,
where to go), then the details in sections, big scroll buttons, a QR code that takes the official page to the
resident's phone, and "submit a dossier for this procedure". Portal codes ("1.004222") are for staff and
machines: a resident never sees them. GUI thread.

Params: {"code": "1.004222"}. The catalogue's texts are Vietnamese as published; names, summaries and results
also have an English version.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel

from screens.procedures.base import CatalogueScreen
from screens.procedures.model import (
    CatalogueGetter,
    Fact,
    money,
    official_url,
    summary_facts,
    vn_date,
)
from screens.procedures.model import fees as channel_fees
from screens.shell import theme
from screens.shell.screen import sentences
from screens.widgets.basics import big_button, card, label, title
from screens.widgets.blocks import ScrollPanel, page_layout, panel_is_short, plain_label, qr_pixmap, ui_language

QR_PX = 300


class ProcedureDetailScreen(CatalogueScreen):
    screen_id = "procedures.detail"

    def __init__(self, catalogue: CatalogueGetter) -> None:
        self.code = ""
        super().__init__(catalogue)

    def build(self) -> None:
        outer = page_layout(self, (40, 16, 40, 12), 10)
        self.heading = title()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.meta = plain_label(name="Subtitle")
        self.panel = ScrollPanel()
        side_frame, side = card()
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_px = round(QR_PX * theme.screen_panel_scale())  # the same millimetres on a smaller panel
        self.qr.setFixedSize(self.qr_px + 20, self.qr_px + 20)
        self.qr_caption = label()
        self.qr_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.submit = big_button(role="ok")
        self.submit.clicked.connect(lambda: self.navigate.emit("dossier", {"code": self.code}))
        self.short = panel_is_short()
        if self.short:
            # A short panel (1366×768) has no height for the QR above the button: the QR and its caption scroll
            # with the text (after the summary card), the button stays in view beside it.
            self.qr_card, qr_box = card()
            qr_row = QHBoxLayout()
            qr_row.addWidget(self.qr)
            qr_row.addWidget(self.qr_caption, 1)
            qr_box.addLayout(qr_row)
            side.addStretch(1)
            side.addWidget(self.submit)
        else:
            # Landscape: a column beside the text (QR above its caption); portrait: under the text (QR beside its
            # caption). The button below them, as wide as the card, in both.
            self.qr_row = QBoxLayout(QBoxLayout.Direction.TopToBottom)
            self.qr_row.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
            self.qr_row.addWidget(self.qr_caption, 1)  # no alignment flag: it would keep the one-line height and clip
            self.orient(self.qr_row, QBoxLayout.Direction.TopToBottom, QBoxLayout.Direction.LeftToRight)
            side.addLayout(self.qr_row)
            side.addStretch(1)
            side.addWidget(self.submit)
        self.side = side_frame
        self.split = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.split.setSpacing(24)
        self.split.addWidget(self.panel, 1)
        self.split.addWidget(self.side, 0)
        self.orient(self.split, QBoxLayout.Direction.LeftToRight, QBoxLayout.Direction.TopToBottom)
        outer.addWidget(self.heading)
        outer.addWidget(self.meta)
        outer.addLayout(self.split, 1)
        self.section_texts: list[str] = []

    def enter(self, visit, params) -> None:
        super().enter(visit, params)
        self.code = str(params.get("code", ""))
        self._fill()
        self.panel.to_top()

    def reset(self) -> None:
        super().reset()
        self.code = ""
        self._clear_panel()
        self.qr.clear()

    def _clear_panel(self) -> None:
        if self.short:
            self.qr_card.setParent(None)  # kept (not deleted with the text); put back by _fill
        self.panel.clear()

    # ---- content --------------------------------------------------------------------------------
    def _fill(self) -> None:
        self._clear_panel()
        self.section_texts = []
        cat = self.catalogue
        proc = cat.get(self.code) if cat is not None and self.code else None
        self.submit.setVisible(proc is not None and bool(proc.form_fields))  # curated ones have no form yet
        self.side.setVisible(proc is not None)
        if proc is None:
            self.heading.setText(self.tr("Procedure not found"))
            self.meta.setText(self.tr("This station has no information about this procedure. Please ask the staff."))
            return
        en = ui_language() == "en"
        self.heading.setText(proc.name_en if en else proc.name_vi)
        self.meta.setText(self.tr("%1 · Information updated %2")
                          .replace("%1", cat.field_name(proc.field, "en" if en else "vi"))
                          .replace("%2", vn_date(proc.fetched_at)))
        url = official_url(proc)
        self.qr.setVisible(url is not None)
        self.qr_caption.setVisible(url is not None)
        if url is not None:
            self.qr.setPixmap(qr_pixmap(url, self.qr_px))
        # nothing to show beside the text (a short panel shows the QR in the text: only the button is beside it)
        self.side.setVisible(bool(proc.form_fields) or (url is not None and not self.short))
        self._summary_card(proc, en)
        if self.short and url is not None:
            self.panel.add(self.qr_card)
        for heading, paragraphs in self._sections(proc, en):
            if paragraphs:
                self._section(heading, paragraphs)
        self.panel.body.addStretch(1)

    def _section(self, heading: str, paragraphs: list[str]) -> None:
        self.panel.add(label(heading, "SectionHeading"))
        for text in paragraphs:
            self.panel.add(plain_label(text))
            self.section_texts.append(text)

    def _summary_card(self, proc: Any, en: bool) -> None:
        """What a resident asks first, above the fold: what to bring, the fee, how long, where."""
        frame, box = card()
        frame.setObjectName("SummaryCard")
        box.addWidget(label(self.tr("In short"), "SectionHeading"))
        summary = proc.summary_en if en else proc.summary_vi
        if summary:
            box.addWidget(plain_label(summary))
        for caption, text in self.summary(proc):
            row = plain_label(f"{caption}: {text}")
            row.setObjectName("SummaryLine")
            box.addWidget(row)
            self.section_texts.append(row.text())
        self.panel.add(frame)

    def summary(self, proc: Any) -> list[tuple[str, str]]:
        """(caption, text) for the summary card, in the order residents ask (the facts: model.summary_facts)."""
        return [(self.fact_caption(fact.key), self.fact_text(fact)) for fact in summary_facts(proc)]

    def fact_caption(self, key: str) -> str:
        return {"bring": self.tr("Bring"), "fee": self.tr("Fee"), "time": self.tr("How long"),
                "where": self.tr("Where")}.get(key, key)

    def fact_text(self, fact: Fact) -> str:
        """The fact in the resident's words; when the catalogue does not say: "Please ask the staff"."""
        ask = self.tr("Please ask the staff")
        if fact.missing:
            return ask
        if fact.fees:
            free = self.tr("Free of charge")
            return " · ".join(f"{self.channel_name(fee.channel)}: {fee.note}" if fee.note else
                              f"{self.channel_name(fee.channel)} {money(fee.amount, free, ask)}"
                              for fee in fact.fees)
        if fact.more_cases:
            return fact.text + " " + self.tr("(other cases need other papers: see below)")
        return fact.text

    def channel_name(self, kind: str) -> str:
        return {"in_person": self.tr("In person"), "online": self.tr("Online"), "post": self.tr("By post")}.get(
            kind, kind)

    def _sections(self, proc: Any, en: bool) -> list[tuple[str, list[str]]]:
        free, unknown = self.tr("Free of charge"), self.tr("Please ask the staff")
        fees = []
        for fee in channel_fees(proc):
            line = self.tr("%1: fee %2").replace("%1", self.channel_name(fee.channel)).replace(
                "%2", money(fee.amount, free, unknown))
            if fee.free_for_some:
                line += " " + self.tr("(free for some people)")
            fees.append(line + (f" ({fee.note})" if fee.note else ""))
        where = [f"{self.channel_name(ch.kind)}: {ch.description}" for ch in proc.channels]
        fees += [self.tr("Time limit: %1").replace("%1", t) for t in proc.processing_times or [unknown]]
        documents = []
        case = None
        for n, doc in enumerate(proc.required_documents, 1):
            if doc.case and doc.case != case:
                documents.append(self.tr("Case: %1").replace("%1", doc.case))
                case = doc.case
            counts = self.tr("Originals: %1 · Copies: %2").replace("%1", str(doc.original)).replace(
                "%2", str(doc.copies))
            if doc.forms:
                counts += " · " + self.tr("Form: %1").replace("%1", ", ".join(doc.forms))
            documents.append(f"{n}. {doc.name}\n    {counts}")
        agency = proc.agency.implementing or unknown
        documents = documents or [unknown]
        note = [self.tr("The details below are in Vietnamese, in the station team's plain words.")
                if proc.origin == "curated" else
                self.tr("The details below are shown in Vietnamese, as officially published.")] if en else []
        return [
            (self.tr("Details"), note),
            (self.tr("Papers to bring"), documents),
            (self.tr("Fees and time"), fees),
            (self.tr("Who handles it, and where to submit"), [self.tr("Handled by: %1").replace("%1", agency),
                                                              *where]),
            (self.tr("Steps"), [f"{i}. {s}" for i, s in enumerate(proc.steps, 1)]),
            (self.tr("Conditions"), [f"• {c}" for c in proc.conditions]),
            (self.tr("Legal basis"), [f"• {b}" for b in proc.legal_basis]),
            (self.tr("What you receive"), [proc.result_en if en else proc.result_vi]),
            (self.tr("Sources of each fact"), self.cited(proc)),
            (self.tr("About this information"), [self.provenance(proc)]),
        ]

    def cited(self, proc: Any) -> list[str]:
        """One line per cited fact: "Fee: Thông tư 226/2016/TT-BTC … (11/11/2016), Điều 4"."""
        facts = {"documents": self.tr("Papers"), "fee": self.tr("Fee"), "processing_time": self.tr("How long"),
                 "where": self.tr("Where"), "steps": self.tr("Steps"), "conditions": self.tr("Conditions"),
                 "result": self.tr("What you receive")}
        return [f"• {facts.get(fact, fact)}: " + "; ".join(
                    f"{c.document} ({vn_date(c.date)})" + (f", {c.article}" if c.article else "") for c in cites)
                for fact, cites in proc.citations.items()]

    def provenance(self, proc: Any) -> str:
        if proc.origin == "curated":
            return self.tr("Written in plain words by the station team from the legal documents listed above; "
                           "checked %1. What they do not state is left to the staff: please ask them."
                           ).replace("%1", vn_date(proc.fetched_at))
        return self.tr("Copied from the public-service portal; last updated %1. Fees and papers may have "
                       "changed since: the staff can confirm.").replace("%1", vn_date(proc.fetched_at))

    def spoken_text(self) -> str:
        return sentences([self.heading.text()])  # the meta line under it holds codes and dates, not instruction

    def retranslate(self) -> None:
        self.qr_caption.setText(self.tr("Scan with your phone to open the official page"))
        self.submit.setText(self.tr("Apply for this procedure"))
        if self.visit is not None:
            self._fill()

    @classmethod
    def sample_params(cls) -> dict[str, Any]:
        return {"code": "1.004222"}
