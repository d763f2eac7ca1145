"""Root commands must not create queue files owned by root: the station's services run as `tram` and could
no longer open them. Whatever touches the data folder runs as the folder's owner."""

from __future__ import annotations

import json
import os
import pwd
from collections.abc import Callable
from pathlib import Path
from typing import Any


def data_owner(data_dir: Path) -> int | None:
    """The uid to become, or None when no switch is needed (not root, or the folder is root's)."""
    if os.geteuid() != 0:
        return None
    try:
        uid = data_dir.stat().st_uid
    except OSError:
        return None
    return uid or None


def become(uid: int) -> None:
    entry = pwd.getpwuid(uid)
    os.setgroups(os.getgrouplist(entry.pw_name, entry.pw_gid))
    os.setgid(entry.pw_gid)
    os.setuid(uid)


def drop_to_data_owner(data_dir: Path) -> None:
    """For a whole command (doctor): from root to the data folder's owner, for good."""
    uid = data_owner(data_dir)
    if uid is not None:
        become(uid)


def as_data_owner(data_dir: Path, fn: Callable[[], Any]) -> Any:
    """Run ``fn`` (JSON-able result) as the data folder's owner, in a child process when we are root."""
    uid = data_owner(data_dir)
    if uid is None:
        return fn()
    rfd, wfd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child reports through the pipe
        os.close(rfd)
        try:
            become(uid)
            out = {"ok": fn()}
        except BaseException as exc:
            out = {"error": f"{type(exc).__name__}: {exc}"}
        os.write(wfd, json.dumps(out).encode())
        os._exit(0)
    os.close(wfd)
    with os.fdopen(rfd, "rb") as pipe:
        raw = pipe.read()
    os.waitpid(pid, 0)
    doc = json.loads(raw or b'{"error": "the check process died"}')
    if "error" in doc:
        raise RuntimeError(doc["error"])
    return doc["ok"]
