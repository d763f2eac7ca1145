"""A resident who walks away mid-dossier leaves nothing behind; a save failure says nothing was saved."""

from __future__ import annotations

from tests.resident.conftest import card_payloads, click, current, wait_step
from tests.resident.journeys import ANSWERS, fill, scan_card, start_dossier


def test_idle_timeout_in_the_middle_of_the_dossier_wipes_every_field_and_the_visit(make_app, qtbot, sample_data):
    app = make_app(services=True, hub={"url": "http://127.0.0.1:9"})
    start_dossier(qtbot, app)
    pick = app.navigator.screen("dossier")
    scan_card(qtbot, app, card_payloads(sample_data)[0])
    form = app.navigator.current
    for key, text in ANSWERS.items():
        fill(form.rows[key], text)
    click(qtbot, form.next_button)
    wait_step(qtbot, app, "dossier.photos")
    click(qtbot, app.navigator.current.next_button)
    wait_step(qtbot, app, "dossier.review")
    review = app.navigator.current
    assert any(w.text() == "Nguyễn Văn An" for w in review._cells)
    click(qtbot, review.next_button)
    wait_step(qtbot, app, "dossier.consent")
    consent = app.navigator.current
    click(qtbot, consent.agree)
    assert app.flow.visit.identity is not None and app.flow.visit.data["dossier"].answers
    # shorten the timeouts as tests/shell does, then walk away
    app.flow.flow.warning_seconds = 2
    app.flow.flow.register("dossier.consent", 0.2)
    app.flow.activity()
    qtbot.waitUntil(app.window.idle_overlay.isVisible, timeout=3000)
    qtbot.waitUntil(lambda: current(app) == "home", timeout=5000)
    visit = app.flow.visit
    assert visit.identity is None and visit.is_empty
    assert form.rows == {} and form.procedure is None
    assert review._cells == [] and review.service.text() == ""
    assert not consent.agree.isChecked()
    assert pick.search.text() == "" and not pick.chosen_card.isVisible()
    done = app.navigator.screen("receipt.done")
    assert done.params == {} and done.reference.text() == "" and not done.qr.payload
    tracking, payment = app.navigator.screen("tracking"), app.navigator.screen("payment")
    fresh = f"{app.config.station.code}-"  # the code pad's station part, nothing a resident typed
    assert tracking.field.text() == fresh and tracking.view is None
    assert payment.field.text() == fresh and payment.state == "ask" and not payment.qr.payload


def test_a_failed_save_says_nothing_was_saved(make_app, qtbot, sample_data):
    from kiosk.services.storage import StorageService

    app = make_app(services=True, hub={"url": "http://127.0.0.1:9"})
    broken = StorageService(app.config, app.data_dir / "nowhere", app.threads, app.bus, max_page_count=1)
    broken.start()  # its database cannot be opened: every enqueue fails
    app.ctx.services.storage = broken
    start_dossier(qtbot, app)
    scan_card(qtbot, app, card_payloads(sample_data)[0])
    form = app.navigator.current
    for key, text in ANSWERS.items():
        fill(form.rows[key], text)
    click(qtbot, form.next_button)
    click(qtbot, app.navigator.current.next_button)
    click(qtbot, app.navigator.current.next_button)
    consent = app.navigator.current
    click(qtbot, consent.agree)
    click(qtbot, consent.submit_button)
    wait_step(qtbot, app, "problem")
    problem = app.navigator.current
    assert problem.message.text() == "Trạm không lưu được yêu cầu của Ông/Bà. Chưa có gì được gửi đi."
    assert not problem.reference.isVisible()


