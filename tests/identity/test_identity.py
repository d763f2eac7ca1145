"""The identity sub-journey: scan the ID card's QR (real samples), check every field, type it in with the
on-screen keyboard, and nothing survives the visit."""

from __future__ import annotations

import datetime as dt

import pytest

from core.formats.cccd import Gender
from tests.citizen.conftest import click, press_keys, texts

JOURNEY = {"return_to": "report.review", "purpose": "report", "step": [4, 5]}


def samples(sample_data) -> list[str]:
    lines = (sample_data / "cccd_qr_samples.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


@pytest.fixture
def app(scanner_app):
    app = scanner_app()
    app.flow.go("identity.scan", JOURNEY)
    return app


def test_a_scanned_card_fills_the_confirm_screen_in_correct_vietnamese(app, qtbot, sample_data) -> None:
    assert app.window.nav_bar.step.text() == "Bước 4/5"
    app.ctx.services.scanner.inject(samples(sample_data)[0])
    confirm = app.navigator.current
    assert confirm.screen_id == "identity.confirm"
    values = {k: v.text() for k, v in confirm.values.items()}
    assert values == {"full_name": "Nguyễn Văn An", "id_number": "001085012345", "date_of_birth": "15/03/1985",
                      "gender": "Nam", "address": "Số 12 Ngõ 5 Phố Huế, Phường Hàng Bài, Quận Hoàn Kiếm, Hà Nội"}
    assert not confirm.warnings.isVisible()
    click(qtbot, confirm.confirm)
    card = app.flow.visit.identity
    assert card.full_name == "Nguyễn Văn An" and card.date_of_birth == dt.date(1985, 3, 15)
    assert card.gender is Gender.MALE and card.issue_date == dt.date(2022, 6, 22)
    assert app.navigator.current.screen_id == "report.review"


def test_every_sample_card_reads_back_and_a_2024_card_keeps_its_layout(app, qtbot, sample_data) -> None:
    for payload in samples(sample_data)[1:5]:
        app.flow.go("identity.scan", JOURNEY)
        app.ctx.services.scanner.inject(payload)
        confirm = app.navigator.current
        assert confirm.screen_id == "identity.confirm"
        assert confirm.values["full_name"].text() == payload.split("|")[2]
        assert confirm.values["gender"].text() == payload.split("|")[4]
    click(qtbot, confirm.confirm)
    assert app.flow.visit.identity.layout == "can_cuoc_2024"


def test_editing_a_field_shows_the_parser_warning_plainly(app, qtbot, sample_data) -> None:
    app.ctx.services.scanner.inject(samples(sample_data)[0])
    confirm = app.navigator.current
    click(qtbot, confirm.edit_buttons["date_of_birth"])
    manual = app.navigator.current
    assert manual.screen_id == "identity.manual" and manual.keyboard.target is manual.edits["date_of_birth"]
    assert manual.keyboard.mode == "digits"
    click(qtbot, manual.keyboard.keys["digits_clear"])
    press_keys(qtbot, manual.keyboard, "15031986")
    assert manual.edits["date_of_birth"].text() == "15/03/1986"
    click(qtbot, manual.done)
    assert confirm.isVisible() and confirm.warnings.isVisible()
    assert "không khớp với năm sinh" in confirm.warnings.text()
    assert confirm.confirm.isEnabled(), "a warning is shown, not a block: the resident decides"


def test_manual_entry_with_the_keyboard(app, qtbot) -> None:
    scan = app.navigator.current.scan
    qtbot.waitUntil(scan.missing.isVisible, timeout=5000)  # no camera: said plainly, typing offered
    assert "camera" in scan.missing.text().lower()
    click(qtbot, scan.manual_button)
    manual = app.navigator.current
    assert manual.screen_id == "identity.manual" and manual.keyboard.target is manual.edits["full_name"]
    press_keys(qtbot, manual.keyboard, "traanf thij bichs")
    assert manual.edits["full_name"].text() == "Trần Thị Bích"
    click(qtbot, manual.edits["id_number"])
    assert manual.keyboard.mode == "digits"
    press_keys(qtbot, manual.keyboard, "03430300000")  # 11 digits: one short
    click(qtbot, manual.edits["date_of_birth"])
    press_keys(qtbot, manual.keyboard, "21032003")
    click(qtbot, manual.gender_buttons["female"])
    click(qtbot, manual.edits["address"])
    press_keys(qtbot, manual.keyboard, "thoon ddoong, xax an quys")
    assert manual.edits["address"].text() == "thôn đông, xã an quý"
    click(qtbot, manual.done)
    assert app.navigator.current is manual and "12 chữ số" in manual.error.text()
    assert manual.keyboard.target is manual.edits["id_number"]
    press_keys(qtbot, manual.keyboard, "2")
    click(qtbot, manual.done)
    confirm = app.navigator.current
    assert confirm.screen_id == "identity.confirm"
    assert [confirm.values[k].text() for k in ("full_name", "id_number", "date_of_birth", "gender")] == [
        "Trần Thị Bích", "034303000002", "21/03/2003", "Nữ"]
    click(qtbot, confirm.confirm)
    card = app.flow.visit.identity
    assert card.layout == "manual" and card.issue_date is None and card.gender is Gender.FEMALE
    assert card.address == "thôn đông, xã an quý" and card.warnings == ()


def test_idle_timeout_in_the_middle_wipes_every_field_and_the_visit(app, qtbot, sample_data) -> None:
    app.ctx.services.scanner.inject(samples(sample_data)[0])
    confirm = app.navigator.current
    click(qtbot, confirm.edit_buttons["full_name"])
    manual = app.navigator.current
    press_keys(qtbot, manual.keyboard, ",")
    assert manual.edits["full_name"].text().startswith("Nguyễn Văn An")
    app.flow.flow.warning_seconds = 1
    app.flow.flow.register("identity.manual", 0.2)
    app.flow.activity()
    qtbot.waitUntil(lambda: app.navigator.current.screen_id == "home", timeout=6000)
    assert all(not e.text() for e in manual.edits.values())
    assert not any(b.isChecked() for b in manual.gender_buttons.values())
    assert all(not v.text() for v in confirm.values.values())
    assert app.flow.visit.identity is None and app.flow.visit.is_empty
    assert "Nguyễn" not in " ".join(texts(app.window))
