"""The read-only SPARQL endpoint served by waitress: `make_server(store, …)`, then `.run()`.

waitress reads requests asynchronously and hands only complete ones to its worker threads, so slow or
malformed clients (slowloris, bad `Content-Length`, chunked bodies) tie up no thread; its listen backlog and
connection limit are set here. Behind a reverse proxy (`Settings.trusted_proxy`), waitress
takes the client's address from the proxy's `X-Forwarded-For`; from anyone else that header is dropped.
"""

from __future__ import annotations

from dataclasses import replace

import pyoxigraph as ox

from ..client import SERVE_IDENT
from .access import Access
from .app import Endpoint, Settings
from .internals import before_shutdown

__all__ = ["Access", "Endpoint", "Settings", "make_server"]

MAX_BODY = 1 << 20          # bytes of a POST body (a query)
MAX_HEADERS = 64 << 10      # bytes of request headers
BACKLOG = 1024              # pending connections the kernel keeps
CONNECTION_LIMIT = 200      # open connections at once
IDLE_SECONDS = 30           # a connection that sends nothing for this long is closed


def make_server(store: ox.Store, settings: Settings, host: str = "127.0.0.1", port: int = 8000, threads: int = 8):
    """A waitress server bound to host:port (port 0: any free port, see `.effective_port`)."""
    from waitress import create_server

    endpoint = Endpoint(store, settings, threads)
    proxy = {"trusted_proxy": settings.trusted_proxy, "trusted_proxy_headers": {"x-forwarded-for"}} \
        if settings.trusted_proxy else {}
    server = create_server(endpoint, host=host, port=port, threads=threads, backlog=BACKLOG,
                           connection_limit=CONNECTION_LIMIT, channel_timeout=IDLE_SECONDS,
                           max_request_body_size=MAX_BODY, max_request_header_size=MAX_HEADERS,
                           ident=SERVE_IDENT, expose_tracebacks=False, clear_untrusted_proxy_headers=True,
                           **proxy)
    endpoint.settings = replace(settings, access=settings.access.bound_to(server.effective_port))
    before_shutdown(server, endpoint.closing.set)  # the queries that run or wait give up: a quick stop
    return server
