"""Officers read words, not codes: a report's category and place as the resident chose them, a procedure's name,
a payment's state and the form's labels, on the inbox, the case page and the CSV export (in-process hub, SQLite
and PostgreSQL). The report bodies are made by the kiosk's own report model, as a real station sends them."""

from __future__ import annotations

import csv
import io
import re
import uuid
from typing import Any

from fastapi.testclient import TestClient

from screens.report.model import build_submission, new_draft
from tests.hub.conftest import item


def send(client: TestClient, auth: dict[str, str], kind: str, payload: dict[str, Any]) -> str:
    r = client.post("/v1/submissions", json={"items": [item(kind, local_ref=None, **payload)]}, headers=auth)
    assert r.status_code == 200 and r.json()["results"][0]["status"] == "accepted", r.text
    return r.json()["results"][0]["reference"]


def kiosk_report() -> dict[str, Any]:
    draft = new_draft() | {"category": "disorder_noise", "area": "parking", "block": "A", "floor": "B2",
                           "description": "Tiếng ồn lớn sau 22 giờ ở hầm xe", "anonymous": True, "consent": True,
                           "photos": [b"\xff\xd8 one", b"\xff\xd8 two"]}
    payload, personal = build_submission(draft, None)
    assert personal is None
    return payload


def cell_text(html: str) -> str:
    """The page's text as a reader sees it: tags gone, runs of spaces as one."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_report_inbox_case_page_and_export_show_the_category_and_place_in_words(client: TestClient, auth) -> None:
    ref = send(client, auth, "report", kiosk_report())
    listing = client.get("/office/reports").text
    row = next(r for r in listing.split("<tr") if ref in r)
    assert "Mất trật tự, gây ồn ào" in row and "disorder_noise" not in listing
    page = client.get(f"/office/cases/{ref}").text
    assert "Mất trật tự, gây ồn ào" in page and "Hầm xe · Tòa A · Tầng B2" in page
    assert "Số ảnh chụp" in page
    for code in ("disorder_noise", "parking", "{&#39;area", "{'area", "area_vi"):
        assert code not in page, code
    export = client.get(f"/office/cases/{ref}/export.csv")
    lines = dict(tuple(r[:2]) for r in csv.reader(io.StringIO(export.text.lstrip("\ufeff"))) if len(r) >= 2)
    assert lines["Nội dung phản ánh"] == "Mất trật tự, gây ồn ào" and lines["Địa điểm"] == "Hầm xe · Tòa A · Tầng B2"
    assert lines["Người nộp"] == "Ẩn danh" and "disorder_noise" not in export.text


def test_a_report_without_words_shows_its_code_marked_as_such(client: TestClient, auth) -> None:
    """An older station sent only the key: the officer sees that it is a code, never a bare key as if words."""
    ref = send(client, auth, "report", {"category": "noise", "description": "Ồn", "anonymous": True,
                                        "location": "Sảnh tòa B"})
    row = next(r for r in client.get("/office/reports").text.split("<tr") if ref in r)
    assert "Nội dung khác (mã: noise)" in row
    page = cell_text(client.get(f"/office/cases/{ref}").text)
    assert "Nội dung khác (mã: noise)" in page and "Sảnh tòa B" in page


def test_dossier_pages_name_the_procedure_label_the_fields_and_word_the_payment(client: TestClient, auth) -> None:
    ref = send(client, auth, "dossier", {"procedure_code": "1.004222", "fee": {"amount": 20000},
                                         "answers": {"request_content": "Đăng ký thường trú cho con"}})
    row = next(r for r in client.get("/office/dossiers").text.split("<tr") if ref in r)
    assert "Đăng ký thường trú" in row and "1.004222" in row  # the name, with its code small beside it
    pay = client.post("/v1/payments", json={"reference": ref, "amount": 20000, "purpose": "Lệ phí"},
                      headers=auth | {"Idempotency-Key": str(uuid.uuid4())})
    assert pay.status_code == 201, pay.text
    page = cell_text(client.get(f"/office/cases/{ref}").text)
    assert "Chờ thanh toán" in page and " pending " not in page
    assert "Nội dung đề nghị" in page
    export = client.get(f"/office/cases/{ref}/export.csv").text
    assert "Nội dung đề nghị,Đăng ký thường trú cho con" in export and "request_content" not in export
    assert "Thủ tục,Đăng ký thường trú" in export


def test_a_pending_payment_past_its_expiry_reads_as_expired() -> None:
    from datetime import UTC, datetime, timedelta
    from types import SimpleNamespace

    from central.office.words import payment_state

    now = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
    assert payment_state(SimpleNamespace(status="pending", expires_at=now + timedelta(minutes=1)), now) == \
        "Chờ thanh toán"
    assert payment_state(SimpleNamespace(status="pending", expires_at=now - timedelta(minutes=1)), now) == "Hết hạn"
    assert payment_state(SimpleNamespace(status="paid", expires_at=now - timedelta(days=1)), now) == "Đã thanh toán"
    assert payment_state(SimpleNamespace(status="<script>", expires_at=None), now) == "Không rõ"


def test_the_dashboard_says_which_measuring_devices_the_registry_lacks_or_are_overdue(client: TestClient,
                                                                                       auth) -> None:
    import datetime as dt

    from central import alerts

    db = client.app.state.db
    alerts.register_device(db, "blood_pressure", "Omron HBP-1320", "SN-1", "STRIDE BP 2019", dt.date(2099, 1, 1))
    alerts.register_device(db, "oximeter", "Contec CMS50D", "SN-2", "ISO 80601-2-61", dt.date(2020, 1, 1))
    beat = {"queue": {}, "devices": {
        "blood_pressure": {"state": "ready", "model": "Omron HBP-1320", "serial": "SN-1"},
        "oximeter": {"state": "ready", "model": "Contec CMS50D", "serial": "SN-2"},
        "scale": {"state": "ready", "model": "Tanita WB-3000", "serial": "NOPE"},
        "thermometer": {"state": "ready", "model": "GY-MCU90614", "serial": "", "simulated": True}}}
    assert client.post("/v1/heartbeat", json=beat, headers=auth).status_code == 200
    cell = cell_text(client.get("/").text)
    assert "Máy đo huyết áp: sẵn sàng" in cell and "Máy đo huyết áp: sẵn sàng (" not in cell
    assert "Máy đo SpO2: sẵn sàng (quá hạn hiệu chuẩn)" in cell
    assert "Cân: sẵn sàng (chưa có trong sổ thiết bị)" in cell
    assert "Nhiệt kế: sẵn sàng" in cell and "Nhiệt kế: sẵn sàng (" not in cell  # a simulator is not registered


def test_alerts_name_the_residents_screen_in_words(client: TestClient, auth) -> None:
    from central.alerts import screen_vi

    for screen, words in (("dossier.form", "Điền tờ khai"), ("tracking", "Tra cứu hồ sơ")):
        body = {"id": str(uuid.uuid4()), "kind": "help", "created_at": "2026-12-03T10:00:00+07:00", "screen": screen}
        assert client.post("/v1/alerts", json=body, headers=auth).status_code == 201
        assert screen_vi(screen) == words
    for path in ("/office/alerts", "/"):
        page = cell_text(client.get(path).text)
        assert "Điền tờ khai" in page and "dossier.form" not in page, path
    assert screen_vi("future.screen") == "Màn hình khác (mã: future.screen)"
