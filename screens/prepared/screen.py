"""The screen of a dossier prepared at home: scan the phone's QR, wait while the station asks the hub, or read why
it could not be opened. GUI thread; intents out, state in."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from core.visit import Visit
from screens.scan.scan_widget import ScanWidget
from screens.shell.screen import Screen
from screens.widgets.basics import big_button, label, panel_is_portrait, px, title

PROBLEMS = ("draft_invalid", "draft_expired", "draft_used", "offline", "not_in_catalogue", "error")


class PreparedScreen(Screen):
    screen_id = "prepared"
    scan_requested = Signal(object)  # the ScanWidget to show the camera in
    scan_stopped = Signal()
    fill_here_requested = Signal()
    redeem_requested = Signal(str)  # a prepared-dossier code scanned on another screen (the dossier pick)

    def build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(px(48), px(32), px(48), px(32))
        outer.setSpacing(px(20))
        self.heading = title()
        outer.addWidget(self.heading)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages, 1)
        scan_page, busy_page, problem_page = QWidget(), QWidget(), QWidget()
        for page in (scan_page, busy_page, problem_page):
            self.pages.addWidget(page)
        # landscape: the explanation beside the camera, so the camera and its buttons keep the height of a short
        # (768-pixel) panel, also in large text; upright: above it
        upright = panel_is_portrait()
        box = QVBoxLayout(scan_page) if upright else QHBoxLayout(scan_page)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(px(24))
        self.hint = label(name="Subtitle")
        self.scan = ScanWidget()
        # the camera view takes the room there is (its own minimum would push the page past an upright panel)
        self.scan.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.scan.cancelled.connect(self.home_requested)
        self.scan.manual_entry_requested.connect(self.fill_here_requested)
        if upright:
            box.addWidget(self.hint)
            box.addWidget(self.scan, 1)
        else:
            box.addWidget(self.hint, 2, Qt.AlignmentFlag.AlignTop)
            box.addWidget(self.scan, 5)
        box = QVBoxLayout(busy_page)
        self.busy = label(name="Subtitle")
        box.addWidget(self.busy)
        box.addStretch(1)
        box = QVBoxLayout(problem_page)
        self.problem = label(name="ErrorText")
        self.advice = label(name="Body")
        row = QHBoxLayout()
        self.again_button, self.fill_button = big_button(), big_button(role="secondary")
        row.addWidget(self.again_button)
        row.addWidget(self.fill_button)
        for w in (self.problem, self.advice):
            box.addWidget(w)
        box.addLayout(row)
        box.addStretch(1)
        self.again_button.clicked.connect(self.start_scan)
        self.fill_button.clicked.connect(self.fill_here_requested)
        self.problem_code = ""

    # -- state in ------------------------------------------------------------------------------------------
    def enter(self, visit: Visit, params: dict[str, Any]) -> None:
        super().enter(visit, params)
        payload = params.get("payload")
        if isinstance(payload, str) and payload:
            self.show_busy()
            self.redeem_requested.emit(payload)
        else:
            self.start_scan()

    def leave(self) -> None:
        self._stop()

    def reset(self) -> None:
        super().reset()
        self._stop()
        self.problem_code = ""
        self.pages.setCurrentIndex(0)

    def start_scan(self) -> None:
        self.problem_code = ""
        self.pages.setCurrentIndex(0)
        self.scan_requested.emit(self.scan)

    def _stop(self) -> None:
        if self.pages.currentIndex() == 0:
            self.scan_stopped.emit()

    def show_busy(self) -> None:
        self._stop()
        self.pages.setCurrentIndex(1)

    def show_problem(self, code: str) -> None:
        """``code`` one of PROBLEMS: what happened and what to do, never a silent failure."""
        self._stop()
        self.problem_code = code if code in PROBLEMS else "error"
        self.pages.setCurrentIndex(2)
        self.retranslate()

    def _problem_texts(self, code: str) -> tuple[str, str]:
        return {
            "draft_invalid": (self.tr("This code was not made by the ward's preparation page, or it was altered."),
                              self.tr("Please open the code again on your phone, or fill the dossier here.")),
            "draft_expired": (self.tr("This prepared dossier has expired."),
                              self.tr("Please prepare it again on your phone, or fill the dossier here.")),
            "draft_used": (self.tr("This prepared dossier was already used at a station."),
                           self.tr("A code can be used only once. Please prepare it again, or fill the dossier "
                                   "here.")),
            "offline": (self.tr("The station cannot reach the ward's server right now."),
                        self.tr("Please try again in a moment, or fill the dossier here.")),
            "not_in_catalogue": (self.tr("This procedure is not in this station's list."),
                                 self.tr("Please ask the staff, or choose the procedure here.")),
        }.get(code, (self.tr("The prepared dossier could not be opened."),
                     self.tr("Please try again, or fill the dossier here.")))

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Dossier prepared at home"))
        self.hint.setText(self.tr("Show the QR code from the ward's preparation page on your phone to the camera. "
                                  "Then scan your ID card and photograph your papers."))
        self.scan.set_prompt(self.tr("Hold your phone's screen with the QR code in front of the camera"))
        self.busy.setText(self.tr("Opening your prepared dossier…"))
        problem, advice = self._problem_texts(self.problem_code)
        self.problem.setText(problem)
        self.advice.setText(advice)
        self.again_button.setText(self.tr("Scan again"))
        self.fill_button.setText(self.tr("Fill the dossier here"))

    def title(self) -> str:
        return self.tr("Dossier prepared at home")
