"""The Hỏi đáp screen: an unaccented question gets an answer citing its procedure, with a button that opens it;
a common question can be picked; nonsense gets "does not know" and the offer of staff."""

from __future__ import annotations

from PySide6.QtCore import Qt


def open_questions(make_app, qtbot):
    app = make_app()
    qtbot.mouseClick(app.home_screen.tiles["questions"], Qt.MouseButton.LeftButton)
    screen = app.navigator.current
    assert screen.screen_id == "questions"
    return app, screen


def test_unaccented_question_cites_and_opens_its_procedure(make_app, qtbot) -> None:
    app, screen = open_questions(make_app, qtbot)
    screen.field.setText("lam ho khau cho con o dau")
    qtbot.mouseClick(screen.ask_button, Qt.MouseButton.LeftButton)
    assert screen.answer_panel.isVisible() and screen.open_button.isVisible()
    assert screen.result.procedure_code == "1.004222"
    assert "1.004222" in screen.source.text()
    assert not screen.staff_button.isVisible()
    qtbot.mouseClick(screen.open_button, Qt.MouseButton.LeftButton)
    assert app.navigator.current.screen_id == "procedures.detail"
    assert app.navigator.current.code == "1.004222"


def test_common_question_is_one_touch(make_app, qtbot) -> None:
    _app, screen = open_questions(make_app, qtbot)
    assert len(screen.common_buttons) >= 4
    first = screen.common_buttons[0]
    qtbot.mouseClick(first, Qt.MouseButton.LeftButton)
    assert screen.field.text() == first.text() and screen.result.known


def test_unknown_question_offers_staff(make_app, qtbot) -> None:
    app, screen = open_questions(make_app, qtbot)
    screen.field.setText("gia vang hom nay bao nhieu")
    qtbot.mouseClick(screen.ask_button, Qt.MouseButton.LeftButton)
    assert not screen.result.known
    assert screen.staff_button.isVisible() and not screen.open_button.isVisible()
    qtbot.mouseClick(screen.staff_button, Qt.MouseButton.LeftButton)
    assert app.window.help_overlay.isVisible()


def test_answer_follows_the_language(make_app, qtbot) -> None:
    app, screen = open_questions(make_app, qtbot)
    qtbot.mouseClick(app.window.header.language, Qt.MouseButton.LeftButton)
    screen.field.setText("lam ho khau cho con")
    qtbot.mouseClick(screen.ask_button, Qt.MouseButton.LeftButton)
    assert screen.ask_button.text() == "Ask"
    assert screen.result.known and screen.answer_title.text() == screen.result.title
