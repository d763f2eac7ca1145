"""A case prints: the officer opens the print sheet from the case page in Debian's chromium (real hub process),
the printed form shows the fields, fee and history in words without the page's buttons, and chromium's own
"save as PDF" makes a PDF of it. Viewers cannot print personal data; every print is in the audit trail."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import requests
from playwright.sync_api import expect

from central.staff.audit import entries
from tests.resident.conftest import module_hub  # noqa: F401

NOTE = "Vui lòng bổ sung bản sao giấy khai sinh."


def sent_dossier(hub) -> str:
    kiosk = hub.enroll()
    item = {"id": str(uuid.uuid4()), "kind": "dossier", "schema_version": 1, "local_ref": None,
            "created_at": datetime.now(UTC).isoformat(),
            "payload": {"procedure_code": "1.004222", "procedure_name": "Đăng ký thường trú", "fee": {"amount": 20000},
                        "answers": {"request_content": "Đăng ký thường trú cho con"},
                        "personal": {"identity": {"full_name": "Trần Thị Bích", "id_number": "079190001111"}}}}
    r = requests.post(hub.url + "/v1/submissions", json={"items": [item]}, timeout=10,
                      headers={"Authorization": f"Bearer {kiosk['token']}"})
    return r.json()["results"][0]["reference"]


def test_an_officer_prints_a_dossier_or_saves_it_as_pdf(officer, module_hub) -> None:  # noqa: F811
    from central.db import Database

    ref = sent_dossier(module_hub)
    page = officer
    page.goto(f"{module_hub.url}/office/cases/{ref}")
    page.check("input[name=status][value=needs_info]")
    page.fill("#note", NOTE)
    page.click("form.move button[type=submit]")
    expect(page.locator("h1")).to_contain_text("Cần bổ sung hồ sơ")
    page.click("text=In phiếu (hoặc lưu PDF)")
    expect(page.locator("h1")).to_have_text(f"Phiếu thông tin hồ sơ {ref}")
    page.emulate_media(media="print")
    sheet = page.locator("body")
    for words in ("Đăng ký thường trú", "Trần Thị Bích", "Nội dung đề nghị", "Đăng ký thường trú cho con",
                  "20.000 đ — Chưa thanh toán", "Cần bổ sung hồ sơ", NOTE):
        expect(sheet).to_contain_text(words)
    expect(page.locator("#print")).to_be_hidden()  # the sheet's own button is not printed
    assert "request_content" not in sheet.inner_text() and "needs_info" not in sheet.inner_text()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF-") and len(pdf) > 5000
    db = Database(module_hub.db_url)
    try:
        assert any(e["action"] == "case.print" and e["target"] == ref for e in entries(db, limit=50))
    finally:
        db.dispose()


def test_a_viewer_cannot_print_a_case(chromium, module_hub) -> None:  # noqa: F811
    from tests.office.conftest import sign_in

    ref = sent_dossier(module_hub)
    context, page = sign_in(chromium, module_hub, "viewer")
    try:
        page.goto(f"{module_hub.url}/office/cases/{ref}")
        expect(page.locator("text=In phiếu (hoặc lưu PDF)")).to_have_count(0)
        answer = page.goto(f"{module_hub.url}/office/cases/{ref}/print")
        assert answer is not None and answer.status == 403
    finally:
        context.close()
