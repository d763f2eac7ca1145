"""The ONE place the officer pages get their staff member, CSRF check and audit trail from.

Until the per-person staff accounts (central/staff, argon2id, sessions, roles, audit table) are in the hub, this
wraps what the hub has: the admin token (HTTP Basic password in a browser; loopback in demo mode) gives an
"admin" StaffUser; form posts are checked with the same-origin test of central/admin.py; the audit trail goes
to the `central.audit` log. When central.staff lands, this file alone switches to it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request
from markupsafe import Markup

from central.problems import Problem
from central.security import require_admin

audit_log = logging.getLogger("central.audit")

ROLES = ("admin", "officer", "health_worker", "enroller", "viewer")
CASEWORK = ("admin", "officer")  # may move, assign and export dossiers and reports
READ_CASES = ("admin", "officer", "viewer")
HEALTH = ("admin", "health_worker")  # crisis readings are health data: only these see them
ANY_STAFF = ROLES


@dataclass(frozen=True)
class StaffUser:
    id: str
    username: str
    display_name: str
    role: str


_TOKEN_ADMIN = StaffUser(id="admin-token", username="admin", display_name="Quản trị (mã quản trị)", role="admin")


def require_staff(*roles: str) -> Callable[[Request], StaffUser]:
    """FastAPI dependency: the signed-in staff member, who must have one of `roles`."""
    allowed = roles or ROLES

    def dependency(request: Request) -> StaffUser:
        require_admin(request)  # 401 with a Basic challenge, 403 when the hub has no admin token
        user = _TOKEN_ADMIN
        if user.role not in allowed:
            raise Problem(403, "forbidden", "Forbidden", "Your role may not open this page.")
        return user

    return dependency


def csrf_input(request: Request) -> Markup:
    """The hidden CSRF field for forms (empty until session-based staff accounts: Basic auth is checked by
    origin in verify_csrf)."""
    return Markup("")


def verify_csrf(request: Request) -> None:
    """Dependency for state-changing staff routes: a browser form must come from the hub's own pages."""
    origin = request.headers.get("origin") or request.headers.get("referer")
    if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
        raise Problem(403, "cross-site-form", "Forbidden", "Form posts must come from the hub's own pages.")


def record(session: Any, actor: StaffUser, action: str, target: str, before: Any, after: Any) -> None:
    """Write one audit entry (session: the caller's DB session, used by the staff package's audit table)."""
    audit_log.info("%s", json.dumps({"actor": actor.username, "action": action, "target": target,
                                      "before": before, "after": after}, ensure_ascii=False, default=str))
