"""LocalHub: the child process used by `make run` and by every area's tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import requests

from central.local import LocalHub, LocalHubError
from tests.hub.conftest import item


def test_context_manager_start_and_stop(tmp_path: Path) -> None:
    with LocalHub(tmp_path / "hub", demo_code="TEST-1234") as hub:
        assert hub.running and hub.url.startswith("http://127.0.0.1:")
        assert requests.get(hub.url + "/healthz", timeout=5).json()["demo"] is True
        assert hub.demo_code == "TEST-1234" and hub.admin_password
        assert hub.enroll(code="test-1234")["token"]
        url = hub.url
    assert not hub.running
    with pytest.raises(requests.ConnectionError):
        requests.get(url + "/healthz", timeout=2)
    assert (tmp_path / "hub" / "hub.db").exists()


def test_kill_then_restart_keeps_accepted_submissions_and_tokens(local_hub) -> None:  # type: ignore[no-untyped-def]
    hub = local_hub
    token = hub.enroll()["token"]
    it = item()
    headers = {"Authorization": f"Bearer {token}"}
    first = requests.post(hub.url + "/v1/submissions", json={"items": [it]}, headers=headers, timeout=10).json()
    url = hub.url
    hub.kill()
    assert not hub.running
    with pytest.raises(requests.ConnectionError):
        requests.get(url + "/healthz", timeout=2)
    hub.restart()
    assert hub.url == url  # same port: the kiosk's configured URL stays right
    again = requests.post(hub.url + "/v1/submissions", json={"items": [it]}, headers=headers, timeout=10).json()
    assert again["results"][0] == first["results"][0] | {"status": "duplicate"}


def test_a_failed_start_reports_the_log(tmp_path: Path) -> None:
    broken = LocalHub(tmp_path / "b", extra_args=["--faults", "7"], startup_timeout=20)
    with pytest.raises(LocalHubError, match="faults"):
        broken.start()
    assert not broken.running


def test_the_hub_stops_when_its_parent_dies(tmp_path: Path) -> None:
    """A kiosk killed with SIGKILL must not leave an orphan hub holding the port."""
    import subprocess
    import sys
    import time

    script = ("import sys; from central.local import LocalHub; "
              "h = LocalHub(sys.argv[1]).start(); print(h.url, h.pid, flush=True); import time; time.sleep(60)")
    parent = subprocess.Popen([sys.executable, "-c", script, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    url, pid = parent.stdout.readline().split()
    assert requests.get(url + "/healthz", timeout=5).status_code == 200
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
        except OSError:
            break
        if state == "Z":  # exited; only waiting for a reaper
            break
        time.sleep(0.2)
    else:
        os.kill(int(pid), 9)
        raise AssertionError("the hub outlived its parent")


def test_a_local_hub_serves_the_kiosks_own_catalogue(hub) -> None:  # type: ignore[no-untyped-def]
    import json

    from central.local import KIOSK_CATALOGUE

    if not KIOSK_CATALOGUE.is_file():
        pytest.skip("no kiosk catalogue in this checkout")
    token = hub.enroll()["token"]
    status, body = hub.request("GET", "/v1/catalog?since=0", token=token)
    assert status == 200
    assert body["catalogue"] == json.loads(KIOSK_CATALOGUE.read_text(encoding="utf-8"))
    assert hub.request("GET", f"/v1/catalog?since={body['version']}", token=token)[1]["catalogue"] is None
