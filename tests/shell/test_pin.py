"""Technician PINs: scrypt hashes, constant-time checks, lockout that grows."""

from __future__ import annotations

from core.pin import PinGate, hash_pin, verify_pin


def test_hash_verifies_only_the_right_pin_and_never_stores_it() -> None:
    stored = hash_pin("482913")
    assert "482913" not in stored
    assert verify_pin("482913", stored)
    assert not verify_pin("482914", stored)


def test_malformed_or_hostile_hashes_never_match() -> None:
    for stored in ("", "plain", "scrypt$1$1$1$zz$zz", "scrypt$1048576000$8$1$00$00", "md5$1$2$3$4$5"):
        assert not verify_pin("1234", stored)


def test_five_wrong_pins_lock_with_a_growing_delay() -> None:
    gate = PinGate([hash_pin("1234")], max_failures=5, base_lockout=30)
    now = 1000.0
    for tries_left in (4, 3, 2, 1):
        assert gate.try_pin("0000", now).remaining_tries == tries_left
    first = gate.try_pin("0000", now)
    assert first.locked_for == 30
    assert not gate.try_pin("1234", now + 10).ok, "the right PIN is refused while locked"
    now += 31
    for _ in range(5):
        result = gate.try_pin("0000", now)
    assert result.locked_for == 60, "the second lockout is twice as long"
    now += 61
    assert gate.try_pin("1234", now).ok
