"""A fake /sys with USB serial adapters laid out like the kernel does (tty -> interface -> USB device)."""

from __future__ import annotations

import os
from pathlib import Path


def plug(sysfs: Path, tty: str, vid: str, pid: str, serial: str = "", product: str = "", port: str = "1-1",
         driver: str = "usb-serial") -> None:
    """Add one adapter: /sys/devices/.../usb1/<port> (idVendor...) / <port>:1.0 / <tty>, plus the class links."""
    usb = sysfs / "devices/pci0000:00/0000:00:14.0/usb1" / port
    usb.mkdir(parents=True, exist_ok=True)
    for name, value in (("idVendor", vid), ("idProduct", pid), ("serial", serial), ("product", product),
                        ("manufacturer", "Test")):
        if value or name not in ("serial",):
            (usb / name).write_text(value + "\n")
    iface = usb / f"{port}:1.0"
    node = iface / tty if tty.startswith("ttyUSB") else iface
    (node / "tty" / tty).mkdir(parents=True, exist_ok=True)
    cls = sysfs / "class/tty" / tty
    cls.mkdir(parents=True, exist_ok=True)
    os.symlink(node, cls / "device")
    if tty.startswith("ttyUSB") and driver == "usb-serial":
        bus = sysfs / "bus/usb-serial/devices"
        bus.mkdir(parents=True, exist_ok=True)
        os.symlink(node, bus / tty)
