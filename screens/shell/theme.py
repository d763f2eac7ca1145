"""Look and feel: colours with ≥ 4.5:1 contrast, text ≥ 28 px, touch targets ≥ 90 px (DESIGN §6).

The one place that styles widgets: every screen names its widgets (object names, dynamic properties such as
``role`` or ``level``) and this stylesheet says how they look. It is generated from a scale factor, so the
large-text mode changes one number and reaches every screen (tests/shell/test_theme.py forbids
``setStyleSheet`` anywhere else).
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

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


REFERENCE_PANEL_PX = 1080  # the short side of the panels the sizes above were chosen for (21.5-inch, 1080p)
SMALLEST_PANEL_SCALE = 0.75


def panel_scale(width: int, height: int) -> float:
    """How much smaller than on a 1080p panel everything is drawn on a smaller one (1366×768: 0.75).

    Such panels are physically smaller too (15.6–18.5 inch, larger pixels), so the text keeps about its
    size in millimetres while the screens keep their proportions.
    """
    short = min(width, height)
    if short <= 0:
        return 1.0
    return max(SMALLEST_PANEL_SCALE, min(1.0, short / REFERENCE_PANEL_PX))


def screen_panel_scale() -> float:
    """:func:`panel_scale` of the primary screen (1.0 when there is none): for sizes set in code, not in QSS."""
    screen = QGuiApplication.primaryScreen()
    return panel_scale(screen.geometry().width(), screen.geometry().height()) if screen is not None else 1.0


def apply(target: QApplication | QWidget, scale: float = 1.0, chrome: float = 1.0) -> None:
    """Style the whole application (or a lone window such as the repair screen): the screens at ``scale``, the
    header at ``chrome`` (the panel's scale alone: large text leaves the header as it is)."""
    target.setStyleSheet(stylesheet(scale, chrome))


def apply_repair(window: QWidget) -> None:
    """The repair screen's window: it sets its own fonts, so only the colours come from here."""
    window.setStyleSheet(f"#repair {{ background: {PAGE}; }} QLabel {{ color: {INK}; }}")


def stylesheet(scale: float = 1.0, chrome: float = 1.0) -> str:
    return _base(scale, chrome) + _chrome(chrome) + _areas(scale, chrome)


def _base(scale: float, panel: float) -> str:
    """``px`` for text (grows in large-text mode), ``target`` for touch sizes (a finger does not grow)."""
    def px(value: float) -> str:
        return f"{round(value * scale)}px"

    def target(value: float) -> str:
        return f"{round(value * panel)}px"

    return f"""
QWidget {{ color: {INK}; font-size: {px(BODY_PX)}; }}
QMainWindow, #Page {{ background: {PAGE}; }}
#Stage, #Stage > #qt_scrollarea_viewport {{ background: {PAGE}; }}
QPushButton {{ background: {PRIMARY}; color: white; border: none; border-radius: 14px;
    padding: {target(12)} {target(28)}; min-height: {target(MIN_TARGET_PX)}; font-size: {px(32)}; font-weight: bold; }}
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
#TileIcon {{ font-size: {px(60)}; color: white; background: {PRIMARY}; border-radius: {target(49)}; }}
#ScreenTitle {{ font-size: {px(48)}; font-weight: bold; color: {PRIMARY}; }}
#Subtitle {{ font-size: {px(32)}; color: {MUTED}; }}
#Body {{ font-size: {px(BODY_PX)}; }}
#Card, #SummaryCard {{ background: white; border: 2px solid {BORDER}; border-radius: 18px; }}
#NavBar {{ background: white; border-top: 2px solid {BORDER}; }}
#StepLabel {{ font-size: {px(30)}; color: {MUTED}; font-weight: bold; }}
#Emergency {{ color: {ACCENT}; font-weight: bold; font-size: {px(40)}; }}
#Overlay {{ background: rgba(10, 20, 40, 170); }}
#Dialog {{ background: white; border-radius: 24px; border: 3px solid {PRIMARY}; }}
#Countdown {{ font-size: {px(96)}; font-weight: bold; color: {ACCENT}; }}
#PinDisplay {{ font-size: {px(56)}; letter-spacing: 12px; background: white; border: 2px solid {BORDER};
    border-radius: 12px; padding: 8px; }}
#KeyButton {{ min-height: {target(96)}; min-width: {target(150)}; font-size: {px(44)}; }}
#ErrorText {{ color: {ACCENT}; font-weight: bold; }}
#FieldCaption {{ font-weight: bold; }}
#FieldRow[invalid="true"] {{ border: 3px solid {ACCENT}; border-radius: 14px; background: #FDF0EF; }}
#FieldRow[invalid="true"] QLineEdit, #FieldRow[invalid="true"] QPlainTextEdit {{ border: 3px solid {ACCENT}; }}
QPushButton[choice="true"]:checked {{ background: {PRIMARY}; color: white; }}
QPushButton#ErrorSummary {{ background: white; color: {ACCENT}; border: 3px solid {ACCENT}; }}
#OkText {{ color: {OK}; font-weight: bold; }}
QLineEdit, QTextEdit, QPlainTextEdit, QComboBox {{ background: white; border: 2px solid {BORDER};
    border-radius: 10px; padding: 10px; min-height: {target(72)}; font-size: {px(32)}; }}
QLineEdit:focus, QTextEdit:focus, QPlainTextEdit:focus {{ border: 3px solid {PRIMARY}; }}
QCheckBox {{ font-size: {px(32)}; spacing: 20px; min-height: {target(MIN_TARGET_PX)}; }}
QCheckBox::indicator {{ width: {px(56)}; height: {px(56)}; }}
QScrollBar:vertical {{ width: {px(40)}; background: {PAGE}; }}
QScrollBar::handle:vertical {{ background: {BORDER}; min-height: 80px; border-radius: 12px; }}
QListWidget {{ background: white; border: 2px solid {BORDER}; border-radius: 12px; font-size: {px(32)}; }}
QListWidget::item {{ min-height: {target(MIN_TARGET_PX)}; padding: 8px 16px; border-bottom: 1px solid #E1E6EC; }}
QListWidget::item:selected {{ background: #DCE8F6; color: {INK}; }}
QTableWidget {{ background: white; font-size: {px(26)}; }}
QHeaderView::section {{ font-size: {px(26)}; font-weight: bold; padding: 8px; }}
"""


HIGH = "#A8320A"  # health "see a doctor soon": white text 6.2:1
LEVEL_COLOURS = {"good": OK, "caution": WARN, "high": HIGH, "urgent": ACCENT}  # core.health.rules.Level values


def _chrome(scale: float) -> str:
    """The header keeps its size in large-text mode (its text is ≥ 28 px already): the room goes to the screen."""
    def fixed(value: float) -> str:
        return f"{round(value * scale)}px"

    return f"""
#Header {{ background: {PRIMARY}; }}
#Header QLabel {{ color: white; }}
#StationName {{ font-size: {fixed(32)}; font-weight: bold; }}
#Clock {{ font-size: {fixed(28)}; font-weight: bold; }}
#OnlineBadge {{ border-radius: 8px; padding: 6px 16px; font-size: {fixed(28)}; }}
#OnlineBadge[online="true"] {{ background: {OK}; color: white; }}
#OnlineBadge[online="false"] {{ background: {WARN}; color: white; }}
#Header QPushButton {{ background: {PRIMARY_DARK}; color: white; border: 2px solid white; border-radius: 12px;
    padding: {fixed(8)} {fixed(22)}; min-height: {fixed(80)}; font-size: {fixed(28)}; }}
#Header QPushButton:checked {{ background: white; color: {PRIMARY}; }}
#NavBar QPushButton {{ min-height: {fixed(MIN_TARGET_PX)}; }}
#Header QPushButton#CallStaff {{ background: #ffd24d; color: #1b1b1b; border-color: #ffd24d; font-weight: bold; }}
#Header QPushButton#Listen {{ background: white; color: {PRIMARY}; font-weight: bold; }}
#Header QPushButton#Listen[speaking="true"] {{ background: {PRIMARY_DARK}; color: white; border: 4px solid #ffd24d; }}
"""


def _areas(scale: float, panel: float) -> str:
    """The styles of single areas, named by their widgets' object names."""
    def px(value: float) -> str:
        return f"{round(value * scale)}px"

    def target(value: float) -> str:
        return f"{round(value * panel)}px"

    levels = "".join(f'#HealthBadge[level="{k}"] {{ background: {c}; }}\n'
                     f'#HealthCategory[level="{k}"] {{ color: {c}; }}\n' for k, c in LEVEL_COLOURS.items())
    return f"""
#Strong {{ font-weight: bold; }}
#Headline {{ font-size: {px(38)}; font-weight: bold; }}
#Headline[tone="ok"] {{ color: {OK}; }}
#Headline[tone="error"] {{ color: {ACCENT}; }}
#Amount {{ font-size: {px(56)}; font-weight: bold; }}
#BigReference {{ font-size: {px(64)}; font-weight: bold; letter-spacing: 2px; }}
#Listing {{ background: white; }}
#TechLog {{ font-family: "DejaVu Sans Mono"; font-size: 20px; }}
QPushButton[role="secondary"]:checked {{ background: {PRIMARY}; color: white; }}
QCheckBox::indicator {{ border: 4px solid {PRIMARY}; border-radius: 8px; background: white; }}
QCheckBox::indicator:checked {{ background: {PRIMARY}; }}
QCheckBox#HealthConsent, QCheckBox#ConsultConsent, QCheckBox#ConsultLink {{ font-size: {px(34)}; font-weight: bold;
    spacing: 20px; }}
QCheckBox#HealthConsent::indicator, QCheckBox#ConsultConsent::indicator, QCheckBox#ConsultLink::indicator {{
    width: {px(64)}; height: {px(64)}; }}
#SectionHeading {{ font-size: {px(36)}; font-weight: bold; color: {PRIMARY}; }}
#ItemTitle {{ font-size: {px(32)}; font-weight: bold; color: {PRIMARY}; }}
#ItemSubtitle {{ font-size: {px(28)}; color: {MUTED}; }}
QPushButton[role="ok"] #ItemTitle, QPushButton[role="ok"] #ItemSubtitle {{ color: white; }}
#Field {{ font-size: {px(34)}; font-weight: bold; }}
QPushButton#OskKey {{ background: white; color: {INK}; border: 2px solid {BORDER}; border-radius: 12px;
    padding: 0px; min-height: {target(92)}; min-width: {target(88)}; font-size: {px(38)}; font-weight: normal; }}
QPushButton#OskKey:pressed {{ background: #DCE8F6; border-color: {PRIMARY}; }}
QPushButton#OskKey[special="true"] {{ background: #E4EAF1; font-size: {px(30)}; font-weight: bold; }}
QPushButton#OskKey[special="true"]:checked {{ background: {PRIMARY}; color: white; }}
QPushButton#OskKey[special="enter"] {{ background: {OK}; color: white; font-size: {px(30)}; font-weight: bold; }}
#ScanWidget QLabel {{ font-size: {px(30)}; }}
#ScanWidget QLabel#ScanPrompt {{ font-size: {px(36)}; font-weight: 600; }}
#ScanWidget QLabel#ScanPrivacy {{ font-size: {px(28)}; color: #3c4a57; }}
#ScanWidget QLabel#ScanFeedback {{ font-size: {px(30)}; color: #8a1c1c; font-weight: 600; }}
#ScanWidget QLabel#ScanHint {{ font-size: {px(30)}; color: #0b4f8a; }}
#ScanWidget QPushButton {{ min-height: {target(MIN_TARGET_PX)}; font-size: {px(30)}; padding: 0 32px; }}
#HealthCardHeading {{ font-size: {px(32)}; color: {PRIMARY}; font-weight: bold; }}
#HealthValue {{ font-size: {px(52)}; font-weight: bold; color: {INK}; }}
#HealthBadge {{ color: white; border-radius: 12px; padding: 8px 20px; font-weight: bold; }}
#HealthCategory {{ font-weight: bold; font-size: {px(30)}; }}
{levels}#HealthNote {{ color: {MUTED}; font-size: {px(28)}; }}
#HealthUrgent {{ background: {ACCENT}; border-radius: 18px; }}
#HealthUrgent QLabel {{ color: white; }}
#HealthUrgentTitle {{ font-size: {px(44)}; font-weight: bold; }}
#HealthLive {{ font-size: {px(88)}; font-weight: bold; }}
#ConsultStage {{ background: #101418; border-radius: 12px; }}
#ConsultRemote {{ color: #f0f0f0; font-size: {px(32)}; padding: 0 48px; }}
#ConsultSelf {{ background: #333; border: 3px solid #fff; border-radius: 8px; }}
#ConsultCaption {{ background: #fff8d6; color: #1b1b1b; font-size: {px(38)}; font-weight: bold; padding: 12px 20px;
    border-radius: 8px; }}
QPushButton#ConsultEnd {{ background: #b00020; color: white; font-size: {px(40)}; font-weight: bold;
    min-height: {target(110)}; border-radius: 12px; }}
#ConsultBanner[warning="true"] {{ background: #fff3cd; color: #5c3c00; padding: 8px; border-radius: 8px; }}
#ConsultAdvice {{ background: #eef6ee; padding: 16px; border-radius: 8px; font-size: {px(32)}; }}
QLineEdit#ConsultPhone {{ font-size: {px(40)}; padding: 10px; }}
"""
