"""The receipt model and layout: masking, status lines, languages, wrapping; fuzzed with hypothesis."""

from __future__ import annotations

import dataclasses
import unicodedata
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.money import format_vnd
from devices.printer.raster import MARGIN, render_image, style_font, wrap_text
from devices.printer.receipt import (
    QrBlock,
    Receipt,
    ReceiptItem,
    TextBlock,
    clean_text,
    layout,
    mask_name,
    status_text,
)
from devices.printer.samples import SAMPLE_KINDS, sample_receipt


def texts(receipt: Receipt) -> list[str]:
    return [b.text for b in layout(receipt) if isinstance(b, TextBlock)]


@pytest.mark.parametrize(("name", "masked"), [
    ("Nguyễn Văn An", "Nguyễn V. A."),
    ("Trần Thị Bích Ngọc", "Trần T. B. N."),
    ("  Lê   Anh  Sơn ", "Lê A. S."),
    ("Ánh", "Á."),
    ("", ""),
    ("Nguye\u0302\u0303n Văn Ơn", "Nguyễn V. Ơ."),  # decomposed input comes out NFC
])
def test_mask_name(name, masked):
    assert mask_name(name) == masked
    assert unicodedata.is_normalized("NFC", mask_name(name))


def test_name_is_masked_unless_the_caller_needs_it():
    receipt = sample_receipt("dossier")
    assert "Người nộp: Nguyễn V. A." in texts(receipt)
    assert not any("Nguyễn Văn An" in t for t in texts(receipt))
    full = dataclasses.replace(receipt, show_full_name=True)
    assert "Người nộp: Nguyễn Văn An" in texts(full)


def test_status_lines_are_honest():
    queued = sample_receipt("dossier")
    assert queued.status == "queued"
    assert "Đã lưu tại trạm, sẽ gửi khi có mạng" in texts(queued)
    assert "Đã tiếp nhận" not in texts(queued)
    accepted = dataclasses.replace(queued, status="accepted", hub_reference="HCM-2026-000123")
    assert "Đã tiếp nhận" in texts(accepted)
    assert "Đã lưu tại trạm, sẽ gửi khi có mạng" not in texts(accepted)
    assert not any("HCM-2026-000123" in t for t in texts(accepted))  # one code on the slip (issue 17)
    assert status_text(dataclasses.replace(queued, language="en")) == "Saved at this station, will be sent when online"


def test_hub_reference_only_once_known():
    assert not any(t.startswith("Mã hồ sơ") for t in texts(sample_receipt("dossier")))


def test_one_code_to_keep_and_the_slip_says_so():
    """The resident gets one code, printed with what to do with it; never two codes side by side."""
    for kind in ("dossier", "payment"):
        receipt = dataclasses.replace(sample_receipt(kind), hub_reference="HS-2026-123456789", status="accepted")
        lines = texts(receipt)
        code_lines = [t for t in lines if receipt.local_reference in t or "HS-2026-123456789" in t]
        assert code_lines == [f"Mã tra cứu: {receipt.local_reference}"], code_lines
        assert lines[lines.index(code_lines[0]) + 1].startswith("Vui lòng giữ mã này")
    hub_only = dataclasses.replace(sample_receipt("dossier"), local_reference="", hub_reference="HS-2026-123456789")
    assert "Mã hồ sơ: HS-2026-123456789" in texts(hub_only)
    english = texts(dataclasses.replace(sample_receipt("dossier"), language="en"))
    assert "Please keep this code to track or pay" in english


def test_health_slip_has_values_units_categories_disclaimer_and_device_notes():
    lines = texts(sample_receipt("health"))
    assert "Huyết áp: 128/82 mmHg" in lines
    assert "Bình thường cao (ESH/ISH)" in lines
    assert "Kết quả chỉ mang tính tham khảo, không phải chẩn đoán" in lines
    assert any("hạn hiệu chuẩn" in t for t in lines)
    assert "For reference only, not a diagnosis" in texts(sample_receipt("health", "en"))


