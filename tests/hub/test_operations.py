"""/readyz, /metrics and JSON logs: in-process on both databases, and a real hub with two uvicorn workers whose
counters are merged into every scrape."""

from __future__ import annotations

import json
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from central.app import create_app
from central.config import HubConfig
from central.local import LocalHub
from tests.hub.conftest import item


def _samples(text: str) -> dict[tuple[str, frozenset], float]:
    return {(s.name, frozenset(s.labels.items())): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


def _value(samples: dict[tuple[str, frozenset], float], name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


def test_readyz_answers_ready_on_a_migrated_database(client: TestClient) -> None:
    r = client.get("/readyz")
    assert r.status_code == 200 and r.json()["status"] == "ready"


def test_readyz_refuses_a_database_behind_the_code(tmp_path: Path) -> None:
    """After an upgrade whose migration did not run (here: the schema's revision set back by hand)."""
    from sqlalchemy import text

    app = create_app(HubConfig(db_url=str(tmp_path / "hub.db")))
    with TestClient(app) as c:
        assert c.get("/readyz").status_code == 200
        with app.state.db.engine.begin() as con:
            con.execute(text("UPDATE alembic_version SET version_num = '0006_telehealth'"))
        r = c.get("/readyz")
    app.state.db.dispose()
    assert r.status_code == 503 and "kiosk-hub migrate" in r.json()["detail"]


def test_metrics_count_outcomes_latency_and_fleet_state(client: TestClient, auth: dict[str, str]) -> None:
    before = _samples(client.get("/metrics").text)
    stored = item()
    client.post("/v1/submissions", json={"items": [stored]}, headers=auth)
    batch = [item(), item(), dict(stored, payload={"changed": 1}), {"id": "nope"}, dict(stored)]
    client.post("/v1/submissions", json={"items": batch}, headers=auth)
    client.post("/v1/heartbeat", json={"oldest_unsent_age_seconds": 4000, "devices": {"printer": "paper_out"}},
                headers=auth)
    after = _samples(client.get("/metrics").text)

    def delta(name: str, **labels: str) -> float:
        return _value(after, name, **labels) - _value(before, name, **labels)

    assert delta("hub_submission_items_total", outcome="accepted") == 3
    assert delta("hub_submission_items_total", outcome="duplicate") == 1
    assert delta("hub_submission_items_total", outcome="rejected") == 2
    assert delta("hub_submissions_rejected_total", reason="conflict") == 1
    assert delta("hub_submissions_rejected_total", reason="invalid_payload") == 1
    assert delta("hub_batch_seconds_count") == 2
    [(station, kiosk)] = [(dict(k[1])["station"], dict(k[1])["kiosk"]) for k in after
                          if k[0] == "hub_station_oldest_unsent_seconds"]
    assert station == "BN01"
    assert _value(after, "hub_station_oldest_unsent_seconds", station=station, kiosk=kiosk) == 4000
    assert _value(after, "hub_station_printer_paper", station=station, kiosk=kiosk, state="out") == 1
    assert _value(after, "hub_station_printer_paper", station=station, kiosk=kiosk, state="ok") == 0
    assert 0 <= _value(after, "hub_station_heartbeat_age_seconds", station=station, kiosk=kiosk) < 60
    assert _value(after, "hub_health_alerts_open") == 0 and _value(after, "hub_stations") == 1


def test_metrics_are_not_served_through_a_proxy_without_the_token(tmp_path: Path) -> None:
    app = create_app(HubConfig(db_url=str(tmp_path / "hub.db"), metrics_token="s3cret-scrape"))
    with TestClient(app) as c:
        assert c.get("/metrics").status_code == 200  # on the hub machine itself
        assert c.get("/metrics", headers={"X-Forwarded-For": "203.0.113.7"}).status_code == 403
        assert c.get("/metrics", headers={"X-Forwarded-For": "203.0.113.7",
                                          "Authorization": "Bearer wrong"}).status_code == 403
        assert c.get("/metrics", headers={"X-Forwarded-For": "203.0.113.7",
                                          "Authorization": "Bearer s3cret-scrape"}).status_code == 200
    app.state.db.dispose()


def _scrape(hub: LocalHub) -> dict[tuple[str, frozenset], float]:
    with urllib.request.urlopen(hub.url + "/metrics", timeout=10) as r:
        return _samples(r.read().decode())


def test_two_workers_merge_their_counters_and_log_json(local_hub_factory: Callable[..., LocalHub]) -> None:
    hub = local_hub_factory(extra_args=["--workers", "2", "--log-format", "json", "--log-level", "info"],
                            startup_timeout=120)
    token = hub.enroll()["token"]
    pids = set()
    for _ in range(12):  # new connections: the kernel spreads them over both workers
        status, body = hub.request("POST", "/v1/submissions", {"items": [item(), item()]}, token=token)
        assert status == 200 and {r["status"] for r in body["results"]} == {"accepted"}
    for _ in range(6):  # every scrape, whichever worker answers, sees all 24 items
        assert _value(_scrape(hub), "hub_submission_items_total", outcome="accepted") == 24
        assert _value(_scrape(hub), "hub_batch_seconds_count") == 12
    assert hub.request("GET", "/readyz")[0] == 200
    hub.stop()
    time.sleep(0.2)
    lines = [line for line in hub.log_path.read_text().splitlines() if line.strip()]
    entries = [json.loads(line) for line in lines]  # every line is one JSON object
    assert all({"ts", "level", "logger", "msg"} <= set(e) for e in entries)
    pids = {e["pid"] for e in entries if e["logger"].startswith("uvicorn")}
    assert len(pids) >= 2, entries  # the supervisor and its workers all log the same way
