"""The WSGI application: SPARQL 1.1 Protocol at /sparql (read-only), the query page at /.

Routes: `/sparql` (GET, HEAD, POST, OPTIONS), `/` and `/static/…` (GET, HEAD). Every other method gets
405 with `Allow`. Queries run through `engine.execute` within `Settings.limits`, at most
`Settings.max_queries` at a time and `Settings.client_queries` of them for one client (see `turns`): a client
over its share gets 429, a request that waits longer than `Settings.queue_seconds` for its turn 503, both
with `Retry-After`. Queries that run or wait hold at most `threads - RESERVED_THREADS` of the server's worker
threads: the rest answer everything else at once, 429 and 503 included (see `Turns.places`). A query whose
client closes the connection, waiting or running, is dropped at once.
"""

from __future__ import annotations

import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Callable
from urllib.parse import parse_qs

import pyoxigraph as ox

from ...errors import EduGraphError
from .. import params
from ..engine import Dataset, Limits, QueryError, execute
from ..formats import GRAPH_FORMATS, SOLUTION_FORMATS, NotAcceptable
from . import description, page
from .access import Access
from .negotiation import negotiate, ranked
from .turns import Displaced, Full, OverShare, Turns, client_of, departure

FORM = "application/x-www-form-urlencoded"
QUERY_BODY = "application/sparql-query"
UPDATE_BODY = "application/sparql-update"
READ_ONLY = "this endpoint is read-only: SPARQL Update is not allowed (rebuild the graph with `edugraph build`)"
ENDPOINT_METHODS = "GET, HEAD, POST, OPTIONS"
PAGE_METHODS = "GET, HEAD"
RETRY_AFTER = "1"  # seconds, for 429 and 503 busy
RESERVED_THREADS = 1  # worker threads no query may hold: they answer the page, refusals, … at once
PARAMETER_PREFIX = "$"  # `$region=Дагестан` binds ?region (as Stardog does), see sparql/params
SECURITY_HEADERS = [("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer")]
PAGE_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
               "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")


@dataclass
class Settings:
    """How one endpoint runs (see `edugraph serve --help`)."""

    access: Access
    limits: Limits = field(default_factory=lambda: Limits(services=()))
    max_queries: int = 2
    client_queries: int = 1
    queue_seconds: float = 10.0
    trusted_proxy: str | None = None   # the proxy whose X-Forwarded-For names the client
    verbose: bool = False


def form_fields(raw: bytes, where: str) -> dict[str, list[str]]:
    """`name=value&…` decoded as UTF-8, or 400: a byte that is no UTF-8 (`caf%E9`) must not silently become
    U+FFFD, and so another query.

    >>> form_fields(b"query=ASK%7B%22%D0%9C%22%7D&x", "query string")
    {'query': ['ASK{"М"}'], 'x': ['']}
    """
    try:
        return parse_qs(raw.decode("utf-8"), keep_blank_values=True, errors="strict")
    except UnicodeError:
        raise Reply(HTTPStatus.BAD_REQUEST, f"the {where} is not UTF-8 once percent-decoded") from None


class Reply(Exception):
    """An answer decided early (an error, a redirect): status, one-line text, extra headers."""

    def __init__(self, status: int, text: str = "", headers: list | None = None):
        super().__init__(text)
        self.status, self.text, self.headers = status, text, headers or []


