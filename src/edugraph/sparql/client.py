"""A small client for the SPARQL 1.1 protocols (query, update, Graph Store HTTP Protocol) over urllib, and
`edugraph query --endpoint`: a library query on a store `edugraph load` filled (`StoreConnection`).

Transient failures (connection refused or reset, timeouts, HTTP 5xx/408/429) are retried with exponential
backoff; everything else becomes a one-line `RemoteError`. Auth: Basic or Digest in answer to the server's
challenge, or a bearer token. Secrets never appear in messages: see `Auth.mask`. Where a store keeps its
services: `endpoints.py`.
"""

from __future__ import annotations

import contextlib
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

import pyoxigraph

from ..errors import EduGraphError
from ..limits import limit
from ..prefixes import PREFIX_IRIS
from .params import NOISE, with_values

SPARQL_JSON = "application/sparql-results+json"
RETRY_STATUS = {408, 429, 500, 502, 503, 504}
AUTH_STATUS = {401, 403}
NO_SERVICE = frozenset({404, 405, 501})  # nothing takes the request at that URL: sending it again fails alike
READ_CHUNK = 1 << 16
UNION_NAME = "union"  # the graph (under the graph base) holding every loaded triple once: the default graph
SERVE_IDENT = "EduGraph-SPARQL"  # the Server header `edugraph serve` answers with (sparql/endpoint)


class RemoteError(EduGraphError):
    """A request that failed; `retriable` when trying again later might work."""

    def __init__(self, message: str, status: int | None = None, retriable: bool = False):
        super().__init__(message)
        self.status = status
        self.retriable = retriable


@dataclass(frozen=True)
class Auth:
    """Credentials and a description of them that is safe to print.

    A bearer token is sent with every request; a user and password answer the server's challenge, Basic or
    Digest (urllib's handlers), so a password is never sent to a server that did not ask for it.
    """

    user: str | None = None
    password: str | None = field(default=None, repr=False)
    token: str | None = field(default=None, repr=False)
    description: str = "none"

    @property
    def header(self) -> str | None:
        return f"Bearer {self.token}" if self.token else None

    @property
    def secrets(self) -> tuple[str, ...]:
        return tuple(secret for secret in (self.password, self.token) if secret)

    def mask(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "****")
        return text

    def opener(self, urls: list[str]) -> urllib.request.OpenerDirector:
        """An opener answering Basic and Digest challenges from `urls` with the user and password (if any)."""
        if not self.user:
            return urllib.request.build_opener()
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, urls, self.user, self.password)
        return urllib.request.build_opener(urllib.request.HTTPBasicAuthHandler(passwords),
                                           urllib.request.HTTPDigestAuthHandler(passwords))


def make_auth(user: str | None = None, password_env: str | None = None, token_env: str | None = None,
              environ=os.environ) -> Auth:
    """Basic or Digest auth (password read from the variable `password_env`) or a bearer token (from `token_env`)."""
    def secret(var: str) -> str:
        value = environ.get(var)
        if not value:
            raise EduGraphError(f"environment variable {var} is not set (it should hold the secret)")
        return value

    if token_env and (user or password_env):
        raise EduGraphError("use either --user/--password-env or --token-env, not both")
    if token_env:
        return Auth(token=secret(token_env), description=f"bearer token from ${token_env} (****)")
    if user or password_env:
        if not (user and password_env):
            raise EduGraphError("basic or digest auth needs both --user and --password-env")
        return Auth(user, secret(password_env), description=f"user {user} (basic or digest, as the server asks), "
                                                           f"password from ${password_env} (****)")
    return Auth()


def add_auth_arguments(parser) -> None:
    """--user/--password-env and --token-env, for any command talking to a remote store (see `auth_from_args`)."""
    parser.add_argument("--user", help="user name for HTTP Basic or Digest auth (whichever the server asks for)")
    parser.add_argument("--password-env", metavar="VAR", help="environment variable holding the user's password")
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
                        help="seconds before the first retry, doubled for each next one (default %(default)s)")


def client_from_args(args) -> "Client":
    return Client(auth_from_args(args), timeout=args.timeout,
                  retries=max(0, args.retries), backoff=args.backoff)


