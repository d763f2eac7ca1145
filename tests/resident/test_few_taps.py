"""Typing is the exception (issue 17): the sample residence dossier from home to receipt in at most 25 taps,
and every problem of the form shown at once, each at its question.

The taps are counted as the resident makes them: every press on a real widget of the running app (a tile, a
list row, a key of the on-screen keyboard, a choice, a button) is one tap, and showing the ID card to the
camera is one more (the simulated scanner reads it as the camera would).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from tests.resident.conftest import card_payloads, wait_step

MAX_TAPS = 25
PHONE = "0912345678"


class Resident:
    """Touches the screen, and counts every touch."""

    def __init__(self, qtbot, app) -> None:
        self.qtbot, self.app, self.taps = qtbot, app, 0

    def tap(self, widget, pos: QPoint | None = None) -> None:
        """One touch on ``widget``; it must be in sight (not scrolled away, not under a bar), no swipe counted."""
        self.qtbot.wait(10)  # a deferred scroll (the form guiding on) lands first
        assert widget.isVisible() and widget.isEnabled(), widget
        at = pos if pos is not None else widget.rect().center()
        name = widget.text() if hasattr(widget, "text") else widget
        assert widget.visibleRegion().contains(at), f"tap {self.taps + 1}: {name} is out of sight"
        self.assert_not_under_the_bottom_bar(widget, pos)
        self.taps += 1
        if pos is None:
            self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
        else:
            self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)

    def show_card(self, payload: str) -> None:
        scanner = self.app.ctx.services.scanner
        self.qtbot.waitUntil(lambda: scanner.active, timeout=3000)
        self.taps += 1
        scanner.inject(payload)

    def assert_not_under_the_bottom_bar(self, widget, pos: QPoint | None) -> None:
        """What the resident touches is on screen, above the fixed navigation bar."""
        bar = self.app.window.nav_bar
        point = widget.mapToGlobal(pos if pos is not None else widget.rect().center())
        if bar.isVisible():
            assert point.y() < bar.mapToGlobal(QPoint(0, 0)).y(), f"{widget} is under the bottom bar"
        window = self.app.window
        assert window.geometry().contains(window.mapFromGlobal(point) + window.geometry().topLeft()), widget


def choose_procedure(resident: Resident, app, code: str) -> None:
    pick = app.navigator.screen("dossier")
    codes = [pick.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(pick.list.count())]
    item = pick.list.item(codes.index(code))
    rect = pick.list.visualItemRect(item)
    assert pick.list.viewport().rect().contains(rect.center()), "the procedure is not on the first screen"
    resident.tap(pick.list.viewport(), rect.center())


def test_the_sample_residence_dossier_takes_at_most_25_taps_from_home_to_receipt(make_app, qtbot, sample_data):
    app = make_app(services=True)
    submit, saved = app.ctx.services.submit, []
    original = submit.submit
    submit.submit = lambda request, **kw: saved.append(request) or original(request, **kw)
    you = Resident(qtbot, app)
    you.tap(app.home_screen.tiles["dossier"])
    choose_procedure(you, app, "1.004222")  # Đăng ký thường trú
    wait_step(qtbot, app, "identity.scan")
    you.show_card(card_payloads(sample_data)[0])
    wait_step(qtbot, app, "identity.confirm")
    you.tap(app.navigator.current.confirm)
    wait_step(qtbot, app, "dossier.form")
    form = app.navigator.current
    # what the card says is filled in already
    assert form.rows["full_name"].value() == "Nguyễn Văn An" and form.rows["gender"].value() == "Nam"
    assert form.rows["current_address"].value().startswith("Số 12")
    # the phone number is the only thing typed: touch the box, ten digits on the digits pad
    you.tap(form.rows["phone"].editor)
    assert form.keyboard.isVisible() and form.keyboard.mode == "digits"
    for digit in PHONE:
        you.tap(form.keyboard.keys[digit])
    # the request: one of the usual answers for this procedure
    request = form.rows["request_content"]
    reason = next(iter(request.buttons))
    you.tap(request.buttons[reason])
    # the new address: this station's building, then floor 12, flat 1205
    address = form.rows["new_address"]
    you.tap(address.picker.floor_buttons["12"])
    you.tap(address.picker.flat_button("1205"))
    assert address.value() == "Căn hộ 1205, tầng 12, Tòa nhà A, 12 Nguyễn Huệ, Phường Bến Nghé, TP. Hồ Chí Minh"
    you.tap(form.next_button)  # "Continue" stays at hand while the keyboard is up
    wait_step(qtbot, app, "dossier.photos")
    you.tap(app.navigator.current.next_button)
    wait_step(qtbot, app, "dossier.review")
    you.tap(app.navigator.current.next_button)
    wait_step(qtbot, app, "dossier.consent")
    consent = app.navigator.current
    you.tap(consent.agree)
    you.tap(consent.submit_button)
    wait_step(qtbot, app, "receipt.done")
    assert you.taps <= MAX_TAPS, f"{you.taps} taps"
    answers = {**saved[0].payload["answers"], **saved[0].personal["answers"]}  # what was saved is what was chosen
    assert answers["phone"] == PHONE and answers["request_content"] == reason
    assert answers["new_address"].startswith("Căn hộ 1205") and answers["full_name"] == "Nguyễn Văn An"


def test_continue_shows_every_problem_at_once_each_at_its_question(make_app, qtbot):
    app = make_app(services=True)
    app.flow.go("dossier.form", {"code": "1.004222", "sample": True})  # the card's sample: name, birth, address
    form = app.navigator.current
    form.rows["phone"].editor.setText("09123")  # too short
    qtbot.mouseClick(form.next_button, Qt.MouseButton.LeftButton)
    assert app.navigator.current is form
    marked = {k for k, row in form.rows.items() if row.property("invalid")}
    assert marked == {"phone", "request_content", "new_address"}  # all of them, not the first only
    for key in marked:
        assert form.rows[key].error.isVisible() and form.rows[key].error.text()
    assert form.rows["phone"].error.text() != form.rows["request_content"].error.text()  # says what is wrong
    assert form.summary.isVisible() and form.summary.text().startswith("Còn 3 mục cần điền")
    # the summary jumps to the first problem, in sight above the bottom buttons
    form.scroll.verticalScrollBar().setValue(form.scroll.verticalScrollBar().maximum())
    qtbot.mouseClick(form.summary, Qt.MouseButton.LeftButton)
    qtbot.wait(20)
    phone = form.rows["phone"]
    top = phone.mapTo(form.scroll.viewport(), phone.rect().topLeft()).y()
    assert top >= 0 and top + phone.height() <= form.scroll.viewport().height()
    # fixing answers takes their marks off, and the banner counts down, then goes
    phone.editor.setText("0912345678")
    assert not phone.property("invalid") and not phone.error.isVisible()
    assert form.summary.text().startswith("Còn 2 mục cần điền")
    qtbot.mouseClick(form.rows["request_content"].buttons[next(iter(form.rows["request_content"].buttons))],
                     Qt.MouseButton.LeftButton)
    picker = form.rows["new_address"].picker
    qtbot.mouseClick(picker.floor_buttons["3"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(picker.flat_button("305"), Qt.MouseButton.LeftButton)
    assert not form.summary.isVisible() and not any(r.property("invalid") for r in form.rows.values())
    qtbot.mouseClick(form.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.navigator.current.screen_id == "dossier.photos", timeout=3000)
