"""Bad input from the network: HTML, wrong JSON shapes, a full disk. The queue stays intact, the status says why.

A tiny http.server on 127.0.0.1 plays a broken hub or proxy that answers every request with one canned
response (it does not implement the hub API).
"""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator

import pytest

from offline_queue.records import AttachmentIn
from offline_queue.runtime import make_client, open_store
from offline_queue.store import StorageError
from offline_queue.sync import read_status, sync_once
from tests.queue.conftest import dossier


class Canned(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    status, content_type, body = 200, "text/html", b""

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        request = self.rfile.read(length) if length else b""
        body = self.server.respond(request) if callable(getattr(self.server, "respond", None)) else self.body
        self.send_response(self.server.status)
        self.send_header("Content-Type", self.server.content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = _answer

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def broken() -> Iterator[http.server.ThreadingHTTPServer]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Canned)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def echo_results(transform):
    """A responder that reads the batch and answers results transformed by ``transform(items)``."""
    def respond(request: bytes) -> bytes:
        items = json.loads(request)["items"]
        return json.dumps(transform(items)).encode()
    return respond


HTML = b"<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>"
CASES = {
    "html_200": (200, "text/html; charset=utf-8", HTML, "protocol"),
    "html_502": (502, "text/html", HTML, "server"),
    "not_json": (200, "application/json", b"{results: oops", "protocol"),
    "json_list": (200, "application/json", b"[]", "protocol"),
    "no_results": (200, "application/json", b'{"ok": true}', "protocol"),
    "empty": (200, "application/json", b"", "protocol"),
    "wrong_ids": (200, "application/json", echo_results(lambda items: {"results": [
        {"id": "00000000-0000-4000-8000-000000000000", "status": "accepted", "reference": "HS-2026-000001"}
        for _ in items]}), "protocol"),
    "too_few": (200, "application/json", echo_results(lambda items: {"results": [
        {"id": i["id"], "status": "accepted", "reference": "HS-2026-000001"} for i in items[:-1]]}), "protocol"),
    "bad_status": (200, "application/json", echo_results(lambda items: {"results": [
        {"id": i["id"], "status": "ok", "reference": "HS-2026-000001"} for i in items]}), "protocol"),
    "redirect": (302, "text/html", HTML, "protocol"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_malformed_answer_never_marks_anything_sent(case, broken, config, data_dir):
    status, ctype, body, stop = CASES[case]
    broken.status, broken.content_type = status, ctype
    broken.respond = body if callable(body) else (lambda _req, b=body: b)
    store = open_store(config, data_dir)
    ids = [store.enqueue("dossier", dossier(i), {"full_name": "Vũ Văn Một"}).uuid for i in range(3)]
    client = make_client(config, data_dir, url=f"http://127.0.0.1:{broken.server_port}", token="t")
    report = sync_once(store, client)
    assert report.stop == stop and report.sent == 0
    rows = [store.lookup(i) for i in ids]
    assert {r.status for r in rows} == {"retry"} and all(r.last_error for r in rows)
    status = read_status(store)
    assert status["phase"] == "idle" and status["last_error"] and status["counts"]["retry"] == 3


def test_a_full_disk_refuses_new_rows_and_keeps_the_queue(config, data_dir, hub):
    from tests.queue.conftest import enrolled

    store = open_store(config, data_dir, max_page_count=40)
    done = []
    with pytest.raises(StorageError) as info:
        for i in range(10_000):
            done.append(store.enqueue("dossier", dossier(i), {"full_name": "Hoàng Văn Hai"},
                                      [AttachmentIn("a.jpg", "image/jpeg", bytes(2000))]).uuid)
    assert info.value.code == "disk_full"
    assert done and store.counts()["queued"] == len(done)
    assert all(store.lookup(sid) for sid in done[:5] + done[-5:])
    # what is queued still goes out
    from dataclasses import replace

    config = replace(config, hub=replace(config.hub, url=hub.url))
    client = enrolled(config, data_dir, hub.url)
    while store.counts()["queued"] + store.counts()["retry"]:
        report = sync_once(store, client, force=True)
        assert report.ok, report
    assert store.counts()["sent"] == len(done)


@pytest.mark.parametrize("call", [
    lambda c: c.get_dossier("BN01-261121-0001"),
    lambda c: c.create_payment("BN01-261121-0001", 20000, "phi", "key-1"),
    lambda c: c.get_payment("pay_1"),
    lambda c: c.heartbeat({"version": "0.1.0"}),
    lambda c: c.catalog(0),
    lambda c: c.enroll("DEMO-0000", "BN01", "Trạm", "0.1.0"),
])
def test_every_endpoint_turns_an_html_page_into_a_protocol_error(call, broken, config, data_dir):
    from offline_queue.protocol import HubProtocolError

    broken.status, broken.content_type = 200, "text/html"
    broken.respond = lambda _req: HTML
    with pytest.raises(HubProtocolError):
        call(make_client(config, data_dir, url=f"http://127.0.0.1:{broken.server_port}", token="t"))


def test_tls_is_verified_with_the_configured_ca_bundle(config, data_dir, tmp_path):
    import dataclasses

    assert make_client(config, data_dir, url="https://hub.example").session.verify is True
    bundle = tmp_path / "ca.pem"
    bundle.write_text("-----BEGIN CERTIFICATE-----\n")
    config = dataclasses.replace(config, hub=dataclasses.replace(config.hub, ca_bundle=str(bundle)))
    assert make_client(config, data_dir, url="https://hub.example").session.verify == str(bundle)
