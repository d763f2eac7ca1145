"""Where an installed station keeps things (the Debian package's layout) and its generated config."""

from __future__ import annotations

import dataclasses

from kiosk.config import KioskConfig, sample_toml

PACKAGE = "tram-kiosk"
PREFIX = "/opt/tram-kiosk"
DATA_DIR = "/var/lib/tram-kiosk"
CONFIG_FILE = "/etc/tram-kiosk/kiosk.toml"
USER = "tram"


def installed_config() -> KioskConfig:
    """The defaults of an installed station: data in /var/lib, no demo hub, the sync service sends."""
    cfg = KioskConfig()
    return dataclasses.replace(cfg, data_dir=DATA_DIR,
                               hub=dataclasses.replace(cfg.hub, local_hub=False, sync_in_gui=False))


def installed_config_toml() -> str:
    """/etc/tram-kiosk/kiosk.toml as shipped (a conffile): every setting, commented, from the schema."""
    header = ("# Installed by the tram-kiosk package. Set at least [station], [hub] url and enrolment_code,\n"
              "# and a technician PIN (kiosk config hash-pin); then run `kiosk doctor`.\n")
    return header + sample_toml(installed_config())
