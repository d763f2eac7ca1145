"""Every parser takes arbitrary untrusted text: it returns a value or raises only its typed error."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from core.formats import (
    CccdError,
    EnrolmentError,
    FormatError,
    Kind,
    LinkError,
    ScanResult,
    TrackingError,
    VietQRError,
    build_vietqr,
    classify,
    parse_cccd,
    parse_enrolment,
    parse_procedure,
    parse_reference,
    parse_tracking_payload,
    parse_vietqr,
)

# Text with lots of the characters that matter to these formats.
ALPHABET = st.sampled_from([*"0123456789|-.:/?=&@%#\\ \r\n\x00ABCDEFHNSTVQRabcdhpstuvw",
                            "Nam", "Nữ", "ễ", "０", "https://", "dichvucong.gov.vn", "TCDS", "TCDS-ENROL", "000201",
                            "6304", "ma_thu_tuc=", "\ufeff", "\u200b", "xn--", "ｱ",
                            # lone surrogates (issue 13: a broken decoder upstream hands these over)
                            "\ud800", "\udbff", "\udc00", "\udfff"])
TEXT = st.one_of(st.text(), st.lists(ALPHABET, max_size=60).map("".join),
                 st.text(st.characters(codec=None, categories=["Cs", "Nd", "Lu", "Po"]), max_size=60))
SETTINGS = settings(max_examples=300, deadline=None)


def _only(parser, error, text):
    try:
        parser(text)
    except error:
        pass


@SETTINGS
@given(TEXT)
def test_classify_never_raises_and_is_json_safe(text):
    result = classify(text)
    assert isinstance(result, ScanResult)
    json.dumps(result.to_json(), ensure_ascii=False)


@SETTINGS
@given(TEXT)
def test_parsers_raise_only_their_typed_errors(text):
    _only(parse_cccd, CccdError, text)
    _only(parse_vietqr, VietQRError, text)
    _only(parse_procedure, LinkError, text)
    _only(parse_tracking_payload, TrackingError, text)
    _only(parse_reference, TrackingError, text)
    _only(parse_enrolment, EnrolmentError, text)


FIELD = st.text(alphabet=st.characters(blacklist_characters="|", blacklist_categories=("Cs",)), max_size=30)


@SETTINGS
@given(st.lists(FIELD, min_size=6, max_size=12))
def test_pipe_separated_shapes(fields):
    _only(parse_cccd, CccdError, "001085012345|" + "|".join(fields))


@SETTINGS
@given(bin_=st.from_regex(r"[0-9]{6}", fullmatch=True), account=st.from_regex(r"[0-9A-Za-z]{1,19}", fullmatch=True),
       amount=st.integers(1, 10**13 - 1), purpose=st.text(max_size=60), bill=st.none() | st.text(max_size=40))
def test_built_codes_always_parse_back(bin_, account, amount, purpose, bill):
    try:
        payload = build_vietqr(bin_, account, amount, purpose, bill_number=bill)
    except FormatError:
        return
    qr = parse_vietqr(payload)
    assert (qr.bank_bin, qr.account, qr.amount, qr.dynamic) == (bin_, account, amount, True)
    assert qr.purpose is None or (qr.purpose.isascii() and len(qr.purpose) <= 25)


@SETTINGS
@given(st.binary(max_size=80))
def test_mutated_valid_payload_never_crashes(noise):
    good = build_vietqr("970436", "0071000123456", 20000, "phi")
    cut = len(noise) % len(good)
    mutated = good[:cut] + noise.decode("latin-1") + good[cut:]
    _only(parse_vietqr, VietQRError, mutated)
    classify(mutated)


TLV = st.tuples(st.sampled_from(["00", "01", "38", "53", "54", "58", "59", "62", "63", "26", "99"]),
                st.text(alphabet="0123456789AQRIBFTVNabc ", min_size=0, max_size=30))


@SETTINGS
@given(st.lists(TLV, max_size=10), st.booleans())
def test_structures_with_a_valid_crc_never_crash(items, lead):
    from core.formats.vietqr import crc16_ccitt_false

    body = ("000201" if lead else "") + "".join(f"{tag}{len(value):02d}{value}" for tag, value in items) + "6304"
    payload = body + f"{crc16_ccitt_false(body.encode()):04X}"
    _only(parse_vietqr, VietQRError, payload)
    assert classify(payload).kind in set(Kind)


def test_lone_surrogates_are_format_errors_not_unicode_errors():
    """The fuzz finding of issue 13: classify() and parse_vietqr() raised UnicodeEncodeError."""
    for text in ("00020101021238\ud800", "\ud800", "000201" + "\udcff" * 10 + "6304ABCD"):
        assert classify(text).kind == Kind.UNKNOWN
        _only(parse_vietqr, VietQRError, text)
