"""TLS in front of the hub: a real Caddy (tls internal) on 127.0.0.1 before a real hub process; the kiosk's real
sync code sends its queue through it, verifying against the ward's CA bundle and, optionally, a pinned key. A
certificate from another CA, a pin mismatch and a plain http:// hub across the network are refused: nothing is
sent, the rows stay queued without backoff, and the status says why (phase "tls_problem")."""

from __future__ import annotations

import base64
import dataclasses
import ssl
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.config import KioskConfig
from kiosk.config.loader import ConfigError, parse_config
from offline_queue.catalogue_pull import pull
from offline_queue.protocol import HubTLSError
from offline_queue.runtime import enrol, make_client, open_store
from offline_queue.sync import read_status, sync_once
from offline_queue.tls import hub_url_problem, pin_of_certificate


def kiosk_config(data_dir: Path, url: str, **hub: object) -> KioskConfig:
    """A kiosk of its own station (station codes are unique on a hub, and the hub is shared by the session)."""
    cfg = KioskConfig()
    station = dataclasses.replace(cfg.station, code="TL" + data_dir.parent.name[-6:].upper().replace("_", "")[:6])
    return dataclasses.replace(cfg, data_dir=str(data_dir), station=station, hub=dataclasses.replace(
        cfg.hub, url=url, local_hub=False, enrolment_code="DEMO-0000", connect_timeout_seconds=2.0,
        read_timeout_seconds=5.0, **hub))


def queue_three(config: KioskConfig, data_dir: Path):  # type: ignore[no-untyped-def]
    store = open_store(config, data_dir)
    ids = [store.enqueue("dossier", {"procedure_code": "1.004222", "fee": {"amount": 20000}, "n": i},
                         {"full_name": "Nguyễn Thị Tám"}).uuid for i in range(3)]
    return store, ids


def hub_has(hub, ids: list[str]) -> bool:  # type: ignore[no-untyped-def]
    import sqlite3

    conn = sqlite3.connect(f"file:{hub.db_path}?mode=ro", uri=True)
    try:
        found = {r[0] for r in conn.execute("SELECT id FROM submissions")}
    finally:
        conn.close()
    return set(ids) <= found


def test_a_kiosk_syncs_its_queue_and_its_catalogue_through_caddy(caddy, tls_hub, data_dir) -> None:
    config = kiosk_config(data_dir, caddy.url, ca_bundle=str(caddy.root()))
    store, ids = queue_three(config, data_dir)
    client = make_client(config, data_dir)
    enrol(client, config, data_dir)
    report = sync_once(store, client)
    assert report.ok and report.sent == 3, report.to_dict()
    assert hub_has(tls_hub, ids)  # they arrived at the hub, through Caddy
    assert read_status(store)["phase"] == "idle" and store.counts()["sent"] == 3
    assert pull(client, data_dir, None).outcome == "updated"  # the catalogue comes the same way
    assert b"/v1/submissions" in (caddy.folder / "access.log").read_bytes()  # deploy/hub/Caddyfile's access log
    store.engine.dispose()


def test_a_certificate_from_another_ca_is_refused_and_nothing_is_sent(caddy, tls_hub, data_dir) -> None:
    # the same hub behind a certificate the ward's CA did not sign (a man in the middle, a wrong server)
    config = kiosk_config(data_dir, caddy.rogue_url, ca_bundle=str(caddy.root()))
    store, ids = queue_three(config, data_dir)
    client = make_client(config, data_dir, token="stolen-if-sent")
    report = sync_once(store, client, force=True)
    assert report.stop == "tls" and "not trusted" in report.error, report.to_dict()
    status = read_status(store)
    assert status["phase"] == "tls_problem" and not status["online"] and "ca_bundle" in status["last_error"]
    assert store.counts()["queued"] == 3 and not hub_has(tls_hub, ids[:1])
    # not the rows' fault: no backoff grows while a technician fixes the certificate
    assert [row.attempts for row in store.list("queued")] == [0, 0, 0]
    # and without any CA bundle the system store does not know Caddy's internal CA either
    plain = make_client(kiosk_config(data_dir, caddy.url), data_dir)
    with pytest.raises(HubTLSError):
        plain.catalog(0)
    store.engine.dispose()


def _b64(digest: bytes) -> str:
    return "sha256/" + base64.b64encode(digest).decode()


def test_a_pinned_key_is_checked_on_the_connection(caddy, tls_hub, data_dir) -> None:
    leaf_pin = pin_of_certificate(caddy.leaf_der())
    root_pin = pin_of_certificate(caddy.root().read_bytes())
    other_pin = pin_of_certificate(caddy.rogue_root.read_bytes())
    bundle = str(caddy.root())
    config = kiosk_config(data_dir, caddy.url, ca_bundle=bundle)
    enrol(make_client(config, data_dir), config, data_dir)
    for pins in ([leaf_pin], [other_pin, root_pin]):  # the hub's own key, or a key higher in the chain
        client = make_client(kiosk_config(data_dir, caddy.url, ca_bundle=bundle, pinned_keys=pins), data_dir)
        assert client.url_problem is None, (pins, client.url_problem)
        assert client.catalog(0).version >= 1  # (with the token saved by the enrolment)
    store, ids = queue_three(kiosk_config(data_dir, caddy.url), data_dir)
    config = kiosk_config(data_dir, caddy.url, ca_bundle=bundle, pinned_keys=[other_pin, _b64(b"\x01" * 32)])
    report = sync_once(store, make_client(config, data_dir), force=True)
    assert report.stop == "tls" and "pinned" in report.error, report.to_dict()
    assert read_status(store)["phase"] == "tls_problem"
    assert store.counts()["queued"] == 3 and not hub_has(tls_hub, ids[:1])
    store.engine.dispose()


