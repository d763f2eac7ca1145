"""Contec CMS50D+/CMS50E pulse oximeters, both firmware generations (FORMATS §4.1). Qt-free.

Old firmware: 19200 8O1, 5-byte packets at 60/s, byte 0 has bit 7 set, bytes 1–4 clear.
New firmware (v4.6+): 115200 8N1, 9-byte packets ``01 Ex s pleth bar PR SpO2 FF FF`` with every
data byte's bit 7 set; ``7D 81 A1 …`` starts the stream and ``7D 81 AF …`` keeps it alive.
Each packet becomes one live OXIMETRY reading; spo2/pulse are None unless the device says they
are valid. The ``encode_*`` functions are the inverse, used by the simulators and tests.
"""

from __future__ import annotations

from core.health.reading import Kind, Reading
from devices.health.protocols.base import Protocol, SerialParams


def command(op: int) -> bytes:
    """A new-firmware command: ``7D 81 <op> 80 80 80 80 80 80``."""
    return bytes([0x7D, 0x81, op, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80])


CMD_START_LIVE = command(0xA1)
CMD_KEEPALIVE = command(0xAF)
CMD_STOP_LIVE = command(0xA2)


def _valid(spo2: int, pulse: int) -> tuple[int | None, int | None]:
    # 127 (7 bits all set) and 0 are the devices' "no value" markers
    ok = 0 < spo2 <= 100 and 0 < pulse < 255 and pulse != 127
    return (spo2, pulse) if ok else (None, None)


class Cms50New(Protocol):
    name = "cms50_new"
    serial = SerialParams(baudrate=115200)
    start_command = CMD_START_LIVE
    stop_command = CMD_STOP_LIVE
    keepalive_command = CMD_KEEPALIVE
    keepalive_interval = 5.0

    def feed(self, data: bytes) -> list[Reading]:
        return self._scan_fixed(data, 9, lambda b: b == 0x01, _valid_new, _decode_new)


def _valid_new(frame: bytes) -> bool:
    # status byte E0..E3; bytes 2-6 carry bit 7; the tail is FF FF in every capture
    return frame[1] & 0xFC == 0xE0 and all(b & 0x80 for b in frame[2:7]) and frame[7:] == b"\xff\xff"


def _decode_new(frame: bytes) -> Reading:
    return _sample(frame, spo2=frame[6] & 0x7F, pulse=frame[5] & 0x7F, pleth=frame[3] & 0x7F, bar=frame[4] & 0x0F,
                   heartbeat=bool(frame[2] & 0x40), finger_out=bool(frame[1] & 0x01),
                   searching=bool(frame[1] & 0x02))


def _sample(frame: bytes, spo2: int, pulse: int, **fields: int | bool) -> Reading:
    """One live sample; spo2/pulse only when no state flag says the values are not real."""
    no_value = any(fields.get(k) for k in ("finger_out", "searching", "probe_error"))
    spo2_v, pulse_v = (None, None) if no_value else _valid(spo2, pulse)
    return Reading(Kind.OXIMETRY, {"spo2": spo2_v, "pulse": pulse_v, **fields}, raw=frame, live=True)


def encode_new(pleth: int, spo2: int | None, pulse: int | None, *, heartbeat: bool = False,
               finger_out: bool = False, searching: bool = False, bar: int = 4) -> bytes:
    status = 0xE0 | (0x01 if finger_out else 0) | (0x02 if searching else 0)
    s = 0x84 | (0x40 if heartbeat else 0)
    pr = 0x7F if pulse is None else min(pulse, 126)
    sp = 0x7F if spo2 is None else spo2
    return bytes([0x01, status, s, 0x80 | (pleth & 0x7F), 0x80 | (bar & 0x0F), 0x80 | pr, 0x80 | sp, 0xFF, 0xFF])


class Cms50Old(Protocol):
    name = "cms50_old"
    # 8O1 as the device sends it. XON/XOFF is documented but left off: pleth bytes 0x11/0x13
    # would be swallowed by the tty layer as flow-control characters.
    serial = SerialParams(baudrate=19200, parity="O")

    def feed(self, data: bytes) -> list[Reading]:
        # a sync bit inside the packet means the packet was cut short: restart there
        return self._scan_fixed(data, 5, lambda b: bool(b & 0x80), lambda f: not any(b & 0x80 for b in f[1:]),
                                _decode_old)


def _decode_old(frame: bytes) -> Reading:
    return _sample(frame, spo2=frame[4] & 0x7F, pulse=((frame[2] & 0x40) << 1) | (frame[3] & 0x7F),
                   pleth=frame[1] & 0x7F, bar=frame[2] & 0x0F, signal=frame[0] & 0x0F,
                   heartbeat=bool(frame[0] & 0x40), spo2_dropping=bool(frame[0] & 0x20),
                   finger_out=bool(frame[0] & 0x10), searching=bool(frame[2] & 0x20),
                   probe_error=bool(frame[2] & 0x10))


def encode_old(pleth: int, spo2: int | None, pulse: int | None, *, heartbeat: bool = False,
               finger_out: bool = False, searching: bool = False, probe_error: bool = False,
               signal: int = 8, bar: int = 4) -> bytes:
    pr = 0xFF if pulse is None else pulse
    sp = 0x7F if spo2 is None else spo2
    b0 = 0x80 | (signal & 0x0F) | (0x10 if finger_out else 0) | (0x40 if heartbeat else 0)
    b2 = (bar & 0x0F) | (0x10 if probe_error else 0) | (0x20 if searching else 0) | ((pr & 0x80) >> 1)
    return bytes([b0, pleth & 0x7F, b2, pr & 0x7F, sp & 0x7F])
