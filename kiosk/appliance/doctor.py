"""``kiosk doctor``: every check a technician would make, each with ✔/✗ and the fix in words. Qt-free.

Runs in the CLI process (and, as JSON, for the hub). Each check is a small function returning
``Check`` results; none raises: a check that crashes is itself reported as ✗. The exit status is 1
when anything is wrong, so scripts and the hub can act on it.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MIN_FREE_BYTES = 200 * 1024 * 1024
MIN_FREE_FRACTION = 0.05
MAX_UNSENT_AGE_S = 3600.0
MAX_CLOCK_SKEW_S = 120.0
LISTEN_SECONDS = 3.0
SERVICES = ("tram-kiosk.service", "tram-kiosk-sync.service")


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""
    skipped: bool = False

    def line(self) -> str:
        mark = "–" if self.skipped else ("✔" if self.ok else "✗")
        text = f"{mark} {self.name}: {self.detail}"
        return text + (f"\n    → {self.fix}" if self.fix and not self.ok else "")


@dataclass
class Context:
    config: Any
    data_dir: Path
    sysfs: Path = Path("/sys")
    statvfs: Callable[[str], os.statvfs_result] = os.statvfs
    listen_seconds: float = LISTEN_SECONDS


def _ok(name: str, detail: str) -> Check:
    return Check(name, True, detail)


def _bad(name: str, detail: str, fix: str) -> Check:
    return Check(name, False, detail, fix)


def _skip(name: str, detail: str) -> Check:
    return Check(name, True, detail, skipped=True)


# -- configuration --------------------------------------------------------------------------------------------

def check_config(ctx: Context) -> Iterable[Check]:
    from kiosk.config import KioskConfig

    cfg, default = ctx.config, KioskConfig()
    yield _ok("config", "valid")
    if cfg.security.technician_pin_hash == default.security.technician_pin_hash:
        yield _bad("technician PIN", "still the demo PIN 1234",
                   "make a PIN hash with `kiosk config hash-pin` and put it in [security] technician_pin_hash")
    else:
        yield _ok("technician PIN", "set")
    if cfg.station.code == default.station.code and cfg.station.name == default.station.name:
        yield _bad("station", f"the sample station {cfg.station.code}",
                   "set [station] name, code and address to this station's")
    else:
        yield _ok("station", f"{cfg.station.code} - {cfg.station.name}")
    if cfg.hub.local_hub and not cfg.hub.url:
        yield _bad("hub address", "a demo hub on this machine", "set [hub] url to the ward hub (https://…)")


# -- devices --------------------------------------------------------------------------------------------------

def check_health_devices(ctx: Context) -> Iterable[Check]:
    from devices.health.spec import DEVICE_NAMES, spec_from_settings

    for name in DEVICE_NAMES:
        settings = getattr(ctx.config.health, name)
        label = f"device {name}"
        if not ctx.config.health.enabled or settings.kind == "none":
            yield _skip(label, "not used")
        elif settings.kind == "simulated":
            yield _bad(label, "simulated", f"set [health.{name}] kind = \"serial\" and port = \"/dev/tram/{name}\"")
        else:
            yield _probe_serial(spec_from_settings(name, settings), label, ctx.listen_seconds, _plugged(ctx))


def _plugged(ctx: Context) -> str:
    from kiosk.appliance.usb import list_devices

    try:
        found = list_devices(ctx.sysfs)
    except OSError:
        return ""
    return ", ".join(f"{d.tty} {d.vid_pid} {d.chip or 'unknown chip'}" + (f" = {d.role}" if d.role else "")
                     for d in found) or "no USB serial adapter"


def _probe_serial(spec: Any, label: str, listen_seconds: float, plugged: str = "") -> Check:
    """Open the stable name, send what the driver sends to start, and listen for the protocol's frames."""
    from devices.base import DeviceNotFound
    from devices.health.serial_port import SerialTransport

    fix_missing = (f"plug in the {spec.name} and switch it on; `kiosk devices list` shows the adapters "
                   f"(now: {plugged or 'unknown'}); `kiosk devices write-rule PORT {spec.name}` names an unknown "
                   f"one /dev/tram/{spec.name}")
    protocol = spec.make_protocol()
    transport = SerialTransport(spec.port, spec.serial_params(protocol), read_timeout=0.05)
    try:
        transport.open()
    except DeviceNotFound as exc:
        return _bad(label, f"missing: {exc}", fix_missing)
    try:
        for command in (protocol.start_command, protocol.poll_command):
            if command:
                transport.write(command)
        deadline, received, readings = time.monotonic() + listen_seconds, 0, 0
        while time.monotonic() < deadline and not readings:
            data = transport.read()
            received += len(data)
            readings += len(protocol.feed(data))
        if protocol.stop_command:
            transport.write(protocol.stop_command)
    except DeviceNotFound as exc:
        return _bad(label, f"unplugged while talking: {exc}", fix_missing)
    finally:
        transport.close()
    where = spec.port if spec.port.startswith("/dev/tram/") else f"{spec.port} (not a stable name)"
    if readings:
        return _ok(label, f"answering on {where}")
    if received:
        return _bad(label, f"{received} bytes on {where} but no valid {spec.protocol} frame ({protocol.errors} bad)",
                    f"check [health.{spec.name}] protocol and baudrate match the device's manual")
    return _bad(label, f"present on {where} but silent for {listen_seconds:g} s",
                f"switch the {spec.name} on (some models talk only while measuring: start one)")


