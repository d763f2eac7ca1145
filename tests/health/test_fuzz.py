"""Hypothesis: random, chunked and truncated bytes never crash a parser or invent a reading."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.health.reading import Kind
from devices.health.capture import load_capture
from devices.health.protocols import PROTOCOLS, make_protocol
from devices.health.protocols.cms50 import encode_new, encode_old
from devices.health.protocols.mlx90614 import encode_frame
from devices.health.protocols.tanita import encode_scale, encode_tanita
from devices.health.protocols.visomat import encode_dump

NAMES = sorted(PROTOCOLS)
CAPTURES = [("cms50_new", "cms50e_live_capture.hex"), ("visomat", "bp_visomat_capture.txt"),
            ("tanita", "tanita_sc330.txt")]
LINE_PROTOCOLS = {"tanita", "generic_scale"}

# valid frames of every protocol, so random data also contains real frames next to garbage
FRAMES = st.sampled_from([
    encode_new(40, 97, 75, heartbeat=True), encode_old(40, 97, 150), encode_frame(36.5, 26.0),
    encode_tanita(60.0, 160.0, 23.4), encode_scale(61.5), encode_scale(61.0, stable=False),
    encode_dump({1: [{"time": "2026-01-02T03:04", "flag": 0, "systolic": 120, "diastolic": 80, "pulse": 70}]}),
    b"\x02M1001\x03", b"\r\n", b"\x66\x66", b"\x01\xe0", b"\x02", b"\x03",
])
CHUNKS = st.lists(st.one_of(st.binary(max_size=40), FRAMES), max_size=30)


def _check(reading, data: bytes, name: str) -> None:
    assert reading.raw and reading.raw in data, "a reading must come from bytes that were received"
    # the frame alone, parsed afresh, gives the same reading: nothing was stitched from elsewhere
    again = make_protocol(name).feed(reading.raw + (b"\r\n" if name in LINE_PROTOCOLS else b""))
    assert reading in again
    v = reading.values
    if reading.kind is Kind.OXIMETRY:
        assert v["spo2"] is None or 0 < v["spo2"] <= 100
        assert v["pulse"] is None or 0 < v["pulse"] < 255
        assert 0 <= v["pleth"] <= 127
    elif reading.kind is Kind.BLOOD_PRESSURE:
        assert all(0 <= v[k] <= 999 for k in ("systolic", "diastolic", "pulse"))


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(chunks=CHUNKS)
def test_random_bytes_never_crash_or_invent_readings(name, chunks):
    p = make_protocol(name)
    data = b"".join(chunks)
    readings = []
    for c in chunks:
        readings += p.feed(c)
    for r in readings:
        _check(r, data, name)


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=80, deadline=None)
@given(chunks=CHUNKS, cuts=st.lists(st.integers(min_value=1, max_value=50), max_size=10))
def test_chunking_does_not_change_the_result(name, chunks, cuts):
    data = b"".join(chunks)
    whole = make_protocol(name).feed(data)
    p, got, i = make_protocol(name), [], 0
    for n in [*cuts, len(data)]:
        got += p.feed(data[i : i + n])
        i += n
    got += p.feed(data[i:])
    assert got == whole


@pytest.mark.parametrize("name,file", CAPTURES)
def test_truncated_captures_give_a_prefix_and_never_a_partial_reading(sample_data, name, file):
    data = load_capture(sample_data / "devices" / file, name)
    full = make_protocol(name).feed(data)
    for cut in range(0, len(data), max(1, len(data) // 97)):
        part = make_protocol(name).feed(data[:cut])
        assert part == full[: len(part)]
        for r in part:
            assert r.raw in data[:cut]


@pytest.mark.parametrize("name,file", CAPTURES)
@settings(max_examples=40, deadline=None)
@given(flip=st.data())
def test_a_corrupted_capture_never_crashes(sample_data, name, file, flip):
    data = bytearray(load_capture(sample_data / "devices" / file, name))
    for _ in range(flip.draw(st.integers(1, 8))):
        data[flip.draw(st.integers(0, len(data) - 1))] = flip.draw(st.integers(0, 255))
    for r in make_protocol(name).feed(bytes(data)):
        _check(r, bytes(data), name)


SESSION_PROTOCOLS = [("spo2", "cms50_new"), ("spo2", "cms50_old"), ("blood_pressure", "visomat"),
                     ("body", "tanita"), ("body", "generic_scale"), ("temperature", "mlx90614")]
VALUES = st.tuples(st.integers(0, 300), st.integers(0, 300), st.integers(0, 300))


def _frames_for(protocol: str, a: int, b: int, c: int) -> bytes:
    if protocol == "cms50_new":
        return encode_new(a % 128, b % 128, c % 127)
    if protocol == "cms50_old":
        return encode_old(a % 128, b % 128, c % 256)
    if protocol == "visomat":
        rec = {"time": "2026-01-02T03:04", "flag": 0, "systolic": a, "diastolic": b, "pulse": c}
        return encode_dump({1: [rec] * (a % 3)})
    if protocol == "tanita":
        return encode_tanita(a / 2, b or None, None)
    if protocol == "generic_scale":
        return encode_scale(a / 3, stable=bool(b % 2))
    return encode_frame(a / 7, c / 9)


@pytest.mark.parametrize("measure,protocol", SESSION_PROTOCOLS)
@settings(max_examples=60, deadline=None)
@given(batches=st.lists(st.tuples(VALUES, st.binary(max_size=12)), max_size=25))
def test_sessions_never_finish_with_an_implausible_value(measure, protocol, batches):
    from core.health import rules
    from core.health.model import Measure
    from core.health.sessions import Finished, Rejected, make_session

    options = {"valid_s": 0.05} if measure == "spo2" else {}
    session, parser = make_session(Measure(measure), **options), make_protocol(protocol)
    for i, ((a, b, c), noise) in enumerate(batches):
        update = session.feed(parser.feed(_frames_for(protocol, a, b, c) + noise), now=i * 0.1)
        if isinstance(update, Finished):
            assert rules.implausible(update.measurement) == []
        if isinstance(update, Rejected):
            assert update.errors
