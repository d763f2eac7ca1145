"""The ONE place the officer pages get their staff member, CSRF check and audit trail from: the hub's per-person
staff accounts (central/staff: argon2id passwords, sessions, roles, audit table).

Roles per view: cases (dossiers, reports) are read by officers and viewers and handled by officers; crisis health
readings are health data, seen by health workers only; calls for help reach every staff member. The
administrator passes every role check (StaffUser.has_role).
"""

from __future__ import annotations

from central.staff import StaffUser
from central.staff.audit import record, record_now
from central.staff.deps import csrf_input, require_staff, verify_csrf

__all__ = ["ANY_STAFF", "CASEWORK", "HEALTH", "READ_CASES", "StaffUser", "csrf_input", "record", "record_now",
           "require_staff", "verify_csrf"]

CASEWORK: tuple[str, ...] = ("officer",)  # may move, assign and export dossiers and reports
READ_CASES: tuple[str, ...] = ("officer", "viewer")
HEALTH: tuple[str, ...] = ("health_worker",)  # crisis readings are health data: only these (and admin) see them
ANY_STAFF: tuple[str, ...] = ()  # calls for help: everyone on duty