def hide_user_info(url: str) -> str:
    """`url` with any user and password replaced by ****.

    >>> hide_user_info("ftp://alice:pw@example.org/x")
    'ftp://****@example.org/x'
    """
    return re.sub(r"^([A-Za-z][\w+.-]*://)[^/@]*@", r"\1****@", url)


def check_url(url: str, what: str = "endpoint") -> str:
    """An http(s) URL without user info (secrets belong in environment variables), or an error."""
    try:
        parts = urllib.parse.urlsplit(url)
        hostname = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError as err:
        raise EduGraphError(f"{what} {hide_user_info(url)!r} is not a valid URL: {err}") from None
    if parts.username or parts.password or "@" in parts.netloc:
        raise EduGraphError(f"{what} URL must not contain a user or password: use --user/--password-env")
    if parts.scheme not in ("http", "https") or not hostname:
        raise EduGraphError(f"{what} {hide_user_info(url)!r} is not an http(s) URL (e.g. http://127.0.0.1:7878)")
    return url.rstrip("/")


def with_params(url: str, **params: str) -> str:
    return url + ("&" if "?" in url else "?") + urllib.parse.urlencode(params)


@dataclass
class Response:
    status: int
    content_type: str
    body: bytes
    server: str = ""  # the Server header: `SERVE_IDENT` for `edugraph serve`