def test_form_boxes_are_typed_with_the_on_screen_keyboard_in_telex(make_app, qtbot):
    app = make_app(services=True, hub={"url": "http://127.0.0.1:9"})
    app.flow.go("dossier.form", {"code": "1.004222", "sample": True})
    form = app.navigator.current
    phone = form.rows["phone"].editor
    click(qtbot, phone)
    # the short digits pad leaves "Continue" at hand
    assert form.keyboard.isVisible() and form.keyboard.mode == "digits" and form.next_button.isVisible()
    for key in "0912345678":
        click(qtbot, form.keyboard.keys[key])
    assert phone.text() == "0912345678"
    assert not form.keyboard.isVisible()  # a whole phone number: the pad goes by itself
    request = form.rows["request_content"]
    assert not request.editor.isVisible()  # the usual requests are buttons; writing is the fallback
    click(qtbot, request.other_button)
    assert form.keyboard.isVisible() and form.keyboard.mode == "letters" and form.keyboard.telex
    assert form.keyboard.keys["telex"].text() == "Telex:\nbật"
    for key in ["n", "h", "a", "f", "space", "o", "w", "r"]:
        click(qtbot, form.keyboard.keys[key])
    assert request.value() == "nhà ở"
    for key in ["space", "c", "u", "mark_horn", "tone_acute"]:  # or straight from the diacritics row
        click(qtbot, form.keyboard.keys[key])
    assert request.value() == "nhà ở cứ"
    click(qtbot, form.keyboard.keys["backspace"])
    click(qtbot, form.keyboard.keys["backspace"])
    click(qtbot, form.keyboard.keys["backspace"])
    click(qtbot, form.keyboard.keys["enter"])
    assert not form.keyboard.isVisible() and form.next_button.isVisible()
    answers = app.flow.visit.data["dossier"].answers
    assert answers["phone"] == "0912345678" and answers["request_content"] == "nhà ở"
    click(qtbot, form.next_button)  # new_address is still empty: the form says so and stays
    assert current(app) == "dossier.form" and form.rows["new_address"].error.isVisible()
    assert form.rows["new_address"].error.text() == "Xin điền thông tin này."


def test_every_resident_screen_speaks_both_languages(make_app, qtbot):
    from PySide6.QtWidgets import QAbstractButton, QLabel

    app = make_app(services=True, hub={"url": "http://127.0.0.1:9"})
    ids = [s for s in app.navigator.ids() if s.split(".")[0] in ("dossier", "tracking", "payment", "receipt")]
    assert {"dossier", "dossier.form", "dossier.consent", "receipt.done", "tracking", "payment"} <= set(ids)

    def texts(screen_id: str) -> set[str]:
        screen = app.navigator.screen(screen_id)
        app.flow.home("button")
        app.flow.go(screen_id, screen.sample_params())
        found = {w.text() for w in screen.findChildren(QLabel) + screen.findChildren(QAbstractButton)
                 if w.isVisibleTo(screen) and w.text().strip()}
        return found | {app.window.nav_bar.step.text()} - {""}

    for screen_id in ids:
        vietnamese = texts(screen_id)
        app.set_language("en")
        english = texts(screen_id)
        app.set_language("vi")
        assert vietnamese and english, screen_id
        left_in_english = {t for t in vietnamese & english if any(
            word in f" {t} " for word in (" the ", " your ", "Please", " Scan", "Step ", " to ", " of "))}
        assert not left_in_english, (screen_id, left_in_english)


def test_a_procedure_handed_over_by_the_detail_screen_is_offered_first(make_app, qtbot):
    app = make_app(services=True, hub={"url": "http://127.0.0.1:9"})
    app.flow.go("procedures.detail", {"code": "1.004222"})
    app.flow.go("dossier", {"code": "1.004222"})
    pick = app.navigator.current
    assert pick.chosen_card.isVisible() and pick.chosen_name.text() == "Đã chọn: Đăng ký thường trú"
    click(qtbot, pick.continue_button)
    assert current(app) == "identity.scan"
    assert app.window.nav_bar.step.text() == "Bước 2/6"
    assert app.flow.visit.data["dossier"].code == "1.004222"
