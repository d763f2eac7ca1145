"""The "I agree" box, the "saving…" line and the submit button of a consent step, working together.

Shared by every step where a resident gives consent and submits (the dossier's consent, the household health
insurance quote): consent is never pre-ticked (Decree 13/2023: silence is not consent), the button only works with
the box ticked, and one touch submits once — while saving, the box and the button wait.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox

from screens.widgets.basics import big_button, label


class ConsentGate:
    """Owns the three widgets; the screen places them in its layout and sets their texts."""

    def __init__(self, on_submit: Callable[[], None], on_consent: Callable[[bool], None] | None = None,
                 may_submit: Callable[[], bool] = lambda: True) -> None:
        self._on_submit, self._on_consent, self._may_submit = on_submit, on_consent, may_submit
        self.agree = QCheckBox()
        self.agree.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.agree.toggled.connect(self._toggled)
        self.busy = label(name="OkText")
        self.busy.hide()
        self.submit_button = big_button(role="ok")
        self.submit_button.clicked.connect(self._submit)

    def _toggled(self, on: bool) -> None:
        if self._on_consent is not None:
            self._on_consent(on)
        self.submit_button.setEnabled(on and not self.busy.isVisible())

    def _submit(self) -> None:
        if self.agree.isChecked() and self._may_submit() and not self.busy.isVisible():
            self.set_busy(True)
            self._on_submit()

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.agree.setEnabled(not busy)
        self.submit_button.setEnabled(self.agree.isChecked() and not busy)

    def clear(self) -> None:
        """A new visit, or the end of one: not ticked, not saving."""
        self.agree.setChecked(False)
        self.set_busy(False)
