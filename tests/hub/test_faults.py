"""Fault injection on a real hub process: what a kiosk's HTTP client really sees, before and after commit."""

from __future__ import annotations

import pytest
import requests

from central.cli import main as cli_main
from central.config import FaultSettings
from central.faults import FaultState, parse_settings
from tests.hub.conftest import item


def _batch(hub, token: str, it: dict, timeout: float = 10):  # type: ignore[no-untyped-def]
    return requests.post(hub.url + "/v1/submissions", json={"items": [it]}, timeout=timeout,
                         headers={"Authorization": f"Bearer {token}"})


@pytest.mark.parametrize("kind", ["500", "503", "429"])
def test_status_faults_are_problems_with_retry_after(hub, kind: str) -> None:  # type: ignore[no-untyped-def]
    token = hub.enroll()["token"]
    hub.set_faults(1.0, kinds=[kind], phase="before", retry_after=7)
    r = _batch(hub, token, item())
    assert r.status_code == int(kind)
    assert r.headers["content-type"] == "application/problem+json" and r.json()["status"] == int(kind)
    if kind in ("429", "503"):
        assert r.headers["retry-after"] == "7"
    hub.set_faults(0)
    assert _batch(hub, token, item()).json()["results"][0]["status"] == "accepted"


def test_a_dropped_connection_is_a_connection_error_for_the_client(hub) -> None:  # type: ignore[no-untyped-def]
    token = hub.enroll()["token"]
    hub.set_faults(1.0, kinds=["drop"], phase="before")
    with pytest.raises(requests.ConnectionError):
        _batch(hub, token, item())
    assert hub.running  # the hub itself is fine
    assert hub.request("GET", "/admin/faults")[1]["injected"]["drop"] == 1


def test_a_delay_makes_a_short_timeout_client_give_up(hub) -> None:  # type: ignore[no-untyped-def]
    token = hub.enroll()["token"]
    hub.set_faults(1.0, kinds=["delay"], phase="before", delay_seconds=2)
    with pytest.raises(requests.ReadTimeout):
        _batch(hub, token, item(), timeout=0.5)


@pytest.mark.parametrize("kind", ["drop", "503"])
def test_fault_after_commit_then_retry_gets_duplicate(hub, kind: str) -> None:  # type: ignore[no-untyped-def]
    """The hub stored the item but the kiosk never got the answer: its retry must get `duplicate`."""
    token = hub.enroll()["token"]
    it = item()
    hub.set_faults(1.0, kinds=[kind], phase="after", paths=["/v1/submissions"])
    if kind == "drop":
        with pytest.raises(requests.ConnectionError):
            _batch(hub, token, it)
    else:
        assert _batch(hub, token, it).status_code == 503
    hub.set_faults(0)
    retry = _batch(hub, token, it).json()["results"][0]
    assert retry["status"] == "duplicate" and retry["reference"].startswith("HS-")


def test_fault_before_commit_then_retry_is_accepted(hub) -> None:  # type: ignore[no-untyped-def]
    token = hub.enroll()["token"]
    it = item()
    hub.set_faults(1.0, kinds=["500"], phase="before")
    assert _batch(hub, token, it).status_code == 500
    hub.set_faults(0)
    assert _batch(hub, token, it).json()["results"][0]["status"] == "accepted"


def test_the_start_up_rate_and_the_paths_apply(local_hub_factory) -> None:  # type: ignore[no-untyped-def]
    hub = local_hub_factory(faults=1.0, extra_args=["--fault-kinds", "503", "--fault-seed", "3"])
    status, body = hub.request("POST", "/v1/kiosks/enroll", {"code": hub.demo_code, "station_code": "BN01"})
    assert status == 503 and body["type"].endswith("/injected-fault")
    assert hub.request("GET", "/healthz")[0] == 200  # staff and health endpoints are never faulted
    assert hub.request("GET", "/admin/faults")[1]["rate"] == 1.0


def test_same_seed_same_faults() -> None:
    settings = parse_settings({"rate": 0.4, "seed": 11, "kinds": ["500", "503", "drop"]}, FaultSettings())
    runs = []
    for _ in range(2):
        state = FaultState(settings)
        runs.append([state.decide("/v1/submissions") for _ in range(50)])
    assert runs[0] == runs[1]
    hits = [d for d in runs[0] if d]
    assert 5 < len(hits) < 40 and {d.kind for d in hits} <= {"500", "503", "drop"}
    assert FaultState(settings).decide("/admin/faults") is None


def test_invalid_fault_settings_are_refused(hub) -> None:  # type: ignore[no-untyped-def]
    for bad in ({"rate": 2}, {"kinds": ["404"]}, {"phase": "during"}, {"surprise": 1}, {"retry_after": -1}):
        status, body = hub.request("POST", "/admin/faults", bad)
        assert status == 422 and body["status"] == 422, bad


def test_faults_need_demo_or_allow_faults(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit, match="--faults needs --demo or --allow-faults"):
        cli_main(["serve", "--db", str(tmp_path / "h.db"), "--faults", "0.3"])
