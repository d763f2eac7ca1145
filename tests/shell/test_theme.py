"""One theme holds every style (issue 17): no widget styles itself, so the large-text mode reaches all of them."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

ROOT = Path(__file__).resolve().parents[2]
THEME = ROOT / "screens" / "shell" / "theme.py"
SKIP_DIRS = {".venv", "build", "dist", "screenshots", ".git", "node_modules"}
CALL = re.compile(r"\.setStyleSheet\s*\(")


def _python_files() -> list[Path]:
    return [p for p in ROOT.rglob("*.py") if not SKIP_DIRS & set(p.relative_to(ROOT).parts)]


def test_no_style_sheet_is_set_outside_the_theme_module() -> None:
    here = Path(__file__).resolve()
    offenders = [f"{p.relative_to(ROOT)}:{n}" for p in _python_files() if p.resolve() not in (THEME, here)
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if CALL.search(line)]
    assert not offenders, f"inline styles bypass the theme (and the large-text mode): {offenders}"


def test_the_check_would_see_an_inline_style(tmp_path: Path) -> None:
    sample = 'self.amount.setStyleSheet("font-size: 56px;")'
    assert CALL.search(sample) and not CALL.search("theme.apply(qapp, scale)")


def _font_px(app, screen_id: str, widget_type: type, name: str) -> int | None:
    """The widget's text size as styled, or None when this build's screen has no such widget."""
    if not app.navigator.has(screen_id):
        return None
    screen = app.navigator.screen(screen_id)
    app.flow.go(screen_id, screen.sample_params())
    QApplication.processEvents()
    widgets = screen.findChildren(widget_type, name)
    if not widgets:
        return None
    widgets[0].ensurePolished()
    return widgets[0].font().pixelSize()


STYLED = [  # widgets that used to carry their own style sheet
    ("payment", QLabel, "Amount"), ("payment", QLabel, "Headline"), ("tracking", QLabel, "Headline"),
    ("receipt.done", QLabel, "BigReference"), ("tracking", QPushButton, "OskKey"), ("procedures", QLabel, "ItemTitle"),
    ("health.results", QLabel, "HealthValue"), ("health.results", QLabel, "HealthBadge"),
    ("health.check", QLabel, "HealthLive"), ("consult.consent", QWidget, "ConsultConsent"),
    ("identity.scan", QLabel, "ScanPrompt"),
]


def test_large_text_mode_grows_the_text_that_screens_used_to_style_themselves(make_app) -> None:
    app = make_app()
    normal = {s: px for s in STYLED if (px := _font_px(app, *s)) is not None}
    present = list(normal)
    assert len(present) >= 8, "the screens changed: name other widgets that used to style themselves"
    app.set_large_text(True)
    large = {s: _font_px(app, *s) for s in present}
    app.set_large_text(False)
    small = [(s[0], s[2], normal[s], large[s]) for s in present if large[s] < round(normal[s] * 1.25)]
    assert not small, f"these did not grow in large-text mode (screen, widget, normal px, large px): {small}"
