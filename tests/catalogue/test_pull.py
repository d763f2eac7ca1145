"""The kiosk pulls the catalogue from a real hub process (conditional requests), checks it again, keeps the last
good version on disk; a hostile "hub" (a canned http.server) never replaces it and never raises past pull()."""

from __future__ import annotations

import copy
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from central.local import KIOSK_CATALOGUE
from offline_queue.catalogue_pull import CURRENT, folder, load_stored, pull, read_status
from offline_queue.hub_client import MAX_CATALOG_BYTES, HubClient
from offline_queue.protocol import HubProtocolError

FULL = json.loads(KIOSK_CATALOGUE.read_text(encoding="utf-8"))


def test_pull_from_a_real_hub_is_conditional_and_stored_atomically(local_hub, tmp_path: Path) -> None:
    client = HubClient(local_hub.url, local_hub.enroll()["token"])
    first = pull(client, tmp_path, None)
    assert first.outcome == "updated" and first.stored.document == FULL  # the demo hub publishes the kiosk's own
    stored = load_stored(tmp_path)
    assert stored is not None and stored.version == first.version and stored.etag == first.stored.etag
    assert sorted(p.name for p in folder(tmp_path).iterdir()) == [CURRENT, "status.json"]  # no temporary left
    assert pull(client, tmp_path, stored).outcome == "unchanged"  # answered 304
    changed = copy.deepcopy(FULL)
    changed["fields"]["cu_tru"]["vi"] = "Cư trú (đã sửa)"
    status, body = local_hub.request("PUT", "/admin/catalog", changed)
    assert status == 201, body
    newer = pull(client, tmp_path, stored)
    assert newer.outcome == "updated" and newer.version == body["version"]
    assert load_stored(tmp_path).document["fields"]["cu_tru"]["vi"] == "Cư trú (đã sửa)"


class Canned(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def do_GET(self) -> None:
        status, body, headers = self.server.answer
        self.server.seen.append(self.headers.get("If-None-Match"))
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def fake_hub() -> Iterator[http.server.ThreadingHTTPServer]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Canned)
    server.daemon_threads = True
    server.seen = []
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def envelope(doc: object, version: int = 7) -> bytes:
    return json.dumps({"version": version, "published_at": "2026-12-01T00:00:00+00:00", "catalogue": doc}).encode()


def bad_fee() -> dict:
    doc = copy.deepcopy(FULL)
    doc["procedures"][0]["channels"][0]["fees"][0]["amount"] = "<script>alert(1)</script>"
    return doc


