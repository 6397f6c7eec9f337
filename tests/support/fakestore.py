"""Stand-in SPARQL stores on 127.0.0.1, for the tests of what a store's bad answer does to a command: every POST is
read and answered 200 as SPARQL JSON results; a subclass says how long its body claims to be and writes it."""

from __future__ import annotations

import contextlib
import http.server
import threading
from collections.abc import Iterator


class JsonStore(http.server.BaseHTTPRequestHandler):
    """Answers every query with `body`."""

    body = b""

    def log_message(self, *args):
        pass

    def claimed_length(self) -> int:
        return len(self.body)

    def answer(self) -> None:
        self.wfile.write(self.body)

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(self.claimed_length()))
        self.end_headers()
        self.answer()


@contextlib.contextmanager
def serving(handler: type[http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    """The base URL of a threaded server of `handler` on a free port, shut down afterwards."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
