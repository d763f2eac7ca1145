"""Step 4 of "Nộp hồ sơ" (``dossier.photos``): photos of the papers, optional. GUI thread.

When the camera service can take a still photo, each photo is checked (blur, glare) and the resident can
retake it; otherwise this step only lists the papers to bring and says photos cannot be taken here yet.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.visit import Visit
from screens.dossier.common import STEPS, draft_of
from screens.dossier.photo_view import PhotoView
from screens.receipt.qr_view import stack_in_portrait
from screens.shell.screen import Screen
from screens.widgets.basics import big_button, card, label, px, restyle, scrolling, title

MAX_PHOTOS = 6
MAX_DOCUMENTS_LISTED = 6


class PhotosScreen(Screen):
    screen_id = "dossier.photos"

    capture_requested = Signal()
    completed = Signal()
    preview_requested = Signal(object)  # the PhotoView to show the camera in
    preview_stopped = Signal()

    def build(self) -> None:
        self.catalogue: Callable[[], Any] = lambda: None  # set by the controller
        self.capture_available = False
        self._pending: tuple[bytes, tuple[str, ...]] | None = None  # last shot and its problems
        outer = QVBoxLayout(self)
        outer.setContentsMargins(px(48), px(28), px(48), px(20))
        outer.setSpacing(px(14))
        self.heading = title()
        self.note = label(name="Subtitle")
        outer.addWidget(self.heading)
        # the explanation, the camera and the list of papers scroll on a small panel or in large text, so
        # "Chụp ảnh" and the way on stay in view under them
        middle = QVBoxLayout()
        middle.setSpacing(px(14))
        middle.addWidget(self.note)
        self.camera_row = QWidget()
        self.camera_layout = camera = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.camera_row)
        camera.setContentsMargins(0, 0, 0, 0)
        camera.setSpacing(px(24))
        self.camera = PhotoView()  # live view, so the paper can be placed right
        shot = QVBoxLayout()
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.check = label(name="ErrorText")
        self.count = label(name="OkText")
        shot.addWidget(self.preview, 1)
        shot.addWidget(self.check)
        shot.addWidget(self.count)
        camera.addWidget(self.camera, 3)
        camera.addLayout(shot, 2)
        self.camera_row.hide()
        middle.addWidget(self.camera_row, 3)
        docs, docs_layout = card()
        self.docs_caption = label(name="Strong")
        self.docs = label(name="Listing")
        self.docs.setTextFormat(Qt.TextFormat.PlainText)
        docs_layout.addWidget(self.docs_caption)
        docs_layout.addWidget(self.docs)  # the whole list (at most six papers): the page around it scrolls
        docs_layout.addStretch(1)
        middle.addWidget(docs, 2)
        outer.addWidget(scrolling(middle), 1)
        row = QHBoxLayout()
        row.setSpacing(px(24))
        self.take_button = big_button(role="secondary")
        self.keep_button = big_button(role="secondary")
        self.next_button = big_button()
        row.addWidget(self.take_button, 1)
        row.addWidget(self.keep_button, 1)
        row.addWidget(self.next_button, 1)
        outer.addLayout(row)
        self.take_button.clicked.connect(self._take)
        self.keep_button.clicked.connect(self._keep)
        self.next_button.clicked.connect(self.completed)

    def set_capture_available(self, available: bool) -> None:
        """The camera can take still photos: show its live view (the controller routes it there)."""
        self.capture_available = available
        self.camera_row.setVisible(available)
        if available:
            self.preview_requested.emit(self.camera)
        self.retranslate()

    def _take(self) -> None:
        self.take_button.setEnabled(False)  # one shot at a time; show_shot() enables it again
        self.capture_requested.emit()

    def leave(self) -> None:
        self.preview_stopped.emit()

    def enter(self, visit: Visit, params: dict[str, Any]) -> None:
        super().enter(visit, params)
        if params.get("code"):
            draft_of(visit).code = str(params["code"])
        self._clear_shot()

    def reset(self) -> None:
        super().reset()
        self.preview_stopped.emit()
        self._clear_shot()

    def _clear_shot(self) -> None:
        self._pending = None
        self.preview.clear()
        self.check.setText("")
        self.take_button.setEnabled(True)
        self.retranslate()

    def show_shot(self, data: bytes | None, problems: tuple[str, ...]) -> None:
        """A still photo was taken (None: the camera gave none): show it, with what is wrong with it."""
        self.take_button.setEnabled(True)
        if not data:
            self.check.setText(self.problem_text("photo.unreadable"))
            self.retranslate()
            return
        image = QImage.fromData(data)
        if not image.isNull():
            self.preview.setPixmap(QPixmap.fromImage(image).scaled(
                420, 300, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        self._pending = (data, tuple(problems))
        if not problems:
            self._keep()
            return
        self.check.setText(" ".join(self.problem_text(p) for p in problems))
        self.retranslate()

    def _keep(self) -> None:
        if self._pending is None or self.visit is None:
            return
        from screens.dossier.model import Photo

        draft = draft_of(self.visit)
        if len(draft.photos) < MAX_PHOTOS:
            draft.photos.append(Photo(f"page-{len(draft.photos) + 1}.jpg", "image/jpeg", self._pending[0]))
        self._pending = None
        self.check.setText("")
        self.retranslate()

    def problem_text(self, code: str) -> str:
        return {"photo.blurry": self.tr("The photo is blurred: hold the paper still and try again."),
                "photo.glare": self.tr("A reflection hides part of the paper: tilt it a little and try again."),
                "photo.dark": self.tr("The photo is too dark."),
                }.get(code, self.tr("The photo could not be read."))

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Photos of your papers (optional)"))
        if self.capture_available:
            self.note.setText(self.tr("Place each paper flat under the camera and touch “Take photo”. Only the "
                                      "photos you take are kept, with your dossier. You can also skip this and "
                                      "bring the papers to the ward office."))
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
        self.check.setVisible(bool(self.check.text()))
        self.camera.texts = {"connecting": self.tr("Starting the camera…"),
                             "missing": self.tr("The camera is not working. You can skip the photos.")}
        self.camera.update()
        self.take_button.setText(self.tr("Take again") if self._pending else self.tr("Take photo"))
        self.take_button.setVisible(self.capture_available and photos < MAX_PHOTOS)
        self.keep_button.setText(self.tr("Use it anyway"))
        self.keep_button.setVisible(self._pending is not None)
        self.next_button.setText(self.tr("Continue  ▶") if photos or not self.capture_available
                                 else self.tr("Skip  ▶"))
        self._emphasise(photos)

    def _emphasise(self, photos: int) -> None:
        """One primary button: the step the resident most likely takes next. Before any photo that is
        "Take photo" (skipping stays possible, but in the quiet secondary style); with a doubtful shot,
        taking it again; once a photo is kept, going on."""
        if self._pending is not None or (self.take_button.isVisibleTo(self) and not photos):
            primary = self.take_button
        else:
            primary = self.next_button
        for button in (self.take_button, self.keep_button, self.next_button):
            role = "primary" if button is primary else "secondary"
            if button.property("role") != role:
                button.setProperty("role", role)
                restyle(button)

    def resizeEvent(self, event) -> None:
        stack_in_portrait(self.camera_layout, self)  # portrait: the photo taken goes under the live view
        super().resizeEvent(event)

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