@dataclass
class Client:
    """HTTP requests with auth, a timeout and retries with exponential backoff."""

    auth: Auth = field(default_factory=Auth)
    timeout: float = 60.0
    retries: int = 3
    backoff: float = 0.5
    sleep: Callable[[float], None] = time.sleep
    openers: dict = field(default_factory=dict, repr=False)  # site -> opener answering its auth challenges

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

    def opener(self, url: str) -> urllib.request.OpenerDirector:
        parts = urllib.parse.urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}/"
        if site not in self.openers:
            self.openers[site] = self.auth.opener([site])
        return self.openers[site]

    def credentials(self, method: str, url: str, body: bytes | None) -> dict[str, str]:
        """The headers that say who sends this request, made at each attempt (`loading/challenge.py` adds the answer
        to a Digest challenge)."""
        return {"Authorization": self.auth.header} if self.auth.header else {}

    def _send(self, method, url, body, content_type, accept) -> Response:
        headers = {"User-Agent": "edugraph"}
        if content_type:
            headers["Content-Type"] = content_type
        if accept:
            headers["Accept"] = accept
        credentials = self.credentials(method, url, body)
        request = urllib.request.Request(url, data=body, headers=headers, method=method)
        for name, value in credentials.items():  # never sent on to the target of a redirect (another host)
            request.add_unredirected_header(name, value)
        where = f"{method} {url}"
        try:
            with self.opener(url).open(request, timeout=self.timeout) as answer:
                return Response(answer.status, answer.headers.get_content_type(), self._body(answer, where),
                                answer.headers.get("Server", ""))
        except urllib.error.HTTPError as err:
            raise self._http_error(where, err) from None
        except urllib.error.URLError as err:
            reason = err.reason
            network = isinstance(reason, (OSError, socket.timeout))
            message = self.auth.mask(f"cannot reach {where}: {reason_text(reason)}")
            raise RemoteError(message, retriable=network) from None
        except (TimeoutError, socket.timeout):
            raise RemoteError(f"{where}: no answer within {self.timeout:g} s", retriable=True) from None
        except (ConnectionError, http.client.HTTPException, OSError) as err:
            raise RemoteError(f"{where}: connection failed: {reason_text(err)}", retriable=True) from None

    def _body(self, answer, where: str) -> bytes:
        """The answer's body, read as it arrives: at most `MAX_RESPONSE_BYTES`, within `timeout` seconds in all
        (the socket's timeout alone bounds each read, so a store sending a byte a second was waited for forever,
        and a gigantic body filled the memory)."""
        most, deadline = limit("MAX_RESPONSE_BYTES"), time.monotonic() + self.timeout
        chunks, size = [], 0
        while chunk := answer.read1(READ_CHUNK):
            size += len(chunk)
            if size > most:
                raise RemoteError(f"{where}: the answer is bigger than {most} bytes (EDUGRAPH_MAX_RESPONSE_BYTES "
                                  "raises the limit, see docs/SECURITY.md)")
            if time.monotonic() > deadline:
                raise RemoteError(f"{where}: the answer did not arrive within {self.timeout:g} s", retriable=True)
            chunks.append(chunk)
        return b"".join(chunks)

    def _http_error(self, where: str, err: urllib.error.HTTPError) -> RemoteError:
        status = err.code
        message = f"{where}: HTTP {status} {err.reason}"
        if status in AUTH_STATUS:
            message += auth_hint(status, self.auth, err.headers.get("WWW-Authenticate", ""))
        else:
            detail = error_detail(err)
            if detail:
                message += f": {detail}"
        return RemoteError(self.auth.mask(message), status, retriable=status in RETRY_STATUS)

    def select(self, url: str, sparql: str, dataset: "Dataset | None" = None) -> list[dict[str, str]]:
        """Run a SELECT (or ASK: one row {'boolean': 'true'|'false'}) and return the rows as plain strings."""
        return self.rows(self.json_answer(url, sparql, dataset), url)

    def json_answer(self, url: str, sparql: str, dataset: "Dataset | None" = None) -> Response:
        """The answer to a SELECT or ASK, refused unless it is SPARQL JSON results."""
        answer = self.post_query(url, sparql, SPARQL_JSON, dataset)
        if answer.content_type not in (SPARQL_JSON, "application/json"):
            raise RemoteError(f"POST {url} answered {answer.content_type} instead of SPARQL JSON results: "
                              "is it a SPARQL query endpoint?")
        return answer

    @staticmethod
    def rows(answer: Response, url: str) -> list[dict[str, str]]:
        """The rows of a SPARQL JSON answer as plain strings (ASK: one row {'boolean': 'true'|'false'})."""
        try:
            data = json.loads(answer.body)
            if "boolean" in data:
                return [{"boolean": str(data["boolean"]).lower()}]
            rows = [{k: v["value"] for k, v in row.items()} for row in data["results"]["bindings"]]
            if not all(isinstance(value, str) for row in rows for value in row.values()):  # `"value": 5`
                raise RemoteError(f"POST {url} answered invalid SPARQL JSON results")
            return rows
        except (ValueError, KeyError, TypeError, AttributeError):
            raise RemoteError(f"POST {url} answered invalid SPARQL JSON results") from None

    def post_query(self, url: str, sparql: str, accept: str, dataset: "Dataset | None" = None) -> Response:
        graphs = dataset.protocol_parameters() if dataset else []
        body = urllib.parse.urlencode([("query", sparql), *graphs]).encode()
        with headers_allowed(HEADERS_ALLOWED + len(graphs)):
            return self.request("POST", url, body, "application/x-www-form-urlencoded", accept)

    def update(self, url: str, sparql: str) -> None:
        self.request("POST", url, sparql.encode(), "application/sparql-update")

    def put_graph(self, url: str, graph: str, body: bytes, content_type: str = "application/n-triples") -> None:
        self.request("PUT", with_params(url, graph=graph), body, content_type)


HEADERS_ALLOWED = 100  # http.client's limit on the header lines of an answer


@contextlib.contextmanager
def headers_allowed(count: int):
    """Accept answers with up to `count` header lines: Virtuoso echoes each graph of the dataset as an
    `X-SPARQL-named-graph` header, and http.client refuses more than 100 (a build of 100 articles could not be
    queried). http.client reads its limit from a module global; the CLI sends one request at a time."""
    saved = http.client._MAXHEADERS
    http.client._MAXHEADERS = max(saved, count)
    try:
        yield
    finally:
        http.client._MAXHEADERS = saved


def auth_hint(status: int, auth: Auth, challenge: str) -> str:
    """What to do about a 401 or 403, naming the scheme the server asked for."""
    scheme = challenge.split(" ", 1)[0] or "no"
    who = f"user {auth.user}" if auth.user else "the bearer token" if auth.token else "an anonymous request"
    if status == 403:
        return (f" ({who} is not allowed to do this: a loader needs the rights to query, update and (for the Graph "
                "Store Protocol) write graphs; see docs/LOADING.md)")
    if not (auth.user or auth.token):
        return f" (the server asks for {scheme} authentication: give --user and --password-env, or --token-env)"
    return f" ({who} was refused; the server asks for {scheme} authentication: check the name and the secret)"


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


