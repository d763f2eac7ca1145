"""``kiosk qr decode|parse|make`` as a technician runs them."""

from __future__ import annotations

import json

from kiosk.cli import main

CARD = "096200000004|381900004|Lê Anh Sơn|20122000|Nam|Ấp Một, Xã Quách Phẩm, Tỉnh Cà Mau|18082025||||"


def test_make_then_decode_prints_one_json_line_per_image(tmp_path, capsys, sample_data):
    png = tmp_path / "card.png"
    assert main(["qr", "make", CARD, "--out", str(png)]) == 0
    photo = sample_data / "qr-photos/zxing-cpp/qrcode-2/13.webp"  # only read by one of the extra steps
    missing = tmp_path / "nope.png"
    capsys.readouterr()
    assert main(["qr", "decode", str(png), str(photo), str(missing), "--classify"]) == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["file"] for line in lines] == [str(png), str(photo), str(missing)]
    card = lines[0]["codes"][0]
    assert card["text"] == CARD and card["backend"] == "zxing" and lines[0]["ms"] >= 0
    assert card["classification"]["kind"] == "id_card"
    assert card["classification"]["value"]["full_name"] == "Lê Anh Sơn"
    assert "+" in lines[1]["codes"][0]["backend"]  # e.g. "zxing+crop-global"
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


def test_decode_live_reads_a_small_code_as_the_kiosk_would_or_gives_the_advice(tmp_path, capsys, sample_data):
    """``--live`` is the kiosk's own live path (same cascade, same budgets) on an image held in view for 3 s."""
    import cv2

    from devices.scanner.decoders import make_backend, to_gray
    from tests.scanner.synthetic import id_card_payloads
    from tests.scanner.test_hard_frames import small_code_frame

    payload = id_card_payloads(sample_data)[0]
    small, far = tmp_path / "small.png", tmp_path / "far.png"
    cv2.imwrite(str(small), small_code_frame("1.004222", 1.4))  # 30 px across in a 1280x720 frame
    cv2.imwrite(str(far), small_code_frame(payload, 0.8))
    assert make_backend("zxing")(to_gray(cv2.imread(str(small)))) == []  # zxing-cpp alone cannot
    capsys.readouterr()
    main(["qr", "decode", str(small), str(far), "--live"])
    read, advised = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [c["text"] for c in read["codes"]] == ["1.004222"] and 1 < read["frame"] <= 45
    assert advised["codes"] == [] and advised["guidance"] == "move_closer"
    main(["qr", "decode", str(small)])  # the still path: the same steps, all at once
    assert [c["text"] for c in json.loads(capsys.readouterr().out)["codes"]] == ["1.004222"]
