"""Issue 13: every parser is total on any str, lone surrogates included: a FormatError, never another exception."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.formats import (
    FormatError,
    classify,
    parse_cccd,
    parse_enrolment,
    parse_procedure,
    parse_reference,
    parse_tracking_payload,
    parse_vietqr,
)
from core.formats.vietqr import parse_emv

PARSERS: list[Callable[[str], Any]] = [parse_vietqr, parse_emv, parse_cccd, parse_enrolment, parse_procedure,
                                       parse_reference, parse_tracking_payload]
SURROGATES = st.sampled_from(["\ud800", "\udbff", "\udc00", "\udfff"])
# Prefixes that reach each parser's inner branches, so the odd characters land past the first check.
PREFIXES = st.sampled_from(["", "000201010212", "00020101021238570010A000000727", "TCDS|1|", "TCDS-ENROL|1|",
                            "079090001234|", "hs-2026-", "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-"
                            "hanh-chinh-chi-tiet.html?ma_thu_tuc="])
NASTY = st.builds(lambda p, a, s, b: p + a + s + b, PREFIXES, st.text(max_size=40), SURROGATES,
                  st.text(max_size=40)) | st.text(st.characters(codec=None), max_size=80)


@pytest.mark.parametrize("parser", PARSERS, ids=lambda f: f.__name__)
@given(text=NASTY)
def test_parsers_raise_only_format_errors(parser: Callable[[str], Any], text: str) -> None:
    try:
        parser(text)
    except FormatError:
        pass


@given(text=NASTY)
def test_classify_never_raises(text: str) -> None:
    classify(text)


def test_the_fuzz_finding_of_the_issue() -> None:
    for text in ("00020101021238\ud800", "\ud800"):
        assert classify(text).kind.name == "UNKNOWN"
        with pytest.raises(FormatError):
            parse_vietqr(text)