def test_the_pin_format_matches_openssl(caddy) -> None:
    """sha256/<base64> of the DER SubjectPublicKeyInfo, what `openssl x509 -pubkey | openssl pkey -pubin -outform
    der | openssl dgst -sha256 -binary | base64` prints (docs/tls.md)."""
    import hashlib
    import subprocess

    pem = caddy.root().read_bytes()
    pub = subprocess.run(["openssl", "x509", "-pubkey", "-noout"], input=pem, capture_output=True, check=True).stdout
    der = subprocess.run(["openssl", "pkey", "-pubin", "-outform", "der"], input=pub, capture_output=True,
                         check=True).stdout
    assert pin_of_certificate(pem) == _b64(hashlib.sha256(der).digest())
    cli = subprocess.run([sys.executable, "-m", "kiosk", "config", "key-pin", str(caddy.root())], capture_output=True,
                         text=True, timeout=60)
    assert cli.returncode == 0 and cli.stdout.strip() == pin_of_certificate(pem)
    assert pin_of_certificate(ssl.PEM_cert_to_DER_cert(pem.decode())) == pin_of_certificate(pem)


@pytest.mark.parametrize(("url", "refused"), [
    ("http://hub.phuong-ben-nghe.vn", True), ("http://10.0.0.5:8080", True), ("ftp://hub.example", True),
    ("https://hub.phuong-ben-nghe.vn", False), ("http://127.0.0.1:8080", False), ("http://localhost:8080", False),
    ("http://[::1]:8080", False), ("https://", True), ("http://127.0.0.1:99999", True), ("", False),
])
def test_plain_http_is_allowed_only_to_this_machine(url: str, refused: bool) -> None:
    assert (hub_url_problem(url) is not None) == refused
    if refused:
        with pytest.raises(ConfigError) as err:
            parse_config({"hub": {"url": url}}, source="kiosk.toml")
        assert err.value.key == "hub.url" and "kiosk.toml: hub.url: " in str(err.value)
    else:
        assert parse_config({"hub": {"url": url}}).hub.url == url


def test_bad_pins_are_a_config_error() -> None:
    good = "sha256/" + base64.b64encode(b"\x07" * 32).decode()
    assert parse_config({"hub": {"pinned_keys": [good, "ab" * 32]}}).hub.pinned_keys == [good, "ab" * 32]
    for bad in (["sha256/abc"], ["md5/xyz"], ["sha256/" + base64.b64encode(b"x" * 20).decode()]):
        with pytest.raises(ConfigError) as err:
            parse_config({"hub": {"pinned_keys": bad}})
        assert err.value.key == "hub.pinned_keys"


def test_an_http_hub_across_the_network_is_a_state_not_a_crash(data_dir) -> None:
    """The URL may come from a scanned enrolment QR: the client refuses before any connection is made."""
    config = kiosk_config(data_dir, "http://192.0.2.10:8080")  # TEST-NET-1: nothing would answer anyway
    store, _ids = queue_three(dataclasses.replace(config, hub=dataclasses.replace(config.hub, url="")), data_dir)
    client = make_client(config, data_dir, token="t")
    report = sync_once(store, client, force=True)
    assert report.stop == "tls" and "https://" in report.error
    assert read_status(store)["phase"] == "tls_problem" and store.counts()["queued"] == 3
    with pytest.raises(HubTLSError):
        enrol(client, config, data_dir, "DEMO-0000")
    assert not (data_dir / "hub_token.json").exists()
    store.engine.dispose()


def test_the_sync_worker_shows_a_technician_why_it_does_not_send(qtbot, threads, data_dir) -> None:
    """A running kiosk whose hub URL is plain http:// across the network: the sync service answers, the status
    read from the database says "tls_problem" with the reason, and the technician screen words it."""
    from kiosk.services.bus import AppBus
    from kiosk.services.sync import SyncService
    from screens.technician.status import TechnicianStatusScreen

    config = kiosk_config(data_dir, "http://192.0.2.10:8080")
    bus = AppBus()
    sync = SyncService(config, data_dir, threads, bus)
    sync.start()
    with qtbot.waitCallback(timeout=10000) as done:
        sync.sync_now(done)
    assert not done.args[0]["ok"] and "https://" in done.args[0]["error"]
    qtbot.waitUntil(lambda: (sync.last_status or {}).get("phase") == "tls_problem", timeout=5000)
    assert "https://" in sync.last_status["last_error"]
    screen = TechnicianStatusScreen()
    qtbot.addWidget(screen)
    screen.set_sync_status(sync.last_status)
    assert "https://" in screen.sync_labels["phase"][1].text()


@given(st.binary(min_size=32, max_size=32))
def test_every_sha256_pin_parses_back_in_each_accepted_form(digest: bytes) -> None:
    """Regression: a base64 pin may begin with "/" (about 1 in 64), which must not be taken for curl's "//"."""
    from offline_queue.tls import parse_pin

    b64 = base64.b64encode(digest).decode()
    assert parse_pin("sha256/" + b64) == parse_pin("sha256//" + b64) == parse_pin(digest.hex()) == digest
