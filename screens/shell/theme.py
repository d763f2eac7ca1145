"""Look and feel: colours with ≥ 4.5:1 contrast, text ≥ 28 px, touch targets ≥ 90 px (DESIGN §6).

The stylesheet is generated from a scale factor so the large-text mode only changes one number.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from core.paths import asset

# Colours (contrast against their backgrounds checked in tests/shell/test_theme.py)
INK = "#1A1A1A"  # body text on white: 17:1
PAPER = "#FFFFFF"
PAGE = "#F2F5F9"
PRIMARY = "#0B4F9C"  # white text on it: 8.3:1
PRIMARY_DARK = "#083B75"
ACCENT = "#B3261E"  # emergency red, white text: 6.5:1
OK = "#1B6E2F"  # green, white text: 6.3:1
WARN = "#8A5300"  # amber text on white: 5.9:1
MUTED = "#4A5563"  # secondary text on white: 7.4:1
BORDER = "#9AA5B1"

BODY_PX = 30
MIN_TARGET_PX = 96
FONT_FAMILY = "DejaVu Sans"


def load_fonts() -> str:
    """Register the bundled fonts so every kiosk renders Vietnamese the same. Returns the family."""
    fonts_dir = asset("fonts")
    family = FONT_FAMILY
    if fonts_dir.is_dir():
        for path in sorted(fonts_dir.glob("*.ttf")):
            font_id = QFontDatabase.addApplicationFont(str(path))
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            if families and "Bold" not in path.name:
                family = families[0]
    return family


def app_font(scale: float = 1.0, family: str = FONT_FAMILY) -> QFont:
    font = QFont(family)
    font.setPixelSize(round(BODY_PX * scale))
    return font


def stylesheet(scale: float = 1.0) -> str:
    def px(value: float) -> str:
        return f"{round(value * scale)}px"

    return f"""
QWidget {{ color: {INK}; font-size: {px(BODY_PX)}; }}
QMainWindow, #Page {{ background: {PAGE}; }}
#Stage, #Stage > #qt_scrollarea_viewport {{ background: {PAGE}; }}
#Header {{ background: {PRIMARY}; }}
#Header QLabel {{ color: white; }}
#StationName {{ font-size: {px(32)}; font-weight: bold; }}
#Clock {{ font-size: {px(28)}; font-weight: bold; }}
#OnlineBadge {{ border-radius: 8px; padding: 6px 16px; font-size: {px(28)}; }}
#OnlineBadge[online="true"] {{ background: {OK}; color: white; }}
#OnlineBadge[online="false"] {{ background: {WARN}; color: white; }}
#Header QPushButton {{ background: {PRIMARY_DARK}; color: white; border: 2px solid white; border-radius: 12px;
    padding: 8px 22px; min-height: {px(80)}; font-size: {px(28)}; }}
#Header QPushButton:checked {{ background: white; color: {PRIMARY}; }}
#Header QPushButton#CallStaff {{ background: #ffd24d; color: #1b1b1b; border-color: #ffd24d; font-weight: bold; }}
QPushButton {{ background: {PRIMARY}; color: white; border: none; border-radius: 14px; padding: 12px 28px;
    min-height: {px(MIN_TARGET_PX)}; font-size: {px(32)}; font-weight: bold; }}
QPushButton:pressed {{ background: {PRIMARY_DARK}; }}
QPushButton:disabled {{ background: #C9D1DA; color: #3D4752; }}
QPushButton[role="secondary"] {{ background: white; color: {PRIMARY}; border: 3px solid {PRIMARY}; }}
QPushButton[role="danger"] {{ background: {ACCENT}; color: white; }}
QPushButton[role="ok"] {{ background: {OK}; color: white; }}
QPushButton[role="secondary"]:disabled, QPushButton[role="danger"]:disabled, QPushButton[role="ok"]:disabled {{
    background: #C9D1DA; color: #3D4752; border: none; }}
#Tile {{ background: white; border: 3px solid {BORDER}; border-radius: 24px; }}
#Tile:pressed {{ background: #DCE8F6; border-color: {PRIMARY}; }}
#TileTitle {{ font-size: {px(40)}; font-weight: bold; color: {PRIMARY}; }}
#TileSubtitle {{ font-size: {px(28)}; color: {MUTED}; }}
#TileIcon {{ font-size: {px(60)}; color: white; background: {PRIMARY}; border-radius: 50px; }}
#ScreenTitle {{ font-size: {px(48)}; font-weight: bold; color: {PRIMARY}; }}
#Subtitle {{ font-size: {px(32)}; color: {MUTED}; }}
#Body {{ font-size: {px(BODY_PX)}; }}
#Card {{ background: white; border: 2px solid {BORDER}; border-radius: 18px; }}
#NavBar {{ background: white; border-top: 2px solid {BORDER}; }}
#StepLabel {{ font-size: {px(30)}; color: {MUTED}; font-weight: bold; }}
#Emergency {{ color: {ACCENT}; font-weight: bold; font-size: {px(40)}; }}
#Overlay {{ background: rgba(10, 20, 40, 170); }}
#Dialog {{ background: white; border-radius: 24px; border: 3px solid {PRIMARY}; }}
#Countdown {{ font-size: {px(96)}; font-weight: bold; color: {ACCENT}; }}
#PinDisplay {{ font-size: {px(56)}; letter-spacing: 12px; background: white; border: 2px solid {BORDER};
    border-radius: 12px; padding: 8px; }}
#KeyButton {{ min-height: {px(96)}; min-width: {px(150)}; font-size: {px(44)}; }}
#ErrorText {{ color: {ACCENT}; font-weight: bold; }}
#FieldCaption {{ font-weight: bold; }}
#FieldRow[invalid="true"] {{ border: 3px solid {ACCENT}; border-radius: 14px; background: #FDF0EF; }}
#FieldRow[invalid="true"] QLineEdit, #FieldRow[invalid="true"] QPlainTextEdit {{ border: 3px solid {ACCENT}; }}
QPushButton[choice="true"]:checked {{ background: {PRIMARY}; color: white; }}
QPushButton#ErrorSummary {{ background: white; color: {ACCENT}; border: 3px solid {ACCENT}; }}
#OkText {{ color: {OK}; font-weight: bold; }}
QLineEdit, QTextEdit, QPlainTextEdit, QComboBox {{ background: white; border: 2px solid {BORDER};
    border-radius: 10px; padding: 10px; min-height: {px(72)}; font-size: {px(32)}; }}
QLineEdit:focus, QTextEdit:focus, QPlainTextEdit:focus {{ border: 3px solid {PRIMARY}; }}
QCheckBox {{ font-size: {px(32)}; spacing: 20px; min-height: {px(MIN_TARGET_PX)}; }}
QCheckBox::indicator {{ width: {px(56)}; height: {px(56)}; }}
QScrollBar:vertical {{ width: {px(40)}; background: {PAGE}; }}
QScrollBar::handle:vertical {{ background: {BORDER}; min-height: 80px; border-radius: 12px; }}
QListWidget {{ background: white; border: 2px solid {BORDER}; border-radius: 12px; font-size: {px(32)}; }}
QListWidget::item {{ min-height: {px(MIN_TARGET_PX)}; padding: 8px 16px; border-bottom: 1px solid #E1E6EC; }}
QListWidget::item:selected {{ background: #DCE8F6; color: {INK}; }}
QTableWidget {{ background: white; font-size: {px(26)}; }}
QHeaderView::section {{ font-size: {px(26)}; font-weight: bold; padding: 8px; }}
"""
