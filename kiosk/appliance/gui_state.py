"""The kiosk session's state as the hub sees it in the heartbeat: up, starting, restarting, crash-looping.

Qt-free. Read from systemd (``systemctl show``) by the sync service, which outlives the GUI; the
parsing is a pure function so it is tested without systemd.
"""

from __future__ import annotations

import logging
import subprocess

log = logging.getLogger(__name__)

SESSION_UNIT = "tram-kiosk.service"
REPAIR_UNIT = "tram-kiosk-repair.service"
PROPERTIES = ("ActiveState", "SubState", "NRestarts", "Result")
STATES = ("up", "starting", "restarting", "crash_looping", "stopped", "unknown")


def parse_show(text: str) -> dict[str, str]:
    """``Key=Value`` lines of ``systemctl show`` into a dict (values may contain '=')."""
    out: dict[str, str] = {}
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        if sep:
            out[key.strip()] = value.strip()
    return out


def session_state(session: dict[str, str], repair: dict[str, str] | None = None) -> str:
    """One word for the hub's dashboard from the properties of the session and repair units."""
    active, sub = session.get("ActiveState", ""), session.get("SubState", "")
    if (repair or {}).get("ActiveState") in ("active", "activating"):
        return "crash_looping"  # the start limit was hit: "station being repaired" is on screen
    if active == "active":
        return "up"
    if active == "activating" and sub == "auto-restart":
        return "restarting"
    if active in ("activating", "reloading"):
        return "starting"
    if active == "failed":
        return "crash_looping" if session.get("Result") == "start-limit-hit" else "restarting"
    if active in ("inactive", "deactivating"):
        return "stopped"
    return "unknown"


def read_session_state(timeout: float = 5.0) -> str:
    """Ask systemd; 'unknown' where there is no systemd (development) or it does not answer."""
    props: list[dict[str, str]] = []
    for unit in (SESSION_UNIT, REPAIR_UNIT):
        try:
            done = subprocess.run(["systemctl", "show", unit, "--property=" + ",".join(PROPERTIES)],
                                  capture_output=True, text=True, timeout=timeout, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            log.debug("systemctl show %s: %s", unit, exc)
            return "unknown"
        if done.returncode != 0:
            return "unknown"
        props.append(parse_show(done.stdout))
    return session_state(props[0], props[1])
