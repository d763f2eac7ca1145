"""Tracking by hand (issue 17): a pad laid out for the receipt's code, at most 10 taps to type it, and the
demo's own sample receipt is found (a demo hub holds its dossier for the station enrolled with the demo code)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from central.local import LocalHub
from core.formats import TrackingError
from devices.printer.samples import sample_receipt
from screens.tracking import code_format
from screens.tracking.model import parse_typed_reference
from tests.resident.conftest import click, hub_settings, wait_enrolled, wait_step

MAX_TAPS = 10


@pytest.fixture(scope="module")
def demo_hub(tmp_path_factory: pytest.TempPathFactory):
    hub = LocalHub(tmp_path_factory.mktemp("demo-hub")).start()  # its own hub: the demo station code BN01
    yield hub
    hub.stop()


def test_the_demo_sample_receipt_is_found_after_ten_taps_on_the_pad(make_app, qtbot, demo_hub):
    sample = sample_receipt("dossier")
    app = make_app(services=True, hub=hub_settings(demo_hub), station={"code": "BN01"})
    wait_enrolled(qtbot, app)
    click(qtbot, app.home_screen.tiles["tracking"])
    wait_step(qtbot, app, "tracking")
    screen = app.navigator.current
    pad = screen.entry.pad
    assert pad.isVisible() and screen.field.text() == "BN01-"  # this station's part is filled in
    digits = sample.local_reference.removeprefix("BN01-").replace("-", "")
    taps = 0
    for digit in digits:  # the dashes come by themselves; the search starts when the code is whole
        click(qtbot, pad.keys[digit])
        taps += 1
    assert taps <= MAX_TAPS
    assert screen.field.text() == sample.local_reference
    qtbot.waitUntil(lambda: not screen.busy and (screen.view is not None or bool(screen.error_code)), timeout=10000)
    assert screen.view is not None and screen.view.state == "hub", screen.message.text()
    assert screen.view.status == "received" and screen.message.text() == "Đã tiếp nhận"
    assert sample.local_reference in screen.detail.text() and "HS-" not in screen.detail.text()  # one code
    # the same receipt, scanned
    screen.view = None
    click(qtbot, screen.entry.scan_button)
    qtbot.waitUntil(lambda: app.ctx.services.scanner.active, timeout=3000)
    app.ctx.services.scanner.inject(sample.qr_payload)
    qtbot.waitUntil(lambda: screen.view is not None and not screen.busy, timeout=10000)
    assert screen.view.state == "hub" and screen.view.local_ref == sample.local_reference


def test_a_short_number_and_another_stations_code_on_the_pad(make_app, qtbot):
    app = make_app(services=True, station={"code": "BN02"})
    app.flow.go("tracking")
    screen = app.navigator.current
    pad, asked = screen.entry.pad, []
    screen.lookup_requested.connect(asked.append)
    for key in "2611217":  # the number "7" of 0007, then Search
        click(qtbot, pad.keys[key])
    assert screen.field.text() == "BN02-261121-7"
    click(qtbot, screen.entry.go_button)
    assert asked == ["BN02-261121-0007"]
    qtbot.waitUntil(lambda: not screen.busy, timeout=5000)
    click(qtbot, screen.field)  # back to typing: the pad comes back
    assert pad.isVisible()
    click(qtbot, pad.keys["change"])  # a receipt of another station: its letters, then its digits
    assert pad.letters.isVisible()
    for key in ("B", "N", "0", "1", "next", *"2611210007"):
        click(qtbot, pad.keys[key])
    assert asked[-1] == "BN01-261121-0007" and not pad.letters.isVisible()


def test_a_hub_reference_is_typed_on_the_same_pad():
    draft = code_format.press(code_format.start("BN01"), "change")
    for key in ("H", "S", "next", *"2026123456789"):
        draft = code_format.press(draft, key)
    assert draft.full and code_format.to_search(draft) == "HS-2026-123456789"


@given(st.lists(st.sampled_from([*"0123456789", "A", "z", "backspace", "clear", "change", "next", "é", "-"]),
                max_size=40))
def test_whatever_is_pressed_the_pad_offers_only_references_or_nothing(keys: list[str]) -> None:
    draft = code_format.start("BN01")
    for key in keys:
        draft = code_format.press(draft, key)
    typed = code_format.to_search(draft)
    assert typed == "" or re.fullmatch(r"[A-Z0-9]{2,8}-\d{4,6}-\d{1,9}", typed), typed
    try:  # what the pad offers is either a reference or answered "not a reference we know", never a crash
        parse_typed_reference(typed)
    except TrackingError:
        pass
    assert len(code_format.text(draft)) <= 8 + 1 + 13 + 1
