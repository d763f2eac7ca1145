"""Pure parts of the resident services: the dossier draft, photo checks, tracking decisions, payment codes."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import cv2
import numpy as np
import pytest
import qr_pay
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.catalogue import load_catalogue
from core.formats import parse_cccd, parse_vietqr
from screens.dossier.model import (
    DossierDraft,
    Photo,
    build_submission,
    check_answer,
    check_answers,
    fee_for,
    kiosk_channel,
    normalise,
    prefill,
    split_answers,
)
from screens.dossier.photo_quality import check_photo, check_photo_bytes
from screens.payment.model import Payee, payee_from, payment_qr, safe_payment_qr
from screens.tracking.model import TrackingCache, TrackingView, combine
from tests.resident.conftest import card_payloads

CATALOGUE = load_catalogue()
RESIDENCE = CATALOGUE.get("1.004222")  # Đăng ký thường trú: 10 000 đ online


def field(key: str):
    return next(f for f in RESIDENCE.form_fields if f.key == key)


# -- dossier draft -------------------------------------------------------------------------------------------
def test_every_sample_card_prefills_every_identity_field_of_every_procedure(sample_data):
    for payload in card_payloads(sample_data):
        card = parse_cccd(payload)
        for procedure in CATALOGUE.all():
            answers = prefill(procedure.form_fields, card, {})
            for f in procedure.form_fields:
                if f.prefill:
                    assert answers.get(f.key), (procedure.code, f.key)
                    assert check_answer(f, answers[f.key]) is None, (procedure.code, f.key, answers[f.key])


def test_prefill_keeps_what_the_resident_typed(sample_data):
    card = parse_cccd(card_payloads(sample_data)[0])
    answers = prefill(RESIDENCE.form_fields, card, {"full_name": "Nguyễn Văn Ân", "phone": "0912345678"})
    assert answers["full_name"] == "Nguyễn Văn Ân" and answers["date_of_birth"] == "15/03/1985"
    assert answers["gender"] == "Nam" and answers["id_number"] == "001085012345"


@pytest.mark.parametrize(("key", "text", "error"), [
    ("phone", "0912 345 678", None), ("phone", "+84912345678", None), ("phone", "12345", "form.phone"),
    ("phone", "０９１２３４５６７８", None), ("date_of_birth", "15/03/1985", None),
    ("date_of_birth", "31/02/1985", "form.date"), ("date_of_birth", "1985-03-15", "form.date"),
    ("id_number", "001085012345", None), ("id_number", "0010850", "form.id_number"),
    ("gender", "Nam", None), ("gender", "Khác", "form.choice"), ("email", "", None), ("email", "a@b", "form.email"),
    ("new_address", "   ", "form.required"), ("household_head_name", "", None),
])
def test_typed_answers_are_checked(key, text, error):
    assert check_answer(field(key), text) == error


def test_personal_answers_never_go_to_the_plain_payload(sample_data):
    card = parse_cccd(card_payloads(sample_data)[0])
    draft = DossierDraft(code=RESIDENCE.code, consent=True,
                         photos=[Photo("page-1.jpg", "image/jpeg", b"\xff\xd8photo")])
    draft.answers = prefill(RESIDENCE.form_fields, card, {
        "phone": "0912345678", "request_content": "Xin đăng ký", "new_address": "Số 5 Lê Lợi",
        "relationship_to_head": "Con"})
    assert check_answers(RESIDENCE.form_fields, draft.answers) == {}
    item = build_submission(RESIDENCE, draft, card)
    text = repr(item.payload)
    for secret in ("Nguyễn Văn An", "001085012345", "0912345678", "Lê Lợi", "1985"):
        assert secret not in text
    assert item.payload["answers"] == {"relationship_to_head": "Con"}
    assert item.payload["fee"] == {"amount": 10000} and item.payload["channel"] == "online"
    assert item.personal["identity"]["id_number"] == "001085012345"
    assert item.personal["answers"]["new_address"] == "Số 5 Lê Lợi"
    assert item.attachments == [("page-1.jpg", "image/jpeg", b"\xff\xd8photo")]


def test_a_kiosk_dossier_uses_the_online_channel_and_its_fee():
    assert kiosk_channel(RESIDENCE) == "online" and fee_for(RESIDENCE) == 10000
    only_counter = CATALOGUE.get("1.000889")
    assert kiosk_channel(only_counter) == "in_person" and not fee_for(only_counter)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(RESIDENCE.form_fields), st.text(max_size=400))
def test_any_typed_text_gives_an_answer_or_an_error_code_never_a_crash(f, text):
    result = check_answer(f, text)
    assert result is None or result.startswith("form.")
    assert len(normalise(f.type, text)) <= 1000
    public, personal = split_answers(RESIDENCE.form_fields, {f.key: text})
    assert set(public) | set(personal) <= {f.key}


# -- photos --------------------------------------------------------------------------------------------------
def real_photos(sample_data):
    folder = sample_data / "qr-photos" / "zxing-cpp" / "qrcode-1"
    images = [cv2.imread(str(p)) for p in sorted(folder.glob("*.webp"))]
    return [im for im in images if im is not None and min(im.shape[:2]) >= 250]


def test_sharp_real_photos_pass_and_blurred_or_glaring_ones_are_caught(sample_data):
    photos = real_photos(sample_data)
    assert len(photos) >= 4
    for image in photos:
        assert check_photo(image).ok
        assert "photo.blurry" in check_photo(cv2.GaussianBlur(image, (0, 0), 4)).problems
        glare = image.copy()
        h, w = glare.shape[:2]
        cv2.ellipse(glare, (w // 2, h // 2), (w // 4, h // 5), 0, 0, 360, (255, 255, 255), -1)
        assert "photo.glare" in check_photo(glare).problems
        assert "photo.dark" in check_photo((image // 8).astype(np.uint8)).problems


def test_encoded_photos_and_garbage(sample_data):
    ok, jpeg = cv2.imencode(".jpg", real_photos(sample_data)[0])
    assert ok and check_photo_bytes(jpeg.tobytes()).ok
    assert check_photo_bytes(b"not a picture").problems == ("photo.unreadable",)
    assert check_photo_bytes(b"").problems == ("photo.unreadable",)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1, 60), st.integers(1, 60), st.binary(min_size=1, max_size=3600))
def test_any_small_image_is_scored_without_crashing(h, w, data):
    image = np.frombuffer((data * (h * w // len(data) + 1))[: h * w], dtype=np.uint8).reshape(h, w)
    check = check_photo(image)
    assert check.sharpness >= 0 and 0 <= check.glare <= 1


# -- tracking ------------------------------------------------------------------------------------------------
NOW = dt.datetime(2026, 11, 21, 9, 0, tzinfo=dt.UTC)


def row(status: str, server_ref: str | None = None):
    return SimpleNamespace(local_ref="BN01-261121-0007", server_ref=server_ref, status=status,
                           created_at=NOW, sent_at=NOW if status == "sent" else None)


def hub_ok(status: str = "processing"):
    dossier = SimpleNamespace(reference="HS-2026-000001", local_ref="BN01-261121-0007", kind="dossier",
                              status=status, status_label_vi="Đang xử lý", updated_at=None,
                              history=[{"status": "received", "at": "2026-11-21T03:00:00+00:00", "note": None}],
                              fee={"amount": 10000, "paid": False})
    return SimpleNamespace(ok=True, data=dossier, error_code=None)


OFFLINE = SimpleNamespace(ok=False, data=None, error_code="offline")
NOT_FOUND = SimpleNamespace(ok=False, data=None, error_code="not_found")


@pytest.mark.parametrize(("local", "hub", "cached", "state"), [
    (row("queued"), OFFLINE, None, "queued_here"),
    (row("retry"), NOT_FOUND, None, "queued_here"),
    (row("sent", "HS-2026-000001"), hub_ok(), None, "hub"),
    (None, hub_ok(), None, "hub"),
    (None, NOT_FOUND, None, "unknown"),
    (row("sent", "HS-2026-000001"), OFFLINE, None, "sent_offline"),
    (None, OFFLINE, None, "offline_unknown"),
])
def test_tracking_says_what_is_known(local, hub, cached, state):
    assert combine("BN01-261121-0007", local, hub, cached, NOW).state == state


def test_the_last_hub_answer_is_kept_by_both_references_and_shown_offline_with_its_time():
    cache = TrackingCache(limit=4)
    view = combine("HS-2026-000001", None, hub_ok(), None, NOW)
    cache.put(view)
    cached = cache.get("BN01-261121-0007")
    assert cached is view
    shown = combine("BN01-261121-0007", row("sent", "HS-2026-000001"), OFFLINE, cached, NOW)
    assert shown.state == "cached" and shown.status == "processing" and shown.known_at == NOW
    assert shown.fee_amount == 10000 and not shown.fee_paid
    cache.put(TrackingView("x", "queued_here"))  # only hub answers are cached
    assert len(cache) == 2
    for i in range(5):
        cache.put(TrackingView(f"HS-2026-00010{i}", "hub", hub_ref=f"HS-2026-00010{i}"))
    assert len(cache) == 4 and cache.get("HS-2026-000001") is None


# -- payment -------------------------------------------------------------------------------------------------
PAYEE = {"bank_bin": "970436", "account": "0071000123456", "name": "CÔNG AN PHƯỜNG BẾN NGHÉ", "city": "Hồ Chí Minh"}


def test_payment_qr_round_trips_through_our_parser_and_an_independent_one():
    payee = payee_from(PAYEE)
    payload = payment_qr(payee, 160000, "HS-2026-000123")
    ours, theirs = parse_vietqr(payload), qr_pay.decode(payload)
    assert (ours.bank_bin, ours.account, ours.amount, ours.dynamic) == ("970436", "0071000123456", 160000, True)
    assert theirs["merchant_name"] == "CONG AN PHUONG BEN NGHE" and payload.isascii()
    assert theirs["purpose_of_transaction"] == "HS-2026-000123 phi" and theirs["bill_number"] == "HS-2026-000123"
    assert payee.bank_name == "Vietcombank"


@pytest.mark.parametrize("doc", [None, {}, {"bank_bin": "97043", "account": "1", "name": "A"},
                                 {"bank_bin": "970436", "account": "12-34", "name": "A"},
                                 {"bank_bin": "970436", "account": "1", "name": " "}, "payee"])
def test_a_malformed_payee_is_never_used(doc):
    assert payee_from(doc) is None
    assert safe_payment_qr(payee_from(doc), 10000, "BN01-261121-0007") == ""


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(["bank_bin", "account", "name", "city"]),
                       st.one_of(st.text(max_size=40), st.integers(), st.none())),
       st.integers(-5, 10**14), st.text(max_size=40))
def test_payee_and_payment_code_never_crash(doc, amount, reference):
    payee = payee_from(doc)
    payload = safe_payment_qr(payee, amount, reference)
    if payload:
        assert isinstance(payee, Payee) and parse_vietqr(payload).amount == amount


def test_cached_answers_survive_the_cache_file(tmp_path):
    from screens.receipt.station_cache import load_cache, save_cache
    from screens.tracking.model import view_from_json, view_to_json

    view = combine("HS-2026-000001", None, hub_ok(), None, NOW)
    save_cache(tmp_path, {"tracking": [view_to_json(view)], "payee": PAYEE})
    doc = load_cache(tmp_path)
    assert view_from_json(doc["tracking"][0]) == view and payee_from(doc["payee"]).account == "0071000123456"
    assert view_from_json({"reference": 1}) is not None and view_from_json({}) is None
    assert view_from_json("garbage") is None
    (tmp_path / "station_cache.json").write_text("{not json")
    assert load_cache(tmp_path) == {}


def test_another_card_replaces_what_the_first_card_filled_but_not_what_was_typed(sample_data):
    from screens.dossier.model import card_values

    first, second = (parse_cccd(p) for p in card_payloads(sample_data)[:2])
    answers = prefill(RESIDENCE.form_fields, first, {})
    remembered = card_values(RESIDENCE.form_fields, first)
    answers["current_address"] = "Số 1 Đồng Khởi"  # typed over the card's address
    answers = prefill(RESIDENCE.form_fields, second, answers, remembered)
    assert answers["full_name"] == "Trần Thị Bích" and answers["gender"] == "Nữ"
    assert answers["id_number"] == "034303000002" and answers["current_address"] == "Số 1 Đồng Khởi"


@pytest.mark.parametrize(("typed", "expected"), [
    ("BN012611210007", "BN01-261121-0007"), ("bn01 261121 0007", "BN01-261121-0007"),
    ("HS2026000123", "HS-2026-000123"), ("hs-2026-000123", "HS-2026-000123"),
    ("TCDS|1|BN01-261121-0007", "BN01-261121-0007"),
])
def test_references_typed_on_the_digits_pad_without_dashes(typed, expected):
    from screens.tracking.model import parse_typed_reference

    assert parse_typed_reference(typed).reference == expected


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=60))
def test_any_typed_reference_parses_or_raises_the_tracking_error(text):
    from core.formats import TrackingError
    from screens.tracking.model import parse_typed_reference

    try:
        ref = parse_typed_reference(text)
    except TrackingError:
        return
    assert ref.reference
