"""Step 4 of "Nộp hồ sơ" (``dossier.photos``): photos of the papers, optional. GUI thread.

When the camera service can take a still photo, each photo is checked (blur, glare) and the resident can
retake it; otherwise this step only lists the papers to bring and says photos cannot be taken here yet.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout

from kiosk.visit import Visit
from screens.dossier.common import STEPS, draft_of
from screens.shell.screen import Screen
from screens.widgets.basics import big_button, card, label, title

MAX_PHOTOS = 6
MAX_DOCUMENTS_LISTED = 6


class PhotosScreen(Screen):
    screen_id = "dossier.photos"

    capture_requested = Signal()
    completed = Signal()

    def build(self) -> None:
        self.catalogue: Callable[[], Any] = lambda: None  # set by the controller
        self.capture_available = False
        self._pending: tuple[bytes, tuple[str, ...]] | None = None  # last shot and its problems
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 28, 48, 20)
        outer.setSpacing(16)
        self.heading = title()
        self.note = label(name="Subtitle")
        outer.addWidget(self.heading)
        outer.addWidget(self.note)
        docs, docs_layout = card()
        self.docs_caption = label()
        self.docs_caption.setStyleSheet("font-weight: bold;")
        self.docs = label()
        docs_layout.addWidget(self.docs_caption)
        docs_layout.addWidget(self.docs)
        outer.addWidget(docs)
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumHeight(240)
        self.preview.hide()
        self.check = label(name="ErrorText")
        self.check.hide()
        self.count = label(name="OkText")
        outer.addWidget(self.preview, 1)
        outer.addWidget(self.check)
        outer.addWidget(self.count)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.setSpacing(24)
        self.take_button = big_button(role="secondary")
        self.keep_button = big_button(role="secondary")
        self.next_button = big_button()
        row.addWidget(self.take_button, 1)
        row.addWidget(self.keep_button, 1)
        row.addWidget(self.next_button, 1)
        outer.addLayout(row)
        self.take_button.clicked.connect(self.capture_requested)
        self.keep_button.clicked.connect(self._keep)
        self.next_button.clicked.connect(self.completed)

    def enter(self, visit: Visit, params: dict[str, Any]) -> None:
        super().enter(visit, params)
        if params.get("code"):
            draft_of(visit).code = str(params["code"])
        self._pending = None
        self.preview.clear()
        self.preview.hide()
        self.check.hide()
        self.retranslate()

    def reset(self) -> None:
        super().reset()
        self._pending = None
        self.preview.clear()
        self.preview.hide()
        self.check.hide()
        self.retranslate()

    def show_shot(self, data: bytes, problems: tuple[str, ...]) -> None:
        """A still photo was taken: show it, with what is wrong with it (if anything)."""
        image = QImage.fromData(data)
        if not image.isNull():
            self.preview.setPixmap(QPixmap.fromImage(image).scaled(
                640, 360, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
            self.preview.show()
        self._pending = (data, tuple(problems))
        if not problems:
            self._keep()
            return
        self.check.setText(" ".join(self.problem_text(p) for p in problems))
        self.check.show()
        self.retranslate()

    def _keep(self) -> None:
        if self._pending is None or self.visit is None:
            return
        from screens.dossier.model import Photo

        draft = draft_of(self.visit)
        if len(draft.photos) < MAX_PHOTOS:
            draft.photos.append(Photo(f"page-{len(draft.photos) + 1}.jpg", "image/jpeg", self._pending[0]))
        self._pending = None
        self.check.hide()
        self.retranslate()

    def problem_text(self, code: str) -> str:
        return {"photo.blurry": self.tr("The photo is blurred: hold the paper still and try again."),
                "photo.glare": self.tr("A reflection hides part of the paper: tilt it a little and try again."),
                "photo.dark": self.tr("The photo is too dark."),
                }.get(code, self.tr("The photo could not be read."))

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Photos of your papers (optional)"))
        if self.capture_available:
            self.note.setText(self.tr("Hold each paper under the camera and touch “Take photo”. You can also "
                                      "skip this and bring the papers to the ward office."))
        else:
            self.note.setText(self.tr("This station cannot take photos of papers yet. Your dossier can be "
                                      "submitted without them: bring the papers below to the ward office when "
                                      "the staff ask for them."))
        procedure = self._procedure()
        names = [d.name for d in procedure.required_documents][:MAX_DOCUMENTS_LISTED] if procedure else []
        self.docs_caption.setText(self.tr("Papers for this procedure"))
        self.docs.setText("\n".join(f"• {n}" for n in names))
        photos = len(draft_of(self.visit).photos) if self.visit is not None else 0
        self.count.setText(self.tr("Photos added: %1").replace("%1", str(photos)) if photos else "")
        self.take_button.setText(self.tr("Take again") if self._pending else self.tr("Take photo"))
        self.take_button.setVisible(self.capture_available and photos < MAX_PHOTOS)
        self.keep_button.setText(self.tr("Use it anyway"))
        self.keep_button.setVisible(self._pending is not None)
        self.next_button.setText(self.tr("Continue  ▶") if photos or not self.capture_available
                                 else self.tr("Skip  ▶"))

    def _procedure(self) -> Any:
        if self.visit is None or self.catalogue() is None:
            return None
        code = draft_of(self.visit).code
        return self.catalogue().get(code) if code else None

    def step_info(self) -> tuple[int, int]:
        return 4, STEPS

    def title(self) -> str:
        return self.tr("Photos of your papers")

    @classmethod
    def sample_params(cls) -> dict[str, Any]:
        return {"code": "1.004222"}
