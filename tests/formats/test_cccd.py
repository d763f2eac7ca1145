"""ID-card QR payloads: the shared synthetic samples, the §1.6 oddities, and the number cross-checks."""

from __future__ import annotations

import datetime as dt

import pytest

from core.formats import CccdError, Gender, Kind, classify, parse_cccd
from core.formats.cccd import LAYOUT_CAN_CUOC_2024, LAYOUT_CHIP_2021
from tests.formats.samples import sample_lines

CHIP = "001085012345|012345678|Nguyễn Văn An|15031985|Nam|Số 12 Ngõ 5 Phố Huế, Phường Hàng Bài, Hà Nội|22062022"


def test_every_shared_sample_is_classified_as_its_comment_says(sample_data):
    samples = sample_lines(sample_data / "cccd_qr_samples.txt")
    assert len(samples) == 6
    for comment, line in samples:
        result = classify(line)
        if comment.startswith("NEGATIVE"):
            assert result.kind is Kind.UNKNOWN
            assert result.looks_like is Kind.ID_CARD and result.reason == "cccd.field_count"
        else:
            assert result.kind is Kind.ID_CARD, (comment, result)
            assert result.warnings == ()  # the synthetic numbers agree with birth year and gender
            card = result.value
            fields = line.split("|")
            assert card.id_number == fields[0]
            assert card.full_name == fields[2]
            assert card.layout == (LAYOUT_CHIP_2021 if len(fields) == 7 else LAYOUT_CAN_CUOC_2024)


def test_fields_of_a_chip_card():
    card = parse_cccd(CHIP)
    assert card.old_id == "012345678"
    assert card.date_of_birth == dt.date(1985, 3, 15)
    assert card.issue_date == dt.date(2022, 6, 22)
    assert card.gender is Gender.MALE
    assert card.address.endswith("Hà Nội")
    assert card.extra == ()


def test_new_card_keeps_its_four_extra_fields_raw():
    card = parse_cccd("096200000004|381900004|Lê Anh Sơn|20122000|Nam|Ấp Một, Tỉnh Cà Mau|18082025||x|Mẹ A|")
    assert card.layout == LAYOUT_CAN_CUOC_2024
    assert card.extra == ("", "x", "Mẹ A", "")


def test_stray_nul_crlf_bom_and_full_width_digits_are_tolerated():
    noisy = "\ufeff\x00" + CHIP.replace("001085012345", "００１０８５０１２３４５") + "\r\n\x00"
    card = parse_cccd(noisy)
    assert card.id_number == "001085012345"
    assert card.full_name == "Nguyễn Văn An"


def test_decomposed_vietnamese_is_nfc_normalised():
    import unicodedata

    card = parse_cccd(unicodedata.normalize("NFD", "034303000002||Trần Thị Bích|21032003|Nữ|Thái Bình|14082021"))
    assert card.gender is Gender.FEMALE
    assert card.full_name == unicodedata.normalize("NFC", "Trần Thị Bích")


@pytest.mark.parametrize(("text", "warning"), [
    # digit 4 = 1 means a woman born in the 1900s, but the card says Nam
    ("001185012345||Nguyễn Văn An|15031985|Nam|Hà Nội|22062022", "cccd.gender_mismatch"),
    # YY = 86 but born 1985
    ("001086012345||Nguyễn Văn An|15031985|Nam|Hà Nội|22062022", "cccd.birth_year_mismatch"),
    # century digit 2 = 2000s, born 1985
    ("001285012345||Nguyễn Văn An|15031985|Nam|Hà Nội|22062022", "cccd.birth_year_mismatch"),
    ("001085012345||Nguyễn Văn An|15031985|Nam|Hà Nội|22061984", "cccd.issued_before_birth"),
])
def test_a_number_that_disagrees_with_the_card_is_reported(text, warning):
    result = classify(text)
    assert result.kind is Kind.ID_CARD
    assert warning in result.warnings


@pytest.mark.parametrize(("text", "code"), [
    ("001234567890|NGUYEN VAN A|01011990|Nam|123 Duong ABC|01012020", "cccd.field_count"),  # 6-field blog format
    ("00108501234|012345678|A|15031985|Nam|HN|22062022", "cccd.id_number"),
    ("001085012345|0123|A|15031985|Nam|HN|22062022", "cccd.old_id"),
    ("001085012345||A|31021985|Nam|HN|22062022", "cccd.date_of_birth"),
    ("001085012345||A|15/03/1985|Nam|HN|22062022", "cccd.date_of_birth"),
    ("001085012345||A|15031985|Male|HN|22062022", "cccd.gender"),
    ("001085012345|||15031985|Nam|HN|22062022", "cccd.full_name"),
    ("001085012345||A|15031985|Nam|HN|2206202", "cccd.issue_date"),
    ("001085012345||A|15031985|Nam|HN|22062022|||", "cccd.field_count"),
])
def test_malformed_payloads_are_rejected_with_a_reason(text, code):
    with pytest.raises(CccdError) as err:
        parse_cccd(text)
    assert err.value.code == code
    assert classify(text).kind is Kind.UNKNOWN
