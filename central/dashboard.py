"""Server-rendered fleet dashboard (Vietnamese, auto-refresh); pure HTML building, no personal data."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from html import escape
from typing import Any

from central.models import Kiosk, Payment, Submission, as_utc
from central.records import STATUSES
from central.staff import ROLE_LABELS, StaffUser

STYLESHEET = "/staff/staff.css"  # served by central/staff/routes.py; CSP allows no inline style elements
KIND_VI = {"dossier": "Hồ sơ TTHC", "report": "Phản ánh", "health": "Đo sức khỏe", "payment_intent": "Thanh toán"}
QUEUE_VI = [("queued", "Chờ gửi"), ("sending", "Đang gửi"), ("retry", "Thử lại"), ("rejected", "Bị từ chối"),
            ("sent", "Đã gửi")]
VN = timezone(timedelta(hours=7), "ICT")  # Vietnam: UTC+7 all year (no summer time)
STALE_SECONDS = 15 * 60  # three missed heartbeats at the kiosk's 5-minute default

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


def _devices(raw: str | None) -> str:
    try:
        devices = json.loads(raw or "{}")
    except ValueError:
        return "—"
    parts = []
    for name, state in sorted(devices.items()):
        if isinstance(state, dict):
            state = state.get("state", "?")
        parts.append(f"{escape(str(name))}: {escape(str(state)[:40])}")
    return "<br>".join(parts) or "—"


def _queue(raw: str | None) -> dict[str, int]:
    try:
        q = json.loads(raw or "{}")
    except ValueError:
        return {}
    return {k: v for k, v in q.items() if isinstance(v, int)}


def kiosk_rows(kiosks: list[Kiosk], now: datetime) -> str:
    rows = []
    for k in kiosks:
        hb_age = (now - as_utc(k.hb_at)).total_seconds() if k.hb_at else None
        state = ('<span class="bad">Mất liên lạc</span>' if hb_age is None or hb_age > STALE_SECONDS
                 else '<span class="ok">Hoạt động</span>')
        q = _queue(k.hb_queue)
        queue = " / ".join(str(q.get(key, 0)) for key, _ in QUEUE_VI)
        rows.append(
            f"<tr data-kiosk='{escape(k.id)}'><td><b>{escape(k.station_code)}</b><br>"
            f"<span class=muted>{escape(k.name or '')}</span></td><td>{state}</td>"
            f"<td>{age_vi(hb_age)}{' trước' if hb_age is not None else ''}</td><td>{queue}</td>"
            f"<td>{age_vi(k.hb_oldest_unsent_seconds)}</td>{_cell(vn_time(k.hb_last_sync_at))}"
            f"<td class='{'bad' if k.hb_last_error else ''}'>{escape(k.hb_last_error or '—')}</td>"
            f"{_cell(k.version)}<td>{_devices(k.hb_devices)}</td></tr>")
    return "".join(rows) or "<tr><td colspan=9 class=muted>Chưa có trạm nào đăng ký.</td></tr>"


def totals(kiosks: list[Kiosk], today_count: int, now: datetime) -> str:
    active = sum(1 for k in kiosks if k.hb_at and (now - as_utc(k.hb_at)).total_seconds() <= STALE_SECONDS)
    unsent = sum(sum(v for key, v in _queue(k.hb_queue).items() if key in ("queued", "sending", "retry"))
                 for k in kiosks)
    rejected = sum(_queue(k.hb_queue).get("rejected", 0) for k in kiosks)
    oldest = max((k.hb_oldest_unsent_seconds or 0 for k in kiosks), default=0)
    cards = [("Tổng số trạm", len(kiosks)), ("Đang hoạt động", active), ("Hồ sơ chờ gửi", unsent),
             ("Bị từ chối (cần xử lý)", rejected), ("Chưa gửi lâu nhất", age_vi(oldest) if oldest else "—"),
             ("Nhận hôm nay", today_count)]
    return "".join(f"<div class=card><span class=muted>{label}</span><b>{value}</b></div>" for label, value in cards)


def submission_rows(subs: list[Submission], staff_buttons: bool, csrf: str = "") -> str:
    rows = []
    for s in subs:
        buttons = ""
        if staff_buttons and s.reference:
            ref = escape(s.reference)
            buttons = "".join(
                f"<form method=post action='/admin/dossiers/{ref}/status'>{csrf}<input type=hidden name=status "
                f"value='{st}'><button type=submit>{label}</button></form>"
                for st, label in STATUSES.items() if st != s.status)
        rows.append(f"<tr>{_cell(s.reference)}{_cell(KIND_VI.get(s.kind, s.kind))}"
                    f"<td>{vn_time(s.received_at)}</td>"
                    f"{_cell(STATUSES.get(s.status, s.status))}<td>{buttons}</td></tr>")
    return "".join(rows) or "<tr><td colspan=5 class=muted>Chưa có hồ sơ.</td></tr>"


def payment_rows(payments: list[Payment], staff_buttons: bool = True, csrf: str = "") -> str:
    return "".join(
        f"<tr>{_cell(p.id)}{_cell(p.reference)}<td>{money_vi(p.amount)}</td><td>"
        + (f"<form method=post action='/admin/payments/{escape(p.id)}/mark-paid'>{csrf}"
           f"<button type=submit>Đánh dấu đã thanh toán</button></form>" if staff_buttons else "")
        + "</td></tr>" for p in payments
    ) or "<tr><td colspan=4 class=muted>Không có khoản chờ thanh toán.</td></tr>"


def page(*, kiosks: list[Kiosk], subs: list[Submission], payments: list[Payment], today_count: int, now: datetime,
         refresh: int, demo: bool, faults: dict[str, Any] | None, demo_code: str = "", demo_qr_svg: str = "",
         user: StaffUser | None = None, csrf: str = "") -> str:
    """`csrf` is the hidden token field (central.staff.deps.csrf_input); buttons follow `user`'s role."""
    officer = user is not None and user.has_role("officer")
    enroller = user is not None and user.has_role("enroller")
    demo_note = (f"<div class='demo demo-row'>{demo_qr_svg}<p>Chế độ trình "
                 f"diễn: mã đăng ký dùng lại được <b>{escape(demo_code)}</b> (quét mã QR bên cạnh trên màn hình kỹ "
                 "thuật của trạm); có thể chuyển trạng thái hồ sơ bằng các nút bên dưới.</p></div>") if demo else ""
    fault_note = ""
    if faults is not None and faults.get("rate"):
        fault_note = (f"<p class=demo>Đang giả lập lỗi: {faults['rate']:.0%} yêu cầu "
                      f"({escape(', '.join(faults['kinds']))}), pha {escape(faults['phase'])}.</p>")
    return f"""<!doctype html><html lang=vi><head><meta charset=utf-8>
<meta http-equiv=refresh content="{refresh}"><meta name=viewport content="width=device-width,initial-scale=1">
<title>Trạm công dân số — Máy chủ phường</title><link rel=stylesheet href="{STYLESHEET}"></head><body>
{_who(user, csrf)}<h1>Trạm công dân số — Bảng điều khiển máy chủ phường</h1>
<p class=muted>Cập nhật lúc {vn_time(now)} (giờ Việt Nam) · tự làm mới sau {refresh} giây</p>
{demo_note}{fault_note}
<div class=totals>{totals(kiosks, today_count, now)}</div>
<h2>Các trạm</h2>
<table><thead><tr><th>Trạm</th><th>Tình trạng</th><th>Báo trạng thái gần nhất</th>
<th>Hàng đợi ({' / '.join(label for _, label in QUEUE_VI)})</th><th>Chưa gửi lâu nhất</th>
<th>Đồng bộ thành công gần nhất</th><th>Lỗi gần nhất</th><th>Phiên bản</th><th>Thiết bị</th></tr></thead>
<tbody>{kiosk_rows(kiosks, now)}</tbody></table>
<h2>Hồ sơ gần đây</h2>
<table><thead><tr><th>Mã hồ sơ</th><th>Loại</th><th>Thời gian nhận</th><th>Trạng thái</th><th>Chuyển trạng thái</th>
</tr></thead><tbody>{submission_rows(subs, officer, csrf)}</tbody></table>
<h2>Khoản phí chờ thanh toán</h2>
<table><thead><tr><th>Mã thanh toán</th><th>Mã hồ sơ</th><th>Số tiền</th><th></th></tr></thead>
<tbody>{payment_rows(payments, officer, csrf)}</tbody></table>
{_enrol_form(csrf) if enroller else ""}
</body></html>"""


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
<link rel=stylesheet href="{STYLESHEET}"></head><body><h1>Mã đăng ký trạm</h1>
<p>Quét mã QR này trên màn hình kỹ thuật của trạm, hoặc nhập mã: <b class=big>{escape(code)}</b></p>
<div>{svg}</div><p class=muted>Dùng một lần, hết hạn lúc {escape(expires)} (giờ Việt Nam).</p>
<p><a href="/">← Quay lại bảng điều khiển</a></p></body></html>"""
