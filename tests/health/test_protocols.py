"""Parsers against the real captures in shared/data/devices (FORMATS §4) and their own encoders."""

from __future__ import annotations

import pytest

from core.health.reading import Kind
from devices.health.capture import load_capture
from devices.health.protocols import make_protocol
from devices.health.protocols.cms50 import encode_new, encode_old
from devices.health.protocols.mlx90614 import encode_frame
from devices.health.protocols.tanita import checksum, encode_scale, encode_tanita, parse_tanita_line
from devices.health.protocols.visomat import encode_dump


def _parse(sample_data, name: str, protocol: str, chunk: int | None = None):
    data = load_capture(sample_data / "devices" / name, protocol)
    p = make_protocol(protocol)
    if chunk is None:
        return p.feed(data), p
    out = []
    for i in range(0, len(data), chunk):
        out += p.feed(data[i : i + chunk])
    return out, p


@pytest.mark.parametrize("chunk", [None, 1, 7])
def test_cms50e_capture_gives_pulse_60_spo2_99_and_4_heartbeats(sample_data, chunk):
    readings, p = _parse(sample_data, "cms50e_live_capture.hex", "cms50_new", chunk)
    assert len(readings) == 102 and p.errors == 0
    assert {r.values["pulse"] for r in readings} == {60}
    assert {r.values["spo2"] for r in readings} == {99}
    assert sum(r.values["heartbeat"] for r in readings) == 4
    pleth = [r.values["pleth"] for r in readings]
    assert pleth[0] == 0x13 and min(pleth) == 8 and 72 in pleth[pleth.index(8) :]  # the rise 8 → 72
    assert all(r.live and r.kind is Kind.OXIMETRY for r in readings)


def test_cms50e_example_packet_from_formats():
    (r,) = make_protocol("cms50_new").feed(bytes.fromhex("01 E0 84 93 92 BC E3 FF FF"))
    assert (r.values["pleth"], r.values["pulse"], r.values["spo2"]) == (0x13, 60, 99)


@pytest.mark.parametrize("chunk", [None, 3])
def test_visomat_capture_has_13_records_of_two_users(sample_data, chunk):
    readings, p = _parse(sample_data, "bp_visomat_capture.txt", "visomat", chunk)
    records = [r.values for r in readings if r.kind is Kind.BLOOD_PRESSURE]
    dumps = [r.values for r in readings if r.kind is Kind.STATUS]
    # the capture holds the 13-record dump and the README's zero-record example (1 record)
    assert dumps == [{"event": "dump_end", "count": 13}, {"event": "dump_end", "count": 1}]
    first = records[:13]
    assert [r["user"] for r in first] == [1] * 6 + [2] * 7
    assert (first[0]["systolic"], first[0]["diastolic"], first[0]["pulse"]) == (151, 102, 120)
    assert (first[12]["systolic"], first[12]["diastolic"], first[12]["pulse"]) == (121, 80, 72)
    assert first[12]["time"] == "2013-03-12T11:45"
    assert records[13]["user"] == 2 and records[13]["systolic"] == 134
    assert p.errors == 0


def test_tanita_sc330_checksum_and_values(sample_data):
    readings, _ = _parse(sample_data, "tanita_sc330.txt", "tanita")
    (r,) = readings
    assert r.values["weight_kg"] == 89.2 and r.values["height_cm"] == 191.0 and r.values["bmi"] == 24.5
    assert r.values["model"] == "SC-330"
    line = r.raw
    assert checksum(line[: line.rfind(b",CS,") + 1]) == "D9"
    broken = line.replace(b"Wk,89.2", b"Wk,99.2")
    assert parse_tanita_line(broken) is None
    assert make_protocol("tanita").feed(broken + b"\r\n") == []


def test_tanita_wb3000_stray_signal_is_ignored():
    p = make_protocol("tanita")
    data = encode_tanita(70.0, 170.0, 24.2) + b"\x00" + encode_tanita(71.0, 170.0) + b"\xff\r\n"
    readings = p.feed(data)
    assert [r.values["weight_kg"] for r in readings] == [70.0, 71.0]
    assert readings[1].values["bmi"] is None


def test_generic_scale_lines_and_custom_pattern():
    p = make_protocol("generic_scale")
    readings = p.feed(b"US,GS,   61.20 kg\r\nST,GS,   245.6 g\r\nST,NT,  +62.00 kg\r\nrubbish\r\n")
    assert [(r.values["weight_kg"], r.values["stable"]) for r in readings] == [(61.2, False), (0.246, True),
                                                                           (62.0, True)]
    assert p.errors == 1
    custom = make_protocol("generic_scale", r"^W(?P<value>\d+\.\d)(?P<unit>kg)$")
    assert custom.feed(b"W72.5kg\n")[0].values == {"weight_kg": 72.5, "stable": True}
    assert make_protocol("generic_scale").feed(encode_scale(58.3))[0].values["weight_kg"] == 58.3


def test_mlx90614_frames_checksum_and_negative_values():
    p = make_protocol("mlx90614")
    good = encode_frame(36.62, 25.0)
    bad = bytearray(encode_frame(40.0, 25.0))
    bad[-1] ^= 1
    readings = p.feed(b"\x66" + good + bytes(bad) + encode_frame(-1.5, -3.25))
    assert [(r.values["object_c"], r.values["ambient_c"]) for r in readings] == [(36.62, 25.0), (-1.5, -3.25)]
    assert p.errors >= 1


@pytest.mark.parametrize("spo2,pulse", [(99, 60), (85, 140), (70, 200), (100, 30)])
def test_cms50_old_round_trip_including_pulse_bit_7(spo2, pulse):
    (r,) = make_protocol("cms50_old").feed(encode_old(50, spo2, pulse, heartbeat=True))
    assert (r.values["spo2"], r.values["pulse"], r.values["heartbeat"]) == (spo2, pulse, True)


@pytest.mark.parametrize("flags", [{"finger_out": True}, {"searching": True}, {"probe_error": True}])
def test_cms50_old_states_carry_no_values(flags):
    (r,) = make_protocol("cms50_old").feed(encode_old(0, 97, 70, **flags))
    assert r.values["spo2"] is None and r.values["pulse"] is None
    assert any(r.values[k] for k in flags)


@pytest.mark.parametrize("flags", [{"finger_out": True}, {"searching": True}])
def test_cms50_new_states_carry_no_values(flags):
    (r,) = make_protocol("cms50_new").feed(encode_new(0, 97, 70, **flags))
    assert r.values["spo2"] is None and all(r.values[k] for k in flags)


def test_visomat_round_trip_and_empty_user():
    rec = {"time": "2026-11-21T10:30", "flag": 0, "systolic": 182, "diastolic": 95, "pulse": 88}
    readings = make_protocol("visomat").feed(encode_dump({1: [], 2: [rec]}))
    assert readings[0].values | {"record": ""} == rec | {"user": 2, "record": ""}
    assert readings[-1].values == {"event": "dump_end", "count": 1}


def test_a_full_visomat_memory_arrives_in_small_chunks():
    rec = {"time": "2026-11-21T10:30", "flag": 0, "systolic": 120, "diastolic": 80, "pulse": 70}
    frame = encode_dump({1: [rec] * 60, 2: [rec] * 60})
    assert len(frame) > 2400
    p = make_protocol("visomat")
    readings = []
    for i in range(0, len(frame), 64):
        readings += p.feed(frame[i : i + 64])
    assert readings[-1].values == {"event": "dump_end", "count": 120} and p.errors == 0
