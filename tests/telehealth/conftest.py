"""Fixtures of the telehealth tests: Debian's chromium driven by Playwright (never a downloaded browser), with
fake camera and microphone, and media pinned to 127.0.0.1."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
    "--allow-loopback-in-peer-connection",  # media on 127.0.0.1 only
    "--disable-features=WebRtcHideLocalIpsWithMdns",  # plain host candidates, no mDNS names to resolve
    "--autoplay-policy=no-user-gesture-required",
]
DOCTOR = "BS. Trần Thị Lan"
PASSWORD = "kham-tu-xa-2026-an-toan"


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is missing: `make sysdeps` installs Debian's chromium package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def doctor_page(chromium: Any, local_hub: Any) -> Iterator[Any]:
    yield from open_doctor_page(chromium, local_hub)


def sign_in_health_worker(hub: Any, username: str = "bs.lan", role: str = "health_worker") -> str:
    """A staff account with the health-worker role (display name DOCTOR; made unless it exists), signed in: its
    session cookie."""
    from central.db import Database
    from central.staff import accounts

    db = Database(hub.db_url)
    try:
        if username not in {u["username"] for u in accounts.list_users(db)}:
            accounts.create_user(db, username, role, PASSWORD, display_name=DOCTOR)
    finally:
        db.dispose()
    return hub.login(username, PASSWORD)[0]


def open_doctor_page(chromium: Any, hub: Any) -> Iterator[Any]:
    """The doctor's page in chromium, signed in as a health worker (the staff session cookie)."""
    name, _, value = sign_in_health_worker(hub).partition("=")
    context = chromium.new_context(viewport={"width": 1440, "height": 1000}, locale="vi-VN")
    context.add_cookies([{"name": name, "value": value, "url": hub.url}])
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.errors = errors
    page.goto(hub.url + "/telehealth")
    yield page
    context.close()
