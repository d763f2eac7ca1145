"""deploy/hub/alerts.yml against what a real hub exposes: promtool accepts the file, and each rule's condition,
evaluated by promtool over series scraped from a running hub's /metrics, fires for the station in trouble and
stays quiet for the healthy one."""

from __future__ import annotations

import math
import shutil
import sqlite3
import subprocess
import urllib.request
from pathlib import Path
from typing import Any

import pytest
import yaml
from prometheus_client.parser import text_string_to_metric_families

from central.local import LocalHub

RULES = Path(__file__).resolve().parents[2] / "deploy" / "hub" / "alerts.yml"


def _promtool() -> str:
    found = shutil.which("promtool")
    if not found:
        pytest.fail("promtool not found: `make test` installs Debian's prometheus package (apt-get install prometheus)")
    return found


def _scrape(hub: LocalHub) -> list[tuple[str, dict[str, str], float]]:
    with urllib.request.urlopen(hub.url + "/metrics", timeout=10) as r:
        text = r.read().decode()
    return [(s.name, dict(s.labels), s.value) for family in text_string_to_metric_families(text)
            for s in family.samples if math.isfinite(s.value)]


def _series(name: str, labels: dict[str, str], value: float) -> dict[str, str]:
    inner = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
    return {"series": f"{name}{{{inner}}}", "values": f"{value!r}+0x40"}  # constant for 40 minutes


def _rule_labels() -> dict[str, dict[str, Any]]:
    groups = yaml.safe_load(RULES.read_text(encoding="utf-8"))["groups"]
    return {rule["alert"]: rule.get("labels", {}) for group in groups for rule in group["rules"]}


def test_promtool_accepts_the_rules_file() -> None:
    result = subprocess.run([_promtool(), "check", "rules", str(RULES)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS: 5 rules found" in result.stdout


def test_each_rule_fires_on_the_series_a_real_hub_exposes(local_hub: LocalHub, tmp_path: Path) -> None:
    good, bad = local_hub.enroll("BN01"), local_hub.enroll("BN02")
    assert local_hub.request("POST", "/v1/heartbeat", {"queue": {"queued": 0}, "devices": {"printer": "ready"}},
                             token=good["token"])[0] == 200
    assert local_hub.request("POST", "/v1/heartbeat", {"queue": {"retry": 12}, "oldest_unsent_age_seconds": 7200,
                                                       "devices": {"printer": "paper_low"}},
                             token=bad["token"])[0] == 200
    with sqlite3.connect(local_hub.db_path) as con:  # BN02 then fell silent 20 minutes ago
        con.execute("UPDATE kiosks SET hb_at = datetime('now', '-20 minutes') WHERE id = ?", (bad["kiosk_id"],))
    samples = _scrape(local_hub)
    names = {name for name, _labels, _value in samples}
    for needed in ("hub_station_heartbeat_age_seconds", "hub_station_oldest_unsent_seconds",
                   "hub_station_printer_paper", "hub_health_alerts_open", "hub_disk_free_bytes", "hub_disk_size_bytes"):
        assert needed in names
    series = [_series(*s) for s in samples]
    # Two conditions that cannot be produced on a test machine are the hub's own series with a changed value:
    # an open health alert and a disk at 5% free (same names and labels as scraped, another `path`).
    disk = {labels["path"]: value for name, labels, value in samples if name == "hub_disk_size_bytes"}
    path, size = next(iter(disk.items()))
    series += [_series("hub_disk_free_bytes", {"path": path + "-full"}, size * 0.05),
               _series("hub_disk_size_bytes", {"path": path + "-full"}, size)]
    health = [s for s in series if s["series"].startswith("hub_health_alerts_open")]
    assert health and health[0]["values"].startswith("0.0")
    labels = _rule_labels()

    def expect(alert: str, *series_labels: dict[str, str]) -> dict[str, Any]:
        return {"eval_time": "30m", "alertname": alert,
                "exp_alerts": [{"exp_labels": labels[alert] | s} for s in series_labels]}

    station = {"station": "BN02", "kiosk": bad["kiosk_id"]}
    cases = [
        {"interval": "1m", "input_series": series, "alert_rule_test": [
            expect("StationSilent", station),
            expect("StationBacklogOlderThanAnHour", station),
            expect("PrinterPaperLow", station | {"state": "low"}),
            expect("HealthAlertOpen"),
            expect("HubDiskAlmostFull", {"path": path + "-full"})]},
        {"interval": "1m", "input_series": [dict(h, values="1+0x40") for h in health],
         "alert_rule_test": [expect("HealthAlertOpen", {})]},
    ]
    # promtool also compares annotations; the templates are checked by `promtool check rules` above.
    rules = yaml.safe_load(RULES.read_text(encoding="utf-8"))
    for group in rules["groups"]:
        for rule in group["rules"]:
            rule.pop("annotations", None)
    (tmp_path / "rules.yml").write_text(yaml.safe_dump(rules), encoding="utf-8")
    (tmp_path / "test.yml").write_text(yaml.safe_dump({"rule_files": ["rules.yml"], "evaluation_interval": "1m",
                                                       "tests": cases}), encoding="utf-8")
    result = subprocess.run([_promtool(), "test", "rules", "test.yml"], capture_output=True, text=True,
                            cwd=tmp_path, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