HOSTILE = {
    "wrong type deep inside": (envelope(bad_fee()), "$.procedures[0].channels[0].fees[0].amount"),
    "deeply nested": (b'{"version":7,"catalogue":{"a":' + b"[" * 3000 + b"]" * 3000 + b"}}", None),
    "catalogue is a list": (envelope([1, 2, 3]), None),
    "empty procedures": (envelope(FULL | {"procedures": []}), "$.procedures"),
    "NUL in a name": (envelope(copy.deepcopy(FULL) | {"source": FULL["source"] | {"publisher": "a\x00b"}}),
                      "$.source.publisher"),
    "version is text": (b'{"version":"7","catalogue":{}}', None),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_catalogue_never_replaces_the_last_good_one(case, fake_hub, tmp_path: Path) -> None:
    client = HubClient(f"http://127.0.0.1:{fake_hub.server_port}", "t")
    fake_hub.answer = (200, envelope(FULL, 3), {"ETag": '"good"'})
    good = pull(client, tmp_path, None)
    assert good.outcome == "updated"
    body, path = HOSTILE[case]
    fake_hub.answer = (200, body, {"ETag": '"bad"'})
    try:
        result = pull(client, tmp_path, good.stored)
    except HubProtocolError:  # an answer that is not even the envelope: the run logs it, nothing changes
        result = None
    if result is not None:
        assert result.outcome == "refused"
        if path:
            assert result.problem.startswith(path)
        assert read_status(tmp_path)["refused"]["problem"] == result.problem
    kept = load_stored(tmp_path)
    assert kept.version == 3 and kept.document == FULL


def test_a_refused_version_is_not_downloaded_again_and_a_good_one_clears_the_refusal(fake_hub, tmp_path) -> None:
    client = HubClient(f"http://127.0.0.1:{fake_hub.server_port}", "t")
    fake_hub.answer = (200, envelope(FULL, 3), {"ETag": '"v3"'})
    good = pull(client, tmp_path, None)
    fake_hub.answer = (200, envelope(bad_fee(), 4), {"ETag": '"v4"'})
    assert pull(client, tmp_path, good.stored).outcome == "refused"
    fake_hub.answer = (304, b"", {"ETag": '"v4"'})
    assert pull(client, tmp_path, good.stored).outcome == "unchanged"
    assert fake_hub.seen[-1] == '"v3", "v4"'  # both tags: the hub answers 304 for the refused one
    assert read_status(tmp_path)["refused"]["version"] == 4  # still shown to the technician
    fake_hub.answer = (200, envelope(FULL | {"fields": FULL["fields"]}, 5), {"ETag": '"v5"'})
    assert pull(client, tmp_path, good.stored).outcome == "updated"
    assert read_status(tmp_path)["refused"] is None


def test_a_huge_answer_is_cut_off_before_it_fills_the_memory(fake_hub, tmp_path: Path) -> None:
    client = HubClient(f"http://127.0.0.1:{fake_hub.server_port}", "t")
    fake_hub.answer = (200, b'{"version":1,"catalogue":{"x":"' + b"a" * MAX_CATALOG_BYTES + b'"}}', {})
    with pytest.raises(HubProtocolError, match="larger than"):
        pull(client, tmp_path, None)
    assert load_stored(tmp_path) is None


def test_a_damaged_stored_file_falls_back_instead_of_failing(tmp_path: Path) -> None:
    folder(tmp_path).mkdir()
    for damage in (b"", b"{", b'{"version": 1, "catalogue": {"procedures": 1}}', b"\xff" * 10, b"[]"):
        (folder(tmp_path) / CURRENT).write_bytes(damage)
        assert load_stored(tmp_path) is None


def test_the_app_notices_what_another_process_stored_once_and_never_a_damaged_file(fake_hub, tmp_path) -> None:
    """StoredCatalogueWatch: the app's side of the headless sync service (hub.sync_in_gui = false)."""
    from offline_queue.hub_documents import StoredCatalogueWatch

    watch = StoredCatalogueWatch(tmp_path)
    assert watch.poll(None) is None  # nothing stored yet
    client = HubClient(f"http://127.0.0.1:{fake_hub.server_port}", "t")
    fake_hub.answer = (200, envelope(FULL, 3), {"ETag": '"v3"'})
    good = pull(client, tmp_path, None).stored  # as the service does, in its own process
    seen = watch.poll(None)
    assert seen is not None and seen.outcome == "updated" and seen.stored.version == 3
    assert watch.poll(seen.stored) is None  # told once
    fake_hub.answer = (200, envelope(bad_fee(), 4), {"ETag": '"v4"'})
    assert pull(client, tmp_path, good).outcome == "refused"
    refused = watch.poll(seen.stored)
    assert refused is not None and refused.outcome == "refused" and refused.version == 4
    assert refused.problem.startswith("$.procedures[0].channels[0].fees[0].amount")
    fake_hub.answer = (304, b"", {})
    pull(client, tmp_path, good)  # the status file is rewritten with the same refusal: not news
    assert watch.poll(seen.stored) is None
    (folder(tmp_path) / CURRENT).write_text('{"version": 9, "catalogue": {"procedures": "x"}}', encoding="utf-8")
    assert watch.poll(seen.stored) is None  # damaged: the app keeps what it shows
