"""A resident reports a security problem: five steps with the emergency number always on screen, anonymous or
named; the report is read back from the real SQLite queue and the printed receipt carries its reference."""

from __future__ import annotations

from pathlib import Path

import pytest

from offline_queue.runtime import open_store, queue_paths
from tests.citizen.conftest import click, press_keys, texts
from tests.printer.helpers import qr_texts

SERVICES = ("scanner", "storage", "printer")


@pytest.fixture
def app(scanner_app):
    return scanner_app(services=SERVICES)


def step(app) -> str:
    return app.window.nav_bar.step.text()


def current(app):
    return app.navigator.current


def fill_report(app, qtbot, anonymous: bool, photo_count: int = 0) -> None:
    click(qtbot, app.home_screen.tiles["report"])
    assert current(app).screen_id == "report"
    assert step(app) == "Bước 1/6"
    assert any("Nếu khẩn cấp, gọi 113" in t for t in texts(current(app)))
    click(qtbot, current(app).buttons["theft"])
    location = current(app)
    assert location.screen_id == "report.location" and step(app) == "Bước 2/6"
    assert not location.next.isEnabled(), "the place must be chosen first"
    click(qtbot, location.buttons["parking"])
    press_keys(qtbot, location.keyboard, "A")
    click(qtbot, location.edits["floor"])
    press_keys(qtbot, location.keyboard, "B")
    click(qtbot, location.keyboard.keys["mode"])
    press_keys(qtbot, location.keyboard, "2")
    assert [location.edits[k].text() for k in ("block", "floor")] == ["A", "B2"]
    click(qtbot, location.next)
    description = current(app)
    assert description.screen_id == "report.description" and step(app) == "Bước 3/6"
    assert any("113" in t for t in texts(description))
    press_keys(qtbot, description.keyboard, "xe ddapj bij maats lucs 9 giowf")
    assert description.text.toPlainText() == "xe đạp bị mất lúc 9 giờ"
    click(qtbot, description.next)
    photo = current(app)
    assert photo.screen_id == "report.photo" and step(app) == "Bước 4/6"
    if photo_count:
        click(qtbot, photo.take)
        qtbot.waitUntil(lambda: len(photo.photos) == 1, timeout=10000)
        assert not photo.preview.pixmap().isNull() and "1" in photo.count.text()
    click(qtbot, photo.next)
    who = current(app)
    assert who.screen_id == "report.identity" and step(app) == "Bước 5/6"
    click(qtbot, who.anonymous if anonymous else who.named)


def send(app, qtbot) -> dict:
    review = current(app)
    assert review.screen_id == "report.review" and step(app) == "Bước 6/6"
    assert not review.consent.isChecked() and not review.submit.isEnabled(), "no pre-ticked consent"
    click(qtbot, review.consent)
    click(qtbot, review.submit)
    qtbot.waitUntil(lambda: current(app).screen_id == "receipt.done", timeout=10000)
    done = current(app)
    reference = done.params["reference"]
    printer = app.ctx.services.printer
    qtbot.waitUntil(lambda: done.params.get("printed") is not None, timeout=15000)
    assert done.params["printed"] is True
    assert f"TCDS|1|{reference}" in qr_texts(printer.last_output(), app.config.printer.paper_width_dots)
    store = open_store(app.config, app.data_dir)
    try:
        rows = [r for r in store.export(include_personal=True) if r["local_ref"] == reference]
    finally:
        store.engine.dispose()
    assert len(rows) == 1 and rows[0]["kind"] == "report"
    return rows[0]


def test_an_anonymous_report_carries_no_identity_even_after_a_scan(scanner_app, qtbot, sample_data) -> None:
    app = scanner_app(camera={"kind": "simulated"}, services=SERVICES)
    fill_report(app, qtbot, anonymous=False, photo_count=1)
    assert current(app).screen_id == "identity.scan"
    app.ctx.services.scanner.inject(next(line for line in (sample_data / "cccd_qr_samples.txt").read_text(
        encoding="utf-8").splitlines() if line[:1].isdigit()))
    click(qtbot, current(app).confirm)
    assert current(app).screen_id == "report.review" and app.flow.visit.identity is not None
    for _ in range(3):  # the resident changes their mind: back to "do you want to give your name?"
        click(qtbot, app.window.nav_bar.back)
    who = current(app)
    assert who.screen_id == "report.identity"
    click(qtbot, who.anonymous)
    review = current(app)
    assert "Ẩn danh" in review.values["sender"].text() and review.values["photos"].text() == "1"
    row = send(app, qtbot)
    assert row["personal"] is None, "anonymous: no identity, although the visit holds one"
    payload = row["payload"]
    assert payload["anonymous"] is True and payload["category"] == "theft" and payload["photos"] == 1
    assert payload["description"] == "xe đạp bị mất lúc 9 giờ"
    assert payload["location"]["area"] == "parking" and payload["location"]["text_vi"] == "Hầm xe · Tòa A · Tầng B2"
    assert payload["consent"]["given"] is True
    assert [(a["name"], a["content_type"]) for a in row["attachments"]] == [("photo-1.jpg", "image/jpeg")]


