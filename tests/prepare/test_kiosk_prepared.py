"""A dossier prepared on the phone, scanned at a station: the dossier opens pre-filled after the ID card; an
altered, expired or already used code is refused with a message that says what to do (real hub process)."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from core.formats.prepared import build_draft, parse_draft
from tests.prepare.conftest import PHONE_ANSWERS, prepare_on_phone
from tests.resident.conftest import card_payloads, click, current, hub_settings, wait_enrolled, wait_step
from tests.resident.journeys import scan_card


def _station(make_app, hub, folder: Path):  # type: ignore[no-untyped-def]
    """A station on ``hub`` whose simulated camera sees a blank wall (its built-in sample codes include ID cards,
    which the identity step would read on its own while the test waits for the hub)."""
    from PIL import Image

    folder.mkdir()
    Image.new("RGB", (640, 480), "white").save(folder / "blank.png")
    return make_app(services=True, hub=hub_settings(hub), camera={"simulated_source": str(folder)})


def _open_prepared_tile(qtbot, app):  # type: ignore[no-untyped-def]
    click(qtbot, app.home_screen.tiles["prepared"])
    wait_step(qtbot, app, "prepared")
    qtbot.waitUntil(lambda: app.ctx.services.scanner.active, timeout=3000)
    return app.navigator.current


def test_phone_draft_scanned_at_the_station_prefills_the_dossier_once(make_app, qtbot, sample_data,
                                                                     prep_hub, tmp_path: Path) -> None:
    payload = prepare_on_phone(prep_hub)
    app = _station(make_app, prep_hub, tmp_path / "camera")
    wait_enrolled(qtbot, app)
    _open_prepared_tile(qtbot, app)
    app.ctx.services.scanner.inject(payload)
    qtbot.waitUntil(lambda: current(app) == "identity.scan" or bool(getattr(app.navigator.current, "problem_code", "")),
                    timeout=20000)
    assert current(app) == "identity.scan", getattr(app.navigator.current, "problem_code", current(app))
    scan_card(qtbot, app, card_payloads(sample_data)[0])
    form = app.navigator.screen("dossier.form")
    assert form.procedure.code == "1.004222"
    for key in ("phone", "request_content", "relationship_to_head", "new_address"):
        assert form.rows[key].value() == PHONE_ANSWERS[key], key  # typed at home
    assert form.rows["full_name"].value() == "Nguyễn Văn An"  # from the ID card at the station
    assert form.rows["date_of_birth"].value() == "15/03/1985"
    click(qtbot, form.next_button)  # the prepared answers pass the kiosk's own checks
    wait_step(qtbot, app, "dossier.photos")
    click(qtbot, app.navigator.current.next_button)
    wait_step(qtbot, app, "dossier.review")
    click(qtbot, app.navigator.current.next_button)
    wait_step(qtbot, app, "dossier.consent")
    click(qtbot, app.navigator.current.agree)
    click(qtbot, app.navigator.current.submit_button)
    wait_step(qtbot, app, "receipt.done")
    qtbot.waitUntil(lambda: app.ctx.services.submit.last_receipt is not None, timeout=10000)
    # the receipt says how to prepare the next one at home
    assert any("chuẩn bị hồ sơ tại nhà" in note for note in app.ctx.services.submit.last_receipt.notes)

    # the same code again, from the dossier screen's scan this time: used once, then deleted on the hub
    app.flow.home("button")
    wait_step(qtbot, app, "home")
    click(qtbot, app.home_screen.tiles["dossier"])
    pick = app.navigator.screen("dossier")
    click(qtbot, pick.scan_button)
    qtbot.waitUntil(lambda: app.ctx.services.scanner.active, timeout=3000)
    app.ctx.services.scanner.inject(payload)
    wait_step(qtbot, app, "prepared")
    screen = app.navigator.current
    qtbot.waitUntil(lambda: screen.problem_code == "draft_used", timeout=20000)
    assert screen.problem.isVisible() and "đã được dùng" in screen.problem.text()
    assert screen.fill_button.isVisible()
    screen.window().grab().save(str(Path("/tmp") / "h19_prepared_used.png"))


def test_altered_and_expired_codes_are_refused_at_the_station(make_app, qtbot, prep_hub, tmp_path: Path) -> None:
    payload = prepare_on_phone(prep_hub)
    app = _station(make_app, prep_hub, tmp_path / "camera")
    wait_enrolled(qtbot, app)
    screen = _open_prepared_tile(qtbot, app)
    parts = payload.split("|")
    parts[4] = str(int(parts[4]) + 30 * 86400)  # a longer life, forged on the phone
    app.ctx.services.scanner.inject("|".join(parts))
    qtbot.waitUntil(lambda: screen.problem_code == "draft_invalid", timeout=20000)
    assert "bị sửa đổi" in screen.problem.text() and current(app) == "prepared"

    with sqlite3.connect(prep_hub.db_path) as db:  # the hub's own key: a draft that expired a minute ago
        key = db.execute("SELECT value FROM hub_keys").fetchone()[0]
    expired = build_draft(key, "1.004222", parse_draft(payload).draft_id, int(time.time()) - 60).payload
    click(qtbot, screen.again_button)
    qtbot.waitUntil(lambda: app.ctx.services.scanner.active, timeout=3000)
    app.ctx.services.scanner.inject(expired)
    qtbot.waitUntil(lambda: screen.problem_code == "draft_expired", timeout=20000)
    assert "hết hạn" in screen.problem.text()
    click(qtbot, screen.fill_button)  # never a dead end: fill the dossier here
    wait_step(qtbot, app, "dossier")
