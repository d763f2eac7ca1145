"""``kiosk qr decode|parse|make`` as a technician runs them."""

from __future__ import annotations

import json

from kiosk.cli import main

CARD = "096200000004|381900004|Lê Anh Sơn|20122000|Nam|Ấp Một, Xã Quách Phẩm, Tỉnh Cà Mau|18082025||||"


def test_make_then_decode_prints_one_json_line_per_image(tmp_path, capsys, sample_data):
    png = tmp_path / "card.png"
    assert main(["qr", "make", CARD, "--out", str(png)]) == 0
    photo = sample_data / "qr-photos/zxing-cpp/qrcode-2/13.webp"  # only read after the preprocessing ladder
    missing = tmp_path / "nope.png"
    capsys.readouterr()
    assert main(["qr", "decode", str(png), str(photo), str(missing), "--classify"]) == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["file"] for line in lines] == [str(png), str(photo), str(missing)]
    card = lines[0]["codes"][0]
    assert card["text"] == CARD and card["backend"] == "zxing" and lines[0]["ms"] >= 0
    assert card["classification"]["kind"] == "id_card"
    assert card["classification"]["value"]["full_name"] == "Lê Anh Sơn"
    assert lines[1]["codes"][0]["backend"].startswith("pyzbar+")
    assert lines[2]["error"] == "unreadable image"


def test_decode_with_pyzbar_only_still_gets_the_vietnamese_right_or_nothing(tmp_path, capsys):
    png = tmp_path / "card.png"
    main(["qr", "make", CARD, "--out", str(png)])
    capsys.readouterr()
    main(["qr", "decode", str(png), "--decoders", "pyzbar", "--no-ladder"])
    codes = json.loads(capsys.readouterr().out)["codes"]
    assert all(code["text"] == CARD for code in codes)


def test_parse_prints_the_classification(capsys):
    assert main(["qr", "parse", "https://dichvucong.gov.vn.evil.example/?ma_thu_tuc=1.004222"]) == 1
    assert json.loads(capsys.readouterr().out) == {"kind": "untrusted_link", "reason": "link.host_not_allowed"}
    assert main(["qr", "parse", "TCDS|1|BN01-261121-0007"]) == 0
    assert json.loads(capsys.readouterr().out)["value"] == {"local_ref": "BN01-261121-0007", "hub_ref": None}


def test_unknown_decoder_is_a_usage_error(tmp_path, capsys):
    assert main(["qr", "decode", "x.png", "--decoders", "tesseract"]) == 2
