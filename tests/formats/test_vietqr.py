"""VietQR: the 15 shared library strings (incl. 3 negatives), CRC, and the builder checked by 3 other parsers."""

from __future__ import annotations

import pytest
import qr_pay
from vietnam_qr_pay import QRPay
from vietqr_emvco import VietQRParser

from core.formats import Kind, VietQRError, build_vietqr, classify, crc16_ccitt_false, parse_vietqr
from tests.formats.samples import sample_lines


def test_crc_check_value():
    assert crc16_ccitt_false(b"123456789") == 0x29B1


def test_every_shared_sample_is_classified_as_its_comment_says(sample_data):
    samples = sample_lines(sample_data / "vietqr_samples.txt")
    assert len(samples) == 15
    expected_negative = {"CRC is valid but structure is WRONG": "vietqr.nesting",
                         "Non-ASCII purpose": "vietqr.nesting", "Bad CRC": "vietqr.crc_mismatch"}
    for comment, line in samples:
        result = classify(line)
        negative = next((code for prefix, code in expected_negative.items() if comment.startswith(prefix)), None)
        if negative:
            assert (result.kind, result.reason) == (Kind.UNKNOWN, negative), comment
        elif comment.startswith("VNPAY"):
            assert (result.kind, result.reason) == (Kind.UNKNOWN, "vietqr.not_vietqr")
        else:
            assert result.kind is Kind.PAYMENT, (comment, result)
            assert result.value.currency == "704" and result.value.country == "VN"


def test_fields_of_a_dynamic_sample():
    qr = parse_vietqr("00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA53037045405100005802VN"
                      "62150811Chuyen tien630453E6")
    assert (qr.bank_bin, qr.account, qr.amount, qr.purpose, qr.dynamic) == ("970416", "257678859", 10000,
                                                                            "Chuyen tien", True)


def _with_crc(body: str) -> str:
    body += "6304"
    return body + f"{crc16_ccitt_false(body.encode()):04X}"


def test_a_non_ascii_value_with_byte_length_parses():
    base = "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA5303704540410005802VN"
    purpose = "Phí hồ sơ"  # 9 characters, 13 UTF-8 bytes
    tlv = f"08{len(purpose.encode()):02d}{purpose}"
    qr = parse_vietqr(_with_crc(base + f"62{len(tlv.encode()):02d}{tlv}"))
    assert qr.purpose == purpose


@pytest.mark.parametrize(("payload", "code"), [
    ("000201", "vietqr.crc_missing"),
    (_with_crc("000201010212"), "vietqr.not_vietqr"),
    (_with_crc("0002010102123899"), "vietqr.tlv"),
    (_with_crc("000202"), "vietqr.format_indicator"),
    (_with_crc("00020101021238200010A000000727010200"), "vietqr.tlv"),
])
def test_malformed_payloads_are_rejected(payload, code):
    with pytest.raises(VietQRError) as err:
        parse_vietqr(payload)
    assert err.value.code == code


def test_builder_output_passes_three_independent_parsers():
    payload = build_vietqr("970436", "0071000123456", 20000, "BN01-261121-0007 phí đăng ký thường trú",
                           bill_number="HS-2026-000123", merchant_name="Công an phường Bến Nghé", city="Hồ Chí Minh")
    assert payload.isascii()
    napas = qr_pay.decode(payload)  # raises on a CRC mismatch
    assert (napas["bin_id"], napas["consumer_id"], napas["service_code"]) == ("970436", "0071000123456", "QRIBFTTA")
    assert napas["transaction_amount"] == "20000" and napas["point_of_initiation_method"] == "12"
    assert napas["purpose_of_transaction"] == "BN01-261121-0007 phi dang"  # ASCII, cut to 25 characters
    assert napas["bill_number"] == "HS-2026-000123"
    assert napas["merchant_name"] == "Cong an phuong Ben Nghe" and napas["merchant_city"] == "Ho Chi Minh"
    qrpay = QRPay(payload)
    assert qrpay.is_valid and qrpay.consumer.bank_bin == "970436" and qrpay.amount == "20000"
    parser = VietQRParser()
    assert parser.verify_checksum(payload)
    assert parser.parse(payload)["account_number"] == "0071000123456"
    ours = parse_vietqr(payload)
    assert ours.amount == 20000 and ours.bill_number == "HS-2026-000123"


def test_builder_minimal_code_is_dynamic_with_amount():
    payload = build_vietqr("970422", "0023457923442", 40123, "test text string")
    assert payload == ("00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN"
                       "62200816test text string6304D9C6")  # byte for byte the subiz/vietqr test vector


@pytest.mark.parametrize("args", [
    ("97042", "1", 1, "x"), ("970422", "", 1, "x"), ("970422", "12345678901234567890", 1, "x"),
    ("970422", "1", 0, "x"), ("970422", "1", -5, "x"), ("970422", "1", 10**13, "x"), ("970422", "1", 1.5, "x"),
    ("970422", "1", True, "x"), ("970422", "12 34", 1, "x"),
])
def test_builder_refuses_values_a_bank_would_reject(args):
    with pytest.raises(VietQRError):
        build_vietqr(*args)
