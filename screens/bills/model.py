"""The billers list the kiosk checks bills against, and the slip lines (pure; no Qt)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from core.bills import Bill, BillersList, BillersRefused, parse_billers
from core.paths import asset
from screens.payment.model import BANKS

log = logging.getLogger(__name__)
HUB_COPY = Path("billers") / "current.json"  # written by the sync pull: {"version", "etag", "billers": {...}}


def load_billers(data_dir: Path | None) -> BillersList:
    """The list last received from the hub, else the one shipped with the build (empty). Never raises."""
    candidates = ([Path(data_dir) / HUB_COPY] if data_dir else []) + [asset("billers", "billers.json")]
    for path in candidates:
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            continue
        except (OSError, ValueError) as exc:
            log.error("billers list %s unreadable: %s", path.name, type(exc).__name__)
            continue
        try:
            return parse_billers(doc)  # the hub copy has "version"/"etag" beside "format"/"billers"
        except BillersRefused as exc:
            log.error("billers list %s refused: %s", path.name, str(exc)[:200])
    return BillersList()


def bank_name(bank_bin: str) -> str:
    return BANKS.get(bank_bin, bank_bin)


def slip_lines(bill: Bill, vi: bool) -> list[tuple[str, str]]:
    """Label/value lines for the printed slip (the listed biller's data: that is where the money goes)."""
    from core.money import format_vnd

    biller = bill.biller
    assert biller is not None  # only listed bills are printed
    return [("Đơn vị thu" if vi else "Biller", biller.name),
            ("Số tiền" if vi else "Amount", format_vnd(bill.amount or 0)),
            ("Ngân hàng" if vi else "Bank", bank_name(biller.bank_bin)),
            ("Số tài khoản" if vi else "Account number", biller.account),
            ("Nội dung" if vi else "Transfer message", bill.purpose)]
