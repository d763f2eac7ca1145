"""Hub data operations on alerts (calls for help, crisis health readings), the device registry and the
heartbeat history; called from request threads."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from central.db import Database
from central.models import Alert, Device, HeartbeatLog, Kiosk, as_utc, utcnow
from central.problems import Problem

ALERT_KINDS = {"help": "Gọi cán bộ hỗ trợ", "health": "Chỉ số sức khỏe nguy hiểm"}
# The kiosk's screen ids in words staff understand (the id stays in brackets for the technician).
SCREENS_VI = {"home": "Trang chủ", "dossier": "Chọn thủ tục", "dossier.form": "Điền tờ khai",
              "dossier.photos": "Chụp giấy tờ", "dossier.review": "Xem lại hồ sơ", "dossier.consent": "Đồng ý gửi",
              "identity.scan": "Quét căn cước", "identity.confirm": "Xác nhận thông tin", "tracking": "Tra cứu hồ sơ",
              "payment": "Thanh toán lệ phí", "report": "Phản ánh", "health": "Chọn phép đo",
              "health.check": "Đo sức khỏe", "health.results": "Kết quả đo", "health.consent": "Lưu kết quả đo",
              "receipt.done": "Đã nộp xong", "problem": "Báo lỗi", "procedures": "Tra cứu thủ tục"}


def screen_vi(screen: str | None) -> str:
    if not screen:
        return "—"
    """The screen in words for the staff who go to help ("Điền tờ khai"); one we have no words for keeps its code,
    marked as a code."""
    words = SCREENS_VI.get(screen) or SCREENS_VI.get(screen.split(".")[0])
    return words or f"Màn hình khác (mã: {screen[:60]})"
HISTORY_KEEP = timedelta(hours=48)


@dataclass(frozen=True)
class AlertView:
    id: str
    kind: str
    kiosk_id: str
    station_code: str
    station_name: str
    screen: str | None
    readings: dict[str, Any]
    created_at: str
    received_at: datetime
    acknowledged_at: datetime | None
    acknowledged_by: str | None


def _view(a: Alert, k: Kiosk | None) -> AlertView:
    try:
        readings = json.loads(a.readings) if a.readings else {}
    except ValueError:
        readings = {}
    return AlertView(a.id, a.kind, a.kiosk_id, k.station_code if k else "?", k.name if k else "", a.screen,
                     readings if isinstance(readings, dict) else {}, a.created_at, as_utc(a.received_at),
                     as_utc(a.acknowledged_at), a.acknowledged_by)


def alert_json(v: AlertView) -> dict[str, Any]:
    """What the kiosk is told about its alert (no staff name: only that someone is coming)."""
    return {"id": v.id, "kind": v.kind, "received_at": v.received_at.isoformat(),
            "acknowledged": v.acknowledged_at is not None,
            "acknowledged_at": v.acknowledged_at.isoformat() if v.acknowledged_at else None}


def raise_alert(db: Database, kiosk_id: str, alert_id: str, kind: str, created_at: str, screen: str | None,
                readings: dict[str, Any] | None) -> tuple[AlertView, bool]:
    """(alert, created). The same id again is the same alert (a retry); another kiosk's id is a conflict."""
    row = Alert(id=alert_id, kiosk_id=kiosk_id, kind=kind, screen=screen, created_at=created_at,
                readings=json.dumps(readings, ensure_ascii=False) if readings else None, received_at=utcnow())
    try:
        with db.session() as s:
            s.add(row)
            created = True
    except IntegrityError:
        created = False
    view = get_alert(db, alert_id, kiosk_id)
    return view, created


def get_alert(db: Database, alert_id: str, kiosk_id: str | None = None) -> AlertView:
    with db.session() as s:
        a = s.get(Alert, alert_id)
        if a is None or (kiosk_id is not None and a.kiosk_id != kiosk_id):
            raise Problem(404, "unknown-alert", detail="No alert with this id from this kiosk.")
        return _view(a, s.get(Kiosk, a.kiosk_id))


def alerts(db: Database, *, open_only: bool = True, kind: str | None = None, limit: int = 100) -> list[AlertView]:
    with db.session() as s:
        q = select(Alert, Kiosk).join(Kiosk, Kiosk.id == Alert.kiosk_id)
        if open_only:
            q = q.where(Alert.acknowledged_at.is_(None))
        if kind:
            q = q.where(Alert.kind == kind)
        rows = s.execute(q.order_by(Alert.received_at.desc()).limit(limit)).all()
        return [_view(a, k) for a, k in rows]


