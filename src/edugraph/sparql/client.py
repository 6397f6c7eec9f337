"""A small client for the SPARQL 1.1 protocols (query, update, Graph Store HTTP Protocol) over urllib.

Transient failures (connection refused or reset, timeouts, HTTP 5xx/408/429) are retried with exponential
backoff; everything else becomes a one-line `RemoteError`. Secrets never appear in messages: see `Auth.mask`.
"""

from __future__ import annotations

import base64
import http.client
import json
import os
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Callable

from ..errors import EduGraphError

SPARQL_JSON = "application/sparql-results+json"
RETRY_STATUS = {408, 429, 500, 502, 503, 504}
AUTH_STATUS = {401, 403}


class RemoteError(EduGraphError):
    """A request that failed; `retriable` when trying again later might work."""

    def __init__(self, message: str, status: int | None = None, retriable: bool = False):
        super().__init__(message)
        self.status = status
        self.retriable = retriable


@dataclass(frozen=True)
class Auth:
    """The Authorization header to send, and a description of it that is safe to print."""

    header: str | None = None
    description: str = "none"
    secrets: tuple[str, ...] = ()

    def mask(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "****")
        return text


def make_auth(user: str | None = None, password_env: str | None = None, token_env: str | None = None,
              environ=os.environ) -> Auth:
    """Basic auth (password read from the variable `password_env`) or a bearer token (from `token_env`)."""
    def secret(var: str) -> str:
        value = environ.get(var)
        if not value:
            raise EduGraphError(f"environment variable {var} is not set (it should hold the secret)")
        return value

    if token_env and (user or password_env):
        raise EduGraphError("use either --user/--password-env or --token-env, not both")
    if token_env:
        token = secret(token_env)
        return Auth(f"Bearer {token}", f"bearer token from ${token_env} (****)", (token,))
    if user or password_env:
        if not (user and password_env):
            raise EduGraphError("basic auth needs both --user and --password-env")
        password = secret(password_env)
        encoded = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
        return Auth(f"Basic {encoded}", f"basic, user {user}, password from ${password_env} (****)", (password, encoded))
    return Auth()


def add_auth_arguments(parser) -> None:
    """--user/--password-env and --token-env, for any command talking to a remote store (see `auth_from_args`)."""
    parser.add_argument("--user", help="user name for HTTP basic auth")
    parser.add_argument("--password-env", metavar="VAR", help="environment variable holding the basic auth password")
    parser.add_argument("--token-env", metavar="VAR", help="environment variable holding a bearer token")


def auth_from_args(args) -> Auth:
    return make_auth(args.user, args.password_env, args.token_env)


def add_connection_arguments(parser) -> None:
    """Auth, timeout and retry options."""
    from ..commands.argtypes import non_negative_int, positive_seconds, seconds

    add_auth_arguments(parser)
    parser.add_argument("--timeout", type=positive_seconds, default=60.0, metavar="S",
                        help="seconds per HTTP request (default 60)")
    parser.add_argument("--retries", type=non_negative_int, default=3, metavar="N",
                        help="retries of a failed request, with exponential backoff (default 3)")
    parser.add_argument("--backoff", type=seconds, default=0.5, metavar="S",
                        help="first retry delay, doubled each time")


def client_from_args(args) -> "Client":
    return Client(auth_from_args(args), timeout=args.timeout,
                  retries=max(0, args.retries), backoff=args.backoff)


