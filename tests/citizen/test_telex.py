"""The Telex/VNI engine behind the on-screen keyboard: FORMATS §6 examples, tone placement, undo, fuzzing."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.telex import backspace, process_key, process_sequence, remove_tone


@pytest.mark.parametrize(("keys", "word"), [
    ("tieengs", "tiếng"), ("nguwowif", "người"), ("ddaau", "đâu"),  # FORMATS §6
    ("Nguyeenx", "Nguyễn"), ("Vawn", "Văn"), ("Traanf", "Trần"), ("Bichs", "Bích"), ("dduwowngf", "đường"),
    ("thuwowngf", "thường"), ("truwowngf", "trường"), ("hoawcj", "hoặc"), ("muwa", "mưa"), ("quas", "quá"),
    ("gif", "gì"), ("giaf", "già"), ("ngoaif", "ngoài"), ("khuyeen", "khuyên"), ("luaajt", "luật"),
    ("cuar", "của"), ("toans", "toán"), ("kys", "ký"), ("w", "ư"), ("DDAAUF", "ĐẦU"),
])
def test_telex_words(keys: str, word: str) -> None:
    assert process_sequence(keys) == word


def test_whole_phrase_with_spaces() -> None:
    assert process_sequence("ddawng kys thuwowngf trus") == "đăng ký thường trú"


@pytest.mark.parametrize(("keys", "modern", "old"), [("hoaf", "hoà", "hòa"), ("khoer", "khoẻ", "khỏe"),
                                                     ("thuys", "thuý", "thúy")])
def test_modern_and_old_tone_placement(keys: str, modern: str, old: str) -> None:
    assert process_sequence(keys) == modern
    assert process_sequence(keys, modern=False) == old


def test_tone_moves_when_letters_follow() -> None:
    word = process_sequence("hoaf")  # hoà
    assert process_key(word, "n") == "hoàn"  # a final consonant: the tone sits on the last vowel
    assert process_sequence("tosan") == "toán"


@pytest.mark.parametrize(("keys", "word"), [("ass", "as"), ("aaa", "aa"), ("aww", "aw"), ("ddd", "dd"),
                                            ("tieengsz", "tiêng"), ("az", "az")])
def test_repeating_a_modifier_undoes_it_and_z_removes_the_tone(keys: str, word: str) -> None:
    assert process_sequence(keys) == word


def test_vni() -> None:
    assert process_sequence("tie6ng1", method="vni") == "tiếng"
    assert process_sequence("ngu7o7i2", method="vni") == "người"
    assert process_sequence("d9a6u", method="vni") == "đâu"


def test_backspace_and_remove_tone() -> None:
    assert backspace("tiếng") == "tiến"
    assert backspace("hoàn") == "hoà" and backspace("hoàn", modern=False) == "hòa"
    assert backspace("hoà") == "ho"  # the letter that carried the tone takes it along
    assert backspace("") == ""
    assert remove_tone("người") == "ngươi"


def test_non_words_are_left_alone() -> None:
    assert process_key("CT0", "1") == "CT01"
    assert process_key("12A", "s") == "12As"


@pytest.mark.parametrize("keys", ["tieengs", "nguwowif", "ddaau", "Nguyeenx", "hoawcj", "truwowngf", "luaajt",
                                  "khuyeen", "gif", "quas", "ddd", "aww", "ass"])
def test_agrees_with_bogo(keys: str) -> None:
    bogo = pytest.importorskip("bogo")  # an independent Telex engine (FORMATS §6), old-style tones
    assert process_sequence(keys, modern=False) == bogo.process_sequence(keys)


KEYS = st.sampled_from([*"aăâbcdđeêfghijklmnoôơpqrstuưvwxyzAWDSFRXJZ0123456789 ,.-/\u0301\u0300",
                        "\u0000", "\ufeff", "ﬁ", "Ǆ", "e\u0301"])


@settings(max_examples=400, deadline=None)
@given(st.lists(KEYS, max_size=60), st.booleans(), st.sampled_from(["telex", "vni"]))
def test_random_key_sequences_never_raise_and_stay_nfc(keys, modern, method) -> None:
    text = ""
    for key in keys:
        word_start = text.rfind(" ") + 1
        text = text[:word_start] + process_key(text[word_start:], key, modern=modern, method=method)
        assert unicodedata.is_normalized("NFC", text)
        text = text if len(text) < 200 else ""
    assert unicodedata.is_normalized("NFC", backspace(text))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30), st.text(max_size=2))
def test_any_word_and_key_never_raise(word, key) -> None:
    out = process_key(word, key)
    assert unicodedata.is_normalized("NFC", out)


def test_the_diacritics_row_marks_and_tones_the_word_without_telex() -> None:
    """Issue 17: Vietnamese typed directly — one key per mark, one per tone; nothing to mark does nothing."""
    from core.telex import ACUTE, GRAVE, add_mark, set_tone

    assert add_mark("tuong", "horn") == "tương" and add_mark("an", "horn") == "ăn"
    assert add_mark("ten", "hat") == "tên" and add_mark("Toi", "hat") == "Tôi"
    assert add_mark("do", "stroke") == "đo" and add_mark("", "stroke") == "đ"
    assert add_mark("tân", "hat") == "tân" and add_mark("xyz", "horn") == "xyz"
    assert set_tone("tương", GRAVE) == "tường" and set_tone("tường", GRAVE) == "tương"
    assert set_tone("hoa", ACUTE) == "hoá" and set_tone("tr", ACUTE) == "tr"
