"""``kiosk --self-test``: open every screen in both languages and exit 0 if nothing failed.

Used on the frozen bundle (``make build``) and in CI, offscreen, with simulated devices.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)


def self_test(app, failures: list[str]) -> int:
    qapp = QApplication.instance()
    problems: list[str] = []
    for language in ("vi", "en"):
        app.set_language(language)
        for screen_id in app.navigator.ids():
            screen = app.navigator.screen(screen_id)
            app.flow.home("self-test")
            app.flow.go(screen_id, screen.sample_params())
            # judged before the events run: the simulated camera may read a demo code at once and move on
            # (identity.scan -> identity.confirm), which is the screen working, not failing to open
            opened = app.navigator.current is screen
            qapp.processEvents()
            if not opened and screen_id != "home":
                problems.append(f"{screen_id} ({language}) did not open; showing {app.flow.step}")
    app.flow.home("self-test")
    qapp.processEvents()
    problems += _decoders_read_vietnamese()
    problems += [f"area {area} failed to install" for area in app.install_errors]
    problems += failures
    for problem in problems:
        print(f"self-test: FAIL {problem}")
    print(f"self-test: {len(app.navigator.ids())} screens x 2 languages, {len(problems)} problems")
    return 1 if problems else 0


def _decoders_read_vietnamese() -> list[str]:
    """Both native QR libraries load (zxing-cpp, and ZBar through pyzbar: the frozen bundle must carry
    them) and read an ID-card-shaped code with Vietnamese made the way the kiosk makes codes."""
    import numpy as np
    import segno

    from devices.scanner.decoders import make_backend

    payload = "001085012345|012345678|Nguyễn Văn An|15031985|Nam|Phường Hàng Bài, Hà Nội|22062022"
    qr = segno.make_qr(payload, encoding="utf-8", eci=True)
    dark = np.array(list(qr.matrix_iter(scale=6, border=4)), dtype=bool)
    image = np.where(dark, 0, 255).astype(np.uint8)
    problems = []
    for name in ("zxing", "pyzbar"):
        try:
            texts = [d.text for d in make_backend(name)(image)]
        except Exception as exc:  # a missing native library shows up here
            problems.append(f"QR backend {name} unusable: {type(exc).__name__}: {exc}")
            continue
        if payload not in texts:
            problems.append(f"QR backend {name} misread the test code: {texts!r}")
    return problems

