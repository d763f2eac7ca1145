"""Server-rendered staff pages (sign-in, audit log): Vietnamese first with English, no script at all;
pure HTML building (markupsafe escapes every value)."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from central.staff import ROLE_LABELS, StaffUser

STYLESHEET = "/staff/staff.css"


def layout(title: str, body: Markup | str, user: StaffUser | None = None, logout_form: Markup | str = "") -> str:
    who = ""
    if user is not None:
        who = Markup('<div class="who">{name} · {role} {form}</div>').format(
            name=user.display_name, role=ROLE_LABELS.get(user.role, user.role), form=Markup(logout_form))
    return str(Markup('<!doctype html><html lang="vi"><head><meta charset="utf-8">'
                      '<meta name="viewport" content="width=device-width,initial-scale=1">'
                      '<title>{title}</title><link rel="stylesheet" href="{css}"></head><body>{who}{body}</body>'
                      '</html>').format(title=title, css=STYLESHEET, who=who, body=Markup(body)))


def logout_form(csrf: Markup) -> Markup:
    return Markup('<form method="post" action="/staff/logout">{csrf}<button type="submit">Đăng xuất / Sign out'
                  '</button></form>').format(csrf=csrf)


MESSAGES = {
    "invalid": "Tên đăng nhập hoặc mật khẩu không đúng. / Wrong user name or password.",
    "totp": "Mã xác thực hai bước không đúng. / Wrong one-time code.",
    "throttled": "Quá nhiều lần đăng nhập sai. Vui lòng thử lại sau {minutes} phút. / "
                 "Too many failed sign-ins: please try again in {minutes} min.",
    "signed_out": "Ông/Bà đã đăng xuất. / You are signed out.",
}


def login_page(next_path: str, message: str = "", retry_after: int = 0) -> str:
    text = MESSAGES.get(message, "").format(minutes=max(1, (retry_after + 59) // 60))
    note = Markup('<p class="bad" role="alert">{}</p>').format(text) if text and message != "signed_out" else (
        Markup('<p class="ok">{}</p>').format(text) if text else "")
    body = Markup("""<main class="login"><h1>Trạm công dân số — Đăng nhập cán bộ</h1>
<p class="muted">Staff sign-in of the ward hub</p>{note}
<form method="post" action="/staff/login">
<input type="hidden" name="next" value="{next}">
<label>Tên đăng nhập / User name<input name="username" autocomplete="username" required autofocus></label>
<label>Mật khẩu / Password<input name="password" type="password" autocomplete="current-password" required></label>
<label>Mã xác thực (nếu có) / One-time code (if enabled)<input name="totp" inputmode="numeric"
 autocomplete="one-time-code" maxlength="8"></label>
<button type="submit">Đăng nhập / Sign in</button></form>
<p class="muted">Quên mật khẩu? Vui lòng liên hệ quản trị viên của phường. /
Forgot your password? Please ask the ward's administrator.</p></main>""").format(note=note, next=next_path)
    return layout("Đăng nhập — Trạm công dân số", body)


def audit_page(rows: list[dict[str, Any]], user: StaffUser, logout: Markup, page: int, has_more: bool) -> str:
    def cell(value: Any) -> Markup:
        return Markup("<td>{}</td>").format("—" if value in (None, "") else value)

    body_rows = Markup("").join(
        Markup("<tr>{}{}{}{}{}{}{}</tr>").format(cell(r["id"]), cell(r["at"]), cell(r["actor"] or "(hệ thống)"),
                                                 cell(r["action"]), cell(r["target"]), cell(r["before"]),
                                                 cell(r["after"])) for r in rows)
    nav = Markup("")
    if page > 1:
        nav += Markup('<a href="/staff/audit?page={}">← Mới hơn / Newer</a> ').format(page - 1)
    if has_more:
        nav += Markup('<a href="/staff/audit?page={}">Cũ hơn / Older →</a>').format(page + 1)
    body = Markup("""<h1>Nhật ký thao tác của cán bộ / Staff audit log</h1>
<p><a href="/">← Bảng điều khiển / Dashboard</a> · <a href="/staff/audit.csv">Tải CSV / Export CSV</a></p>
<table><thead><tr><th>#</th><th>Thời điểm (UTC) / When</th><th>Người thực hiện / Who</th><th>Thao tác / Action</th>
<th>Đối tượng / Target</th><th>Trước / Before</th><th>Sau / After</th></tr></thead><tbody>{rows}</tbody></table>
<p>{nav}</p>""").format(rows=body_rows or Markup('<tr><td colspan="7">—</td></tr>'), nav=nav)
    return layout("Nhật ký thao tác — Trạm công dân số", body, user, logout)
