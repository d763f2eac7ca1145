"""Technician/operator status: device states, sync status at a glance, and the actions to fix things.

Renders what the bus reports (sync status is read from the queue database by the sync worker).
"""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QLabel, QVBoxLayout, QWidget

from core.ages import format_age
from screens.shell import theme
from screens.shell.screen import Screen
from screens.technician.words import detail_text, device_name, state_line
from screens.widgets.action_page import page_margins, scaled
from screens.widgets.basics import big_button, card, label, restyle, scroll_area, title
from screens.widgets.fit_row import FitRow

TITLE_PX = 48  # #ScreenTitle in theme.py at normal text: how much larger large text made the words
STATUSES = ("queued", "sending", "retry", "rejected", "sent")


age_text = format_age  # operators read the same ages on screen and in `kiosk queue status`


class TechnicianStatusScreen(Screen):
    screen_id = "technician"
    show_nav = False
    sync_now_requested = Signal()
    test_print_requested = Signal()
    exit_requested = Signal()
    devices_requested = Signal()
    submissions_requested = Signal()
    enrol_requested = Signal()
    diagnostics_requested = Signal()
    doctor_requested = Signal()

    def build(self) -> None:
        layout = QVBoxLayout(self)
        page_margins(layout, 48, 24, spacing=12)
        self.heading = title()
        # Side by side in landscape; stacked on portrait panels (see resizeEvent).
        self.cards = row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        sync_card, sync_box = card()
        self.sync_title = label(name="TileTitle")
        sync_box.addWidget(self.sync_title)
        self.sync_grid = QGridLayout()
        sync_box.addLayout(self.sync_grid)
        self.sync_labels: dict[str, tuple[Any, Any]] = {}
        keys = ["phase", *STATUSES, "oldest", "last_success", "last_attempt", "last_error", "catalogue"]
        for i, key in enumerate(keys):
            name, value = label(), label(name="Body")
            self.sync_grid.addWidget(name, i, 0)
            self.sync_grid.addWidget(value, i, 1)
            self.sync_labels[key] = (name, value)
        dev_card, dev_box = card()
        self.dev_title = label(name="TileTitle")
        dev_box.addWidget(self.dev_title)
        self.dev_grid = QGridLayout()
        dev_box.addLayout(self.dev_grid)
        dev_box.addStretch(1)
        row.addWidget(sync_card, 3)
        row.addWidget(dev_card, 2)
        holder = QWidget()
        column = QVBoxLayout(holder)  # the title scrolls with the cards: the buttons below keep their room
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.heading)
        column.addLayout(row, 1)
        layout.addWidget(scroll_area(holder), 1)
        self.feedback = label(name="OkText")
        layout.addWidget(self.feedback)
        self.feedback.hide()
        # as many side by side as their words allow (four on a landscape panel, two upright): the status cards
        # above keep the room to be read
        buttons = FitRow(spacing=scaled(12))
        self.sync_button = big_button()
        self.print_button = big_button(role="secondary")
        self.exit_button = big_button(role="danger")
        self.devices_button = big_button(role="secondary")
        self.submissions_button = big_button(role="secondary")
        buttons.add(self.sync_button)
        buttons.add(self.print_button)
        buttons.add(self.devices_button)
        buttons.add(self.submissions_button)
        self.enrol_button = big_button(role="secondary")
        self.diagnostics_button = big_button(role="secondary")
        buttons.add(self.enrol_button)
        buttons.add(self.diagnostics_button)
        self.doctor_button = big_button(role="secondary")
        buttons.add(self.doctor_button)
        buttons.add(self.exit_button)
        self.diagnostics_button.clicked.connect(self.diagnostics_requested)
        self.doctor_button.clicked.connect(self.doctor_requested)
        self.enrol_button.clicked.connect(self.enrol_requested)
        self.devices_button.clicked.connect(self.devices_requested)
        self.submissions_button.clicked.connect(self.submissions_requested)
        layout.addLayout(buttons)
        self.sync_button.clicked.connect(self.sync_now_requested)
        self.print_button.clicked.connect(self.test_print_requested)
        self.exit_button.clicked.connect(self.exit_requested)
        self._sync: dict[str, Any] = {}
        self._catalogue: dict[str, Any] = {}
        self._devices: dict[str, tuple[str, str]] = {}
        self._device_rows: dict[str, tuple[QLabel, QLabel]] = {}

    def resizeEvent(self, event: object) -> None:
        self._orient_cards()
        super().resizeEvent(event)

    def showEvent(self, event: object) -> None:
        self._orient_cards()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):  # large text on or off
            self._orient_cards()
        super().changeEvent(event)

    def _orient_cards(self) -> None:
        """The two cards side by side only when each has room for its words (1500 px at normal text on a 1080p
        panel, more in large text): otherwise one above the other, never squeezed."""
        text_scale = self.heading.font().pixelSize() / (TITLE_PX * theme.screen_panel_scale())
        narrow = self.width() < 1500 * max(1.0, text_scale)
        self.cards.setDirection(QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight)

    def set_sync_status(self, status: dict[str, Any]) -> None:
        self._sync = dict(status or {})
        self._render_sync()

    def set_catalogue(self, info: dict[str, Any]) -> None:
        """Which procedure catalogue residents see (kiosk.services.catalogue.CatalogueUpdates.info)."""
        self._catalogue = dict(info or {})
        self._render_sync()

    def catalogue_text(self) -> str:
        info = self._catalogue
        if info.get("source") == "hub":
            text = self.tr("Version %1 from the hub, received %2").replace("%1", str(info.get("version"))).replace(
                "%2", _when(info.get("fetched_at")))
        elif info.get("source") == "built-in":
            text = self.tr("Built into this kiosk (none received from the hub yet)")
        else:
            text = self.tr("Not available")
        refused = info.get("refused")
        if isinstance(refused, dict):
            text += "\n" + self.tr("Version %1 refused: %2").replace("%1", str(refused.get("version"))).replace(
                "%2", str(refused.get("problem") or "?"))
        return text

    def set_device_state(self, name: str, state: str, detail: str) -> None:
        self._devices[name] = (state, detail)
        self._render_devices()

    def set_feedback(self, text: str) -> None:
        self.feedback.setText(text)
        self.feedback.setVisible(bool(text))  # no empty line between the cards and the buttons

    def report_unavailable(self, what: str) -> None:
        self.set_feedback(self.tr("Sync is not available on this build.") if what == "sync"
                          else self.tr("No printer service on this build."))

    def report_sync(self, report: dict) -> None:
        report = report or {}
        if report.get("started"):
            self.set_feedback(self.tr("Sync started."))
        elif report.get("stop") == "already_syncing":
            self.set_feedback(self.tr("Already syncing: please wait."))
        elif report.get("ok"):
            self.set_feedback(self.tr("Sync finished: %1 sent.").replace("%1", str(report.get("sent", 0))))
        else:
            self.set_feedback(self.tr("Sync stopped: %1").replace("%1", str(report.get("error") or report.get("stop"))))

    def report_print(self, ok: bool, reason: str) -> None:
        failed = self.tr("Test page failed: %1").replace("%1", detail_text(reason))
        self.set_feedback(self.tr("Test page printed.") if ok else failed)

    def feedback_for_print(self, ok: bool, reason: str) -> str:
        return self.tr("Printed.") if ok else self.tr("Not printed: %1").replace("%1", detail_text(reason) or "?")

    def _render_sync(self) -> None:
        s = self._sync
        counts = s.get("counts", {})
        phases = {"idle": self.tr("Idle"), "syncing": self.tr("Syncing"), "offline": self.tr("Hub unreachable"),
                  "auth_problem": self.tr("Hub refused this station's token"),
                  "tls_problem": self.tr("Hub not trusted: check its address (https://), CA bundle and pinned keys")}
        values = {
            "phase": phases.get(s.get("phase", ""), s.get("phase", "—")),
            "oldest": age_text(s.get("oldest_unsent_age_seconds")),
            "last_success": _when(s.get("last_success_at")),
            "last_attempt": _when(s.get("last_attempt_at")),
            "last_error": s.get("last_error") or "—",
            "catalogue": self.catalogue_text(),
        }
        for status in STATUSES:
            values[status] = str(counts.get(status, 0))
        for key, (_, value) in self.sync_labels.items():
            value.setText(values.get(key, "—"))

    def _render_devices(self) -> None:
        rows = sorted(self._devices.items())
        if [name for name, _ in rows] == list(self._device_rows):
            # the same devices: new words in the same labels (the printer turns busy and ready on every receipt,
            # and rebuilding the grid each time was GUI-thread work while a resident waits for the receipt)
            for name, (state, detail) in rows:
                self._fill_device_row(name, state, detail)
            return
        while self.dev_grid.count():
            old = self.dev_grid.takeAt(0).widget()
            old.hide()  # deleted when the event loop next runs; never drawn under the new row meanwhile
            old.deleteLater()
        self._device_rows = {}
        for i, (name, (state, detail)) in enumerate(rows):
            self._device_rows[name] = (label(), label())
            self.dev_grid.addWidget(self._device_rows[name][0], i, 0)
            self.dev_grid.addWidget(self._device_rows[name][1], i, 1)
            self._fill_device_row(name, state, detail)

    def _fill_device_row(self, name: str, state: str, detail: str) -> None:
        name_label, state_label = self._device_rows[name]
        name_label.setText(device_name(name))
        state_label.setText(state_line(state, detail))
        look = "OkText" if state in ("ready", "busy") else "ErrorText"
        if state_label.objectName() != look:
            state_label.setObjectName(look)
            restyle(state_label)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Technician and operator status"))
        self.sync_title.setText(self.tr("Submissions and sync"))
        self.dev_title.setText(self.tr("Devices"))
        names = {"phase": self.tr("Sync"), "queued": self.tr("Waiting to send"), "sending": self.tr("Sending"),
                 "retry": self.tr("Will retry"), "rejected": self.tr("Rejected (operator must act)"),
                 "sent": self.tr("Sent (kept until purge)"), "oldest": self.tr("Oldest unsent"),
                 "last_success": self.tr("Last successful sync"), "last_attempt": self.tr("Last attempt"),
                 "last_error": self.tr("Last error"), "catalogue": self.tr("Procedure catalogue")}
        for key, (name, _) in self.sync_labels.items():
            name.setText(names[key])
        self.sync_button.setText(self.tr("Sync now"))
        self.print_button.setText(self.tr("Print test page"))
        self.exit_button.setText(self.tr("Leave"))
        self.devices_button.setText(self.tr("Device checks"))
        self.submissions_button.setText(self.tr("Needs attention"))
        self.enrol_button.setText(self.tr("Enrol with hub"))
        self.diagnostics_button.setText(self.tr("Diagnostics"))
        self.doctor_button.setText(self.tr("Station check"))
        self._render_sync()
        if hasattr(self, "_devices"):  # retranslate runs once before build() has finished
            self._render_devices()

    def reset(self) -> None:
        super().reset()
        self.set_feedback("")


def _when(value: Any) -> str:
    if not value:
        return "—"
    try:
        moment = datetime.fromisoformat(str(value))
        ago = time.time() - moment.timestamp()
        return f"{moment.astimezone():%H:%M:%S %d/%m} ({age_text(max(0, ago))})"
    except ValueError:
        return str(value)