class Endpoint:
    """The WSGI callable over one read-only store."""

    def __init__(self, store: ox.Store, settings: Settings, threads: int):
        self.store, self.settings = store, settings
        # at least one place: a thread must also run the queries
        self.turns = Turns(settings.max_queries, settings.client_queries, max(threads - RESERVED_THREADS, 1))
        self.closing = threading.Event()  # the server stops: queries that run or wait are given up
        self.graphs = description.graph_sizes(store)
        self.page = page.render()

    # ------------------------------------------------------------------ WSGI
    def __call__(self, environ, start_response):
        method = environ["REQUEST_METHOD"].upper()
        host = environ.get("HTTP_HOST", "")
        origin = environ.get("HTTP_ORIGIN")
        try:
            if not self.settings.access.host_allowed(host):
                raise Reply(HTTPStatus.FORBIDDEN, f"Host {host!r} is not served here (start the endpoint with "
                                                  "--allowed-host NAME to accept it)")
            if not self.settings.access.origin_allowed(origin, host):
                raise Reply(HTTPStatus.FORBIDDEN, f"requests from the web origin {origin} are not allowed "
                                                  "(start the endpoint with --cors-origin ORIGIN to allow it)")
            status, body, media_type, headers = self.route(environ, method, host)
        except Reply as reply:
            status, media_type, headers = reply.status, "text/plain; charset=utf-8", reply.headers
            body = (reply.text + "\n").encode("utf-8") if reply.text else b""
        headers = [*headers, *self.settings.access.cors_headers(origin, preflight=method == "OPTIONS"),
                   *SECURITY_HEADERS]
        if body or status not in (HTTPStatus.NO_CONTENT, HTTPStatus.SEE_OTHER):
            headers += [("Content-Type", media_type), ("Content-Length", str(len(body)))]
        start_response(f"{int(status)} {HTTPStatus(status).phrase}", headers)
        if self.settings.verbose:
            print(f"{method} {environ.get('PATH_INFO', '')} {int(status)} {len(body)}", file=sys.stderr, flush=True)
        return [b""] if method == "HEAD" else [body]

    def route(self, environ, method: str, host: str):
        path = environ.get("PATH_INFO", "")
        if path == "/sparql":
            if method == "OPTIONS":
                return HTTPStatus.NO_CONTENT, b"", "", [("Allow", ENDPOINT_METHODS)]
            if method not in ("GET", "HEAD", "POST"):
                raise Reply(HTTPStatus.METHOD_NOT_ALLOWED, f"{method} is not allowed: the endpoint is read-only "
                            f"and answers {ENDPOINT_METHODS}", [("Allow", ENDPOINT_METHODS)])
            return self.sparql(environ, method, host)
        asset = page.ASSETS.get(path)
        if path in ("/", "/index.html") or asset:
            if method not in ("GET", "HEAD"):
                raise Reply(HTTPStatus.METHOD_NOT_ALLOWED, f"{method} is not allowed here", [("Allow", PAGE_METHODS)])
            if asset:
                return HTTPStatus.OK, page.asset(asset), asset.media_type, [("Cache-Control", "no-cache")]
            return HTTPStatus.OK, self.page, "text/html; charset=utf-8", [("Content-Security-Policy", PAGE_POLICY)]
        raise Reply(HTTPStatus.NOT_FOUND, "not found: the endpoint is /sparql, the query page is /")

    # ------------------------------------------------------------------ SPARQL protocol
    def sparql(self, environ, method: str, host: str):
        fields = form_fields(environ.get("QUERY_STRING", "").encode("latin-1"), "query string")  # WSGI: Latin-1
        if method == "POST":
            fields = self.post_fields(environ, fields)
        if "update" in fields:
            raise Reply(HTTPStatus.FORBIDDEN, READ_ONLY)
        solutions, graph = self.formats(environ.get("HTTP_ACCEPT"), fields)
        queries = fields.get("query", [])
        if not queries:
            return self.service_description(environ, host, graph)
        if len(queries) != 1:
            raise Reply(HTTPStatus.BAD_REQUEST, "give exactly one query parameter: /sparql?query=SELECT…")
        if solutions is None and graph is None:
            raise self.not_acceptable(environ)
        text = queries[0]
        values = {name[1:]: value[-1] for name, value in fields.items() if name.startswith(PARAMETER_PREFIX)}
        dataset = Dataset(tuple(fields.get("default-graph-uri", [])), tuple(fields.get("named-graph-uri", [])))
        try:
            bindings = params.bind_resolved(values, text, None, params.library_classes(text), "the query",
                                            params.store_lookup(self.store)) if values else None
            left = departure(environ)
            gone = lambda: left() or self.closing.is_set()  # noqa: E731
            with self.turn(client_of(environ.get("REMOTE_ADDR", "")), gone):
                body, media_type = execute(self.store, text, bindings, solutions, graph,
                                           limits=self.settings.limits, dataset=dataset, cancelled=gone)
        except NotAcceptable as err:
            raise Reply(HTTPStatus.NOT_ACCEPTABLE, str(err)) from None
        except params.ParameterError as err:
            raise Reply(err.http_status, err.naming("?")) from None
        except QueryError as err:
            raise Reply(err.http_status, str(err)) from None
        except EduGraphError as err:
            raise Reply(HTTPStatus.BAD_REQUEST, str(err)) from None
        return HTTPStatus.OK, body, media_type, []

    def post_fields(self, environ, fields: dict) -> dict:
        media = (environ.get("CONTENT_TYPE") or "").split(";")[0].strip().lower()
        body = environ["wsgi.input"].read()
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as err:
            raise Reply(HTTPStatus.BAD_REQUEST, f"the request body is not UTF-8 (byte {err.start})") from None
        if media == UPDATE_BODY:
            raise Reply(HTTPStatus.FORBIDDEN, READ_ONLY)
        if media == QUERY_BODY:
            return {**fields, "query": [text]}
        if media == FORM:
            return {**fields, **form_fields(body, "request body")}
        raise Reply(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                    f"POST {QUERY_BODY} or {FORM} (query=…); got {media or 'no Content-Type'}")

    @staticmethod
    def formats(accept: str | None, fields: dict) -> tuple[str | None, str | None]:
        solutions, graph = negotiate(accept)
        wanted = fields.get("format", [None])[-1]
        if wanted in SOLUTION_FORMATS:
            solutions = wanted
        elif wanted in GRAPH_FORMATS:
            graph = wanted
        elif wanted is not None:
            raise Reply(HTTPStatus.BAD_REQUEST, f"unknown format {wanted!r}: give one of "
                        f"{', '.join([*SOLUTION_FORMATS, *GRAPH_FORMATS])}")
        return solutions, graph

    @staticmethod
    def not_acceptable(environ) -> Reply:
        return Reply(HTTPStatus.NOT_ACCEPTABLE, f"cannot answer in {environ.get('HTTP_ACCEPT')!r}: results come as "
                     "application/sparql-results+json or +xml, text/csv, text/tab-separated-values (SELECT, ASK) "
                     "or text/turtle, application/n-triples, application/rdf+xml, application/ld+json "
                     "(CONSTRUCT, DESCRIBE)")

    def service_description(self, environ, host: str, graph: str | None):
        if ranked(environ.get("HTTP_ACCEPT") or "")[:1] == ["text/html"]:
            raise Reply(HTTPStatus.SEE_OTHER, "", [("Location", "/")])  # a browser: show the query page
        if graph is None:
            raise self.not_acceptable(environ)
        triples = description.description(f"http://{host}/sparql", self.graphs,
                                           federated=bool(self.settings.limits.services))
        body, media_type = description.serialize(triples, graph)
        return HTTPStatus.OK, body, media_type, []

    # ------------------------------------------------------------------ concurrency
    @contextmanager
    def turn(self, client: str, gone: Callable[[], bool]):
        """Hold one of the query slots while the block runs; 429 over the client's share or when its waiting query
        gives its place to a client holding fewer, 503 when every place is taken or no turn comes within
        `queue_seconds` (or the client left while waiting)."""
        share = f"each client may run {self.settings.client_queries} at once and have as many waiting"
        try:
            ticket = self.turns.enqueue(client)
            granted = self.turns.wait(ticket, self.settings.queue_seconds, gone)
        except OverShare:
            raise Reply(HTTPStatus.TOO_MANY_REQUESTS, f"too many queries from you: {share}; try again when one "
                        "has finished", [("Retry-After", RETRY_AFTER)]) from None
        except Displaced:
            raise Reply(HTTPStatus.TOO_MANY_REQUESTS, f"too many queries from you while the endpoint is full: this "
                        f"waiting one gave its place to a client with fewer ({share} while places are free); try "
                        "again when one has finished", [("Retry-After", RETRY_AFTER)]) from None
        except Full:
            raise Reply(HTTPStatus.SERVICE_UNAVAILABLE, f"busy: all {self.turns.places} places for queries, running or "
                        "waiting, are taken; try again shortly", [("Retry-After", RETRY_AFTER)]) from None
        if not granted:
            raise Reply(HTTPStatus.SERVICE_UNAVAILABLE, f"busy: {self.settings.max_queries} queries are running; "
                        "try again shortly", [("Retry-After", RETRY_AFTER)])
        try:
            yield
        finally:
            self.turns.release(ticket)
