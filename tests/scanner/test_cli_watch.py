"""``kiosk qr watch``: the technician's live check of the configured camera."""

from __future__ import annotations

import json

import cv2

from kiosk.cli import main
from tests.scanner.images import qr_image


def test_watch_prints_each_code_once(tmp_path, capsys):
    folder = tmp_path / "cam"
    folder.mkdir()
    cv2.imwrite(str(folder / "a.png"), qr_image("1.004222", 6))
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[camera]\nkind = "simulated"\nsimulated_source = "{folder}"\nfps = 30\n', encoding="utf-8")
    assert main(["--config", str(config), "qr", "watch", "--seconds", "1"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines == [{"text": "1.004222", "backend": "zxing", "kind": "procedure"}]


def test_watch_reports_a_missing_camera(tmp_path, capsys):
    config = tmp_path / "kiosk.toml"
    config.write_text('[camera]\nkind = "opencv"\ndevice = "/dev/video-does-not-exist"\n', encoding="utf-8")
    assert main(["--config", str(config), "qr", "watch", "--seconds", "1"]) == 1
    assert "did not open" in capsys.readouterr().err