@dataclass(frozen=True)
class Dataset:
    """The RDF dataset of a query (SPARQL 1.1 Protocol `default-graph-uri` / `named-graph-uri`)."""

    default: tuple[str, ...] = ()
    named: tuple[str, ...] = ()

    def protocol_parameters(self) -> list[tuple[str, str]]:
        return [("default-graph-uri", iri) for iri in self.default] + [("named-graph-uri", iri) for iri in self.named]


QUERY_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.I)
GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9"


def query_form(text: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first form keyword outside IRIs, strings and comments.

    >>> query_form('PREFIX s: <http://x/SELECT#> # ASK\\nCONSTRUCT WHERE { ?s ?p "SELECT" }')
    'CONSTRUCT'
    """
    match = QUERY_FORM.search(NOISE.sub(" ", text))
    return match.group(1).upper() if match else "SELECT"


def accept_for(text: str) -> str:
    """The Accept header for the query's form: SPARQL JSON results, or RDF for CONSTRUCT/DESCRIBE."""
    return GRAPH_ACCEPT if query_form(text) in ("CONSTRUCT", "DESCRIBE") else SPARQL_JSON


STAGING_MARK = "staging"  # a graph being loaded is written to <graph?staging> first


def staging_iri(iri: str) -> str:
    """Where a graph is written before it replaces `iri`: the same IRI with a `staging` query part.

    >>> staging_iri("https://w3id.org/edugraph/graph/entities")
    'https://w3id.org/edugraph/graph/entities?staging'
    """
    return iri + ("&" if "?" in iri else "?") + STAGING_MARK


def is_staging(iri: str) -> bool:
    return iri.endswith(("?" + STAGING_MARK, "&" + STAGING_MARK))


def graphs_query(graph_base: str) -> str:
    """The named graphs under `graph_base` (staging graphs included)."""
    return (f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
            f"FILTER(STRSTARTS(STR(?g), {json.dumps(graph_base, ensure_ascii=False)})) }}")


def store_dataset(client: Client, url: str, graph_base: str) -> Dataset:
    """The dataset a library query reads on a store `edugraph load` filled: the union graph as the default
    graph, the loaded graphs (never staging graphs) as named graphs."""
    rows = client.select(url, graphs_query(graph_base))
    if any(row.get("g") is None for row in rows):  # was "internal error: KeyError: 'g'"
        raise EduGraphError(f"{url} answered a row without a graph name (?g) to the list of its graphs")
    graphs = {row["g"] for row in rows}
    union = graph_base + UNION_NAME
    if union not in graphs:
        if is_edugraph_serve(client.post_query(url, "ASK {}", SPARQL_JSON)):
            raise EduGraphError(f"{url} is an `edugraph serve` endpoint: it serves one build read-only, without the "
                                f"graph <{union}> `edugraph load` writes (and cannot be loaded): query that build "
                                "with `edugraph query --build DIR`, or give a store `edugraph load` filled")
        raise EduGraphError(f"{url} has no graph <{union}>, which queries read as their default graph: "
                            "load the build with `edugraph load` first")
    return Dataset((union,), tuple(sorted(g for g in graphs if g != union and not is_staging(g))))


def prepare_query(text: str, prefixes: dict[str, str] | None = None, bindings: dict | None = None,
                  pin: bool = False) -> str:
    """The query with PREFIX declarations in front of line 1 and the bindings as a VALUES block
    (`params.with_values`, pinned only for an Oxigraph server): no line moves, so a store's error positions
    stay right after line 1."""
    head = " ".join(f"PREFIX {name}: <{iri}>" for name, iri in (prefixes or {}).items())
    text = with_values(text, bindings, pin)
    return f"{head} {text}" if head else text


def parse_answer(answer: Response, url: str):
    """A store's answer as the pyoxigraph object a local query gives: QuerySolutions, QueryBoolean or
    QueryTriples."""
    json_results, xml_results = pyoxigraph.QueryResultsFormat.JSON, pyoxigraph.QueryResultsFormat.XML
    solutions = {SPARQL_JSON: json_results, "application/json": json_results,
                 "application/sparql-results+xml": xml_results}
    triples = {"application/n-triples": pyoxigraph.RdfFormat.N_TRIPLES, "text/plain": pyoxigraph.RdfFormat.N_TRIPLES,
               "text/turtle": pyoxigraph.RdfFormat.TURTLE}
    try:
        if answer.content_type in solutions:
            # solutions are parsed twice (an accepted cost): the parser is lazy, so they are read to the end once,
            # and a bad row further on fails here, not where the answer is written out
            results = pyoxigraph.parse_query_results(answer.body, solutions[answer.content_type])
            if isinstance(results, pyoxigraph.QuerySolutions):
                for _ in results:
                    pass
                results = pyoxigraph.parse_query_results(answer.body, solutions[answer.content_type])
            return results
        if answer.content_type in triples:  # through a scratch store, to get the QueryTriples of a local CONSTRUCT
            scratch = pyoxigraph.Store()
            scratch.load(answer.body, triples[answer.content_type])
            return scratch.query("CONSTRUCT WHERE { ?s ?p ?o }")
    except (SyntaxError, ValueError) as err:
        raise RemoteError(f"{url} answered invalid {answer.content_type}: {err}") from None
    raise RemoteError(f"{url} answered {answer.content_type}, not SPARQL results: is it a SPARQL query endpoint?")


def remote_results(client: Client, url: str, text: str, dataset: Dataset | None = None, *,
                   prefixes: dict[str, str] | None = None, bindings: dict | None = None, pin: bool = False):
    """Run a query on the store's query service `url`; the answer as the pyoxigraph objects `Store.query`
    returns locally. The Accept header follows the query form; `pin` for an Oxigraph server."""
    answer = client.post_query(url, prepare_query(text, prefixes, bindings, pin), accept_for(text), dataset)
    return parse_answer(answer, url)


def add_remote_arguments(parser) -> None:
    """How `query` reaches a store `edugraph load` filled: --store-kind, --graph-base and auth."""
    from .endpoints import KINDS

    parser.add_argument("--store-kind", choices=KINDS, help="URL layout of the --endpoint store (default: recognised)")
    parser.add_argument("--graph-base", default=PREFIX_IRIS["egg"], metavar="IRI",
                        help="the graph IRI prefix the build was loaded under (edugraph load --graph-base)")
    add_auth_arguments(parser)


@dataclass
class StoreConnection:
    """A store `edugraph load` filled, as `edugraph query --endpoint` reads it: the union graph as the default
    graph, the loaded graphs (never staging graphs) as named graphs."""

    client: Client
    url: str
    dataset: Dataset
    oxigraph: bool = False  # parameters then pin the variables compared with them (params.with_values)

    @classmethod
    def open(cls, args) -> "StoreConnection":
        from .endpoints import Endpoint

        client = Client(auth_from_args(args), timeout=args.timeout or 60.0, retries=0)
        endpoint = Endpoint.resolve(args.endpoint, args.store_kind, probe=lambda url: probe_query_service(client, url))
        return cls(client, endpoint.query, store_dataset(client, endpoint.query, args.graph_base),
                   endpoint.kind == "oxigraph")

    def select(self, sparql: str) -> list[dict[str, str]]:
        return self.client.select(self.url, sparql, self.dataset)

    def results(self, text: str, prefixes: dict[str, str], bindings: dict):
        """The query's answer as pyoxigraph results (see `remote_results`)."""
        return remote_results(self.client, self.url, text, self.dataset, prefixes=prefixes, bindings=bindings,
                              pin=self.oxigraph)


def is_edugraph_serve(answer: Response) -> bool:
    """Whether a query service's `answer` came from an `edugraph serve` (read-only: it cannot be loaded), by its
    Server header."""
    return answer.server.startswith(SERVE_IDENT)


def probe_query_service(client: Client, url: str) -> bool:
    """Whether a SPARQL query service answers at `url` (used to recognise a bare server URL)."""
    try:
        Client(client.auth, timeout=client.timeout, retries=0).select(url, "ASK {}")
    except RemoteError as err:
        if err.status in AUTH_STATUS or err.retriable:  # refused credentials, or nothing there at all
            raise
        return False
    return True
