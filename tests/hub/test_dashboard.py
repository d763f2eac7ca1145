"""The fleet dashboard: heartbeats per kiosk, totals, recent submissions without personal data, staff buttons."""

from __future__ import annotations

import re

import pytest
import requests
from fastapi.testclient import TestClient

from tests.hub.conftest import item
from tests.staff_fixtures import staff_session

BEAT = {"version": "0.1.0", "queue": {"queued": 3, "sending": 1, "retry": 2, "rejected": 1, "sent": 40},
        "oldest_unsent_age_seconds": 7260, "last_sync_at": "2026-11-21T10:15:00+07:00",
        "last_error": "hub: 503 Service Unavailable", "devices": {"printer": "paper_out", "camera": "ready"}}


def test_heartbeat_shows_on_the_dashboard_of_a_real_hub(hub) -> None:  # type: ignore[no-untyped-def]
    kiosk = hub.enroll(station_code="BN07", name="Trạm Bến Nghé 7")
    r = requests.post(hub.url + "/v1/heartbeat", json=BEAT, headers={"Authorization": f"Bearer {kiosk['token']}"},
                      timeout=10)
    assert r.status_code == 200 and r.json()["server_time"]
    page = staff_session(hub, "viewer").get(hub.url + "/", timeout=10)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    for text in ("BN07", "Trạm Bến Nghé 7", "Hoạt động", "Chờ gửi<br><b>3</b>", "Đang gửi<br><b>1</b>",
                 "Thử lại<br><b>2</b>", "Bị từ chối<br><b>1</b>", "Đã gửi<br><b>40</b>", "2 giờ",
                 "21/11/2026 10:15:00", "hub: 503 Service Unavailable", "Máy in: HẾT GIẤY", "Camera: sẵn sàng",
                 "0.1.0",
                 'http-equiv=refresh', "DEMO-0000", '<svg'):
        assert text in html, text
    fleet = next(k for k in hub.fleet()["kiosks"] if k["kiosk_id"] == kiosk["kiosk_id"])
    assert fleet["queue"]["retry"] == 2 and fleet["devices"]["printer"] == "paper_out"
    assert fleet["last_heartbeat_age_seconds"] < 60


def test_the_staff_stylesheet_is_served(client: TestClient) -> None:
    """The sign-in page and the dashboard link /staff/staff.css (no inline styles under the CSP)."""
    r = client.get("/staff/staff.css")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/css")
    assert "body{" in r.text and "font-family" in r.text


def test_latest_heartbeat_replaces_the_previous_one(client: TestClient, auth: dict[str, str]) -> None:
    client.post("/v1/heartbeat", json=BEAT, headers=auth)
    client.post("/v1/heartbeat", json=BEAT | {"last_error": None, "queue": {"queued": 0}}, headers=auth)
    fleet = client.get("/admin/fleet").json()["kiosks"]
    assert len(fleet) == 1 and fleet[0]["last_error"] is None and fleet[0]["queue"] == {"queued": 0}
    bad = client.post("/v1/heartbeat", json=BEAT | {"queue": {"queued": -1}}, headers=auth)
    assert bad.status_code == 422 and bad.headers["content-type"] == "application/problem+json"


def test_recent_submissions_show_no_personal_data(client: TestClient, auth: dict[str, str]) -> None:
    it = item(local_ref="BN01-261121-0099", full_name="Nguyễn Văn An", id_number="079090001234")
    ref = client.post("/v1/submissions", json={"items": [it]}, headers=auth).json()["results"][0]["reference"]
    html = client.get("/").text
    assert ref in html and "Hồ sơ TTHC" in html and "Đã tiếp nhận" in html
    assert "Nguyễn Văn An" not in html and "079090001234" not in html


def test_dashboard_buttons_advance_a_dossier(client: TestClient, auth: dict[str, str]) -> None:
    ref = client.post("/v1/submissions", json={"items": [item()]}, headers=auth).json()["results"][0]["reference"]
    html = client.get("/").text
    assert f"/admin/dossiers/{ref}/status" in html
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]
    # a browser's form post: the token in the form, no header
    r = client.post(f"/admin/dossiers/{ref}/status", data={"status": "completed", "csrf_token": token},
                    follow_redirects=False, headers={"Origin": "http://testserver", "X-CSRF-Token": ""})
    assert r.status_code == 303 and r.headers["location"] == "/"
    assert client.get(f"/v1/dossiers/{ref}", headers=auth).json()["status"] == "completed"
    cross = client.post(f"/admin/dossiers/{ref}/status", data={"status": "rejected"},
                        headers={"Origin": "https://evil.example"})
    assert cross.status_code == 403


def test_dashboard_makes_an_enrolment_qr(client: TestClient) -> None:
    # what a browser sends for a form without fields
    r = client.post("/admin/enrolment-codes", content=b"", headers={
        "Origin": "http://testserver", "Content-Type": "application/x-www-form-urlencoded"})  # token in the header
    assert r.status_code == 201 and "<svg" in r.text and "Mã đăng ký trạm" in r.text


@pytest.mark.parametrize("hub_db_url", ["sqlite"], indirect=True)  # edits the SQLite file behind the hub
def test_received_today_counts_the_wards_day(client: TestClient, auth: dict[str, str], tmp_path) -> None:  # type: ignore[no-untyped-def]
    """"Today" on the dashboard is the day in Vietnam (UTC+7), whatever the server's clock zone."""
    import re
    import sqlite3
    from datetime import UTC, timedelta

    from central.dashboard import VN
    from central.models import utcnow

    client.post("/v1/submissions", json={"items": [item(), item(), item()]}, headers=auth)
    vn_midnight = utcnow().astimezone(VN).replace(hour=0, minute=0, second=0, microsecond=0)
    before, after = vn_midnight - timedelta(minutes=5), vn_midnight + timedelta(minutes=5)
    with sqlite3.connect(tmp_path / "hub.db") as con:  # what SQLAlchemy stores: UTC wall-clock digits
        fmt = "%Y-%m-%d %H:%M:%S.%f"
        con.execute("UPDATE submissions SET received_at = ? WHERE seq = 1",
                    (before.astimezone(UTC).strftime(fmt),))
        con.execute("UPDATE submissions SET received_at = ? WHERE seq = 2",
                    (after.astimezone(UTC).strftime(fmt),))
    html = client.get("/").text
    assert re.search(r"Nhận hôm nay</span><b>2</b>", html)
