"""Layouts that fit (issue 17): every screen, on the three panels, in both languages and in large text, has no
widget clipped by its parent, none under the footer or off the panel, and no label or button whose words are cut.

Each panel runs in its own process (the offscreen screen size is fixed per process): tests/shell/layout_fit_probe.py
visits every screen the way ``make screenshots`` does and reports kiosk.layout_fit's findings.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QVBoxLayout, QWidget

from kiosk.layout_fit import layout_problems

ROOT = Path(__file__).resolve().parents[2]
PANELS = {"landscape": "offscreen.json", "portrait": "offscreen_portrait.json", "small": "offscreen_small.json"}

# What is still known to be wrong, per panel ("language[+large]:screen"; "questions+keyboard" is the questions screen
# with its keyboard open). Empty: every screen fits all three panels in both languages and large text. Anything not
# listed fails the test; an entry that no longer happens is printed, to be removed.
KNOWN: dict[str, set[str]] = {"landscape": set(), "portrait": set(), "small": set()}


def _probe(panel: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={ROOT / 'tests' / PANELS[panel]}")
    run = subprocess.run([sys.executable, str(Path(__file__).with_name("layout_fit_probe.py"))], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(run.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("panel", list(PANELS))
def test_every_screen_fits_its_panel_in_both_languages_and_large_text(panel: str) -> None:
    report = _probe(panel)
    assert report["visited"] >= 4 * 30, "every screen, in vi/en and normal/large text"
    new = {k: v for k, v in report["problems"].items() if k not in KNOWN[panel]}
    assert not new, f"layout problems on the {report['panel']} panel:\n" + "\n".join(
        f"{k}:\n  " + "\n  ".join(v) for k, v in new.items())
    # home's tiles may scroll in large text only: in normal text every service is in view on every panel
    assert not [k for k in report["home_scrolls"] if "+large" not in k], report["home_scrolls"]
    fixed = KNOWN[panel] - set(report["problems"])
    if fixed:
        print(f"these fit now on the {panel} panel (remove them from KNOWN when they stay fixed): {sorted(fixed)}")


class _Window(QWidget):
    """The shape kiosk.layout_fit expects: a window with a ``stage`` scroll area holding the screen."""

    def __init__(self) -> None:
        super().__init__()
        self.resize(800, 600)
        self.stage = QScrollArea(self)
        self.stage.setGeometry(0, 100, 800, 400)  # a header above, a footer below
        self.stage.setWidgetResizable(True)
        self.screen_widget = QWidget()
        self.stage.setWidget(self.screen_widget)


def test_the_checker_sees_a_clipped_widget_a_widget_under_the_footer_and_cut_words(qtbot) -> None:
    window = _Window()
    qtbot.addWidget(window)
    window.show()
    screen = window.screen_widget
    box = QVBoxLayout(screen)
    fine = QLabel("Vui lòng chạm vào đây")
    box.addWidget(fine)
    box.addStretch(1)
    qtbot.waitExposed(window)
    assert layout_problems(window, screen) == []
    cut = QLabel("In phiếu kết quả đo sức khỏe", screen)  # no word wrap, far narrower than its words
    cut.setGeometry(10, 10, 60, 40)
    cut.show()
    QApplication.processEvents()
    assert any("text cut" in p and "In phiếu" in p for p in layout_problems(window, screen))
    cut.hide()
    clipped = QLabel("Bỏ qua", fine)  # reaches past its parent's right edge
    clipped.setGeometry(fine.width() - 20, 0, 200, 30)
    clipped.show()
    QApplication.processEvents()
    assert any("clipped" in p for p in layout_problems(window, screen))
    clipped.hide()
    screen.setMinimumHeight(700)  # taller than the stage: its bottom is under the footer
    qtbot.waitUntil(lambda: screen.height() >= 700)
    low = QLabel("Giữ ảnh này", screen)
    low.setGeometry(10, 600, 200, 60)
    low.show()
    QApplication.processEvents()
    problems = layout_problems(window, screen)
    assert any("under the footer" in p and "Giữ ảnh này" in p for p in problems)
    assert any("larger than the stage" in p for p in problems)
