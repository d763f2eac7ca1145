"""Rebuild a receipt from a queued submission, for the operator's "print again" (issue 4).

Runs on the GUI thread; pure apart from reading the catalogue it is given. The copy carries the
references, the tracking QR and what the non-personal payload says; never the resident's name.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from core.formats.tracking import build_tracking_payload
from kiosk.config import KioskConfig

SERVICE_NAMES = {"report": "Phản ánh an ninh, trật tự", "health": "Kiểm tra sức khỏe",
                 "payment_intent": "Thanh toán lệ phí"}
RECEIPT_KINDS = {"dossier": "dossier", "report": "report", "health": "health", "payment_intent": "payment"}


def reprint_receipt(source: dict[str, Any], config: KioskConfig, catalogue: Any = None) -> Any:
    """A Receipt for ``source`` (from ``StorageService.receipt_source``), marked as a reprint."""
    from devices.printer.receipt import Receipt, ReceiptItem

    payload = source.get("payload") or {}
    service = SERVICE_NAMES.get(source["kind"], "")
    code = payload.get("procedure_code")
    if code and catalogue is not None and (procedure := catalogue.get(code)) is not None:
        service = procedure.name_vi
    created = source.get("created_at")
    sent = source.get("status") == "sent"
    items = [ReceiptItem("Bản in lại", datetime.now().strftime("%H:%M %d/%m/%Y"))]
    if isinstance(created, datetime):
        items.append(ReceiptItem("Ngày nộp", created.astimezone().strftime("%H:%M %d/%m/%Y")))
    return Receipt(kind=RECEIPT_KINDS.get(source["kind"], "dossier"), station_name=config.station.name,
                   station_address=config.station.address, created_at=datetime.now(), service_name=service,
                   local_reference=source["local_ref"], hub_reference=source.get("server_ref") or "",
                   items=tuple(items), qr_payload=build_tracking_payload(source["local_ref"],
                                                                         source.get("server_ref") or None),
                   status="accepted" if sent else "queued", language="vi")
