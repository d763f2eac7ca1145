"""Hub configuration (a frozen dataclass built by the CLI or by tests); pure, no I/O."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from typing import Any

DEMO_CODE = "DEMO-0000"
JSON_LIMIT = 1024 * 1024  # contract: 1 MiB JSON bodies
ATTACHMENT_LIMIT = 10 * 1024 * 1024  # contract: 10 MiB attachments


@dataclass(frozen=True)
class Payee:
    """Who receives fees: the kiosk builds its VietQR only from these fields (DESIGN §5)."""

    bank_bin: str
    account: str
    name: str
    city: str = "HCM"
    # The ward's signed payee document (core/payee.py, `kiosk-hub payee sign`): served as is, next to the plain
    # fields, so kiosks that pin the ward's key can check it. The hub holds no key and cannot sign another payee.
    signed: dict[str, str] | None = None

    def as_json(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"bank_bin": self.bank_bin, "account": self.account, "name": self.name,
                               "city": self.city}
        return doc | ({"signed": self.signed} if self.signed else {})


DEMO_PAYEE = Payee(bank_bin="970436", account="0071000123456", name="CONG AN PHUONG BEN NGHE", city="HCM")


FAULT_KINDS = ("500", "503", "429", "delay", "drop")
FAULT_PHASES = ("before", "after", "random")


@dataclass(frozen=True)
class FaultSettings:
    """Start-up fault injection (changed at run time through POST /admin/faults)."""

    rate: float = 0.0
    kinds: tuple[str, ...] = FAULT_KINDS
    phase: str = "random"  # before | after | random (relative to the handler and its commit)
    retry_after: int = 1
    delay_seconds: float = 2.0
    seed: int | None = None
    paths: tuple[str, ...] = ("/v1/",)


@dataclass(frozen=True)
class HubConfig:
    db_url: str = "sqlite:///hub.db"
    demo: bool = False
    allow_faults: bool = False
    demo_code: str = DEMO_CODE
    payee: Payee | None = None
    public_url: str = ""  # base URL put into enrolment QR payloads; empty: the URL of the request
    payment_ttl_seconds: int = 900
    draft_ttl_days: float = 7.0  # a dossier prepared at home on the phone is kept this long unless used first
    enrolment_ttl_hours: float = 24.0
    json_limit: int = JSON_LIMIT
    attachment_limit: int = ATTACHMENT_LIMIT
    dashboard_refresh_seconds: int = 5
    tracking_per_minute: int = 60  # dossier look-ups per kiosk (central/ratelimit.py)
    tracking_misses_per_10_min: int = 20  # look-ups that found nothing, per kiosk
    staff_session_hours: float = 12.0  # absolute lifetime of a staff sign-in
    staff_idle_minutes: float = 60.0  # a session unused this long ends (a shared ward PC left signed in)
    faults: FaultSettings = field(default_factory=FaultSettings)
    # Telehealth: STUN/TURN servers handed to both peers ({"urls": …, "username"?, "credential"?}); none on a LAN
    ice_servers: tuple[tuple[str, str, str], ...] = ()
    telehealth_duty_hours: str = "7 giờ 30 đến 11 giờ 30 và 13 giờ 30 đến 17 giờ, thứ Hai đến thứ Sáu"
    telehealth_grace_seconds: float = 20.0  # how long a call waits for a kiosk whose signalling dropped

    def ice_servers_json(self) -> list[dict[str, str]]:
        out = []
        for url, user, credential in self.ice_servers:
            server = {"urls": url}
            if user:
                server |= {"username": user, "credential": credential}
            out.append(server)
        return out
    metrics_token: str = ""  # Bearer token a remote Prometheus sends to /metrics (loopback needs none)
    disk_path: str = "."  # the file system whose free space /metrics reports (data, backups)

    @property
    def faults_allowed(self) -> bool:
        return self.demo or self.allow_faults

    @property
    def effective_payee(self) -> Payee | None:
        return self.payee or (DEMO_PAYEE if self.demo else None)


CONFIG_ENV = "KIOSK_HUB_SERVE_CONFIG"


def config_to_env(config: HubConfig, log_level: str, log_format: str) -> None:
    """Hand the parsed command line to uvicorn's worker processes (they inherit the environment)."""
    os.environ[CONFIG_ENV] = json.dumps({"config": asdict(config), "log_level": log_level, "log_format": log_format})


def config_from_env() -> tuple[HubConfig, str, str]:
    data = json.loads(os.environ[CONFIG_ENV])
    raw = data["config"]
    payee = Payee(**raw["payee"]) if raw.get("payee") else None
    faults = raw["faults"]
    faults = FaultSettings(**dict(faults, kinds=tuple(faults["kinds"]), paths=tuple(faults["paths"])))
    ice = tuple(tuple(server) for server in raw.get("ice_servers", ()))
    return (HubConfig(**dict(raw, payee=payee, faults=faults, ice_servers=ice)), data["log_level"],
            data["log_format"])