def check_camera(ctx: Context) -> Iterable[Check]:
    cam = ctx.config.camera
    if cam.kind == "none":
        yield _skip("camera", "not used")
        return
    if cam.kind == "simulated":
        yield _bad("camera", "simulated", "set [camera] kind = \"opencv\" and device = \"/dev/tram/camera\"")
        return
    import cv2

    source: Any = int(cam.device) if cam.device.isdigit() else cam.device
    if isinstance(source, str) and not os.path.exists(source):
        yield _bad("camera", f"missing: {source}", "plug in the camera (USB); `ls /dev/tram` should show camera")
        return
    capture = cv2.VideoCapture(source)
    try:
        ok, frame = capture.read() if capture.isOpened() else (False, None)
    finally:
        capture.release()
    if not ok or frame is None:
        yield _bad("camera", f"{cam.device} gives no picture", "reconnect the camera; check that it is not covered")
    else:
        yield _ok("camera", f"frame {frame.shape[1]}×{frame.shape[0]} from {cam.device}")


def check_printer(ctx: Context) -> Iterable[Check]:
    from devices.base import DeviceNotFound
    from devices.printer.driver import PrinterDriver

    settings = ctx.config.printer
    if settings.kind == "none":
        yield _skip("printer", "not used")
        return
    driver = PrinterDriver(settings)
    if settings.kind == "simulated":
        yield _bad("printer", f"simulated ({settings.simulated_mode})", "set [printer] kind to usb, serial or network")
        return
    try:
        driver.open()
    except DeviceNotFound as exc:
        yield _bad("printer", f"offline: {exc}", "switch the printer on, check its cable and that the lid is shut")
        return
    try:
        paper = driver.paper_status()
    finally:
        driver.close()
    if paper == "out":
        yield _bad("printer", "online, paper out", "put in a new 80 mm thermal paper roll")
    elif paper == "near_end":
        yield _bad("printer", "online, paper nearly out", "have a new paper roll ready; change it soon")
    else:
        yield _ok("printer", "online" + (", paper ok" if paper == "ok" else " (this model does not report paper)"))


# -- hub, disk, queue, services, fonts, catalogue --------------------------------------------------------------

def check_hub(ctx: Context) -> Iterable[Check]:
    from email.utils import parsedate_to_datetime

    import requests

    from offline_queue.runtime import load_token, queue_paths, resolve_hub_url

    url = resolve_hub_url(ctx.config, ctx.data_dir)
    if not url:
        yield _bad("hub", "no hub address", "set [hub] url, then `kiosk enrol --hub URL --code CODE`")
        return
    token = load_token(queue_paths(ctx.config, ctx.data_dir).token)
    if token is None:
        yield _bad("enrolment", "this station has no hub token", f"`kiosk enrol --hub {url} --code CODE` "
                   "with a code from the hub's kiosk page")
    else:
        yield _ok("enrolment", f"enrolled as {token.get('kiosk_id', '?')}")
    hub = ctx.config.hub
    try:
        reply = requests.get(url.rstrip("/") + "/v1/catalog?since=2147483647", verify=hub.ca_bundle or True,
                             timeout=(hub.connect_timeout_seconds, hub.read_timeout_seconds))
    except requests.exceptions.SSLError as exc:
        yield _bad("hub TLS", f"certificate not valid: {str(exc)[:160]}",
                   "check the date and time, and [hub] ca_bundle if the ward uses its own CA")
        return
    except requests.RequestException as exc:
        yield _bad("hub", f"unreachable: {type(exc).__name__}", "check the network cable or Wi-Fi, and [hub] url")
        return
    yield _ok("hub", f"reachable ({url}, HTTP {reply.status_code})")
    if url.startswith("https://"):
        yield _ok("hub TLS", "certificate valid")
    if reply.headers.get("Date"):
        skew = time.time() - parsedate_to_datetime(reply.headers["Date"]).timestamp()
        if abs(skew) > MAX_CLOCK_SKEW_S:
            yield _bad("clock", f"{skew:+.0f} s from the hub", "turn on time sync: `timedatectl set-ntp true`")
        else:
            yield _ok("clock", f"{skew:+.0f} s from the hub")


