"""``kiosk repair-screen``: what residents see while the kiosk session is crash-looping. GUI thread only.

tram-kiosk-repair.service shows it for 15 minutes after the session failed to start five times, then
tries the session again. It is deliberately tiny (no services, no devices, no I/O) so it starts even
when the full app does not; both languages are on screen at once because nobody can switch them.
"""

from __future__ import annotations

import sys
from typing import Any

TITLE_VI = "Trạm đang được sửa chữa"
TITLE_EN = "This station is being repaired"
BODY_VI = "Xin lỗi Ông/Bà. Vui lòng quay lại sau hoặc gọi cán bộ phường: {phone}"
BODY_EN = "We are sorry. Please come back later or call the ward staff: {phone}"


def texts(config: Any) -> list[str]:
    phone = config.station.staff_phone
    return [TITLE_VI, BODY_VI.format(phone=phone), TITLE_EN, BODY_EN.format(phone=phone)]


def show(config: Any, seconds: float = 0.0) -> int:
    """The repair screen as its own process's only window, until the unit stops it (or ``seconds``)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = build(config)
    window.showFullScreen()
    if seconds > 0:
        QTimer.singleShot(int(seconds * 1000), app.quit)
    return app.exec()


def build(config: Any) -> Any:
    """The window, not shown (its own function so a test can look at it without running an event loop: once
    ``QApplication.exec()`` has returned, Qt never runs another thread's event loop in that process)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

    from screens.shell import theme

    family = theme.load_fonts()
    window = QWidget()
    window.setObjectName("repair")
    theme.apply_repair(window)
    layout = QVBoxLayout(window)
    layout.addStretch(1)
    for n, text in enumerate(texts(config)):
        label = QLabel(text)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = n % 2 == 0
        font = theme.app_font(1.6 if title else 1.0, family)
        font.setBold(title)
        label.setFont(font)
        layout.addWidget(label)
        if n == 1:
            layout.addSpacing(theme.MIN_TARGET_PX)
    layout.addStretch(1)
    window.setWindowTitle(TITLE_VI)
    return window
