"""Printed receipt wording in Vietnamese and English: plain string tables (no Qt). Any thread.

Receipts are paper, not screens, so they do not go through Qt's translation system; the two tables
below are the whole vocabulary. Keys are stable codes used by :mod:`devices.printer.receipt`.
"""

from __future__ import annotations

LANGUAGES = ("vi", "en")

STRINGS: dict[str, dict[str, str]] = {
    "vi": {
        "title.dossier": "BIÊN NHẬN HỒ SƠ",
        "title.payment": "PHIẾU THANH TOÁN LỆ PHÍ",
        "title.report": "BIÊN NHẬN PHẢN ÁNH, KIẾN NGHỊ",
        "title.health": "PHIẾU KẾT QUẢ ĐO SỨC KHỎE",
        "title.test": "TRANG IN THỬ",
        "title.help": "PHIẾU GỌI CÁN BỘ HỖ TRỢ",
        "title.consult": "LỜI DẶN CỦA BÁC SĨ",
        "consult.doctor": "Bác sĩ",
        "consult.note": "Ghi chú khám",
        "consult.advice": "Lời dặn",
        "consult.disclaimer": "Khám từ xa không thay thế khám trực tiếp khi có dấu hiệu nặng.",
        "field.service": "Dịch vụ",
        "field.local_reference": "Mã tra cứu",
        "field.hub_reference": "Mã hồ sơ",
        "field.keep_code": "Vui lòng giữ mã này để tra cứu, thanh toán",
        "field.datetime": "Thời gian",
        "field.resident": "Người nộp",
        "status.queued": "Đã lưu tại trạm, sẽ gửi khi có mạng",
        "status.accepted": "Đã tiếp nhận",
        "qr.tracking": "Quét mã để tra cứu hồ sơ",
        "qr.payment": "Quét mã bằng ứng dụng ngân hàng để thanh toán",
        "qr.report": "Quét mã để theo dõi phản ánh",
        "qr.health": "Quét mã để xem lại kết quả",
        "qr.test": "Mã QR thử",
        "health.disclaimer": "Kết quả chỉ mang tính tham khảo, không phải chẩn đoán",
        "health.see_doctor": "Nếu có dấu hiệu bất thường, hãy đến cơ sở y tế để được khám.",
        "test.alphabet": "Tiếng Việt: ÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ Đ ÊỀẾỂỄỆ ÔỒỐỔỖỘ ƠỜỚỞỠỢ ƯỪỨỬỮỰ",
        "test.alphabet_lower": "àáảãạ ăằắẳẵặ âầấẩẫậ đ êềếểễệ ôồốổỗộ ơờớởỡợ ưừứửữự ỳýỷỹỵ",
        "test.width": "Khổ giấy",
        "test.profile": "Cấu hình",
        "footer": "Cảm ơn ông/bà đã sử dụng Trạm công dân số",
        "dots": "điểm",
    },
    "en": {
        "title.dossier": "DOSSIER RECEIPT",
        "title.payment": "FEE PAYMENT SLIP",
        "title.report": "REPORT RECEIPT",
        "title.health": "HEALTH CHECK RESULTS",
        "title.test": "TEST PAGE",
        "title.help": "CALL FOR STAFF HELP",
        "title.consult": "DOCTOR'S ADVICE",
        "consult.doctor": "Doctor",
        "consult.note": "Consultation note",
        "consult.advice": "Advice",
        "consult.disclaimer": "A remote consultation does not replace an examination if symptoms are severe.",
        "field.service": "Service",
        "field.local_reference": "Reference",
        "field.hub_reference": "Dossier no.",
        "field.keep_code": "Please keep this code to track or pay",
        "field.datetime": "Date and time",
        "field.resident": "Applicant",
        "status.queued": "Saved at this station, will be sent when online",
        "status.accepted": "Received",
        "qr.tracking": "Scan to track your dossier",
        "qr.payment": "Scan with your banking app to pay",
        "qr.report": "Scan to follow your report",
        "qr.health": "Scan to see the results again",
        "qr.test": "Test QR code",
        "health.disclaimer": "For reference only, not a diagnosis",
        "health.see_doctor": "If anything seems unusual, please visit a health facility.",
        "test.alphabet": "Vietnamese: ÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ Đ ÊỀẾỂỄỆ ÔỒỐỔỖỘ ƠỜỚỞỠỢ ƯỪỨỬỮỰ",
        "test.alphabet_lower": "àáảãạ ăằắẳẵặ âầấẩẫậ đ êềếểễệ ôồốổỗộ ơờớởỡợ ưừứửữự ỳýỷỹỵ",
        "test.width": "Paper width",
        "test.profile": "Profile",
        "footer": "Thank you for using the citizen kiosk",
        "dots": "dots",
    },
}


def text(key: str, language: str = "vi") -> str:
    """The printed text for ``key``; unknown languages fall back to Vietnamese."""
    table = STRINGS.get(language, STRINGS["vi"])
    return table.get(key, STRINGS["vi"].get(key, key))
