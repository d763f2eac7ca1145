"""Home: ten large tiles, one per service. The attract screen; it never times out."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout

from screens.shell.screen import Screen
from screens.widgets.basics import label, panel_is_portrait, title

# (screen id, icon glyph from the bundled DejaVu font)
SERVICES = (
    ("procedures", "☰"),
    ("dossier", "✎"),
    ("tracking", "⌕"),
    ("payment", "₫"),
    ("report", "⚠"),
    ("health", "♥"),
    ("bills", "▤"),
    ("questions", "?"),
    ("prepared", "▦"),
    ("vneid", "◈"),
)


LANDSCAPE_ROWS = 3  # rows of tiles a landscape stage holds above the footer


class Tile(QPushButton):
    """A big pressable card: icon, title, one line saying what it is for."""

    def __init__(self, service: str, glyph: str) -> None:
        super().__init__()
        self.service = service
        self.setObjectName("Tile")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(140)  # a big target still; three rows must fit a 768-pixel panel
        row = QHBoxLayout(self)
        row.setContentsMargins(28, 20, 28, 20)
        row.setSpacing(28)
        self.icon = label(glyph, "TileIcon", wrap=False)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.icon.setFixedSize(100, 100)
        texts = QVBoxLayout()
        self.heading = label(name="TileTitle")
        self.subtitle = label(name="TileSubtitle")
        texts.addStretch(1)
        texts.addWidget(self.heading)
        texts.addWidget(self.subtitle)
        texts.addStretch(1)
        row.addWidget(self.icon)
        row.addLayout(texts, 1)
        for child in (self.icon, self.heading, self.subtitle):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)


class HomeScreen(Screen):
    screen_id = "home"
    idle_seconds = 0
    show_nav = False
    service_chosen = Signal(str)

    def build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 32, 48, 32)
        outer.setSpacing(24)
        self.welcome = title()
        self.hint = label(name="Subtitle")
        outer.addWidget(self.welcome)
        outer.addWidget(self.hint)
        self.grid = QGridLayout()
        self.grid.setSpacing(28)
        outer.addLayout(self.grid, 1)
        self.tiles: dict[str, Tile] = {}
        for service, glyph in SERVICES:
            tile = Tile(service, glyph)
            tile.clicked.connect(lambda _=False, s=service: self.navigate.emit(s, {}))
            self.tiles[service] = tile
        self._arrange(columns=3)

    def _arrange(self, columns: int) -> None:
        for i, (service, _) in enumerate(SERVICES):
            self.grid.addWidget(self.tiles[service], i // columns, i % columns)

    def _columns_that_fit(self, icons: bool = True, most: int | None = None) -> int:
        """As many columns as fit without breaking a word of a tile title (large text, long English words):
        three on a landscape panel (or ``most``), two upright, fewer when the words need it."""
        widest = max(tile.heading.fontMetrics().horizontalAdvance(word)
                     for tile in self.tiles.values() for word in tile.heading.text().split() or [""])
        tile_needs = widest + (100 + 28 if icons else 0) + 28 * 2 + 16  # the word, the icon, margins and spacing
        usable = self.width() - 48 * 2
        upright = most or (2 if panel_is_portrait(self) else 3)
        for columns in range(upright, 1, -1):
            if usable - 28 * (columns - 1) >= columns * tile_needs:
                return columns
        return 1

    def _rearrange(self) -> None:
        count = len(self.tiles)
        columns, icons = self._columns_that_fit(), True
        if columns == 1 and count > 8 and self._columns_that_fit(icons=False) > 1:
            # nine tiles in one column do not fit an upright panel: two columns of words without their icons
            columns, icons = 2, False
        elif not panel_is_portrait(self) and -(-count // columns) > LANDSCAPE_ROWS:
            # a fourth row falls under the footer of a landscape panel: one more column (ten tiles: four), of words
            # without their icons, which would squeeze the titles into three lines and the tiles past the footer
            wider = -(-count // LANDSCAPE_ROWS)
            if self._columns_that_fit(icons=False, most=wider) >= wider:
                columns, icons = wider, False
        for tile in self.tiles.values():
            tile.icon.setVisible(icons)
        if getattr(self, "_columns", None) != columns:
            self._columns = columns
            for tile in self.tiles.values():
                self.grid.removeWidget(tile)
            self._arrange(columns)

    def resizeEvent(self, event: QEvent) -> None:
        self._rearrange()
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._rearrange()

    def retranslate(self) -> None:
        self.welcome.setText(self.tr("Welcome to the digital citizen station"))
        self.hint.setText(self.tr("Touch a service to begin. Staff are nearby if you need help."))
        texts = {
            "procedures": (self.tr("Administrative procedures"), self.tr("Look up papers, fees, steps")),
            "dossier": (self.tr("Submit a dossier"), self.tr("Scan your ID card, photograph papers")),
            "tracking": (self.tr("Track a dossier"), self.tr("Scan the code on your receipt")),
            "payment": (self.tr("Pay fees"), self.tr("Bank transfer with VietQR")),
            "report": (self.tr("Report security and order"), self.tr("Tell the ward police about a problem")),
            "health": (self.tr("Health check"), self.tr("Blood pressure, SpO2, temperature, weight")),
            "bills": (self.tr("Pay a bill"), self.tr("Electricity, water, school, health insurance")),
            "questions": (self.tr("Questions"), self.tr("Ask in your own words")),
            "prepared": (self.tr("Prepared at home"), self.tr("Scan the QR code on your phone")),
            "vneid": (self.tr("VNeID"), self.tr("Electronic ID: activate level 2")),
        }
        for service, (heading, subtitle) in texts.items():
            self.tiles[service].heading.setText(heading)
            self.tiles[service].subtitle.setText(subtitle)

    def title(self) -> str:
        return self.tr("Home")
