"""The hub takes a household BHYT dossier as the kiosk's model builds it, and the officer's case page and CSV show
the household in words: each person with their ID number, birth date and amount, the total in figures and in
words, the base salary with its date and the legal basis (in-process hub, on SQLite and on PostgreSQL)."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient

from core.money import vnd_in_words
from screens.bhyt import model
from tests.bhyt.test_model import TODAY, household
from tests.hub.conftest import auth, client, item  # noqa: F401
from tests.hub.test_office_words import cell_text


def bhyt_item() -> dict:
    draft = household(3)
    draft.consent = True
    payload, personal, _quote = model.submission(draft, {"full_name": "Nguyễn Văn An", "id_number": "001085012345"},
                                                 "Đăng ký tham gia bảo hiểm y tế hộ gia đình", "vi", TODAY)
    return item("dossier", **payload, personal=personal)


def test_the_office_shows_the_household_and_the_amount_in_words(client: TestClient, auth) -> None:  # noqa: F811
    r = client.post("/v1/submissions", json={"items": [bhyt_item()]}, headers=auth)
    assert r.status_code == 200 and r.json()["results"][0]["status"] == "accepted", r.text
    ref = r.json()["results"][0]["reference"]
    page = cell_text(client.get(f"/office/cases/{ref}").text)
    assert "Bảo hiểm y tế hộ gia đình Đăng ký tham gia · 12 tháng · 3 người" in page
    assert "1 Nguyễn Văn An 001085012345 15/03/1986 nhập tay 1.263.600 đ" in page
    assert "3 Nguyễn Văn Cường 001060000111 01/01/1960 nhập tay 758.160 đ" in page
    assert "Tổng số tiền: 2.906.280 đ" in page
    assert "Bằng chữ: Hai triệu chín trăm linh sáu nghìn hai trăm tám mươi đồng" in page
    assert "2.340.000 đ từ 01/07/2024 (Nghị định 73/2024/NĐ-CP" in page and "146/2018/NĐ-CP" in page
    export = client.get(f"/office/cases/{ref}/export.csv").text.lstrip("\ufeff")
    lines = dict(tuple(r[:2]) for r in csv.reader(io.StringIO(export)) if len(r) >= 2)
    assert lines["Tổng số tiền"] == "2.906.280 đ (Hai triệu chín trăm linh sáu nghìn hai trăm tám mươi đồng)"
    assert lines["Người thứ 2"] == "Trần Thị Bình · 001188004321 · 02/09/1988 · 884.520 đ"


def test_a_malformed_household_body_is_shown_without_it_never_an_error(client: TestClient, auth) -> None:  # noqa: F811
    bad = {"procedure_code": "BHYT-HGD-DK", "fee": {"amount": 1000}, "bhyt": {"total_vnd": "nhiều", "months": []},
           "personal": {"bhyt_members": "x"}}
    r = client.post("/v1/submissions", json={"items": [item("dossier", **bad)]}, headers=auth)
    ref = r.json()["results"][0]["reference"]
    page = client.get(f"/office/cases/{ref}")
    assert page.status_code == 200 and "Bảo hiểm y tế hộ gia đình" not in page.text


@pytest.mark.parametrize("amount, words", [
    (0, "Không đồng"), (15, "Mười lăm đồng"), (21, "Hai mươi mốt đồng"),
    (105_300, "Một trăm linh năm nghìn ba trăm đồng"),
    (1_005_000, "Một triệu không trăm linh năm nghìn đồng"), (73_710, "Bảy mươi ba nghìn bảy trăm mười đồng"),
    (1_000_000_000, "Một tỷ đồng"), (4_548_960, "Bốn triệu năm trăm bốn mươi tám nghìn chín trăm sáu mươi đồng")])
def test_amounts_in_vietnamese_words(amount: int, words: str) -> None:
    assert vnd_in_words(amount) == words
