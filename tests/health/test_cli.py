"""`kiosk health replay|ports` as a technician runs them."""

from __future__ import annotations

import json

from kiosk.cli import main


def test_replay_prints_json_lines_of_the_visomat_capture(sample_data, capsys):
    capture = sample_data / "devices" / "bp_visomat_capture.txt"
    assert main(["health", "replay", "--protocol", "visomat", str(capture)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    records = [x for x in lines if x["kind"] == "blood_pressure"]
    assert len(records) == 14 and (records[0]["systolic"], records[0]["diastolic"]) == (151, 102)


def test_replay_cms50e_hex(sample_data, capsys):
    capture = sample_data / "devices" / "cms50e_live_capture.hex"
    assert main(["health", "replay", "--protocol", "cms50_new", str(capture)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 102 and lines[0]["spo2"] == 99 and lines[0]["raw"] == "01 e0 84 93 92 bc e3 ff ff"


def test_replay_missing_file_is_an_error_not_a_traceback(tmp_path, capsys):
    assert main(["health", "replay", "--protocol", "tanita", str(tmp_path / "nope.txt")]) == 2
    assert "nope.txt" in capsys.readouterr().err


def test_ports_lists_stable_ids(capsys):
    assert main(["health", "ports", "--json"]) == 0
    for line in capsys.readouterr().out.splitlines():
        port = json.loads(line)
        assert {"device", "by_id", "vid_pid", "serial_number", "description", "stable_id"} <= set(port)
