"""The device vocabulary shared by every driver: states and errors. Qt-free."""

from __future__ import annotations

import enum


class DeviceState(enum.StrEnum):
    """What a device is doing, in words a technician understands (ANCHORS §5.4)."""

    ABSENT = "absent"  # not configured, or not found
    CONNECTING = "connecting"  # opening or re-opening, with backoff
    READY = "ready"
    BUSY = "busy"  # printing, measuring, scanning
    FAULT = "fault"  # a person must act (paper out, cover open)


class DeviceError(Exception):
    """Base for device problems. ``user_key`` selects the resident-facing message."""

    user_key = "device.generic"
    retryable = True


class DeviceNotFound(DeviceError):
    """Unplugged, wrong port, camera index that does not open."""

    user_key = "device.not_found"


class DeviceFault(DeviceError):
    """The device is there but cannot work until a person acts (paper out)."""

    user_key = "device.fault"
    retryable = False


class DeviceProtocolError(DeviceError):
    """Garbage bytes, checksum failure, a frame we do not understand."""

    user_key = "device.protocol"
