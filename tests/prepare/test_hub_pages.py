"""The hub side of "prepare at home": the phone form checks answers with the kiosk's rules, keeps them only with
consent, shows a signed QR; a kiosk redeems it once; altered, expired or used codes are refused."""

from __future__ import annotations

import re
from datetime import timedelta
from html import unescape
from pathlib import Path

from central.models import utcnow
from central.prepare import store
from core.formats.prepared import parse_draft
from tests.hub.conftest import enroll, make_client
from tests.prepare.conftest import qr_text_of

GOOD = {"phone": "0912345678", "request_content": "Đăng ký thường trú tại nhà con trai", "consent": "yes",
        "relationship_to_head": "Cha", "email": "", "new_address": "Số 5 ngõ 12 phố Hàng Bông, phường Hoàn Kiếm"}


def test_phone_form_asks_no_card_fields_and_shows_the_kiosk_rules(tmp_path: Path) -> None:
    with make_client(tmp_path, staff=None) as client:
        listing = client.get("/prepare")
        assert listing.status_code == 200 and "Đăng ký thường trú" in listing.text
        page = client.get("/prepare/1.004222")
        assert page.status_code == 200
        assert "Số điện thoại liên hệ" in page.text and "Nội dung đề nghị" in page.text
        for from_card in ('name="full_name"', 'name="id_number"', 'name="date_of_birth"', 'name="current_address"'):
            assert from_card not in page.text  # read from the ID card at the station, not typed at home
        assert "script-src 'self'" in page.headers["Content-Security-Policy"]
        bad = client.post("/prepare/1.004222", data=GOOD | {"phone": "12345", "email": "not-an-email"})
        assert bad.status_code == 422
        assert "Số điện thoại có 10 chữ số và bắt đầu bằng số 0." in bad.text
        assert "Địa chỉ thư điện tử chưa đúng." in bad.text
        hostile = client.post("/prepare/1.004222",
                              data=GOOD | {"phone": "x", "request_content": "<script>alert(1)</script>"})
        assert "<script>alert(1)" not in hostile.text and "&lt;script&gt;" in hostile.text  # typed text is escaped
        no_consent = client.post("/prepare/1.004222", data={k: v for k, v in GOOD.items() if k != "consent"})
        assert no_consent.status_code == 422 and "Vui lòng đánh dấu đồng ý" in no_consent.text
        with client.app.state.db.session() as s:
            assert s.query(store.PreparedDraft).count() == 0  # nothing kept before the answers pass and consent
        assert client.get("/prepare/9.999999").status_code == 404


def _made_draft(client) -> str:  # type: ignore[no-untyped-def]
    made = client.post("/prepare/1.004222", data=GOOD)
    assert made.status_code == 200, made.text
    assert "một lần" in made.text
    return qr_text_of(made.text)


def test_kiosk_redeems_once_and_the_draft_is_deleted(tmp_path: Path) -> None:
    with make_client(tmp_path, staff=None, draft_ttl_days=3) as client:
        payload = _made_draft(client)
        auth = enroll(client, station="PH01")
        assert client.post("/v1/drafts/redeem", json={"code": payload}).status_code == 401
        r = client.post("/v1/drafts/redeem", json={"code": payload}, headers=auth)
        assert r.status_code == 200
        assert r.json() == {"procedure_code": "1.004222", "answers": {
            "phone": "0912345678", "request_content": "Đăng ký thường trú tại nhà con trai",
            "relationship_to_head": "Cha", "new_address": "Số 5 ngõ 12 phố Hàng Bông, phường Hoàn Kiếm"}}
        with client.app.state.db.session() as s:
            assert s.query(store.PreparedDraft).count() == 0
        again = client.post("/v1/drafts/redeem", json={"code": payload}, headers=auth)
        assert again.status_code == 404 and again.json()["type"].endswith("draft-used")
        ref = parse_draft(payload)
        days = (ref.expires_at - utcnow().timestamp()) / 86400
        assert 2.9 < days <= 3.0  # the configured lifetime


def test_tampered_and_expired_codes_are_refused(tmp_path: Path) -> None:
    with make_client(tmp_path, staff=None) as client:
        payload = _made_draft(client)
        auth = enroll(client, station="PH02")
        parts = payload.split("|")
        longer = "|".join([*parts[:4], str(int(parts[4]) + 86400 * 30), parts[5]])
        r = client.post("/v1/drafts/redeem", json={"code": longer}, headers=auth)
        assert r.status_code == 422 and r.json()["type"].endswith("draft-invalid")
        with client.app.state.db.session() as s:
            row = s.query(store.PreparedDraft).one()
            row.expires_at = utcnow() - timedelta(minutes=1)
        expired = store.build_draft(store.signing_key(client.app.state.db), "1.004222", parts[3],
                                    int((utcnow() - timedelta(minutes=1)).timestamp())).payload
        r = client.post("/v1/drafts/redeem", json={"code": expired}, headers=auth)
        assert r.status_code == 410 and r.json()["type"].endswith("draft-expired")
        with client.app.state.db.session() as s:  # and the draft nobody can use any more is gone
            assert s.query(store.PreparedDraft).count() == 0


def test_the_qr_page_shows_the_expiry_in_vietnam_time(tmp_path: Path) -> None:
    with make_client(tmp_path, staff=None) as client:
        page = client.post("/prepare/1.004222", data=GOOD).text
        found = re.search(r"đến <b>(\d\d:\d\d ngày \d\d/\d\d/\d{4})</b>", unescape(page))
        assert found, page


def test_procedures_without_a_form_are_not_offered_for_preparing_at_home(tmp_path: Path) -> None:
    import json

    from central.catalog_store import publish
    from central.local import KIOSK_CATALOGUE

    with make_client(tmp_path, staff=None) as client:
        publish(client.app.state.db, json.loads(KIOSK_CATALOGUE.read_text(encoding="utf-8")))
        listing = client.get("/prepare").text
        assert "Đăng ký tạm trú" in listing  # the full catalogue is published
        assert "Đăng ký xe" not in listing and "Đăng ký khai sinh" not in listing  # curated: no form yet
        assert client.get("/prepare/9.000001").status_code == 404
