"""Decoding on the real photos and on ID-card-shaped codes with Vietnamese text (no ECI, as real cards)."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from core.formats import Kind, classify
from devices.scanner.cascade import CascadeSettings, DecoderCascade
from devices.scanner.decoders import make_backend, repair_zbar_text
from tests.scanner.images import ID_CARDS, ZBAR_TRAPS, card_photo, photo_set, qr_image, read_ok


@pytest.fixture(scope="module")
def photos(sample_data):
    items = photo_set(sample_data)
    assert len(items) >= 130
    return [(path, cv2.imread(str(path), cv2.IMREAD_COLOR), text) for path, text in items]


def test_cascade_reads_more_real_photos_than_any_single_library(photos):
    cascade = DecoderCascade()
    singles = {name: make_backend(name) for name in ("zxing", "pyzbar")}
    read = {name: 0 for name in singles}
    read_cascade = 0
    for _path, image, text in photos:
        gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
        for name, backend in singles.items():
            read[name] += read_ok(backend(gray), text)
        read_cascade += read_ok(cascade.decode_still(image), text)
    best = max(read.values())
    assert read_cascade > best, (read_cascade, read)
    assert read_cascade >= 0.9 * len(photos)


def test_no_backend_reads_a_wrong_text_from_the_photos(photos):
    """Whatever a backend returns for a photo is that photo's text (or a part of a multi-code image)."""
    for _path, image, text in photos[::4]:
        for d in DecoderCascade(CascadeSettings(("zxing", "pyzbar"))).decode_still(image):
            assert d.text.replace("\r\n", "\n") in text or text in d.text


@pytest.mark.parametrize("payload", ID_CARDS)
def test_id_card_codes_without_eci_are_read_exactly_and_classified(payload):
    image = qr_image(payload)
    results = DecoderCascade().decode_still(image)
    assert [r.text for r in results] == [payload]
    assert classify(results[0].text).kind is Kind.ID_CARD


@pytest.mark.parametrize("seed", range(3))
def test_id_card_held_up_to_a_webcam_frame(seed):
    payload = ID_CARDS[seed]
    cascade = DecoderCascade()
    assert [r.text for r in cascade.decode_frame(card_photo(payload, seed))] == [payload]


@pytest.mark.parametrize("text", ZBAR_TRAPS + ID_CARDS)
def test_pyzbar_output_is_repaired_or_flagged_never_passed_on_garbled(text):
    """ZBar guesses Big5/Shift-JIS for UTF-8 without ECI (FORMATS §1.5)."""
    pyzbar = make_backend("pyzbar")
    results = pyzbar(qr_image(text))
    assert results, "pyzbar found no code at all"
    for r in results:
        assert r.text == text or r.suspect
        if r.repaired:
            assert r.text == text
    # The cascade with pyzbar alone never hands a suspect text on.
    only_pyzbar = DecoderCascade(CascadeSettings(("pyzbar",), ladder=False))
    assert all(r.text == text for r in only_pyzbar.decode_still(qr_image(text)))


def test_repair_of_known_zbar_mojibake():
    assert repair_zbar_text("HU廙淇H HI廕銳 THU廕昧") == ("HUỲNH HIẾU THUẬN", True, False)
    assert repair_zbar_text("N盻ｯ") == ("Nữ", True, False)
    assert repair_zbar_text("Phﾃｭ: 20.000 ﾄ黛ｻ渡g") == ("Phí: 20.000 đồng", True, False)
    assert repair_zbar_text("L礙 Anh S\uf6b1n")[2] is True  # unrecoverable: flagged
    assert repair_zbar_text("Nguyễn Văn An") == ("Nguyễn Văn An", False, False)


def test_with_eci_pyzbar_is_right_too():
    pyzbar = make_backend("pyzbar")
    assert [r.text for r in pyzbar(qr_image("Lê Anh Sơn", eci=True))] == ["Lê Anh Sơn"]


@pytest.mark.parametrize("image", [
    np.zeros((1, 1), np.uint8), np.zeros((8, 500), np.uint8), np.full((720, 1280), 255, np.uint8),
    np.random.default_rng(1).integers(0, 255, (240, 320), dtype=np.uint8),
])
def test_every_backend_survives_odd_frames(image):
    for name in ("zxing", "pyzbar", "opencv"):
        assert make_backend(name)(image) == []


def test_opencv_backend_is_optional_and_reads_ascii():
    assert "opencv" not in CascadeSettings().decoders
    opencv = make_backend("opencv")
    assert [r.text for r in opencv(qr_image("TCDS|1|BN01-261121-0007", 8))] == ["TCDS|1|BN01-261121-0007"]


def test_unknown_decoder_name_is_refused():
    with pytest.raises(ValueError):
        make_backend("tesseract")


def test_zbar_really_garbles_these_and_we_notice():
    """The trap is real on this machine's libzbar: one string is repaired, one cannot be and is dropped."""
    pyzbar = make_backend("pyzbar")
    (nu,) = pyzbar(qr_image("Nữ"))
    assert nu.repaired and nu.text == "Nữ"
    (son,) = pyzbar(qr_image("Lê Anh Sơn"))
    assert son.suspect and son.text != "Lê Anh Sơn"
    cascade = DecoderCascade(CascadeSettings(("pyzbar", "zxing"), ladder=False))  # pyzbar first, on purpose
    assert [(r.text, r.backend) for r in cascade.decode_still(qr_image("Lê Anh Sơn"))] == [("Lê Anh Sơn", "zxing")]
