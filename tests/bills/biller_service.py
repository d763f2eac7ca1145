"""A stand-alone biller service speaking ``bill-lookup/1`` (central/billers/adapter.py), for tests only.

Run as its own process: ``python tests/bills/biller_service.py BILLS.json`` prints ``PORT <n>`` once it listens
on 127.0.0.1. BILLS.json maps customer codes to {"amount", "period"}; the code "BROKEN" answers 500 and
"GARBAGE" answers a body that is not JSON. The data is test data written by the team, not any real biller's."""

from __future__ import annotations

import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote


def main() -> None:
    bills = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            prefix = "/v1/bills/"
            code = unquote(self.path[len(prefix):]) if self.path.startswith(prefix) else None
            if code == "BROKEN":
                self._send(500, b'{"error": "down"}')
            elif code == "GARBAGE":
                self._send(200, b"<html>not json</html>")
            elif code in bills:
                self._send(200, json.dumps({"customer_code": code, **bills[code]}).encode())
            else:
                self._send(404, b'{"error": "no bill"}')

        def _send(self, status: int, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
