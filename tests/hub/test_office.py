"""The officer back office on the hub (in-process, on SQLite and PostgreSQL): inbox filters, search and paging,
case pages, status moves with the resident's note, anonymity of reports, alerts and the public status page."""

from __future__ import annotations

import re
import uuid
from typing import Any

from fastapi.testclient import TestClient

from tests.hub.conftest import enroll, item

PERSON = {"identity": {"full_name": "Nguyễn Văn Đức", "id_number": "079090001234", "address": "Số 5 Lê Lợi"}}


def send(client: TestClient, auth: dict[str, str], kind: str = "dossier", **payload: Any) -> tuple[str, str]:
    it = item(kind, local_ref=None, **payload)
    r = client.post("/v1/submissions", json={"items": [it]}, headers=auth)
    assert r.status_code == 200 and r.json()["results"][0]["status"] == "accepted", r.text
    return r.json()["results"][0]["reference"], it["id"]


def dossier(client: TestClient, auth: dict[str, str], name: str = "Nguyễn Văn Đức", code: str = "1.004222") -> str:
    return send(client, auth, procedure_code=code, procedure_name="Đăng ký thường trú",
                answers={"request_content": "Đăng ký thường trú"},
                personal={"identity": {"full_name": name, "id_number": "079090001234"}})[0]


def refs(html: str) -> list[str]:
    return re.findall(r'href="/office/cases/([A-Z]{2}-\d{4}-\d{6,9})"', html)


def test_inbox_lists_newest_first_and_pages_by_keyset_without_gaps_or_repeats(client: TestClient, auth) -> None:
    made = [dossier(client, auth, name=f"Người Số {i}") for i in range(57)]
    first = client.get("/office/dossiers")
    assert first.status_code == 200
    page1 = refs(first.text)
    assert page1 == made[::-1][:50]
    nxt = re.search(r'rel="next" href="\?([^"]+)"', first.text).group(1).replace("&amp;", "&")
    page2 = refs(client.get(f"/office/dossiers?{nxt}").text)
    assert page2 == made[::-1][50:] and 'rel="next"' not in client.get(f"/office/dossiers?{nxt}").text
    assert "<b>57</b> Đã tiếp nhận" in first.text  # labelled count per status


def test_search_by_name_without_diacritics_by_reference_and_filters(client: TestClient, auth) -> None:
    duc = dossier(client, auth, name="Nguyễn Văn Đức")
    lan = dossier(client, auth, name="Trần Thị Lan", code="1.002755")
    assert refs(client.get("/office/dossiers", params={"q": "van duc"}).text) == [duc]
    assert refs(client.get("/office/dossiers", params={"q": "Trần Thị"}).text) == [lan]
    assert refs(client.get("/office/dossiers", params={"q": lan.lower()}).text) == [lan]
    assert refs(client.get("/office/dossiers", params={"procedure": "1.002755"}).text) == [lan]
    assert refs(client.get("/office/dossiers", params={"q": "100%_"}).text) == []  # LIKE wildcards are text
    client.post(f"/office/cases/{duc}/status", data={"status": "processing"})
    assert refs(client.get("/office/dossiers", params={"status": "processing"}).text) == [duc]
    assert set(refs(client.get("/office/dossiers", params={"station": "BN01"}).text)) == {duc, lan}
    assert refs(client.get("/office/dossiers", params={"station": "XX99"}).text) == []
    assert refs(client.get("/office/dossiers", params={"from": "2001-01-01", "to": "2001-01-02"}).text) == []
    # untrusted parameters never make an error page
    for params in ({"before": "x"}, {"status": "\x00"}, {"from": "31/12/2026"}, {"before": "9" * 30}):
        assert client.get("/office/dossiers", params=params).status_code == 200


def test_overdue_filter_uses_the_procedures_legal_processing_time(client: TestClient, auth) -> None:
    import copy
    import datetime as dt
    import json

    from central.local import KIOSK_CATALOGUE
    from central.models import Submission

    catalogue = copy.deepcopy(json.loads(KIOSK_CATALOGUE.read_text(encoding="utf-8")))
    procedure = next(p for p in catalogue["procedures"] if p["code"] == "1.004222")
    for channel in procedure["channels"]:
        channel["processing_time"] = "Thời hạn giải quyết: 07 ngày làm việc kể từ ngày nhận đủ hồ sơ"
    assert client.put("/admin/catalog", json=catalogue).status_code == 201  # checked against the schema
    late, fresh = dossier(client, auth), dossier(client, auth)
    db = client.app.state.db
    with db.session() as s:
        row = s.query(Submission).filter_by(reference=late).one()
        received, due = row.received_at, row.due_at  # 7 working days: 9 to 11 calendar days later
        assert due is not None and 9 <= (due - received).days <= 11
        row.due_at = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    html = client.get("/office/dossiers", params={"overdue": "1"}).text
    assert refs(html) == [late] and "Quá hạn" in html and fresh not in refs(html)


