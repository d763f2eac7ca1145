"""USB adapters of the station's devices: what is plugged in (from sysfs) and udev rules for stable names.

Qt-free; reads files only. The serial health devices reach the PC through USB-to-serial chips; a udev
rule gives each a fixed name, /dev/tram/ROLE, by USB vendor/product (and serial number when two
devices share a chip), so the config names roles, not /dev/ttyUSBn (which follows the plug order).
``sysfs`` is a parameter so tests run against a fake tree (tests/appliance/fake_sysfs.py).
"""

from __future__ import annotations

import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path

ROLE_PATTERN = re.compile(r"[a-z][a-z0-9_]{0,31}")
_ATTR_SAFE = re.compile(r"[^A-Za-z0-9 ._:/+-]")


@dataclass(frozen=True)
class Adapter:
    vid: str
    pid: str
    chip: str
    role: str  # the role this adapter has on a standard station ('' when the chip says nothing)
    device: str  # the supported device that uses it (documentation)


# The adapters of the supported devices (docs/install.md, "Devices"). A chip used by two devices on one
# station needs a rule with the serial number: `kiosk devices write-rule`.
KNOWN_ADAPTERS = (
    Adapter("10c4", "ea60", "CP210x", "oximeter",
            "Contec CMS50D+/CMS50E pulse oximeter (USB cable, Silicon Labs CP2102)"),
    Adapter("067b", "2303", "PL2303", "blood_pressure", "Visomat Double Comfort / UEBE (PC cable, Prolific PL2303)"),
    Adapter("0403", "6001", "FTDI", "scale", "Tanita WB-3000 / DC-360 height-weight scale (RS-232 via FTDI FT232R)"),
    Adapter("1a86", "7523", "CH340", "thermometer", "GY-MCU90614 infrared thermometer module (WCH CH340)"),
)
CHIPS = {(a.vid, a.pid): a for a in KNOWN_ADAPTERS}


@dataclass(frozen=True)
class PluggedDevice:
    tty: str
    vid_pid: str
    serial: str
    manufacturer: str
    product: str
    chip: str
    role: str

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return ""


def _usb_parent(device: Path) -> Path | None:
    """The USB device directory (the one with idVendor) above a tty's device node."""
    for parent in (device, *device.parents):
        if (parent / "idVendor").is_file():
            return parent
        if parent.name in ("devices", "sys", "") or parent == parent.parent:
            break
    return None


def _tty_names(sysfs: Path) -> list[str]:
    names = set()
    usb_serial = sysfs / "bus/usb-serial/devices"
    if usb_serial.is_dir():
        names.update(n for n in os.listdir(usb_serial) if n.startswith("ttyUSB"))
    tty = sysfs / "class/tty"
    if tty.is_dir():
        names.update(n for n in os.listdir(tty) if n.startswith(("ttyUSB", "ttyACM")))
    return sorted(names)


def describe(sysfs: Path, tty: str) -> PluggedDevice | None:
    node = sysfs / "class/tty" / tty / "device"
    if not node.exists():
        node = sysfs / "bus/usb-serial/devices" / tty
    if not node.exists():
        return None
    usb = _usb_parent(node.resolve())
    if usb is None:
        return None
    vid, pid = _read(usb / "idVendor").lower(), _read(usb / "idProduct").lower()
    known = CHIPS.get((vid, pid))
    return PluggedDevice(tty, f"{vid}:{pid}", _read(usb / "serial"), _read(usb / "manufacturer"),
                         _read(usb / "product"), known.chip if known else "", known.role if known else "")


def list_devices(sysfs: Path = Path("/sys")) -> list[PluggedDevice]:
    """USB serial adapters plugged in now, with their chip and standard role when known."""
    return [d for d in (describe(sysfs, name) for name in _tty_names(sysfs)) if d is not None]


def find_device(sysfs: Path, tty: str) -> PluggedDevice | None:
    tty = tty.removeprefix("/dev/")
    return describe(sysfs, tty) if re.fullmatch(r"tty(USB|ACM)\d+", tty) else None


def rule_for(device: PluggedDevice, role: str) -> str:
    """One udev rule naming this exact adapter (vendor, product and serial when it has one)."""
    if not ROLE_PATTERN.fullmatch(role):
        raise ValueError(f"bad role {role!r}")
    vid, pid = device.vid_pid.split(":")
    parts = ['SUBSYSTEM=="tty"', f'ATTRS{{idVendor}}=="{vid}"', f'ATTRS{{idProduct}}=="{pid}"']
    serial = _ATTR_SAFE.sub("", device.serial)
    if serial:
        parts.append(f'ATTRS{{serial}}=="{serial}"')
    parts += ['GROUP="dialout"', 'MODE="0660"', f'SYMLINK+="tram/{role}"']
    return ", ".join(parts)


def write_rule(path: Path, device: PluggedDevice, role: str) -> str:
    """Add (or replace) the rule for ``role`` in a local rules file; returns the rule."""
    rule = rule_for(device, role)
    marker = f"# tram role {role}: "
    kept: list[str] = []
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else [
        "# Local device names for this station, written by `kiosk devices write-rule`."]
    skip = False
    for line in lines:
        if line.startswith(marker):
            skip = True  # the old rule for this role follows its comment
            continue
        if skip:
            skip = False
            continue
        kept.append(line)
    comment = f"{marker}{device.product or device.chip or 'USB serial'} {device.vid_pid} serial={device.serial or '-'}"
    kept += [comment, rule]
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text("\n".join(kept) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return rule


def standard_rules() -> str:
    """deploy/udev/70-tram-kiosk.rules (a test keeps the shipped file equal to this)."""
    lines = ["# Tram cong dan so: stable names for the station's devices (/dev/tram/ROLE).",
             "# Generated from kiosk/appliance/usb.py KNOWN_ADAPTERS; local rules for a second adapter with the",
             "# same chip go to /etc/udev/rules.d/71-tram-kiosk-local.rules (`kiosk devices write-rule`).", ""]
    for a in KNOWN_ADAPTERS:
        lines.append(f"# {a.device}")
        lines.append(f'SUBSYSTEM=="tty", ATTRS{{idVendor}}=="{a.vid}", ATTRS{{idProduct}}=="{a.pid}", '
                     f'GROUP="dialout", MODE="0660", SYMLINK+="tram/{a.role}"')
    lines += ["", "# Receipt printer: the USB printer class (usblp) and raw USB for python-escpos",
              'SUBSYSTEM=="usbmisc", KERNEL=="lp[0-9]*", GROUP="lp", MODE="0660", SYMLINK+="tram/printer"',
              'SUBSYSTEM=="usb", ENV{DEVTYPE}=="usb_device", ENV{ID_USB_INTERFACES}=="*:0701??:*", '
              'GROUP="lp", MODE="0660"',
              "", "# Camera: the first video capture node",
              'SUBSYSTEM=="video4linux", ATTR{index}=="0", ENV{ID_V4L_CAPABILITIES}=="*:capture:*", '
              'GROUP="video", MODE="0660", SYMLINK+="tram/camera"', ""]
    return "\n".join(lines)