@pytest.mark.parametrize("kind", SAMPLE_KINDS)
def test_every_kind_has_title_reference_time_and_qr(kind):
    receipt = sample_receipt(kind)
    blocks = layout(receipt)
    assert [b.payload for b in blocks if isinstance(b, QrBlock)] == [receipt.qr_payload]
    lines = texts(receipt)
    assert receipt.station_name in lines and receipt.station_address in lines
    assert f"Mã tra cứu: {receipt.local_reference}" in lines
    assert "Thời gian: 21/11/2026 09:41" in lines


def test_english_labels():
    lines = texts(sample_receipt("dossier", "en"))
    assert "DOSSIER RECEIPT" in lines and "Reference: BN01-261121-0007" in lines


def test_bad_kind_status_language_are_refused():
    base = sample_receipt("dossier")
    for change in ({"kind": "invoice"}, {"status": "sent"}, {"language": "fr"}):
        with pytest.raises(ValueError):
            dataclasses.replace(base, **change)


def test_format_vnd():
    assert format_vnd(20000) == "20.000 đ"
    assert format_vnd(1234567) == "1.234.567 đ"


def test_clean_text_removes_controls_keeps_newlines():
    assert clean_text("A\x00B\x1b@C\u200bD\nE") == "A B @C D\nE"


@pytest.mark.parametrize("width", [384, 576])
def test_long_words_are_broken_inside_the_paper(width):
    f = style_font("body")
    token = "BN01-" + "Nghiêng" * 40
    lines = wrap_text(f"Mã: {token} xong", f, width - 2 * MARGIN)
    assert len(lines) > 2
    assert all(f.getlength(line) <= width - 2 * MARGIN for line in lines)
    assert "".join(lines).replace(" ", "") == f"Mã:{token}xong"


def test_wrap_never_strands_a_combining_mark():
    f = style_font("body")
    token = "a\u0323" * 200  # "ạ" kept decomposed would split base and dot below if broken naively
    for line in wrap_text(token, f, 100):
        assert not unicodedata.combining(line[0])


# --- fuzz -------------------------------------------------------------------------------------

vietnamese = st.sampled_from(list("ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵĐƯƠ"))
any_text = st.lists(st.one_of(st.characters(), vietnamese,
                              st.sampled_from(["\n", "\t", "\x1b", "\x00", "😀", "👨\u200d👩\u200d👧", "\u0301",
                                               " ", "\ud800", "\u202e", "﷽"])),
                    max_size=60).map("".join)
long_word = st.text(st.one_of(vietnamese, st.characters(categories=["Lu", "Ll", "Nd", "So"])), min_size=40,
                    max_size=200)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])  # ~0.15 s a receipt
@given(name=any_text, service=st.one_of(any_text, long_word), label=any_text, value=st.one_of(any_text, long_word),
       note=any_text, width=st.sampled_from([384, 576]), language=st.sampled_from(["vi", "en"]),
       kind=st.sampled_from(["dossier", "payment", "report", "health", "test"]))
def test_arbitrary_text_never_breaks_the_layout(name, service, label, value, note, width, language, kind):
    receipt = Receipt(kind=kind, station_name=service, station_address=note, created_at=datetime(2026, 1, 2, 3, 4),
                      service_name=service, local_reference=value, resident_name=name,
                      items=(ReceiptItem(label, value, note, note),), qr_payload=value[:200], notes=(note, name),
                      language=language)
    image = render_image(layout(receipt), width)
    assert image.width == width
    for block in layout(receipt):
        if isinstance(block, TextBlock):
            f = style_font(block.style)
            for line in wrap_text(block.text, f, width - 2 * MARGIN):
                assert f.getlength(line) <= width - 2 * MARGIN


@settings(max_examples=100, deadline=None)
@given(any_text)
def test_mask_name_keeps_only_the_family_name_whole(name):
    words = clean_text(name).split()
    masked = mask_name(name).split()
    assert len(masked) == len(words)
    rest = masked[1:] if len(words) > 1 else masked
    assert all(len(w) == 2 and w.endswith(".") for w in rest)