def test_a_status_move_with_a_note_reaches_the_kiosk_and_the_history(client: TestClient, auth) -> None:
    ref = dossier(client, auth)
    page = client.get(f"/office/cases/{ref}").text
    assert ("Nguyễn Văn Đức" in page and "079090001234" in page and "20.000 đ" in page) or "Lệ phí" in page
    # needs_info without a note is refused, and nothing changes
    r = client.post(f"/office/cases/{ref}/status", data={"status": "needs_info", "note": "  "},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].endswith("?error=note")
    assert client.get(f"/v1/dossiers/{ref}", headers=auth).json()["status"] == "received"
    # a move that skips the flow is refused (received → completed)
    r = client.post(f"/office/cases/{ref}/status", data={"status": "completed"}, follow_redirects=False)
    assert r.headers["location"].endswith("?error=move")
    note = "Vui lòng bổ sung bản sao giấy khai sinh."
    r = client.post(f"/office/cases/{ref}/status", data={"status": "needs_info", "note": note},
                    follow_redirects=False)
    assert r.status_code == 303
    tracked = client.get(f"/v1/dossiers/{ref}", headers=auth).json()
    assert tracked["status"] == "needs_info" and tracked["history"][-1]["note"] == note
    assert "actor" not in tracked["history"][-1]  # the kiosk is not told which officer
    page = client.get(f"/office/cases/{ref}").text
    assert note in page and "Cần bổ sung hồ sơ" in page
    client.post(f"/office/cases/{ref}/assign", data={"assignee": "can-bo-lan"})
    assert "can-bo-lan" in client.get("/office/dossiers").text
    csv = client.get(f"/office/cases/{ref}/export.csv")
    assert csv.headers["content-type"].startswith("text/csv") and note in csv.text and ref in csv.text


def test_cross_site_form_posts_are_refused(client: TestClient, auth) -> None:
    ref = dossier(client, auth)
    r = client.post(f"/office/cases/{ref}/status", data={"status": "processing"},
                    headers={"Origin": "https://evil.example"})
    assert r.status_code == 403
    assert client.get(f"/v1/dossiers/{ref}", headers=auth).json()["status"] == "received"


def test_an_anonymous_report_stays_anonymous_everywhere(client: TestClient, auth) -> None:
    ref, _ = send(client, auth, "report", category="noise", description="Tiếng ồn sau 22 giờ", anonymous=True,
                  personal=PERSON)
    listing = client.get("/office/reports").text
    assert ref in listing and "Ẩn danh" in listing
    page = client.get(f"/office/cases/{ref}").text
    for secret in ("Nguyễn Văn Đức", "079090001234", "Số 5 Lê Lợi"):
        assert secret not in page and secret not in listing
    assert "Ẩn danh" in page and "Tiếng ồn sau 22 giờ" in page
    assert refs(client.get("/office/reports", params={"q": "duc"}).text) == []  # not findable by name either
    named, _ = send(client, auth, "report", category="noise", anonymous=False, personal=PERSON)
    assert refs(client.get("/office/reports", params={"q": "duc"}).text) == [named]


def test_public_status_page_shows_status_note_and_next_step_but_nothing_personal(client: TestClient, auth) -> None:
    ref, sid = send(client, auth, procedure_code="1.004222", personal=PERSON, answers={"phone": "0912345678"})
    client.post(f"/office/cases/{ref}/status", data={"status": "needs_info", "note": "Thiếu giấy khai sinh."})
    page = client.get(f"/s/{sid}")
    assert page.status_code == 200 and "width=device-width" in page.text
    assert "Cần bổ sung hồ sơ" in page.text and "Thiếu giấy khai sinh." in page.text and ref in page.text
    assert "Vui lòng bổ sung giấy tờ" in page.text  # the next step
    for secret in ("Nguyễn", "079090001234", "Số 5 Lê Lợi", "0912345678", "1.004222"):
        assert secret not in page.text
    # the key is the unguessable submission id: a reference alone opens nothing
    assert client.get(f"/s/{ref}").status_code == 404
    assert client.get(f"/s/{uuid.uuid4()}").status_code == 404
    assert page.headers["cache-control"] == "no-store"


