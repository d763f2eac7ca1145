"""Screenshots of the hub's office pages for docs/screenshots (inboxes, case page and its print sheet, alerts, fleet
dashboard, and the public status page at phone size 390x844), from a real demo hub filled with made-up data through
the kiosk API.

Uses Debian's chromium through Playwright (never `playwright install`).
Run: .venv/bin/python tools/office_screenshots.py
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from central.local import LocalHub  # noqa: E402
from tests.office.conftest import CHROMIUM, CHROMIUM_ARGS, sign_in  # noqa: E402
from tests.staff_fixtures import staff_session  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
PEOPLE = [("Nguyễn Văn An", "1.004222", "Đăng ký thường trú"), ("Trần Thị Lan", "1.002755", "Gia hạn tạm trú"),
          ("Lê Văn Đức", "1.004222", "Đăng ký thường trú"), ("Phạm Thị Hoa", "1.001471", "Cấp hộ chiếu phổ thông"),
          ("Hoàng Văn Minh", "1.004222", "Đăng ký thường trú")]


def item(kind: str, payload: dict) -> dict:
    return {"id": str(uuid.uuid4()), "kind": kind, "schema_version": 1,
            "created_at": datetime.now(UTC).astimezone().isoformat(), "local_ref": None, "payload": payload}


def fill(hub: LocalHub) -> tuple[str, str]:
    kiosks = [hub.enroll("BN01", "Trạm chung cư Đảo Kim Cương"), hub.enroll("BN02", "Trạm khu phố 3"),
              hub.enroll("BN03", "Trạm nhà văn hóa")]
    auth = [{"Authorization": f"Bearer {k['token']}"} for k in kiosks]
    items = [item("dossier", {"procedure_code": code, "procedure_name": proc, "fee": {"amount": 20000},
                              "answers": {"request_content": f"{proc} tại Số {i + 5} Lê Lợi"},
                              "personal": {"identity": {"full_name": name, "id_number": f"0790900012{i:02d}",
                                                        "date_of_birth": "1985-03-15",
                                                        "address": "Số 5 Lê Lợi, Phường Bến Nghé"}}})
             for i, (name, code, proc) in enumerate(PEOPLE)]
    items.append(item("report", {"category": "disorder_noise", "category_vi": "Mất trật tự, gây ồn ào",
                                 "location": {"area": "corridor", "area_vi": "Hành lang, cầu thang", "block": "A",
                                              "floor": "12", "apartment": "",
                                              "text_vi": "Hành lang, cầu thang · Tòa A · Tầng 12"},
                                 "description": "Tiếng ồn lớn sau 22 giờ ở tầng 12", "anonymous": True}))
    results = requests.post(hub.url + "/v1/submissions", json={"items": items}, headers=auth[0], timeout=10).json()
    refs = [r["reference"] for r in results["results"]]
    moves = [(refs[0], "processing", ""), (refs[0], "needs_info", "Vui lòng bổ sung bản sao giấy khai sinh."),
             (refs[1], "processing", ""), (refs[2], "rejected", "Địa chỉ đăng ký không thuộc phường Bến Nghé.")]
    officer = staff_session(hub, "officer")
    for ref, status, note in moves:
        officer.post(f"{hub.url}/office/cases/{ref}/status", data={"status": status, "note": note}, timeout=10,
                     allow_redirects=False)
    for i, a in enumerate(auth):
        devices = {"printer": "paper_low" if i == 0 else "ok", "camera": "ok",
                   "blood_pressure": {"state": "error" if i == 1 else "ready", "model": "Omron HBP-1320",
                                      "serial": f"BP-{i}"},
                   "oximeter": {"state": "ready", "model": "Contec CMS50D", "serial": f"OX-{i}"}}
        requests.post(hub.url + "/v1/heartbeat", json={"queue": {"queued": i, "sending": 0, "retry": i, "rejected": 0,
                                                                 "sent": 120 + i}, "devices": devices,
                                                       "interval_seconds": 300}, headers=a, timeout=10)
    requests.post(hub.url + "/v1/alerts", headers=auth[0], timeout=10, json={
        "id": str(uuid.uuid4()), "kind": "help", "created_at": datetime.now(UTC).isoformat(), "screen": "dossier.form"})
    requests.post(hub.url + "/v1/alerts", headers=auth[1], timeout=10, json={
        "id": str(uuid.uuid4()), "kind": "health", "created_at": datetime.now(UTC).isoformat(),
        "screen": "health.check", "readings": {
            "systolic": {"label": "Huyết áp tâm thu", "value": 186, "unit": "mmHg"},
            "diastolic": {"label": "Huyết áp tâm trương", "value": 121, "unit": "mmHg"},
            "pulse": {"label": "Nhịp tim", "value": 90, "unit": "lần/phút"}}})
    # the ward's device registry: every blood-pressure monitor; one oximeter, past its calibration date
    from datetime import date

    from central import alerts
    from central.db import Database

    db = Database(hub.db_url)
    for i in range(3):
        alerts.register_device(db, "blood_pressure", "Omron HBP-1320", f"BP-{i}", "STRIDE BP 2019", date(2027, 6, 30))
    alerts.register_device(db, "oximeter", "Contec CMS50D", "OX-0", "ISO 80601-2-61", date(2026, 1, 15))
    db.dispose()
    # the second and third stations missed one and two heartbeats (amber, red); a day of history for all
    con = sqlite3.connect(hub.db_path)
    now = datetime.now(UTC)
    for station, age in (("BN02", 420), ("BN03", 1500)):
        con.execute("UPDATE kiosks SET hb_at=? WHERE station_code=?",
                    ((now - timedelta(seconds=age)).isoformat(" "), station))
    for k in kiosks:
        for m in range(0, 24 * 60, 5):
            if k["kiosk_id"] == kiosks[2]["kiosk_id"] and 300 < m < 480:
                continue  # a power cut some hours ago
            con.execute("INSERT INTO heartbeat_log (kiosk_id, at, unsent, faults) VALUES (?, ?, ?, ?)",
                        (k["kiosk_id"], (now - timedelta(minutes=m)).isoformat(" "), 1 if m < 60 else 0,
                         1 if k["kiosk_id"] == kiosks[1]["kiosk_id"] and m < 90 else 0))
    con.commit()
    con.close()
    sid = items[0]["id"]
    return refs[0], sid


def main() -> None:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, LocalHub(tmp) as hub:
        ref, sid = fill(hub)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            _desk, page = sign_in(browser, hub, "admin")
            page.set_viewport_size({"width": 1440, "height": 900})
            for name, path in (("office-inbox", "/office/dossiers"), ("office-reports", "/office/reports"),
                               ("office-case", f"/office/cases/{ref}"), ("office-alerts", "/office/alerts"),
                               ("office-dashboard", "/")):
                page.goto(hub.url + path)
                page.screenshot(path=str(OUT / f"{name}.png"), full_page=True)
            page.goto(f"{hub.url}/office/cases/{ref}/print")  # the print sheet as it prints (A4-ish width)
            page.set_viewport_size({"width": 900, "height": 1200})
            page.emulate_media(media="print")
            page.screenshot(path=str(OUT / "office-case-print.png"), full_page=True)
            phone = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2,
                                        is_mobile=True, has_touch=True, locale="vi-VN")
            mobile = phone.new_page()
            mobile.goto(f"{hub.url}/s/{sid}")
            mobile.screenshot(path=str(OUT / "public-status-phone.png"))
            browser.close()
    print("written to", OUT)


if __name__ == "__main__":
    main()
