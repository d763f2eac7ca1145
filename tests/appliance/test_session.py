"""The kiosk session as tram-kiosk.service runs it, under Weston's headless backend (pixman, no GPU).

Weston is started with the unit's own ExecStart= and Environment= (only the DRM backend is swapped for the
headless one, and the paths point into the unpacked package), as the `tram` user, with a NOTIFY_SOCKET
listener standing in for systemd. The app from the package must get its one window configured fullscreen and draw it
(Weston's protocol log) and say READY=1, then keep pinging the watchdog.
Needs the built package (make deb; ``make test`` runs this file after building it) and root (to run as tram).
"""

from __future__ import annotations

import os
import pwd
import re
import shlex
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from core.pin import hash_pin
from tests.appliance.notify_listener import NotifyListener
from tests.appliance.test_deb import DEB

USER = "tram"
WIDTH, HEIGHT = 1920, 1080

pytestmark = [
    pytest.mark.skipif(DEB is None, reason="set KIOSK_DEB to a built package (make test does, after make deb)"),
    pytest.mark.skipif(os.geteuid() != 0, reason="runs the session as the tram user: needs root (as CI does)"),
    pytest.mark.skipif(not shutil.which("weston"), reason="weston not installed"),
]


def ensure_user() -> pwd.struct_passwd:
    try:
        return pwd.getpwnam(USER)
    except KeyError:
        subprocess.run(["useradd", "--system", "--user-group", "--no-create-home", "--home-dir", "/nonexistent",
                        "--shell", "/usr/sbin/nologin", USER], check=True)
        for group in ("video", "dialout", "lp", "input", "render"):
            subprocess.run(["usermod", "-aG", group, USER], check=False, capture_output=True)
        return pwd.getpwnam(USER)


def _exe(pid: str) -> Path | None:
    try:
        return Path(os.readlink(f"/proc/{pid}/exe")).resolve()
    except OSError:
        return None


def unit_values(path: Path, key: str) -> list[str]:
    return [line.split("=", 1)[1] for line in path.read_text().splitlines() if line.startswith(key + "=")]


def as_user(env: dict[str, str], *argv: str) -> list[str]:
    return ["setpriv", f"--reuid={USER}", f"--regid={USER}", "--init-groups", "env", "-i",
            *(f"{k}={v}" for k, v in env.items()), *argv]


@pytest.fixture
def session_root():
    """The package unpacked where the tram user can read it (pytest's tmp dirs are root-only)."""
    user = ensure_user()
    base = Path(tempfile.mkdtemp(prefix="tram-session-", dir="/tmp"))
    base.chmod(0o755)
    root = base / "root"
    subprocess.run(["dpkg-deb", "-x", str(DEB), str(root)], check=True)
    for d in (base / "run", base / "data"):
        d.mkdir(mode=0o700)
        os.chown(d, user.pw_uid, user.pw_gid)
    yield base, root
    subprocess.run(["pkill", "-KILL", "-u", USER, "-f", str(base)], check=False)  # only this test's processes
    shutil.rmtree(base, ignore_errors=True)


