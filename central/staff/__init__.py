"""Per-person staff accounts of the hub: roles, sessions, CSRF, audit log (issue 13).

Other hub areas code against `central.staff.deps` (require_staff, verify_csrf, csrf_input, StaffUser) and
`central.staff.audit.record`; the tables live in `central.staff.tables`."""

from __future__ import annotations

ROLES: tuple[str, ...] = ("admin", "officer", "health_worker", "enroller", "viewer")

ROLE_LABELS: dict[str, str] = {
    "admin": "Quản trị viên / Administrator",
    "officer": "Cán bộ một cửa / Officer",
    "health_worker": "Nhân viên y tế / Health worker",
    "enroller": "Kỹ thuật viên đăng ký trạm / Technician (enrolment)",
    "viewer": "Chỉ xem / Read-only viewer",
}


from dataclasses import dataclass  # noqa: E402


@dataclass(frozen=True)
class StaffUser:
    """The signed-in person a staff route acts for (what handlers and the audit log see)."""

    id: int
    username: str
    display_name: str
    role: str

    def has_role(self, *roles: str) -> bool:
        """No roles: any staff member. The administrator passes every role check."""
        return not roles or self.role == "admin" or self.role in roles
