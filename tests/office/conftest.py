"""Browser tests of the ward's back office: Debian's chromium driven by Playwright (never `playwright install`:
the Makefile installs the chromium package), against a real hub process, with the kiosk app in pytest-qt."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.resident.conftest import module_hub  # noqa: F401

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


def sign_in(chromium: Any, hub: Any, role: str) -> tuple[Any, Any]:
    """(context, page): a new staff account with `role`, signed in through the hub's own sign-in page."""
    from tests.staff_fixtures import PASSWORD, create_staff

    username, _ = create_staff(hub, role)
    context = chromium.new_context(locale="vi-VN", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(hub.url + "/office/dossiers")  # not signed in: the sign-in page, then back here
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url("**/office/dossiers")
    return context, page


@pytest.fixture
def officer(chromium: Any, module_hub: Any) -> Iterator[Any]:  # noqa: F811
    """A signed-in officer's browser tab on the hub."""
    context, page = sign_in(chromium, module_hub, "officer")
    yield page
    context.close()


@pytest.fixture
def health_worker(chromium: Any, module_hub: Any) -> Iterator[Any]:  # noqa: F811
    """A signed-in health worker's browser tab (crisis readings are theirs to see)."""
    context, page = sign_in(chromium, module_hub, "health_worker")
    yield page
    context.close()


@pytest.fixture(autouse=True)
def _no_offline_grace(monkeypatch: pytest.MonkeyPatch) -> None:
    import offline_queue.hub_worker as hub_worker

    monkeypatch.setattr(hub_worker, "OFFLINE_GRACE_S", 0.0)