def check_disk_and_queue(ctx: Context) -> Iterable[Check]:
    try:
        st = ctx.statvfs(str(ctx.data_dir))
    except OSError as exc:
        yield _bad("disk", f"cannot read {ctx.data_dir}: {exc.strerror}", "check that the data folder exists")
        return
    free, total = st.f_bavail * st.f_frsize, st.f_blocks * st.f_frsize
    mib = free / 1024 / 1024
    if free < MIN_FREE_BYTES or (total and free / total < MIN_FREE_FRACTION):
        yield _bad("disk", f"only {mib:.0f} MiB free for {ctx.data_dir}",
                   "free space: `journalctl --vacuum-size=100M`, remove old files; new submissions need room")
    else:
        yield _ok("disk", f"{mib:.0f} MiB free")
    from core.ages import format_age
    from offline_queue.runtime import open_store
    from offline_queue.sync import read_status

    try:
        store = open_store(ctx.config, ctx.data_dir)
        status = read_status(store)
        store.engine.dispose()
    except Exception as exc:
        yield _bad("queue", f"cannot open: {type(exc).__name__}: {str(exc)[:160]}",
                   "check the disk; the technician guide explains restoring the queue backup")
        return
    counts, age = status["counts"], status["oldest_unsent_age_seconds"]
    unsent = counts.get("queued", 0) + counts.get("retry", 0) + counts.get("sending", 0)
    if counts.get("rejected"):
        yield _bad("queue", f"{counts['rejected']} rejected submission(s)",
                   "an operator must look at them: `kiosk queue list --status rejected`")
    elif age is not None and age > MAX_UNSENT_AGE_S:
        yield _bad("queue", f"{unsent} unsent, the oldest for {format_age(age)}",
                   "the hub has not taken them: check the hub checks above and `kiosk queue status`")
    else:
        yield _ok("queue", f"{unsent} waiting" + (f" (oldest {format_age(age)})" if age is not None else ""))


def check_services(ctx: Context) -> Iterable[Check]:
    if not Path("/run/systemd/system").is_dir() or not shutil.which("systemctl"):
        yield _skip("services", "not running under systemd")
        return
    for unit in SERVICES:
        done = subprocess.run(["systemctl", "is-active", unit], capture_output=True, text=True, timeout=10,
                              check=False)
        state = done.stdout.strip() or "unknown"
        if state == "active":
            yield _ok(unit, "running")
        else:
            yield _bad(unit, state, f"`systemctl restart {unit}`; `journalctl -u {unit} -b` says why it stopped")


def check_fonts(ctx: Context) -> Iterable[Check]:
    from PIL import ImageFont

    from core.paths import asset

    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        path = asset("fonts", name)
        try:
            font = ImageFont.truetype(str(path), 28)
            width = font.getlength("Người dân Phường Bến Nghé")
        except OSError:
            yield _bad(f"font {name}", "missing or unreadable",
                       "reinstall the package: `apt install --reinstall tram-kiosk`")
            continue
        yield _ok(f"font {name}", "Vietnamese text renders" if width > 0 else "loaded")


def check_catalogue(ctx: Context) -> Iterable[Check]:
    from core.catalogue import CatalogueError, load_catalogue

    try:
        catalogue = load_catalogue()
    except CatalogueError as exc:
        yield _bad("catalogue", f"unusable: {exc}", "reinstall the package; the procedures screens are off until then")
        return
    yield _ok("catalogue", f"{len(catalogue)} procedures, snapshot of {catalogue.source.get('fetched_at', '?')}")


CHECKS: tuple[Callable[[Context], Iterable[Check]], ...] = (
    check_config, check_health_devices, check_camera, check_printer, check_hub, check_disk_and_queue,
    check_services, check_fonts, check_catalogue)


def run_checks(ctx: Context, checks: Iterable[Callable[[Context], Iterable[Check]]] = CHECKS) -> list[Check]:
    results: list[Check] = []
    for check in checks:
        try:
            results.extend(check(ctx))
        except Exception as exc:  # a broken check is a finding, not a crash of the doctor
            name = check.__name__.removeprefix("check_").replace("_", " ")
            results.append(_bad(name, f"check failed: {type(exc).__name__}: {str(exc)[:160]}",
                                "report this to the developers with `kiosk doctor --json`"))
    return results


def report(results: list[Check]) -> dict[str, Any]:
    return {"ok": all(c.ok for c in results), "checks": [dataclasses.asdict(c) for c in results]}


def main(config_path: str | None, as_json: bool = False, sysfs: str = "/sys") -> int:
    from core.paths import data_dir
    from kiosk.config import ConfigError, load_config, resolve_config_path

    try:
        config = load_config(resolve_config_path(config_path))
    except ConfigError as exc:
        results = [_bad("config", str(exc), "fix the named setting; `kiosk config check FILE` checks again")]
    else:
        from kiosk.appliance.privileges import drop_to_data_owner

        folder = data_dir(config.data_dir)
        drop_to_data_owner(folder)  # as the station's user: never leave root-owned queue files behind
        results = run_checks(Context(config, folder, Path(sysfs)))
    if as_json:
        print(json.dumps(report(results), ensure_ascii=False, indent=2))
    else:
        for check in results:
            print(check.line())
        bad = sum(not c.ok for c in results)
        print(f"\n{'all well' if not bad else f'{bad} problem(s) to fix'}")
    return 0 if all(c.ok for c in results) else 1
