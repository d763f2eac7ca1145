"""Helpers for the systemd unit tests: run systemd-analyze with /opt/tram-kiosk taken from a given tree.

The units name /opt/tram-kiosk/kiosk and systemd-analyze checks that it is executable, so the tree
is bind-mounted over /opt in a private mount namespace (unshare -m; root only) — the system's own
/opt is never touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path


def can_unshare() -> bool:
    if os.geteuid() != 0 or not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "-m", "true"], capture_output=True, check=False).returncode == 0


def analyze(opt_tree: Path, unit_dir: Path, *args: str) -> subprocess.CompletedProcess:
    script = 'mount --bind "$0" /opt && cd "$1" && shift && exec systemd-analyze "$@"'
    return subprocess.run(["unshare", "-m", "sh", "-c", script, str(opt_tree), str(unit_dir), *args],
                          capture_output=True, text=True, timeout=120, check=False)
