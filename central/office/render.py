"""Jinja2 rendering of the officer pages, with the Content-Security-Policy that forbids inline script and style
(the pages use /office/static/office.css and office.js only)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from starlette.responses import HTMLResponse
from starlette.templating import Jinja2Templates

from central.alerts import ALERT_KINDS, screen_vi
from central.dashboard import age_vi, money_vi, vn_time
from central.office.auth import csrf_input
from central.office.words import payment_state
from central.records import STATUSES

HERE = Path(__file__).resolve().parent
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; "
       "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
KIND_VI = {"dossier": "Hồ sơ thủ tục", "report": "Phản ánh an ninh trật tự", "health": "Đo sức khỏe"}
# What the resident should do next, per status (public page and dossier page)
NEXT_STEP = {
    "received": "Hồ sơ đang chờ cán bộ xem. Ông/Bà không cần làm gì thêm lúc này.",
    "processing": "Cán bộ đang xử lý hồ sơ. Ông/Bà sẽ được báo khi có kết quả.",
    "needs_info": "Vui lòng bổ sung giấy tờ theo ghi chú của cán bộ, tại trạm hoặc tại bộ phận một cửa của phường.",
    "completed": "Đã có kết quả. Vui lòng mang giấy biên nhận đến bộ phận một cửa của phường để nhận.",
    "rejected": "Hồ sơ không được giải quyết. Lý do ở ghi chú của cán bộ; Ông/Bà có thể hỏi lại cán bộ phường.",
}

templates = Jinja2Templates(directory=str(HERE / "templates"))
templates.env.globals.update(STATUSES=STATUSES, KIND_VI=KIND_VI, ALERT_KINDS=ALERT_KINDS, NEXT_STEP=NEXT_STEP,
                             csrf_input=csrf_input)
def vn_date(value: object) -> str:
    """2026-03-15 → 15/03/2026 (anything else as it came, "—" for nothing)."""
    text = str(value or "")
    parts = text.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return f"{parts[2]}/{parts[1]}/{parts[0]}"
    return text or "—"


templates.env.filters.update(vn_time=vn_time, money=money_vi, age=age_vi, vn_date=vn_date, screen_vi=screen_vi,
                             payment_state=payment_state)


def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    response = templates.TemplateResponse(request, name, context, status_code=status_code)
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"  # "no-referrer" makes browsers send Origin: null on form posts
    return response