def check_url(url: str, what: str = "endpoint") -> str:
    """An http(s) URL without user info (secrets belong in environment variables), or an error."""
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError as err:
        raise EduGraphError(f"{what} {url!r} is not a valid URL: {err}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise EduGraphError(f"{what} {url!r} is not an http(s) URL (e.g. http://127.0.0.1:7878)")
    if parts.username or parts.password:
        raise EduGraphError(f"{what} URL must not contain a user or password: use --user/--password-env")
    return url.rstrip("/")


def query_url(endpoint: str) -> str:
    """The query service of `endpoint`: a bare server URL (no path) is an Oxigraph server, queried at /query."""
    endpoint = check_url(endpoint)
    return endpoint + "/query" if not urllib.parse.urlsplit(endpoint).path else endpoint


def with_params(url: str, **params: str) -> str:
    return url + ("&" if "?" in url else "?") + urllib.parse.urlencode(params)


@dataclass
class Response:
    status: int
    content_type: str
    body: bytes


@dataclass
class Client:
    """HTTP requests with auth, a timeout and retries with exponential backoff."""

    auth: Auth = field(default_factory=Auth)
    timeout: float = 60.0
    retries: int = 3
    backoff: float = 0.5
    sleep: Callable[[float], None] = time.sleep

    def request(self, method: str, url: str, body: bytes | None = None, content_type: str | None = None,
                accept: str | None = None) -> Response:
        for attempt in range(self.retries + 1):
            try:
                return self._send(method, url, body, content_type, accept)
            except RemoteError as err:
                if not err.retriable or attempt == self.retries:
                    if err.retriable and self.retries:
                        raise RemoteError(f"{err} (after {attempt + 1} attempts)", err.status, True) from None
                    raise
                self.sleep(self.backoff * 2 ** attempt)
        raise AssertionError("unreachable")

    def _send(self, method, url, body, content_type, accept) -> Response:
        headers = {"User-Agent": "edugraph"}
        if content_type:
            headers["Content-Type"] = content_type
        if accept:
            headers["Accept"] = accept
        if self.auth.header:
            headers["Authorization"] = self.auth.header
        request = urllib.request.Request(url, data=body, headers=headers, method=method)
        where = f"{method} {url}"
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                return Response(answer.status, answer.headers.get_content_type(), answer.read())
        except urllib.error.HTTPError as err:
            raise self._http_error(where, err) from None
        except urllib.error.URLError as err:
            reason = err.reason
            network = isinstance(reason, (OSError, socket.timeout))
            raise RemoteError(self.auth.mask(f"cannot reach {where}: {reason_text(reason)}"), retriable=network) from None
        except (TimeoutError, socket.timeout):
            raise RemoteError(f"{where}: no answer within {self.timeout:g} s", retriable=True) from None
        except (ConnectionError, http.client.HTTPException, OSError) as err:
            raise RemoteError(f"{where}: connection failed: {reason_text(err)}", retriable=True) from None

    def _http_error(self, where: str, err: urllib.error.HTTPError) -> RemoteError:
        status = err.code
        message = f"{where}: HTTP {status} {err.reason}"
        if status in AUTH_STATUS:
            message += " (authentication failed or not allowed: check --user/--password-env or --token-env)"
        else:
            detail = error_detail(err)
            if detail:
                message += f": {detail}"
        return RemoteError(self.auth.mask(message), status, retriable=status in RETRY_STATUS)

    def select(self, url: str, sparql: str) -> list[dict[str, str]]:
        """Run a SELECT (or ASK: one row {'boolean': 'true'|'false'}) and return the rows as plain strings."""
        answer = self.post_query(url, sparql, SPARQL_JSON)
        if answer.content_type not in (SPARQL_JSON, "application/json"):
            raise RemoteError(f"POST {url} answered {answer.content_type} instead of SPARQL JSON results: "
                              "is it a SPARQL query endpoint?")
        try:
            data = json.loads(answer.body)
            if "boolean" in data:
                return [{"boolean": str(data["boolean"]).lower()}]
            return [{k: v["value"] for k, v in row.items()} for row in data["results"]["bindings"]]
        except (ValueError, KeyError, TypeError, AttributeError):
            raise RemoteError(f"POST {url} answered invalid SPARQL JSON results") from None

    def post_query(self, url: str, sparql: str, accept: str) -> Response:
        body = urllib.parse.urlencode({"query": sparql}).encode()
        return self.request("POST", url, body, "application/x-www-form-urlencoded", accept)

    def update(self, url: str, sparql: str) -> None:
        self.request("POST", url, sparql.encode(), "application/sparql-update")

    def put_graph(self, url: str, graph: str, body: bytes, content_type: str = "application/n-triples") -> None:
        self.request("PUT", with_params(url, graph=graph), body, content_type)


def reason_text(reason) -> str:
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return str(reason) or type(reason).__name__


def error_detail(err: urllib.error.HTTPError) -> str:
    """The first line of a plain-text error body (servers explain themselves there), at most 200 characters."""
    try:
        if err.headers.get_content_type() != "text/plain":
            return ""
        return (err.read(2000).decode("utf-8", "replace").strip().splitlines() or [""])[0][:200]
    except OSError:
        return ""


def remote_query(endpoint: str, query_text: str, accept: str = SPARQL_JSON, timeout: float = 60.0,
                 auth: Auth | None = None, union_default_graph: bool = False) -> bytes:
    """Run a SPARQL query on a remote endpoint; the raw answer in the `accept` format.

    `endpoint` is the query service URL (Fuseki /ds/sparql, GraphDB /repositories/X) or a bare Oxigraph
    server URL such as http://127.0.0.1:7878 (then /query is used). `union_default_graph` asks Oxigraph to
    query the union of all graphs by default, as `edugraph query` does locally (Fuseki: set
    tdb2:unionDefaultGraph in the dataset; GraphDB: its default graph already is the union).
    """
    url = query_url(endpoint)
    if union_default_graph:
        url = url + ("&" if "?" in url else "?") + "union-default-graph"
    return Client(auth or Auth(), timeout=timeout, retries=0).post_query(url, query_text, accept).body


COMMENT_LINE = re.compile(r"(?m)^[ \t]*#.*$")


def prepare_query(text: str, prefixes: dict[str, str] | None = None, bindings: dict | None = None) -> str:
    """The query with PREFIX declarations in front, and {Variable: term} bindings as a VALUES block opening
    its WHERE clause: bound before any FILTER runs, as pyoxigraph's `substitutions` are."""
    head = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in (prefixes or {}).items())
    if bindings:
        names = " ".join(str(variable) for variable in bindings)
        values = f" VALUES ({names}) {{ ({' '.join(str(term) for term in bindings.values())}) }} "
        masked = COMMENT_LINE.sub(lambda m: " " * len(m.group()), text)
        where = re.search(r"\bWHERE\s*\{", masked, re.I) or re.search(r"\{", masked)
        text = text[:where.end()] + values + text[where.end():] if where else text + "\n" + values
    return head + text


def remote_results(endpoint: str, query_text: str, timeout: float = 60.0, auth: Auth | None = None, *,
                   prefixes: dict[str, str] | None = None, bindings: dict | None = None,
                   union_default_graph: bool = False):
    """The answer as the pyoxigraph objects `Store.query` returns locally (same arguments' meaning):
    QuerySolutions for SELECT, QueryBoolean for ASK, QueryTriples for CONSTRUCT/DESCRIBE."""
    import pyoxigraph

    accept = f"{SPARQL_JSON}, application/n-triples;q=0.9"
    body = remote_query(endpoint, prepare_query(query_text, prefixes, bindings), accept, timeout, auth,
                        union_default_graph)
    if body.lstrip().startswith(b"{"):
        try:
            return pyoxigraph.parse_query_results(body, pyoxigraph.QueryResultsFormat.JSON)
        except SyntaxError:
            pass
    else:
        try:  # triples: through a scratch store, to get the QueryTriples a local CONSTRUCT gives
            scratch = pyoxigraph.Store()
            scratch.load(body, pyoxigraph.RdfFormat.N_TRIPLES)
            return scratch.query("CONSTRUCT WHERE { ?s ?p ?o }")
        except SyntaxError:
            pass
    raise RemoteError(f"{query_url(endpoint)} did not answer with SPARQL results: is it a SPARQL query endpoint?")
