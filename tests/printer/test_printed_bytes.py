"""What the printer receives, decoded back: the QR a resident scans, the width, the commands, the cut."""

from __future__ import annotations

import dataclasses

import pytest
import qr_pay  # napas-qr-python: independent VietQR parser (FORMATS §2.4)
import zxingcpp
from hypothesis import given, settings
from hypothesis import strategies as st

from core.formats.tracking import parse_tracking_payload
from devices.printer.encode import render_bytes
from devices.printer.receipt import Receipt
from devices.printer.samples import SAMPLE_KINDS, SAMPLE_VIETQR, sample_receipt
from tests.printer.escpos_decode import decode, page_image
from tests.printer.helpers import qr_texts

WIDTHS = (384, 576)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", SAMPLE_KINDS)
@pytest.mark.parametrize("qr_mode", ["native", "image"])
def test_printed_qr_reads_back_as_the_payload(kind, width, qr_mode):
    receipt = sample_receipt(kind)
    data = render_bytes(receipt, width=width, qr_mode=qr_mode)
    assert qr_texts(data, width) == [receipt.qr_payload]
    decoded = decode(data)
    assert len(decoded.qrs) == (1 if qr_mode == "native" else 0)


def test_tracking_payload_parses_after_the_round_trip():
    receipt = sample_receipt("dossier")
    [text] = qr_texts(render_bytes(receipt, width=384, qr_mode="image"), 384)
    assert parse_tracking_payload(text).local_ref == "BN01-261121-0007"


@pytest.mark.parametrize("qr_mode", ["native", "image"])
def test_payment_slip_carries_a_valid_vietqr(qr_mode, sample_data):
    # subiz/vietqr's MB sample with an amount and a purpose (CRC valid)
    [subiz] = [line for line in (sample_data / "vietqr_samples.txt").read_text().splitlines()
               if "test text string" in line]
    for vietqr in (SAMPLE_VIETQR, subiz):
        receipt = dataclasses.replace(sample_receipt("payment"), qr_payload=vietqr)
        [text] = qr_texts(render_bytes(receipt, width=384, qr_mode=qr_mode), 384)
        assert text == vietqr
        assert qr_pay.decode(text)  # a bank app's parser accepts it (CRC included)


@pytest.mark.parametrize("qr_mode", ["native", "image", "auto"])
def test_vietnamese_qr_content_survives(qr_mode):
    payload = "TCDS|1|BN01-261121-0007|Nguyễn Thị Hương — Phường Bến Nghé"
    receipt = dataclasses.replace(sample_receipt("report"), qr_payload=payload)
    data = render_bytes(receipt, width=576, qr_mode=qr_mode)
    assert qr_texts(data, 576) == [payload]
    # auto: a non-ASCII payload goes as an image (UTF-8 + ECI) even where the printer has GS ( k
    assert len(decode(data).qrs) == (1 if qr_mode == "native" else 0)


def test_auto_prints_ascii_payloads_natively_where_the_profile_can():
    assert len(decode(render_bytes(sample_receipt("dossier"), width=576, qr_mode="auto")).qrs) == 1
    assert decode(render_bytes(sample_receipt("dossier"), width=384, profile="POS-5890")).qrs == []


def test_image_qr_is_read_right_by_zbar_too():
    """segno with UTF-8 + ECI: even pyzbar, which reads plain UTF-8 QR as Big5 (FORMATS §1.5), gets it right."""
    from pyzbar import pyzbar

    payload = "Lê Anh Sơn"  # unrecoverable from zbar's guess without the ECI header
    receipt = dataclasses.replace(sample_receipt("report"), qr_payload=payload)
    page = page_image(decode(render_bytes(receipt, width=576, qr_mode="auto")), 576).convert("L")
    [zbar] = pyzbar.decode(page)
    assert zbar.data.decode("utf-8") == payload
    [result] = zxingcpp.read_barcodes(page)
    assert result.format == zxingcpp.BarcodeFormat.QRCode  # never Micro QR


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", SAMPLE_KINDS)
def test_raster_fits_the_paper_and_margins_stay_blank(kind, width):
    decoded = decode(render_bytes(sample_receipt(kind), width=width, qr_mode="image"))
    assert decoded.rasters
    page = page_image(decoded, width)
    for band in decoded.rasters:
        assert band.image.width == width
    # nothing is cut off: no ink in the outer 4 dots on either side anywhere on the receipt
    left = page.crop((0, 0, 4, page.height))
    right = page.crop((width - 4, 0, width, page.height))
    assert left.getextrema() == (255, 255)
    assert right.getextrema() == (255, 255)


def test_receipt_starts_with_init_and_ends_with_a_cut():
    data = render_bytes(sample_receipt("dossier"), width=576)
    decoded = decode(data)
    assert data.startswith(b"\x1b@")
    assert data.endswith(b"\x1dV\x00")
    assert decoded.inits == 1 and decoded.cuts == 1 and decoded.feeds >= 1


def test_profile_without_cutter_gets_no_cut_and_an_image_qr():
    decoded = decode(render_bytes(sample_receipt("dossier"), width=384, profile="POS-5890"))
    assert decoded.cuts == 0
    assert decoded.qrs == []  # POS-5890 has no GS ( k in its profile


def test_profile_narrower_than_configured_width_is_respected():
    decoded = decode(render_bytes(sample_receipt("dossier"), width=576, profile="TM-T88V"))
    assert {band.image.width for band in decoded.rasters} == {512}


def test_raster_mode_sends_no_text_bytes():
    decoded = decode(render_bytes(sample_receipt("health"), width=576, text_mode=False))
    assert decoded.text_lines == [] and decoded.code_tables == []


def test_text_mode_uses_a_vietnamese_code_page_on_a_capable_profile():
    receipt = sample_receipt("dossier")
    decoded = decode(render_bytes(receipt, width=576, profile="TM-T20II", text_mode=True))
    text = "\n".join(decoded.text_lines)
    assert "Trạm công dân số" in text
    assert "Đã lưu tại trạm, sẽ gửi khi có mạng" in text
    assert "?" not in text
    assert 30 in decoded.code_tables or 31 in decoded.code_tables  # TCVN-3


def test_text_mode_is_ignored_on_a_profile_without_vietnamese():
    decoded = decode(render_bytes(sample_receipt("dossier"), width=384, profile="POS-5890", text_mode=True))
    assert decoded.text_lines == []


def test_english_receipt_prints():
    receipt: Receipt = sample_receipt("health", "en")
    data = render_bytes(receipt, width=384, qr_mode="image")
    assert qr_texts(data, 384) == [receipt.qr_payload]


@settings(max_examples=25, deadline=None)
@given(payload=st.text(max_size=300) | st.text(min_size=2000, max_size=4000) | st.just("TCDS|1|\ud800"),
       qr_mode=st.sampled_from(["native", "image"]))
def test_any_qr_payload_still_prints_a_decodable_receipt(payload, qr_mode):
    """Oversized or unencodable payloads (lone surrogates) leave the QR out; the receipt still prints."""
    receipt = dataclasses.replace(sample_receipt("report"), qr_payload=payload)
    decoded = decode(render_bytes(receipt, width=384, qr_mode=qr_mode))
    assert decoded.cuts == 1 and decoded.rasters