def test_pages_carry_a_csp_and_no_inline_script_or_style(client: TestClient, auth) -> None:
    ref, sid = send(client, auth, procedure_code="1.004222", personal=PERSON)
    for path in ("/office/dossiers", "/office/reports", f"/office/cases/{ref}", "/office/alerts", f"/s/{sid}", "/"):
        r = client.get(path)
        assert r.status_code == 200, path
        assert re.search(r"<script(?![^>]*\bsrc=)", r.text) is None, path
        assert "<style" not in r.text and " style=" not in r.text, path
        if path != "/":
            assert "script-src 'self'" in r.headers["content-security-policy"]
    assert client.get("/office/static/office.js").status_code == 200


def test_office_pages_need_a_signed_in_staff_member_with_the_right_role(tmp_path, hub_db_url) -> None:
    from tests.hub.conftest import make_client
    from tests.staff_fixtures import sign_in

    with make_client(tmp_path, hub_db_url, staff=None) as c:
        auth = enroll(c)
        ref = dossier(c, auth)
        health = alert(c, auth, "health", readings={"spo2": {"label": "SpO2", "value": 85, "unit": "%"}})
        help_call = alert(c, auth, "help", screen="tracking")
        r = c.get("/office/dossiers", headers={"Accept": "text/html"}, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/staff/login?next=/office/dossiers")
        assert c.get("/office/alerts").status_code == 401
        sign_in(c, "viewer")  # reads cases, cannot act on them
        assert ref in c.get("/office/dossiers").text
        assert 'action="/office/cases' not in c.get(f"/office/cases/{ref}").text
        assert c.post(f"/office/cases/{ref}/status", data={"status": "processing"}).status_code == 403
        assert c.get(f"/office/cases/{ref}/export.csv").status_code == 403
        sign_in(c, "officer")  # cases yes; crisis readings are health data: not for the one-stop officer
        alerts_page = c.get("/office/alerts").text
        assert help_call["id"] in alerts_page and health["id"] not in alerts_page and "SpO2" not in alerts_page
        assert c.post(f"/office/alerts/{health['id']}/ack").status_code == 403
        sign_in(c, "health_worker")
        assert health["id"] in (seen := c.get("/office/alerts").text) and "SpO2" in seen
        assert c.get("/office/dossiers").status_code == 403
        c.app.state.db.dispose()


def alert(client: TestClient, auth: dict[str, str], kind: str = "help", **extra: Any) -> dict[str, Any]:
    body = {"id": str(uuid.uuid4()), "kind": kind, "created_at": "2026-12-03T10:00:00+07:00", **extra}
    r = client.post("/v1/alerts", json=body, headers=auth)
    assert r.status_code == 201, r.text
    return r.json()


def test_a_crisis_alert_shows_until_acknowledged_and_the_kiosk_learns_it(client: TestClient, auth) -> None:
    readings = {"systolic": {"label": "Huyết áp tâm thu", "value": 186, "unit": "mmHg",
                             "device_note": "thiết bị quá hạn hiệu chuẩn"}}
    a = alert(client, auth, "health", readings=readings, screen="health.check")
    page = client.get("/office/alerts").text
    assert "Chỉ số sức khỏe nguy hiểm" in page and "186" in page and "BN01" in page and "quá hạn hiệu chuẩn" in page
    assert client.get("/office/alerts.json").json()["open"][0]["id"] == a["id"]
    assert a["id"] in client.get("/").text  # the dashboard lists it too
    assert client.get(f"/v1/alerts/{a['id']}", headers=auth).json()["acknowledged"] is False
    assert client.post(f"/office/alerts/{a['id']}/ack", follow_redirects=False).status_code == 303
    assert client.get(f"/v1/alerts/{a['id']}", headers=auth).json()["acknowledged"] is True
    assert a["id"] not in client.get("/office/alerts").text
    assert a["id"] in client.get("/office/alerts?all=1").text
    assert client.get("/office/alerts.json").json()["open"] == []


def test_alerts_are_idempotent_and_scoped_to_their_kiosk(client: TestClient, auth) -> None:
    body = {"id": str(uuid.uuid4()), "kind": "help", "created_at": "2026-12-03T10:00:00+07:00", "screen": "dossier"}
    assert client.post("/v1/alerts", json=body, headers=auth).status_code == 201
    assert client.post("/v1/alerts", json=body, headers=auth).status_code == 200  # a retry: the same alert
    assert len(client.get("/office/alerts.json").json()["open"]) == 1
    other = enroll(client, station="BN02")
    assert client.get(f"/v1/alerts/{body['id']}", headers=other).status_code == 404
    for bad in ({**body, "id": "nope"}, {**body, "kind": "fire"}, {**body, "created_at": "yesterday"},
                {**body, "screen": "x" * 65}, {**body, "id": str(uuid.uuid4()), "readings": {"a": "x" * 5000}}):
        r = client.post("/v1/alerts", json=bad, headers=auth)
        assert r.status_code == 422 and r.headers["content-type"] == "application/problem+json", bad
    assert client.post("/v1/alerts", json=body).status_code == 401


def test_device_registry_answers_the_heartbeat(client: TestClient, auth) -> None:
    import datetime as dt

    from central import alerts

    db = client.app.state.db
    alerts.register_device(db, "blood_pressure", "Omron HBP-1320", "SN-1", "STRIDE BP 2019", dt.date(2099, 1, 1))
    alerts.register_device(db, "oximeter", "Contec CMS50D", "SN-2", "ISO 80601-2-61", dt.date(2020, 1, 1))
    beat = {"queue": {}, "devices": {"blood_pressure": {"state": "ok", "model": "Omron HBP-1320", "serial": "SN-1"},
                                     "oximeter": {"state": "ok", "model": "Contec CMS50D", "serial": "SN-2"},
                                     "scale": {"state": "ok", "model": "Unknown", "serial": "X"},
                                     "printer": "paper_low"}}
    reg = client.post("/v1/heartbeat", json=beat, headers=auth).json()["device_registry"]
    assert reg["blood_pressure"] == {"registered": True, "validation_ref": "STRIDE BP 2019",
                                     "calibration_due": "2099-01-01", "calibration_overdue": False}
    assert reg["oximeter"]["calibration_overdue"] is True and reg["scale"]["registered"] is False
    assert "printer" not in reg
    assert "SẮP HẾT GIẤY" in client.get("/").text


def test_dashboard_turns_amber_then_red_after_one_and_two_missed_heartbeats(client: TestClient, auth) -> None:
    import datetime as dt

    from sqlalchemy import update

    from central.models import Kiosk

    beat = {"queue": {"queued": 2, "retry": 1, "sent": 9}, "devices": {"printer": "paper_out"}, "interval_seconds": 60}
    assert client.post("/v1/heartbeat", json=beat, headers=auth).status_code == 200
    html = client.get("/").text
    assert "hb-ok" in html and "Chờ gửi<br><b>2</b>" in html and "Máy in: HẾT GIẤY" in html
    assert html.count("<i class='up'>") + html.count("<i class='busy'>") + html.count("<i class='fault'>") == 1
    db = client.app.state.db
    for age, css, label in ((100, "hb-amber", "Trễ báo trạng thái"), (200, "hb-red", "Mất liên lạc")):
        with db.session() as s:
            s.execute(update(Kiosk).values(hb_at=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=age)))
        html = client.get("/").text
        assert css in html and label in html, age