def test_session_maps_the_kiosk_fullscreen_and_says_ready(session_root):
    base, root = session_root
    unit = root / "lib/systemd/system/tram-kiosk.service"
    # the installed config and Weston session, pointed at the scratch paths
    config = base / "kiosk.toml"
    text = (root / "etc/tram-kiosk/kiosk.toml").read_text(encoding="utf-8")
    text = text.replace('data_dir = "/var/lib/tram-kiosk"', f'data_dir = "{base / "data"}"')
    # what the installer sets on every station (start-up refuses the shipped example code and the demo PIN)
    text = re.sub(r'(?m)^code = "BN01"', 'code = "SN09"', text)
    text = re.sub(r'(?m)^technician_pin_hash = ".*"', f'technician_pin_hash = "{hash_pin("583920")}"', text)
    config.write_text(text)
    ini = base / "weston.ini"
    ini.write_text((root / "etc/tram-kiosk/weston.ini").read_text().replace(
        "path=/opt/tram-kiosk/bin/kiosk-session", f"path={root}/opt/tram-kiosk/bin/kiosk-session"))
    for path in (config, ini):
        path.chmod(0o644)

    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "XDG_RUNTIME_DIR": str(base / "run"),
           "HOME": str(base / "data"), "TRAM_KIOSK_PREFIX": str(root / "opt/tram-kiosk")}
    for assignment in " ".join(unit_values(unit, "Environment")).split():
        key, value = assignment.split("=", 1)
        env[key] = value
    assert env["QT_QPA_PLATFORM"] == "wayland" and env["KIOSK_CONFIG"] == "/etc/tram-kiosk/kiosk.toml"
    env["KIOSK_CONFIG"] = str(config)
    listener = NotifyListener(base / "notify.sock")
    # as systemd sets them: the watchdog names the unit's main process (Weston), not the app
    env.update(NOTIFY_SOCKET=listener.path, WATCHDOG_USEC="4000000", WATCHDOG_PID="1")

    argv = shlex.split(unit_values(unit, "ExecStart")[0])
    assert "--backend=drm-backend.so" in argv and "--config=/etc/tram-kiosk/weston.ini" in argv
    argv = [a for a in argv if a not in ("--backend=drm-backend.so", "--config=/etc/tram-kiosk/weston.ini")]
    argv += ["--backend=headless-backend.so", "--use-pixman", f"--width={WIDTH}", f"--height={HEIGHT}",
             f"--config={ini}", "--logger-scopes=log,proto"]
    log = open(base / "weston.log", "wb")  # noqa: SIM115 (closed in finally)
    weston = subprocess.Popen(as_user(env, *argv), stdout=log, stderr=subprocess.STDOUT, cwd=base)
    try:
        deadline = time.monotonic() + 180
        while not listener.times("READY=1") and weston.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert listener.times("READY=1"), (base / "weston.log").read_text(errors="replace")[-4000:]
        ready_at = listener.times("READY=1")[0]
        assert listener.wait_for("WATCHDOG=1", count=3, timeout=30), "the app does not ping under the session"
        assert any(t > ready_at for t in listener.times("WATCHDOG=1"))

        # Weston 10's kiosk-shell on the headless backend (no seat) keeps client views out of its scene-graph
        # dump, so the protocol log (--logger-scopes=proto, from the first client on) is the evidence: the
        # shell configured the app's toplevel to the whole output (kiosk-shell sets every toplevel
        # fullscreen) and the app drew and committed a buffer of exactly that size.
        log.flush()
        text = (base / "weston.log").read_text(errors="replace")
        configured = set(re.findall(r"client (0x[0-9a-f]+) ev xdg_toplevel@\d+\.configure\(" + f"{WIDTH}, {HEIGHT}",
                                    text))
        buffers = re.findall(r"client (0x[0-9a-f]+) rq wl_shm_pool@\d+\.create_buffer\(new id (wl_buffer@\d+), \d+, "
                             + f"{WIDTH}, {HEIGHT}", text)
        clients = {c for c, _ in buffers} & configured
        assert len(clients) == 1, "no client configured fullscreen that drew a full-screen buffer"
        client = clients.pop()
        full = {b for c, b in buffers if c == client}
        assert any(re.search(rf"client {client} rq wl_surface@\d+\.attach\({b}, ", text) for b in full)
        assert re.search(rf"client {client} rq xdg_toplevel@\d+\.set_title\(", text)
        assert len(set(re.findall(r"client (0x[0-9a-f]+) rq xdg_wm_base@\d+\.get_xdg_surface", text))) == 1, \
            "exactly one application window: nothing else is reachable"
        # and the window belongs to the package's kiosk, running as the kiosk user
        kiosk = root / "opt/tram-kiosk/kiosk"
        pids = [p for p in os.listdir("/proc") if p.isdigit() and _exe(p) == kiosk.resolve()]
        assert pids and all(pwd.getpwuid(os.stat(f"/proc/{p}").st_uid).pw_name == USER for p in pids)
    finally:
        weston.send_signal(signal.SIGTERM)
        try:
            weston.wait(20)
        except subprocess.TimeoutExpired:
            weston.kill()
            weston.wait(10)
        log.close()
        listener.close()