def open_alert_counts(db: Database) -> dict[str, int]:
    with db.session() as s:
        rows = s.execute(select(Alert.kind, func.count()).where(Alert.acknowledged_at.is_(None))
                         .group_by(Alert.kind)).all()
    return {kind: n for kind, n in rows}


def acknowledge(db: Database, alert_id: str, actor: Any) -> tuple[AlertView, AlertView | None]:
    """(after, before) — before is None when it was already acknowledged (the first one counts). `actor`: the
    StaffUser; the acknowledgement and its audit record commit together."""
    from central.staff.audit import record

    with db.session() as s:
        a = s.get(Alert, alert_id)
        if a is None:
            raise Problem(404, "unknown-alert", detail="No alert with this id.")
        k = s.get(Kiosk, a.kiosk_id)
        before = _view(a, k)
        if a.acknowledged_at is None:
            a.acknowledged_at, a.acknowledged_by = utcnow(), actor.username[:100]
            record(s, actor, "alert.ack", a.id, {"acknowledged": False, "kind": a.kind},
                   {"acknowledged": True, "kind": a.kind})
            return _view(a, k), before
        return before, None


# ---- device registry --------------------------------------------------------------------------------------


def register_device(db: Database, kind: str, model: str, serial: str, validation_ref: str,
                    calibration_due: date) -> Device:
    with db.session() as s:
        row = s.scalar(select(Device).where(Device.model == model, Device.serial == serial))
        if row is None:
            row = Device(kind=kind, model=model, serial=serial, registered_at=utcnow(), validation_ref="",
                         calibration_due="")
            s.add(row)
        row.kind, row.validation_ref, row.calibration_due = kind, validation_ref, calibration_due.isoformat()
    return row


def devices(db: Database) -> list[Device]:
    with db.session() as s:
        return list(s.scalars(select(Device).order_by(Device.kind, Device.model, Device.serial)))


def registry_status(db: Database, reported: dict[str, Any], today: date) -> dict[str, dict[str, Any]]:
    """For each reported device with a model and serial: registered? calibration due and past due?"""
    wanted = {name: (str(d.get("model", ""))[:100], str(d.get("serial", ""))[:100])
              for name, d in reported.items() if isinstance(d, dict) and d.get("model") and d.get("serial")}
    if not wanted:
        return {}
    with db.session() as s:
        rows = s.scalars(select(Device).where(Device.serial.in_({serial for _, serial in wanted.values()}))).all()
    known = {(r.model, r.serial): r for r in rows}
    out = {}
    for name, key in wanted.items():
        row = known.get(key)
        due = date.fromisoformat(row.calibration_due) if row else None
        out[name] = {"registered": row is not None, "validation_ref": row.validation_ref if row else None,
                     "calibration_due": due.isoformat() if due else None,
                     "calibration_overdue": bool(due and due < today)}
    return out


# ---- heartbeat history ------------------------------------------------------------------------------------


def log_heartbeat(db: Database, kiosk_id: str, at: datetime, unsent: int, faults: int) -> None:
    with db.session() as s:
        s.add(HeartbeatLog(kiosk_id=kiosk_id, at=at, unsent=unsent, faults=faults))
        s.execute(delete(HeartbeatLog).where(HeartbeatLog.kiosk_id == kiosk_id,
                                             HeartbeatLog.at < at - HISTORY_KEEP))


def history_24h(db: Database, now: datetime) -> dict[str, list[tuple[int, int, int]]]:
    """Per kiosk, 24 hourly buckets oldest first: (heartbeats, max unsent, max faulty devices)."""
    start = now - timedelta(hours=24)
    with db.session() as s:
        rows = s.execute(select(HeartbeatLog.kiosk_id, HeartbeatLog.at, HeartbeatLog.unsent, HeartbeatLog.faults)
                         .where(HeartbeatLog.at >= start)).all()
    out: dict[str, list[list[int]]] = {}
    for kiosk_id, at, unsent, faults in rows:
        hour = min(23, int((as_utc(at) - start).total_seconds() // 3600))
        buckets = out.setdefault(kiosk_id, [[0, 0, 0] for _ in range(24)])
        b = buckets[hour]
        b[0], b[1], b[2] = b[0] + 1, max(b[1], unsent), max(b[2], faults)
    return {k: [(a, b, c) for a, b, c in v] for k, v in out.items()}