def test_devices_are_registered_from_the_command_line(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from central.cli import main as cli_main

    db = str(tmp_path / "hub.db")
    assert cli_main(["device", "--db", db, "--kind", "blood_pressure", "--model", "Omron HBP-1320", "--serial", "A1",
                     "--validation", "STRIDE BP", "--calibration-due", "2027-06-30"]) == 0
    assert "Omron HBP-1320\tA1\tSTRIDE BP\tcalibration due 2027-06-30" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        cli_main(["device", "--db", db, "--kind", "scale", "--model", "X", "--serial", "1", "--validation", "v",
                  "--calibration-due", "30/06/2027"])


def test_the_case_page_shows_the_legal_due_date_or_asks_to_check_with_staff(client: TestClient, auth) -> None:
    # Đăng ký thường trú now carries its legal time (Luật Cư trú 2020, Điều 22: 07 working days) in the catalogue;
    # Thông báo lưu trú states none, and the page says to ask rather than guessing.
    import json

    from central.local import KIOSK_CATALOGUE

    catalogue = json.loads(KIOSK_CATALOGUE.read_text(encoding="utf-8"))  # as built, with the curated legal times
    assert client.put("/admin/catalog", json=catalogue).status_code == 201
    with_time, without = dossier(client, auth), dossier(client, auth, code="2.001159")
    assert "Vui lòng hỏi cán bộ" not in client.get(f"/office/cases/{with_time}").text
    page = client.get(f"/office/cases/{without}").text
    assert "Hạn giải quyết</dt><dd>Vui lòng hỏi cán bộ" in page and "Chưa rõ" not in page
