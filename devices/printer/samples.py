"""Sample receipts (synthetic people, public VietQR example) for previews, the bench and tests. Pure, any thread."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any

from core.money import format_vnd
from core.wire import demo_sample_ref
from devices.printer.receipt import Receipt, ReceiptItem

SAMPLE_KINDS = ("dossier", "payment", "report", "health")

STATION_NAME = "Trạm công dân số - Phường Bến Nghé"
STATION_ADDRESS = "Tòa nhà A, 12 Nguyễn Huệ, Phường Bến Nghé, TP. Hồ Chí Minh"
SAMPLE_TIME = datetime(2026, 11, 21, 9, 41)
SAMPLE_REFERENCE = demo_sample_ref("BN01")  # a demo hub knows this dossier (central/store.py): tracking finds it
# xuannghia/vietnam-qr-pay README (FORMATS §2.3): dynamic, 10 000 đ, purpose "Chuyen tien", CRC valid
SAMPLE_VIETQR = ("00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA5303704540510000"
                 "5802VN62150811Chuyen tien630453E6")


# the caller (not this package) words the items; the samples do it like the kiosk screens do
_ENGLISH = {"Giấy tờ đã nộp": "Documents", "Tờ khai đăng ký khai sinh; Giấy chứng sinh":
            "Birth registration form; birth certificate from the hospital", "Hẹn trả kết quả": "Result on",
            "Lệ phí": "Fee", "Miễn phí": "Free", "Số tiền": "Amount", "Ngân hàng": "Bank",
            "Nội dung": "Transfer message", "Địa điểm": "Place", "Ảnh đính kèm": "Photos", "Huyết áp": "Blood pressure",
            "Nhịp tim": "Pulse", "lần/phút": "bpm", "Cân nặng": "Weight", "Chiều cao": "Height",
            "Bình thường": "Normal", "Bình thường cao (ESH/ISH)": "High normal (ESH/ISH)",
            "Thừa cân (chuẩn châu Á ≥ 23)": "Overweight (Asian cut-off ≥ 23)"}


def _in(language: str, receipt: Receipt) -> Receipt:
    if language != "en":
        return receipt
    items = tuple(ReceiptItem(*(_ENGLISH.get(part, part) for part in (i.label, i.value, i.unit, i.note)))
                  for i in receipt.items)
    return dataclasses.replace(receipt, items=items)


def sample_receipt(kind: str, language: str = "vi", *, station_name: str = STATION_NAME,
                   station_address: str = STATION_ADDRESS) -> Receipt:
    """A realistic receipt of ``kind`` (dossier | payment | report | health), items worded in ``language``."""
    return _in(language, _sample(kind, language, station_name, station_address))


def _sample(kind: str, language: str, station_name: str, station_address: str) -> Receipt:
    common: dict[str, Any] = {"station_name": station_name, "station_address": station_address,
                              "created_at": SAMPLE_TIME, "language": language}
    if kind == "dossier":
        return Receipt(kind="dossier", service_name="Đăng ký khai sinh (cấp xã)",
                       local_reference=SAMPLE_REFERENCE, resident_name="Nguyễn Văn An",
                       items=(ReceiptItem("Giấy tờ đã nộp", "Tờ khai đăng ký khai sinh; Giấy chứng sinh"),
                              ReceiptItem("Hẹn trả kết quả", "24/11/2026"),
                              ReceiptItem("Lệ phí", "Miễn phí")),
                       qr_payload=f"TCDS|1|{SAMPLE_REFERENCE}", status="queued", **common)
    if kind == "payment":
        return Receipt(kind="payment", service_name="Chứng thực bản sao từ bản chính",
                       local_reference="BN01-261121-0008", hub_reference="HCM-2026-000123",
                       resident_name="Trần Thị Bích Ngọc",
                       items=(ReceiptItem("Số tiền", format_vnd(10000)), ReceiptItem("Ngân hàng", "ACB"),
                              ReceiptItem("Nội dung", "Chuyen tien")),
                       qr_payload=SAMPLE_VIETQR, status="accepted", **common)
    if kind == "report":
        return Receipt(kind="report", service_name="Phản ánh hạ tầng: đèn đường hỏng",
                       local_reference="BN01-261121-0009",
                       items=(ReceiptItem("Địa điểm", "Hẻm 45 Lê Thánh Tôn, khu phố 3"),
                              ReceiptItem("Ảnh đính kèm", "2")),
                       qr_payload="TCDS|1|BN01-261121-0009", status="queued", **common)
    if kind == "health":
        return Receipt(kind="health", service_name="Đo sức khỏe cơ bản", local_reference="BN01-261121-0010",
                       items=(ReceiptItem("Huyết áp", "128/82", "mmHg", "Bình thường cao (ESH/ISH)"),
                              ReceiptItem("Nhịp tim", "76", "lần/phút", "Bình thường"),
                              ReceiptItem("SpO₂", "97", "%", "Bình thường"),
                              ReceiptItem("Cân nặng", "62,5", "kg"), ReceiptItem("Chiều cao", "165", "cm"),
                              ReceiptItem("BMI", "23,0", "kg/m²", "Thừa cân (chuẩn châu Á ≥ 23)")),
                       notes=("Máy đo huyết áp Visomat Double Comfort: đã thẩm định (STRIDE BP).",
                              "Máy đo SpO₂ Contec CMS50E: hạn hiệu chuẩn 30/06/2027."),
                       qr_payload="TCDS|1|BN01-261121-0010", status="queued", **common)
    raise ValueError(f"unknown sample kind {kind!r}")
