"""The shared catalogue contract (core/catalogue_contract.py) against malformed and hostile documents (hypothesis):
it answers "valid" or CatalogueRefused with a JSON path, never anything else, and whatever it accepts the kiosk can
index, search and show."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from central.local import KIOSK_CATALOGUE
from core.catalogue import Catalogue
from core.catalogue_contract import MAX_BYTES, CatalogueRefused, check, checked, parse

FULL = json.loads(KIOSK_CATALOGUE.read_text(encoding="utf-8"))
HOSTILE_TEXT = st.sampled_from(["<script>alert(1)</script>", "<b>đậm</b>", "javascript:alert(1)", "\u202e", "",
                                "%s%n", "a" * 10_000, "${jndi:ldap://x}", "\ud7ff", "Ông/Bà"])
JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.floats(allow_nan=False) | st.text() | HOSTILE_TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=30)


def _paths(doc: Any, path: tuple = ()) -> list[tuple]:
    out = [path]
    if isinstance(doc, dict):
        for k, v in doc.items():
            out += _paths(v, (*path, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out += _paths(v, (*path, i))
    return out


PATHS = _paths(FULL)[1:]


def _replace(doc: Any, path: tuple, value: Any) -> Any:
    doc = copy.deepcopy(doc)
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return doc


def _usable(doc: dict) -> None:
    """What the kiosk does with an accepted document: index it, browse it, search it."""
    cat = Catalogue(doc)
    for info in cat.fields():
        assert cat.by_field(info.key)
    for p in cat.all():
        assert cat.get(p.code) is p
        p.fee("in_person"), p.processing_times, p.required_documents
    cat.search("đăng ký thường trú")
    cat.search("<script>")


@settings(max_examples=150)
@given(JSON)
def test_arbitrary_json_is_refused_with_a_path_never_crashes(value) -> None:
    found = check(value)
    assert found and all(p.path.startswith("$") for p in found)


@settings(max_examples=100)
@given(st.sampled_from(PATHS), JSON)
def test_any_node_of_the_real_catalogue_replaced_by_anything(path, value) -> None:
    doc = _replace(FULL, path, value)
    try:
        accepted = checked(doc)
    except CatalogueRefused as exc:
        assert exc.first.path.startswith("$")
        return
    _usable(accepted)


def _get(doc: Any, path: tuple) -> Any:
    for key in path:
        doc = doc[key]
    return doc


TEXT_PATHS = [p for p in PATHS if isinstance(_get(FULL, p), str)]


@settings(max_examples=40)
@given(st.sampled_from(TEXT_PATHS), HOSTILE_TEXT)
def test_script_like_and_huge_strings_are_plain_text_to_the_kiosk(path, text) -> None:
    try:
        accepted = checked(_replace(FULL, path, text))
    except CatalogueRefused:
        return
    _usable(accepted)


def test_huge_deep_and_broken_bytes_are_refused_before_they_are_walked() -> None:
    cases = {
        b"[" * 100_000 + b"]" * 100_000: "$: nested too deeply",
        b'{"a":' + b"[" * 30 + b"1" + b"]" * 30 + b"}": "nested deeper than",
        b" " * (MAX_BYTES + 1): "larger than",
        b"\xff\xfe{": "not UTF-8",
        b"{'single': 'quotes'}": "not JSON",
        b"NaN": "expected object",
    }
    for raw, message in cases.items():
        try:
            parse(raw)
        except CatalogueRefused as exc:
            assert message in str(exc), (raw[:30], str(exc))
        else:
            raise AssertionError(f"accepted {raw[:30]!r}")


def test_the_committed_catalogue_meets_the_contract_and_the_demo_hub_one_too() -> None:
    from central.catalog_store import DEMO_CATALOGUE

    assert check(FULL) == []
    assert check(json.loads(DEMO_CATALOGUE.read_text(encoding="utf-8"))) == []
