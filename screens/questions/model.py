"""What the Hỏi đáp screen shows for an answer (pure; no Qt): a title, the text, and the procedure it cites."""

from __future__ import annotations

from dataclasses import dataclass

from core.catalogue.models import Procedure
from core.qa import Answer, NoAnswer
from core.qa.engine import FaqEntry

COMMON_QUESTIONS = 8


@dataclass(frozen=True)
class Shown:
    title: str
    text: str
    procedure_code: str | None  # the procedure the answer comes from (a button opens it)
    known: bool = True


def _fee_text(p: Procedure, vi: bool) -> str:
    channel = p.channel("in_person") or (p.channels[0] if p.channels else None)
    fee = channel.fee if channel else None
    if channel is not None and channel.fee_note:  # a curated rule in words (per page, who is exempt), cited
        return f"Phí, lệ phí: {channel.fee_note}" if vi else f"Fee (in Vietnamese): {channel.fee_note}"
    if fee is None:
        return "Phí, lệ phí: vui lòng hỏi cán bộ." if vi else "Fee: please ask the staff."
    if fee == 0:
        return "Không mất phí, lệ phí." if vi else "There is no fee."
    amount = f"{fee:,}".replace(",", ".") + " đ"
    return f"Phí, lệ phí: {amount}." if vi else f"Fee: {amount}."


def _procedure_text(p: Procedure, aspect: str | None, vi: bool) -> str:
    channel = p.channel("in_person") or (p.channels[0] if p.channels else None)
    summary = p.summary_vi if vi else (p.summary_en or p.summary_vi)
    if aspect == "fee":
        return _fee_text(p, vi)
    if aspect == "time":
        told = next((c.processing_time for c in ([channel] if channel else []) + list(p.channels)
                     if c.processing_time), None)
        return (f"Thời hạn giải quyết: {told}" if vi else f"Time limit: {told}") if told else \
            ("Thời hạn: vui lòng hỏi cán bộ." if vi else "Time limit: please ask the staff.")
    if aspect == "where":
        where = p.agency.implementing or (channel.description if channel else "")
        return (f"Nơi thực hiện: {where}" if vi else f"Where: {where}") if where else \
            ("Nơi nộp: vui lòng hỏi cán bộ." if vi else "Where: please ask the staff.")
    if aspect == "documents":
        names = [d.name for d in p.required_documents[:6]]
        head = "Giấy tờ cần có:" if vi else "Documents:"
        return head + "\n" + "\n".join(f"• {n}" for n in names) if names else \
            ("Giấy tờ: vui lòng hỏi cán bộ." if vi else "Documents: please ask the staff.")
    return f"{summary}\n{_fee_text(p, vi)}"


def shown(result: Answer | NoAnswer, vi: bool) -> Shown:
    if isinstance(result, NoAnswer):
        return Shown("", "", None, known=False)
    if result.procedure is not None:
        p = result.procedure
        return Shown(p.name_vi if vi else (p.name_en or p.name_vi), _procedure_text(p, result.aspect, vi), p.code)
    faq: FaqEntry = result.faq
    text = faq.answer_vi if vi else (faq.answer_en or faq.answer_vi)
    return Shown(faq.phrasings[0] if faq.phrasings else "", text, faq.procedure)


def common_questions(faq: list[FaqEntry]) -> list[str]:
    """The first phrasing of the first entries: what residents ask most, as written by the team."""
    return [e.phrasings[0] for e in faq if e.phrasings][:COMMON_QUESTIONS]