def test_a_named_report_carries_the_identity_only_in_the_encrypted_part(app, qtbot, sample_data) -> None:
    fill_report(app, qtbot, anonymous=False)
    assert current(app).screen_id == "identity.scan" and step(app) == "Bước 5/6"
    sample = [line for line in (sample_data / "cccd_qr_samples.txt").read_text(encoding="utf-8").splitlines()
              if line[:1].isdigit()][1]  # Trần Thị Bích
    app.ctx.services.scanner.inject(sample)
    click(qtbot, current(app).confirm)
    review = current(app)
    assert review.screen_id == "report.review"
    assert "Trần Thị Bích" in review.values["sender"].text()
    row = send(app, qtbot)
    assert row["attachments"] == [] and row["payload"]["photos"] == 0
    assert row["personal"]["full_name"] == "Trần Thị Bích" and row["personal"]["id_number"] == "034303000002"
    assert row["payload"]["anonymous"] is False
    assert "Trần" not in str(row["payload"]) and "034303000002" not in str(row["payload"])
    db = queue_paths(app.config, app.data_dir).db
    raw = b"".join(Path(p).read_bytes() for p in (db, Path(f"{db}-wal")) if Path(p).exists())
    assert "Trần Thị Bích".encode() not in raw and b"034303000002" not in raw, "personal part is encrypted"


def test_without_a_camera_service_there_is_no_photo_step(make_app, qtbot) -> None:
    app = make_app()  # no scanner service: no still photos, so no (fake) photo step
    app.flow.go("report.description", {"sample": True})
    assert step(app) == "Bước 3/5"
    click(qtbot, current(app).next)
    assert current(app).screen_id == "report.identity" and step(app) == "Bước 4/5"
    assert any("113" in t for t in texts(current(app)))


def test_walking_away_mid_report_wipes_it(make_app, qtbot) -> None:
    app = make_app()
    click(qtbot, app.home_screen.tiles["report"])
    click(qtbot, current(app).buttons["drugs"])
    location = current(app)
    click(qtbot, location.buttons["elevator"])
    press_keys(qtbot, location.keyboard, "C")
    click(qtbot, location.next)
    description = current(app)
    press_keys(qtbot, description.keyboard, "cos nguwowif buoon ban")
    assert app.flow.visit.data["report"]["category"] == "drugs"
    app.flow.flow.warning_seconds = 1
    app.flow.flow.register("report.description", 0.2)
    app.flow.activity()
    qtbot.waitUntil(lambda: current(app).screen_id == "home", timeout=6000)
    assert description.text.toPlainText() == "" and location.edits["block"].text() == ""
    assert app.flow.visit.is_empty
    click(qtbot, app.home_screen.tiles["report"])
    click(qtbot, current(app).buttons["theft"])
    assert not current(app).next.isEnabled(), "the next resident starts with nothing chosen"


def test_photo_step_without_a_working_camera_says_so_and_goes_on(scanner_app, qtbot) -> None:
    app = scanner_app()  # the service can take stills, but there is no camera
    app.flow.go("report.description", {"sample": True})
    click(qtbot, current(app).next)
    photo = current(app)
    assert photo.screen_id == "report.photo"
    qtbot.waitUntil(photo.camera.missing.isVisible, timeout=5000)
    assert "tiếp tục mà không cần ảnh" in photo.camera.missing.text()
    click(qtbot, photo.take)
    qtbot.waitUntil(lambda: photo.error.text() != "", timeout=10000)
    assert "Không chụp được ảnh" in photo.error.text() and photo.photos == []
    click(qtbot, photo.next)
    assert current(app).screen_id == "report.identity"
