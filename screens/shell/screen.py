"""Base class of every screen: intents out (signals), state in (enter/reset), texts via retranslate().

Runs on the GUI thread. A screen never calls a device, the queue or the network (DESIGN §3.3):
it emits what the resident asked for and its area's journey controller decides.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QLabel, QWidget

from core.visit import Visit

# The labels that hold a step's title and its instruction (object names the theme styles): what
# "Nghe hướng dẫn" reads unless a screen says better in spoken_text().
SPOKEN_LABELS = ("ScreenTitle", "Subtitle", "ScanPrompt")
SPOKEN_PARTS = 2  # the title and its instruction: a reading, not the whole page


def plain_text(text: str) -> str:
    """A label's text as it is read aloud: no markup, one line."""
    if GuiQt.mightBeRichText(text):
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    return " ".join(text.split())


def sentences(parts: list[str]) -> str:
    """Parts joined so the voice pauses between them (a title has no full stop of its own)."""
    out = []
    for part in (plain_text(p) for p in parts):
        if part:
            out.append(part if part[-1] in ".!?…:" else part + ".")
    return " ".join(out)


class Screen(QWidget):
    screen_id: ClassVar[str] = ""
    idle_seconds: ClassVar[float | None] = None  # None: the configured default; 0: never times out
    show_nav: ClassVar[bool] = True  # the Back / Home bar under the screen
    # The area's journey controller, set by its install() and kept alive as long as the screen; screens that
    # own one narrow the type (``controller: BillsController | None``). Screens never call it: it listens to them.
    controller: object | None = None

    navigate = Signal(str, dict)  # go to a step, with parameters
    back_requested = Signal()
    home_requested = Signal()
    failed = Signal(str, object)  # failure code, saved reference or None
    step_info_changed = Signal()  # "step n of m" changed while on the screen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Page")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # paint the page colour itself
        self.visit: Visit | None = None
        self.build()
        self.retranslate()

    # ---- to override ---------------------------------------------------------------------------
    def build(self) -> None:
        """Create the widgets (once)."""

    def retranslate(self) -> None:
        """Set every visible text (called at start and on every language change)."""

    def enter(self, visit: Visit, params: dict[str, Any]) -> None:
        """The screen is about to be shown for ``visit``."""
        self.visit = visit

    def leave(self) -> None:
        """The screen is being hidden."""

    def reset(self) -> None:
        """The visit ended: clear every field the resident filled or saw."""
        self.visit = None

    def step_info(self) -> tuple[int, int] | None:
        """(step, of) for multi-step journeys, shown as "Bước 2/4"."""
        return None

    def spoken_text(self) -> str:
        """What "Nghe hướng dẫn" and the voice mode read: the step's title and instruction, as shown (so in
        the current language). Default: the visible title and instruction labels; screens override it when
        the instruction lives elsewhere."""
        parts = [lab.text() for lab in self.findChildren(QLabel)
                 if lab.objectName() in SPOKEN_LABELS and lab.isVisibleTo(self) and lab.text().strip()]
        if parts:
            return sentences(parts[:SPOKEN_PARTS])
        # a screen with nothing to read (a video call: the doctor speaks) stays silent
        return sentences([self.title()]) if self.title() != self.screen_id else ""

    def title(self) -> str:
        """Short name of the screen: the window title and the accessible name of the page area."""
        return self.screen_id

    @classmethod
    def sample_params(cls) -> dict[str, Any]:
        """Parameters that make the screen show something meaningful in screenshots/self-test."""
        return {}

    # ---- Qt ------------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
