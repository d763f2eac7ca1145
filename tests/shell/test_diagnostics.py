"""Technician diagnostics: the log tail on screen, and an export that carries no secrets."""

from __future__ import annotations

import zipfile
from pathlib import Path

from PySide6.QtCore import Qt

from kiosk.config import default_config
from kiosk.diagnostics import MASK, masked_config, tail


def test_masked_config_hides_every_secret() -> None:
    config = masked_config(default_config())
    assert config.security.technician_pin_hash == MASK
    assert config.station.name == default_config().station.name


def test_tail_returns_the_last_lines(tmp_path: Path) -> None:
    log = tmp_path / "kiosk.log"
    log.write_text("\n".join(f"line {i}" for i in range(1000)), encoding="utf-8")
    assert tail(log, 3).splitlines() == ["line 997", "line 998", "line 999"]
    assert tail(tmp_path / "missing.log") == ""


def test_screen_shows_the_log_and_exports_a_zip_without_secrets(make_app, qtbot, tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "kiosk.log").write_text("2026-11-21 INFO printer: ready\n2026-11-21 INFO submission abc queued\n",
                                    encoding="utf-8")
    app = make_app(logging={"dir": str(logs)})
    app.flow.go("technician.pin")
    for digit in "1234":
        qtbot.mouseClick(app.pin_screen.keys[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(app.pin_screen.keys["OK"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(app.tech_screen.diagnostics_button, Qt.MouseButton.LeftButton)
    screen = app.technician.diagnostics
    qtbot.waitUntil(lambda: "submission abc queued" in screen.log.toPlainText(), timeout=10000)
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Đã lưu" in screen.result.text(), timeout=10000)
    path = Path(screen.result.text().split(": ", 1)[1])
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        assert {"summary.json", "kiosk.toml", "logs/kiosk.log"} <= names
        settings = z.read("kiosk.toml").decode()
    assert default_config().security.technician_pin_hash not in settings and MASK in settings
