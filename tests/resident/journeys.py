"""Drive the dossier journey through the real screens, as a resident would touch them."""

from __future__ import annotations

from tests.resident.conftest import click, current, wait_step

ANSWERS = {"phone": "0912345678", "request_content": "Đăng ký thường trú tại nhà con trai",
           "new_address": "Số 5 Lê Lợi, Phường Bến Nghé, TP. Hồ Chí Minh"}


def fill(row, text: str) -> None:
    # QTest cannot type non-Latin-1 keys (tests/shell); the on-screen keyboard inserts text the same way.
    row.editor.clear() if hasattr(row.editor, "clear") else None
    if hasattr(row.editor, "insert"):
        row.editor.insert(text)
    else:
        row.editor.insertPlainText(text)


def start_dossier(qtbot, app, search: str = "thuong tru", code: str = "1.004222"):
    click(qtbot, app.home_screen.tiles["dossier"])
    pick = app.navigator.screen("dossier")
    assert current(app) == "dossier" and pick.list.count() > 5
    pick.search.setText(search)
    codes = [pick.list.item(i).data(256) for i in range(pick.list.count())]
    assert code in codes
    item = pick.list.item(codes.index(code))
    rect = pick.list.visualItemRect(item)
    from PySide6.QtCore import Qt

    qtbot.mouseClick(pick.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    return pick


def scan_card(qtbot, app, payload: str) -> None:
    assert current(app) == "identity.scan"
    qtbot.waitUntil(lambda: app.ctx.services.scanner.active, timeout=3000)
    app.ctx.services.scanner.inject(payload)
    wait_step(qtbot, app, "identity.confirm")  # the identity sub-journey asks to confirm what was read
    click(qtbot, app.navigator.current.confirm)
    wait_step(qtbot, app, "dossier.form")


def fill_form_and_submit(qtbot, app, answers: dict[str, str] | None = None) -> None:
    form = app.navigator.screen("dossier.form")
    for key, text in (answers or ANSWERS).items():
        fill(form.rows[key], text)
    click(qtbot, form.next_button)
    wait_step(qtbot, app, "dossier.photos")
    click(qtbot, app.navigator.current.next_button)
    wait_step(qtbot, app, "dossier.review")
    click(qtbot, app.navigator.current.next_button)
    wait_step(qtbot, app, "dossier.consent")
    consent = app.navigator.current
    assert not consent.agree.isChecked() and not consent.submit_button.isEnabled()
    click(qtbot, consent.agree)
    click(qtbot, consent.submit_button)
    wait_step(qtbot, app, "receipt.done")


def go_home(qtbot, app) -> None:
    click(qtbot, app.window.nav_bar.home) if app.window.nav_bar.isVisible() else app.flow.home("button")
    wait_step(qtbot, app, "home")


def track(qtbot, app, reference: str):
    """Open tracking from home, type ``reference``, search; returns the screen once it has an answer."""
    go_home(qtbot, app)
    click(qtbot, app.home_screen.tiles["tracking"])
    screen = app.navigator.current
    assert screen.screen_id == "tracking"
    screen.field.setText(reference)
    click(qtbot, screen.entry.go_button)
    qtbot.waitUntil(lambda: not screen.busy and (screen.view is not None or bool(screen.error_code)), timeout=8000)
    return screen
