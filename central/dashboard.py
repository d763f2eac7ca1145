"""Server-rendered fleet dashboard (Vietnamese, auto-refresh); pure HTML building, no personal data."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from html import escape
from typing import Any

from central.alerts import screen_vi
from central.models import Kiosk, Payment, Submission, as_utc
from central.records import STATUSES
from central.staff import ROLE_LABELS, StaffUser

STYLESHEET = "/staff/staff.css"  # served by central/staff/routes.py; CSP allows no inline style elements
KIND_VI = {"dossier": "Hồ sơ TTHC", "report": "Phản ánh", "health": "Đo sức khỏe", "payment_intent": "Thanh toán",
          "callback": "Hẹn gọi lại (bác sĩ)"}
QUEUE_VI = [("queued", "Chờ gửi"), ("sending", "Đang gửi"), ("retry", "Thử lại"), ("rejected", "Bị từ chối"),
            ("sent", "Đã gửi")]
VN = timezone(timedelta(hours=7), "ICT")  # Vietnam: UTC+7 all year (no summer time)
STALE_SECONDS = 15 * 60  # three missed heartbeats at the kiosk's 5-minute default

DEFAULT_INTERVAL = 300  # the kiosk's default heartbeat period (kiosk/config/schema.py), when it does not say
# the base look of the staff pages, served as /staff/staff.css (central/staff/routes.py adds the sign-in's rules)
CSS = """
body{font-family:system-ui,'Noto Sans',sans-serif;margin:1.5rem;color:#1b1b1b;background:#f6f7f9}
h1{font-size:1.5rem;margin:0 0 .3rem}h2{font-size:1.15rem;margin:1.6rem 0 .5rem}
table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #d0d4da;padding:.35rem .5rem;
text-align:left;font-size:.92rem;vertical-align:top}th{background:#e8ebef}.bad{color:#a30000;font-weight:600}
.ok{color:#0b6b2b;font-weight:600}.muted{color:#555}.totals{display:flex;gap:1rem;flex-wrap:wrap}
.card{background:#fff;border:1px solid #d0d4da;padding:.6rem 1rem;min-width:9rem}.card b{display:block;font-size:1.4rem}
form{display:inline}button{font-size:.85rem;margin:.1rem;padding:.2rem .5rem;cursor:pointer}.demo{background:#fff7d6;
border:1px solid #e0c200;padding:.4rem .8rem;margin-bottom:1rem}svg.segno{flex-shrink:0}
"""
DEVICE_VI = {"ok": "bình thường", "ready": "sẵn sàng", "idle": "sẵn sàng", "paper_low": "SẮP HẾT GIẤY",
             "paper_out": "HẾT GIẤY", "offline": "MẤT KẾT NỐI", "error": "LỖI", "missing": "KHÔNG THẤY THIẾT BỊ",
             "disabled": "tắt"}
FINE = ("ok", "ready", "idle", "disabled")
DEVICE_NAME_VI = {"printer": "Máy in", "camera": "Camera", "scanner": "Máy quét", "blood_pressure": "Máy đo huyết áp",
                  "oximeter": "Máy đo SpO2", "scale": "Cân", "thermometer": "Nhiệt kế"}
STYLESHEETS = (f'<link rel="stylesheet" href="{STYLESHEET}">'
               '<link rel="stylesheet" href="/office/static/office.css">')  # the office's look on top


def age_vi(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    s = max(0, int(seconds))
    for unit, size in (("ngày", 86400), ("giờ", 3600), ("phút", 60)):
        if s >= size:
            return f"{s // size} {unit}"
    return f"{s} giây"


def vn_time(value: datetime | str | None) -> str:
    """Staff read local time: 21/11/2026 17:35:57 (an unparseable text is shown as it came)."""
    if value is None or value == "":
        return "—"
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            return value[:40]
        if parsed.tzinfo is None:
            return value[:40]
        value = parsed
    return as_utc(value).astimezone(VN).strftime("%d/%m/%Y %H:%M:%S")


def money_vi(amount: int) -> str:
    return f"{amount:,}".replace(",", ".") + " đ"


def _cell(value: Any) -> str:
    return f"<td>{escape(str(value)) if value not in (None, '') else '—'}</td>"


def _devices(raw: str | None, registry: dict[tuple[str, str], str] | None = None, today: str = "") -> str:
    """Each device's state in words; a measuring device the station reported with its model and serial also says
    whether the ward's registry knows it and whether its calibration date (YYYY-MM-DD, as registered) has passed."""
    try:
        devices = json.loads(raw or "{}")
    except ValueError:
        return "—"
    if not isinstance(devices, dict):
        return "—"
    parts = []
    for name, state in sorted(devices.items()):
        problem = ""
        if isinstance(state, dict):
            problem = _registry_problem(state, registry, today) if registry is not None else ""
            state = state.get("state", "?")
        state = str(state)[:40]
        text = f"{escape(DEVICE_NAME_VI.get(str(name), str(name)))}: {escape(DEVICE_VI.get(state, state))}"
        parts.append((text if state in FINE else f"<b class=bad>{text}</b>")
                     + (f" <b class=bad>({problem})</b>" if problem else ""))
    return "<br>".join(parts) or "—"


def _registry_problem(device: dict[str, Any], registry: dict[tuple[str, str], str], today: str) -> str:
    if device.get("simulated") is True or not device.get("model"):
        return ""
    due = registry.get((str(device.get("model"))[:100], str(device.get("serial") or "")[:100]))
    if due is None:
        return "chưa có trong sổ thiết bị"
    return "quá hạn hiệu chuẩn" if due < today else ""


def _queue(raw: str | None) -> dict[str, int]:
    try:
        q = json.loads(raw or "{}")
    except ValueError:
        return {}
    return {k: v for k, v in q.items() if isinstance(v, int)}


def heartbeat_state(k: Kiosk, now: datetime) -> tuple[str, str]:
    """(css class, label): green while beats arrive, amber after one missed interval, red after two."""
    if k.hb_at is None:
        return "hb-red", "Chưa từng báo"
    interval = k.hb_interval_seconds or DEFAULT_INTERVAL
    age = (now - as_utc(k.hb_at)).total_seconds()
    if age > 2 * interval + 30:  # a little slack for a beat on its way
        return "hb-red", "Mất liên lạc"
    if age > interval + 30:
        return "hb-amber", "Trễ báo trạng thái"
    return "hb-ok", "Hoạt động"


def _queue_cell(q: dict[str, int]) -> str:
    cells = []
    for key, label in QUEUE_VI:
        n = q.get(key, 0)
        warn = " class=warn" if key in ("rejected", "retry") and n else ""
        cells.append(f"<span{warn}>{label}<br><b>{n}</b></span>")
    return f"<div class=queue>{''.join(cells)}</div>"


def _spark(hours: list[tuple[int, int, int]] | None) -> str:
    """24 hourly cells, oldest first: grey no heartbeat, green up, amber unsent waiting, red device fault."""
    cells = []
    for beats, unsent, faults in hours or [(0, 0, 0)] * 24:
        cls = "fault" if beats and faults else "busy" if beats and unsent else "up" if beats else ""
        cells.append(f"<i class='{cls}'></i>")
    return f"<div class=spark title='24 giờ qua, mỗi ô một giờ'>{''.join(cells)}</div>"


def kiosk_rows(kiosks: list[Kiosk], now: datetime, history: dict[str, Any] | None = None,
               alerts_by_kiosk: dict[str, int] | None = None,
               registry: dict[tuple[str, str], str] | None = None) -> str:
    """`registry`: (model, serial) -> calibration due date of the registered measuring devices."""
    today = now.astimezone(VN).date().isoformat()
    rows = []
    for k in kiosks:
        hb_age = (now - as_utc(k.hb_at)).total_seconds() if k.hb_at else None
        cls, label = heartbeat_state(k, now)
        open_alerts = (alerts_by_kiosk or {}).get(k.id, 0)
        alert_cell = f"<b class=bad>{open_alerts}</b>" if open_alerts else "0"
        rows.append(
            f"<tr data-kiosk='{escape(k.id)}'><td><b>{escape(k.station_code)}</b><br>"
            f"<span class=muted>{escape(k.name or '')}</span></td><td><span class='hb {cls}'>{label}</span><br>"
            f"<small>{age_vi(hb_age)}{' trước' if hb_age is not None else ''}</small></td>"
            f"<td>{_queue_cell(_queue(k.hb_queue))}</td>"
            f"<td>{age_vi(k.hb_oldest_unsent_seconds)}</td>{_cell(vn_time(k.hb_last_sync_at))}"
            f"<td class='{'bad' if k.hb_last_error else ''}'>{escape(k.hb_last_error or '—')}</td>"
            f"<td>{_devices(k.hb_devices, registry, today)}</td><td>{alert_cell}</td>"
            f"<td>{_spark((history or {}).get(k.id))}</td>"
            f"{_cell(k.version)}</tr>")
    return "".join(rows) or "<tr><td colspan=10 class=muted>Chưa có trạm nào đăng ký.</td></tr>"


def totals(kiosks: list[Kiosk], today_count: int, now: datetime, open_alerts: int = 0) -> str:
    active = sum(1 for k in kiosks if heartbeat_state(k, now)[0] == "hb-ok")
    unsent = sum(sum(v for key, v in _queue(k.hb_queue).items() if key in ("queued", "sending", "retry"))
                 for k in kiosks)
    rejected = sum(_queue(k.hb_queue).get("rejected", 0) for k in kiosks)
    oldest = max((k.hb_oldest_unsent_seconds or 0 for k in kiosks), default=0)
    cards = [("Cảnh báo chưa xử lý", open_alerts), ("Tổng số trạm", len(kiosks)), ("Đang hoạt động", active),
             ("Hồ sơ chờ gửi", unsent), ("Bị từ chối (cần xử lý)", rejected),
             ("Chưa gửi lâu nhất", age_vi(oldest) if oldest else "—"), ("Nhận hôm nay", today_count)]
    return "".join(f"<div class='card{' hot' if label.startswith('Cảnh báo') and value else ''}'>"
                   f"<span class=muted>{label}</span><b>{value}</b></div>" for label, value in cards)


def submission_rows(subs: list[Submission], staff_buttons: bool, csrf: str = "") -> str:
    rows = []
    for s in subs:
        buttons = ""
        if staff_buttons and s.reference:
            ref = escape(s.reference)
            buttons = "".join(
                f"<form class=inline method=post action='/admin/dossiers/{ref}/status'>{csrf}"
                f"<input type=hidden name=status "
                f"value='{st}'><button type=submit>{label}</button></form>"
                for st, label in STATUSES.items() if st != s.status)
        link = (f"<td><a href='/office/cases/{escape(s.reference)}'>{escape(s.reference)}</a></td>"
                if s.reference and s.kind in ("dossier", "report") else _cell(s.reference))
        rows.append(f"<tr>{link}{_cell(KIND_VI.get(s.kind, s.kind))}"
                    f"<td>{vn_time(s.received_at)}</td>"
                    f"{_cell(STATUSES.get(s.status, s.status))}<td>{buttons}</td></tr>")
    return "".join(rows) or "<tr><td colspan=5 class=muted>Chưa có hồ sơ.</td></tr>"


def payment_rows(payments: list[Payment], staff_buttons: bool = True, csrf: str = "") -> str:
    return "".join(
        f"<tr>{_cell(p.id)}{_cell(p.reference)}<td>{money_vi(p.amount)}</td><td>"
        + (f"<form class=inline method=post action='/admin/payments/{escape(p.id)}/mark-paid'>{csrf}"
           f"<button type=submit>Đánh dấu đã thanh toán</button></form>" if staff_buttons else "")
        + "</td></tr>" for p in payments
    ) or "<tr><td colspan=4 class=muted>Không có khoản chờ thanh toán.</td></tr>"


def alert_rows(alerts: Sequence[Any], now: datetime, csrf: str = "") -> str:
    rows = "".join(
        f"<tr><td><b class=bad>{escape(ALERT_VI.get(a.kind, a.kind))}</b></td><td>{escape(a.station_code)}</td>"
        f"<td>{escape(screen_vi(a.screen))}</td><td>{vn_time(a.received_at)} "
        f"({age_vi((now - a.received_at).total_seconds())} trước)</td>"
        f"<td><form class=inline method=post action='/office/alerts/{escape(a.id)}/ack'>{csrf}"
        f"<button type=submit>Đã nhận, đang đến</button></form></td></tr>" for a in alerts)
    return rows or "<tr><td colspan=5 class=muted>Không có cảnh báo nào chưa xử lý.</td></tr>"


ALERT_VI = {"help": "Gọi cán bộ hỗ trợ", "health": "Chỉ số sức khỏe nguy hiểm"}


def page(*, kiosks: list[Kiosk], subs: list[Submission], payments: list[Payment], today_count: int, now: datetime,
         refresh: int, demo: bool, faults: dict[str, Any] | None, demo_code: str = "", demo_qr_svg: str = "",
         user: StaffUser | None = None, csrf: str = "", alerts: Sequence[Any] = (),
         history: dict[str, Any] | None = None, registry: dict[tuple[str, str], str] | None = None) -> str:
    """`csrf` is the hidden token field (central.staff.deps.csrf_input); buttons follow `user`'s role."""
    officer = user is not None and user.has_role("officer")
    enroller = user is not None and user.has_role("enroller")
    demo_note = (f"<div class=demo>{demo_qr_svg}<p>Chế độ trình "
                 f"diễn: mã đăng ký dùng lại được <b>{escape(demo_code)}</b> (quét mã QR bên cạnh trên màn hình kỹ "
                 "thuật của trạm); có thể chuyển trạng thái hồ sơ bằng các nút bên dưới.</p></div>") if demo else ""
    fault_note = ""
    if faults is not None and faults.get("rate"):
        fault_note = (f"<p class=demo>Đang giả lập lỗi: {faults['rate']:.0%} yêu cầu "
                      f"({escape(', '.join(faults['kinds']))}), pha {escape(faults['phase'])}.</p>")
    per_kiosk: dict[str, int] = {}
    for a in alerts:
        per_kiosk[a.kiosk_id] = per_kiosk.get(a.kiosk_id, 0) + 1
    alert_bar = (f"<div class=alertbar role=alert><a href='/office/alerts'>{len(alerts)} cảnh báo chưa xử lý — "
                 "bấm để xem</a></div>") if alerts else ""
    return f"""<!doctype html><html lang=vi><head><meta charset=utf-8>
<meta http-equiv=refresh content="{refresh}"><meta name=viewport content="width=device-width,initial-scale=1">
<title>Trạm công dân số — Máy chủ phường</title>{STYLESHEETS}
<script src="/office/static/office.js" defer></script></head><body data-alert-feed="/office/alerts.json">
<header class=top><a class=brand href="/">Trạm công dân số · Bảng điều khiển</a><nav>
<a href="/office/dossiers">Hồ sơ thủ tục</a><a href="/office/reports">Phản ánh</a>
<a href="/office/alerts">Cảnh báo <span class="badge{' hot' if alerts else ''}" id=alert-count>{len(alerts)}</span></a>
</nav><button type=button class=bell id=bell hidden>Bật chuông báo</button></header>{alert_bar}<main>
{_who(user, csrf)}
<p class=muted>Cập nhật lúc {vn_time(now)} (giờ Việt Nam) · tự làm mới sau {refresh} giây</p>
{demo_note}{fault_note}
<div class=totals>{totals(kiosks, today_count, now, len(alerts))}</div>
<h2>Cảnh báo chưa xử lý</h2>
<table><thead><tr><th>Loại</th><th>Trạm</th><th>Màn hình</th><th>Lúc</th><th></th></tr></thead>
<tbody>{alert_rows(alerts, now, csrf)}</tbody></table>
<h2>Các trạm</h2>
<p class=muted>Báo trạng thái: xanh khi đều đặn, vàng khi trễ một chu kỳ, đỏ khi trễ hai chu kỳ. Lịch sử 24 giờ: mỗi ô
một giờ — xanh hoạt động, vàng còn hồ sơ chờ gửi, đỏ thiết bị lỗi, xám không có tín hiệu.</p>
<table><thead><tr><th>Trạm</th><th>Tình trạng</th><th>Hàng đợi tại trạm</th><th>Chưa gửi lâu nhất</th>
<th>Đồng bộ thành công gần nhất</th><th>Lỗi gần nhất</th><th>Thiết bị</th><th>Cảnh báo</th><th>24 giờ qua</th>
<th>Phiên bản</th></tr></thead>
<tbody>{kiosk_rows(kiosks, now, history, per_kiosk, registry)}</tbody></table>
<h2>Hồ sơ gần đây</h2>
<table><thead><tr><th>Mã hồ sơ</th><th>Loại</th><th>Thời gian nhận</th><th>Trạng thái</th><th>Chuyển trạng thái</th>
</tr></thead><tbody>{submission_rows(subs, officer, csrf)}</tbody></table>
<h2>Khoản phí chờ thanh toán</h2>
<table><thead><tr><th>Mã thanh toán</th><th>Mã hồ sơ</th><th>Số tiền</th><th></th></tr></thead>
<tbody>{payment_rows(payments, officer, csrf)}</tbody></table>
{_enrol_form(csrf) if enroller else ""}
</main></body></html>"""


def _enrol_form(csrf: str) -> str:
    return (f"<h2>Đăng ký trạm mới</h2><form method=post action=\"/admin/enrolment-codes\">{csrf}"
            "<button type=submit>Tạo mã đăng ký một lần</button></form>")


def _who(user: StaffUser | None, csrf: str) -> str:
    if user is None:
        return ""
    audit_link = " · <a href='/staff/audit'>Nhật ký thao tác</a>" if user.has_role("admin") else ""
    return (f"<div class=who>{escape(user.display_name)} ({escape(ROLE_LABELS.get(user.role, user.role))}){audit_link}"
            f" <form method=post action='/staff/logout'>{csrf}<button type=submit>Đăng xuất</button></form></div>")


def enrolment_page(code: str, qr_payload: str, expires: str, svg: str) -> str:
    return f"""<!doctype html><html lang=vi><head><meta charset=utf-8><title>Mã đăng ký trạm</title>
{STYLESHEETS}</head><body><main><h1>Mã đăng ký trạm</h1>
<p>Quét mã QR này trên màn hình kỹ thuật của trạm, hoặc nhập mã: <b class=bigcode>{escape(code)}</b></p>
<div>{svg}</div><p class=muted>Dùng một lần, hết hạn lúc {escape(expires)} (giờ Việt Nam).</p>
<p><a href="/">← Quay lại bảng điều khiển</a></p></main></body></html>"""
