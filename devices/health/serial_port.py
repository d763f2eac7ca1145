"""Serial transport for health devices: find the port by a stable id, open it, read briefly. Qt-free.

Runs in the device's worker thread. A port spec is ``/dev/serial/by-id/…`` (or any path, followed
through symlinks so a re-plugged device that got a new ttyUSBn is found again), or ``VID:PID`` /
``VID:PID:SERIAL`` in hex, matched against pyserial's list of ports on every (re)open
(ANCHORS §4: re-resolve after unplug, never keep a stale name).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from devices.base import DeviceNotFound
from devices.health.protocols.base import SerialParams

_USB_ID = re.compile(r"^(?P<vid>[0-9a-fA-F]{4}):(?P<pid>[0-9a-fA-F]{4})(?::(?P<serial>.+))?$")


@dataclass(frozen=True)
class PortInfo:
    device: str
    by_id: str
    vid_pid: str
    serial_number: str
    description: str

    def stable_id(self) -> str:
        if self.by_id:
            return self.by_id
        if self.vid_pid:
            return f"{self.vid_pid}:{self.serial_number}" if self.serial_number else self.vid_pid
        return self.device


def _by_id_names() -> dict[str, str]:
    """realpath of each /dev/serial/by-id link → the link."""
    base = "/dev/serial/by-id"
    try:
        names = os.listdir(base)
    except OSError:
        return {}
    return {os.path.realpath(os.path.join(base, n)): os.path.join(base, n) for n in sorted(names)}


def list_ports() -> list[PortInfo]:
    from serial.tools import list_ports as lp

    by_id = _by_id_names()
    out = []
    for p in sorted(lp.comports(), key=lambda p: p.device):
        vid_pid = f"{p.vid:04x}:{p.pid:04x}" if p.vid is not None and p.pid is not None else ""
        out.append(PortInfo(p.device, by_id.get(os.path.realpath(p.device), ""), vid_pid,
                            p.serial_number or "", p.description or ""))
    return out


def resolve_port(spec: str) -> tuple[str, str]:
    """(device path, stable id) for a port spec; raises DeviceNotFound."""
    spec = spec.strip()
    if not spec:
        raise DeviceNotFound("no port configured")
    m = _USB_ID.match(spec)
    if m and not spec.startswith("/"):
        for p in list_ports():
            if p.vid_pid == f"{m['vid']}:{m['pid']}".lower() and (not m["serial"] or m["serial"] == p.serial_number):
                return p.device, spec
        raise DeviceNotFound(f"no USB serial device {spec}")
    real = os.path.realpath(spec)
    if not os.path.exists(real):
        raise DeviceNotFound(f"{spec} does not exist")
    return real, spec


class SerialTransport:
    """One open serial port. ``read()`` returns what arrived within a short timeout."""

    def __init__(self, spec: str, params: SerialParams, read_timeout: float = 0.05) -> None:
        self.spec = spec
        self.params = params
        self.read_timeout = read_timeout
        self.stable_id = spec
        self._port = None

    @property
    def is_open(self) -> bool:
        return self._port is not None

    def open(self) -> None:
        import serial

        path, self.stable_id = resolve_port(self.spec)
        try:
            self._port = serial.Serial(path, baudrate=self.params.baudrate, bytesize=self.params.bytesize,
                                       parity=self.params.parity, stopbits=self.params.stopbits,
                                       timeout=self.read_timeout, write_timeout=1.0, exclusive=True)
        except (serial.SerialException, OSError, ValueError) as exc:
            raise DeviceNotFound(f"cannot open {path}: {exc}") from exc

    def read(self) -> bytes:
        """Bytes available now (waits at most the read timeout). Raises DeviceNotFound when unplugged."""
        import serial

        if self._port is None:
            raise DeviceNotFound("port not open")
        try:
            # pyserial#387: after an unplug ``closed`` stays False; only a read raises
            waiting = self._port.in_waiting
            return self._port.read(max(1, min(waiting, 4096)))
        except (serial.SerialException, OSError, TypeError) as exc:
            raise DeviceNotFound(f"read failed: {exc}") from exc

    def write(self, data: bytes) -> None:
        import serial

        if self._port is None:
            raise DeviceNotFound("port not open")
        try:
            self._port.write(data)
        except (serial.SerialException, OSError) as exc:
            raise DeviceNotFound(f"write failed: {exc}") from exc

    def close(self) -> None:
        port, self._port = self._port, None
        if port is not None:
            try:
                port.close()
            except Exception:  # closing a vanished device may fail; it is gone either way
                pass
