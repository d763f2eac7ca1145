"""Password hashing (argon2id via argon2-cffi) and the password policy; pure apart from CPU time."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

# argon2-cffi's defaults are RFC 9106's low-memory profile (argon2id, t=3, m=64 MiB, p=4).
_HASHER = PasswordHasher()
MIN_LENGTH = 12
# Verified when the account does not exist, so a wrong user name costs as much time as a wrong password.
_DUMMY_HASH = _HASHER.hash("not-a-real-password-only-for-timing")


class PasswordPolicyError(ValueError):
    """A new password is refused (the message says why, in Vietnamese and English)."""


def check_policy(password: str, username: str) -> None:
    if len(password) < MIN_LENGTH:
        raise PasswordPolicyError(f"Mật khẩu cần ít nhất {MIN_LENGTH} ký tự / "
                                  f"The password needs at least {MIN_LENGTH} characters.")
    if username.lower() in password.lower() or len(set(password)) < 4:
        raise PasswordPolicyError("Mật khẩu quá dễ đoán / The password is too easy to guess.")


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify(stored_hash: str | None, password: str) -> bool:
    try:
        return _HASHER.verify(stored_hash or _DUMMY_HASH, password) and stored_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    try:
        return _HASHER.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return False
