"""`edugraph load` without a real server: reading the build, dry run, the on-disk store, retries, bad input."""

from __future__ import annotations

import base64
import hashlib
import secrets
import socket
import struct
import threading
import urllib.parse
import urllib.request
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pyoxigraph
import pytest

from edugraph.output.read import load_dataset
from edugraph.cli import main
from edugraph.errors import EduGraphError
from edugraph.loading.challenge import authorization
from edugraph.loading.graphs import LocalGraph, read_build_graphs, rebase, staging_iri
from edugraph.loading.targets import RemoteTarget, StoreTarget, Target
from edugraph.sparql.client import Auth, Client, Dataset, RemoteError, make_auth
from edugraph.sparql.endpoints import Endpoint
from support.process import free_port

GRAPH = "https://w3id.org/edugraph/graph/"
SECRET = "s3cr3t-Pa55"
FOREIGN = pyoxigraph.Quad(pyoxigraph.NamedNode("http://example.org/x"), pyoxigraph.NamedNode("http://example.org/p"),
                          pyoxigraph.Literal("not ours"), pyoxigraph.NamedNode("http://example.org/foreign"))


class Quiet(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def serving(handler):
    """A threaded HTTP server on 127.0.0.1 with this request handler, while the block runs; its URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def stub_server(respond):
    """A tiny HTTP server answering every request with respond(handler) -> (status, content type, body)."""
    seen = []

    class Handler(Quiet):
        def answer(self):
            length = int(self.headers.get("Content-Length") or 0)
            self.rfile.read(length)
            seen.append((self.command, self.path, dict(self.headers)))
            answer = respond(self)
            if answer is None:  # respond() wrote the whole answer itself
                return
            status, content_type, body = answer
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_PUT = answer

    with serving(Handler) as url:
        yield url, seen


def fixed(status, content_type="text/html", body=b"<html><body>Welcome</body></html>"):
    return lambda handler: (status, content_type, body)


def run_cli(capsys, *argv) -> tuple[int, str, str]:
    code = main(["load", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code: int, err: str, *fragments: str) -> None:
    assert code != 0
    assert err.startswith("edugraph: error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err and SECRET not in err
    for fragment in fragments:
        assert fragment in err


def test_reads_every_graph_of_the_build_in_load_order(seed_build):
    graphs = read_build_graphs(seed_build)
    dataset = load_dataset(seed_build)
    expected = {str(g.identifier): len(g) for g in dataset.graphs() if len(g)}
    distinct = {triple for graph in dataset.graphs() for triple in graph}
    assert {g.iri: g.count for g in graphs} == expected | {GRAPH + "union": len(distinct)}
    names = [g.iri[len(GRAPH):] for g in graphs]
    assert names[:3] == ["ontology", "gazetteer", "entities"] and names[-2:] == ["inferred", "union"]
    assert all(name.startswith("article/") for name in names[3:-2]) and len(names) > 6


def test_graph_base_and_staging_iris(seed_build):
    assert rebase(GRAPH + "article/1", "http://example.org/g/") == "http://example.org/g/article/1"
    assert rebase("http://other/g", "http://example.org/g/") == "http://other/g"
    assert staging_iri("http://example.org/g/a") == "http://example.org/g/a?staging"
    assert staging_iri("http://example.org/g?a=1") == "http://example.org/g?a=1&staging"
    graphs = read_build_graphs(seed_build, "urn:eg:")
    assert all(g.iri.startswith("urn:eg:") for g in graphs)


def test_graphs_are_batched_up_to_a_triple_budget(seed_build):
    graphs = read_build_graphs(seed_build)
    sizes = [[g.count for g in batch] for batch in Target().batches(graphs, 500)]
    assert [n for batch in sizes for n in batch] == [g.count for g in graphs]
    assert all(sum(batch) <= 500 or len(batch) == 1 for batch in sizes)
    assert Target().batches(graphs, 1) == [[g] for g in graphs]
    assert Target().batches(graphs, 10**9) == [graphs]


def test_dry_run_sends_nothing_and_masks_the_password(seed_build, capsys, monkeypatch):
    monkeypatch.setenv("EG_PASSWORD", SECRET)
    url = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    code, out, err = run_cli(capsys, "--build", str(seed_build), "--endpoint", url, "--dry-run",
                             "--user", "alice", "--password-env", "EG_PASSWORD")
    assert code == 0, err
    graphs = read_build_graphs(seed_build)
    assert f"{len(graphs)} graphs, {sum(g.count for g in graphs)} triples" in out
    assert "user alice" in out and "****" in out and SECRET not in out + err
    ontology = graphs[0]
    line = next(line for line in out.splitlines() if line.startswith("PUT ") and f"<{ontology.iri}>" in line)
    assert f"{url}/store?graph=" in line and f"{ontology.count} triples" in line
    assert f"{len(ontology.ntriples())} bytes" in line
    assert f"MOVE <{ontology.iri}?staging> TO <{ontology.iri}>" in out


def store_counts(store: pyoxigraph.Store) -> dict[str, int]:
    rows = store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {row["g"].value: int(row["n"].value) for row in rows}


def test_store_load_is_repeatable_and_leaves_other_graphs_alone(seed_build, tmp_path, capsys):
    folder = tmp_path / "store"
    store = pyoxigraph.Store(str(folder))
    store.add(FOREIGN)
    del store
    for _ in range(2):
        code, out, err = run_cli(capsys, "--build", str(seed_build), "--store", str(folder))
        assert code == 0, err
        assert "all counts match" in out
    expected = {g.iri: g.count for g in read_build_graphs(seed_build)}
    store = pyoxigraph.Store(str(folder))
    assert store_counts(store) == expected | {"http://example.org/foreign": 1}
    assert list(store.quads_for_pattern(None, None, None, FOREIGN.graph_name)) == [FOREIGN]


def test_one_load_lists_the_stores_graphs_once(seed_build, tmp_path, capsys, monkeypatch):
    """The list read before the load serves both the staging leftovers and the articles the build no longer has
    (it was read twice, once for each)."""
    folder = tmp_path / "store"
    store = pyoxigraph.Store(str(folder))
    subject, predicate = FOREIGN.subject, FOREIGN.predicate
    for graph in (GRAPH + "article/gone", staging_iri(GRAPH + "entities"), "http://example.org/foreign"):
        store.add(pyoxigraph.Quad(subject, predicate, pyoxigraph.Literal("old"), pyoxigraph.NamedNode(graph)))
    del store
    listings = []
    select = StoreTarget.select

    def counting_select(self, sparql):
        listings.extend([sparql] if "STRSTARTS" in sparql else [])
        return select(self, sparql)
    monkeypatch.setattr(StoreTarget, "select", counting_select)
    code, out, err = run_cli(capsys, "--build", str(seed_build), "--store", str(folder))
    assert code == 0, err
    assert len(listings) == 1
    assert "removed 1 staging graphs left by an interrupted load" in out
    assert f"removed 1 graphs of articles the build no longer has: <{GRAPH}article/gone>" in out
    expected = {g.iri: g.count for g in read_build_graphs(seed_build)} | {"http://example.org/foreign": 1}
    assert store_counts(pyoxigraph.Store(str(folder))) == expected


def test_store_in_use_is_a_clear_error(seed_build, tmp_path, capsys):
    store = pyoxigraph.Store(str(tmp_path / "store"))  # holds the lock, as a running server would
    code, _, err = run_cli(capsys, "--build", str(seed_build), "--store", str(tmp_path / "store"))
    assert_one_line_error(code, err, "cannot open the Oxigraph store")
    del store


def test_retries_with_exponential_backoff():
    answers = iter([503, 502, 200])
    with stub_server(lambda h: (next(answers), "text/plain", b"busy")) as (url, seen):
        delays = []
        answer = Client(timeout=5, retries=3, backoff=0.25, sleep=delays.append).request("GET", url)
    assert answer.status == 200 and len(seen) == 3 and delays == [0.25, 0.5]


def test_gives_up_after_the_retries():
    with stub_server(fixed(500, "text/plain", b"disk full")) as (url, seen):
        with pytest.raises(RemoteError, match=r"HTTP 500 .*disk full \(after 3 attempts\)"):
            Client(retries=2, backoff=0, sleep=lambda s: None).request("PUT", url, b"")
    assert len(seen) == 3


def challenge_then_answer(handler):
    """401 with a Basic challenge until the request carries credentials, then a SPARQL answer."""
    if "Authorization" not in handler.headers:
        handler.send_response(401)
        handler.send_header("WWW-Authenticate", 'Basic realm="sparql"')
        handler.send_header("Content-Length", "0")
        handler.end_headers()
        return None
    return 200, "application/sparql-results+json", b'{"head":{},"boolean":true}'


@pytest.mark.parametrize("kind", ["basic", "bearer"])
def test_auth_header_is_sent(kind, monkeypatch):
    """A bearer token goes with every request; a password only in answer to the server's challenge."""
    monkeypatch.setenv("EG_SECRET", SECRET)
    auth = make_auth("alice", "EG_SECRET") if kind == "basic" else make_auth(token_env="EG_SECRET")
    with stub_server(challenge_then_answer) as (url, seen):
        assert Client(auth).select(url, "ASK {}") == [{"boolean": "true"}]
    expected = ("Basic " + base64.b64encode(f"alice:{SECRET}".encode()).decode() if kind == "basic"
                else f"Bearer {SECRET}")
    if kind == "basic":
        assert "Authorization" not in seen[0][2] and len(seen) == 2
    assert seen[-1][2]["Authorization"] == expected
    assert SECRET not in auth.description and auth.mask(f"x {SECRET} y") == "x **** y"
    assert Auth().header is None


@pytest.mark.parametrize("status,options,fragment", [
    (401, ["--user", "alice", "--password-env", "EG_PASSWORD"], "HTTP 401"),
    (403, ["--token-env", "EG_PASSWORD"], "HTTP 403"),
    (404, [], "no SPARQL query service at"),
    (200, [], "no SPARQL query service at"),
    (404, ["--store-kind", "oxigraph"], "HTTP 404"),
    (200, ["--store-kind", "virtuoso"], "text/html instead of SPARQL JSON results"),
])
def test_bad_server_answers_are_one_line_errors(seed_build, capsys, monkeypatch, status, options, fragment):
    monkeypatch.setenv("EG_PASSWORD", SECRET)
    with stub_server(fixed(status)) as (url, seen):
        code, _, err = run_cli(capsys, "--build", str(seed_build), "--endpoint", url, "--retries", "0", *options)
    assert_one_line_error(code, err, fragment)
    assert all(method == "POST" for method, *_ in seen), "nothing is written when the endpoint fails the check"


@pytest.mark.parametrize("options,fragment", [
    (["--endpoint", "http://127.0.0.1:{port}", "--retries", "1", "--backoff", "0"], "cannot reach"),
    (["--endpoint", "ftp://example.org/sparql"], "is not an http(s) URL"),
    (["--endpoint", "http://alice:pw@example.org"], "must not contain a user or password"),
    (["--endpoint", f"ftp://alice:{SECRET}@example.org/sparql"], "must not contain a user or password"),
    (["--endpoint", "http://127.0.0.1:{port}", "--graph-base", "graphs/"], "is not an absolute IRI"),
    (["--endpoint", "http://127.0.0.1:{port}", "--graph-base", "http://example.org/a b/"], "is not an absolute IRI"),
    (["--endpoint", "http://127.0.0.1:{port}", "--user", "alice", "--password-env", "EG_UNSET"], "EG_UNSET is not set"),
    (["--query-url", "http://127.0.0.1:{port}/sparql"], "--update-url"),
    ([], "--endpoint URL"),
])
def test_bad_input_is_a_one_line_error(seed_build, capsys, monkeypatch, options, fragment):
    monkeypatch.delenv("EG_UNSET", raising=False)
    port = free_port()
    options = [option.format(port=port) for option in options]
    code, _, err = run_cli(capsys, "--build", str(seed_build), *options)
    assert_one_line_error(code, err, fragment)


def test_missing_build_is_a_one_line_error(tmp_path, capsys):
    code, _, err = run_cli(capsys, "--build", str(tmp_path), "--store", str(tmp_path / "store"))
    assert_one_line_error(code, err, "run `edugraph build` first")


def test_embedded_update_is_one_transaction():
    """The --store switch relies on it: a failing MOVE undoes the DROP before it in the same update."""
    store = pyoxigraph.Store()
    store.add(FOREIGN)
    with pytest.raises(RuntimeError, match="does not exist"):
        store.update(f"DROP SILENT GRAPH <{FOREIGN.graph_name.value}> ; MOVE <http://example.org/missing> TO "
                     f"<{FOREIGN.graph_name.value}>")
    assert list(store) == [FOREIGN]


S = "http://127.0.0.1:1"


@pytest.mark.parametrize("url, kind, expected", [
    (S, None, (f"{S}/query", f"{S}/update", f"{S}/store")),  # a bare server: Oxigraph unless probed otherwise
    (f"{S}/store", None, (f"{S}/query", f"{S}/update", f"{S}/store")),
    (f"{S}/query", None, (f"{S}/query", f"{S}/update", f"{S}/store")),
    (S, "virtuoso", (f"{S}/sparql", f"{S}/sparql-auth", f"{S}/sparql-graph-crud-auth")),
    (f"{S}/sparql", None, (f"{S}/sparql", f"{S}/sparql-auth", f"{S}/sparql-graph-crud-auth")),
    (f"{S}/sparql-graph-crud", None, (f"{S}/sparql", f"{S}/sparql-auth", f"{S}/sparql-graph-crud")),
    (f"{S}/ds", None, (f"{S}/ds/sparql", f"{S}/ds/update", f"{S}/ds/data")),
    (f"{S}/ds/query", None, (f"{S}/ds/query", f"{S}/ds/update", f"{S}/ds/data")),
    (f"{S}/repositories/eg", None, (f"{S}/repositories/eg", f"{S}/repositories/eg/statements",
                                    f"{S}/repositories/eg/rdf-graphs/service")),
    (f"{S}/repositories/eg/statements", "graphdb", (f"{S}/repositories/eg", f"{S}/repositories/eg/statements",
                                                    f"{S}/repositories/eg/rdf-graphs/service")),
])
def test_store_url_layouts(url, kind, expected):
    from edugraph.sparql.endpoints import Endpoint

    endpoint = Endpoint.resolve(url, kind)
    assert (endpoint.query, endpoint.update, endpoint.gsp) == expected


def test_a_bare_url_is_probed_and_explicit_urls_win():
    from edugraph.sparql.endpoints import Endpoint

    virtuoso = Endpoint.resolve(S, probe=lambda url: url.endswith("/sparql"))
    assert (virtuoso.kind, virtuoso.update) == ("virtuoso", f"{S}/sparql-auth")
    custom = Endpoint.resolve(S, "virtuoso", update=f"{S}/other")
    assert (custom.query, custom.update) == (f"{S}/sparql", f"{S}/other")
    with pytest.raises(EduGraphError, match="no SPARQL query service"):
        Endpoint.resolve(S, probe=lambda url: False)


REALM, USER = "edugraph-test", "loader"


def digest_valid(header: str, method: str, password: str = SECRET) -> bool:
    """Whether an Authorization header answers the stub's Digest challenge (RFC 2617, qop=auth, MD5)."""
    def md5(text: str) -> str:
        return hashlib.md5(text.encode()).hexdigest()

    scheme, _, rest = header.partition(" ")
    fields = urllib.request.parse_keqv_list(urllib.request.parse_http_list(rest))
    if scheme != "Digest" or fields.get("username") != USER or fields.get("realm") != REALM:
        return False
    secret, request = md5(f"{USER}:{REALM}:{password}"), md5(f"{method}:{fields['uri']}")
    expected = md5(f"{secret}:{fields['nonce']}:{fields['nc']}:{fields['cnonce']}:auth:{request}")
    return fields.get("response") == expected


@contextmanager
def impatient_digest_server(uses: int = 1000):
    """A server asking for Digest auth that, like Virtuoso under load, answers a request without credentials with
    401 as soon as it has its headers and closes the connection without reading the body; with valid credentials
    (a nonce it gave, answered at most `uses` times, each with a greater count) it reads the body and keeps it
    (by method and path). It also keeps each request's method and Digest nonce count."""
    received: list[tuple[str, str, bytes]] = []
    unanswered: list[str] = []  # requests with a body that were refused
    requests: list[tuple[str, str]] = []
    counts: dict[str, list[int]] = {}  # nonce -> the counts it was answered with

    def fresh(header: str) -> bool:
        fields = urllib.request.parse_keqv_list(urllib.request.parse_http_list(header.partition(" ")[2]))
        seen = counts.get(fields.get("nonce"))
        if seen is None or len(seen) >= uses or (seen and int(fields["nc"], 16) <= seen[-1]):
            return False
        seen.append(int(fields["nc"], 16))
        return True

    class Handler(Quiet):
        def answer(self):
            header = self.headers.get("Authorization", "")
            requests.append((self.command, header))
            if not digest_valid(header, self.command) or not fresh(header):
                if self.headers.get("Content-Length"):
                    unanswered.append(self.command)
                nonce = secrets.token_hex(8)
                counts[nonce] = []
                self.send_response(401)
                self.send_header("WWW-Authenticate", f'Digest realm="{REALM}", nonce="{nonce}", '
                                                     'qop="auth", algorithm="MD5"')
                self.send_header("Content-Length", "0")
                self.send_header("Connection", "close")
                self.end_headers()
                self.close_connection = True
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # reset
                return
            received.append((self.command, self.path, self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(204)
            self.end_headers()

        do_HEAD = do_POST = do_PUT = answer

    with serving(Handler) as url:
        yield url, received, unanswered, requests


def big_graph(iri: str, size: int = 12_000_000) -> LocalGraph:
    """A graph whose N-Triples outgrow the sockets' buffers (4 MB for sending here): the body is still being written
    when a server that does not read it closes the connection."""
    literal = pyoxigraph.Literal("x" * 10_000)
    triples = [pyoxigraph.Triple(pyoxigraph.NamedNode(f"http://example.org/s{i}"),
                                 pyoxigraph.NamedNode("http://example.org/p"), literal) for i in range(size // 10_000)]
    return LocalGraph(iri, iri, triples)


def test_a_graph_is_sent_once_with_digest_credentials_asked_for_beforehand():
    """The loader gets the Digest challenge with a body-less HEAD, then sends the graph once with its answer. Before,
    the PUT went out body and all without credentials and broke on the closed connection ("Broken pipe"), on every
    retry."""
    graph = big_graph(GRAPH + "article/big")
    with impatient_digest_server() as (url, received, unanswered, _):
        client = Client(Auth(USER, SECRET), timeout=30, retries=1, sleep=lambda seconds: None)
        target = RemoteTarget(client, Endpoint(f"{url}/sparql", f"{url}/update", f"{url}/store"), "gsp")
        target.write([graph])
        target.switch([graph])
    assert [(method, path.split("?")[0]) for method, path, _ in received] == [("PUT", "/store"), ("POST", "/update")]
    assert received[0][2] == graph.ntriples() and b"MOVE" in received[1][2]
    assert unanswered == []


def small_graphs(count: int) -> list[LocalGraph]:
    return [big_graph(f"{GRAPH}article/a{i}", 20_000) for i in range(count)]


def test_the_challenge_is_asked_for_once_per_endpoint():
    """Five graphs PUT to five URLs of one GSP endpoint, then the switch: one HEAD for the store and one for the
    update endpoint, each request answered with the same nonce and a greater count; none refused."""
    graphs = small_graphs(5)
    with impatient_digest_server() as (url, received, unanswered, requests):
        client = Client(Auth(USER, SECRET), timeout=30, retries=0)
        target = RemoteTarget(client, Endpoint(f"{url}/sparql", f"{url}/update", f"{url}/store"), "gsp")
        target.write(graphs)
        target.switch(graphs)
    assert [method for method, _ in requests] == ["HEAD", *["PUT"] * 5, "HEAD", "POST"]
    assert [method for method, _, _ in received] == ["PUT"] * 5 + ["POST"] and unanswered == []
    puts = [urllib.request.parse_keqv_list(urllib.request.parse_http_list(header.partition(" ")[2]))
            for method, header in requests if method == "PUT"]
    assert len({fields["nonce"] for fields in puts}) == 1
    assert [fields["nc"] for fields in puts] == ["00000001", "00000002", "00000003", "00000004", "00000005"]


def test_a_nonce_gone_stale_is_asked_for_again():
    """A server that takes each nonce once only: the second PUT is refused (the connection reset before its large
    body is sent: urllib cannot answer the challenge itself), and its retry asks for the challenge again."""
    graphs = [big_graph(GRAPH + "article/big1"), big_graph(GRAPH + "article/big2")]
    with impatient_digest_server(uses=1) as (url, received, unanswered, requests):
        client = Client(Auth(USER, SECRET), timeout=30, retries=1, sleep=lambda seconds: None)
        RemoteTarget(client, Endpoint(f"{url}/sparql", f"{url}/update", f"{url}/store"), "gsp").write(graphs)
    assert [method for method, _ in requests] == ["HEAD", "PUT", "PUT", "HEAD", "PUT"]
    assert [path.split("=")[-1] for _, path, _ in received] == [
        urllib.parse.quote(graph.staging, safe="") for graph in graphs]
    assert unanswered == ["PUT"]


def test_without_a_challenge_beforehand_a_request_goes_as_before(seed_build):
    """A server that asks for nothing gets no Authorization, and a failed HEAD is not an error of its own."""
    with stub_server(fixed(204)) as (url, seen):
        client = Client(Auth(USER, SECRET), retries=0)
        RemoteTarget(client, Endpoint(f"{url}/sparql", f"{url}/update", f"{url}/store"), "update").switch(
            read_build_graphs(seed_build)[:1])
    assert [method for method, _, _ in seen] == ["POST"]
    assert "Authorization" not in seen[0][2]


def test_a_challenge_that_cannot_be_answered_gives_no_header():
    client = Client(Auth(USER, SECRET))
    answered = authorization(client, "PUT", "http://127.0.0.1/store?graph=g", f'Digest realm="{REALM}", nonce="n1", '
                                                                               'qop="auth"')
    assert answered.startswith(f'Digest username="{USER}", realm="{REALM}", nonce="n1", uri="/store?graph=g"')
    assert digest_valid(answered, "PUT")
    assert authorization(client, "PUT", "http://127.0.0.1/x", "Basic realm=x") == \
        "Basic " + base64.b64encode(f"{USER}:{SECRET}".encode()).decode()
    for challenge in ("Digest garbage", f'Digest realm="{REALM}", nonce="n", qop="auth-int"', "Negotiate",
                      "Digest =,=", "Digest realm="):
        assert authorization(client, "PUT", "http://127.0.0.1/x", challenge) is None, challenge


def test_credentials_never_follow_a_redirect_to_another_host(seed_build):
    """The Basic answer to a challenge goes to the URL that asked for it only: a server that redirects the update to
    another host does not get the password sent there (urllib copies ordinary headers to the redirect's target)."""
    with stub_server(fixed(204)) as (elsewhere, seen_elsewhere):
        class Redirecting(Quiet):
            def answer(self):
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self.send_response(401 if self.command == "HEAD" else 303)
                if self.command == "HEAD":
                    self.send_header("WWW-Authenticate", 'Basic realm="x"')
                else:
                    self.send_header("Location", f"{elsewhere}/steal")
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_HEAD = do_GET = do_POST = answer

        with serving(Redirecting) as url:
            client = Client(Auth(USER, SECRET), retries=0)
            target = RemoteTarget(client, Endpoint(f"{url}/sparql", f"{url}/update", f"{url}/store"), "update")
            target.switch(read_build_graphs(seed_build)[:1])
    assert [(method, path) for method, path, _ in seen_elsewhere] == [("GET", "/steal")]
    assert "Authorization" not in seen_elsewhere[0][2]


def test_a_query_over_many_graphs_takes_an_answer_that_echoes_each_graph_as_a_header():
    """Virtuoso answers a query with one `X-SPARQL-named-graph` header per graph of its dataset; http.client
    refused more than 100, so `query --endpoint` failed on any build of about 100 articles or more."""
    graphs = tuple(f"https://w3id.org/edugraph/graph/article/a{i}" for i in range(150))

    def echo_graphs(handler):
        handler.send_response(200)
        for graph in graphs:
            handler.send_header("X-SPARQL-named-graph", graph)
        body = b'{"head": {"vars": ["n"]}, "results": {"bindings": [{"n": {"type": "literal", "value": "1"}}]}}'
        handler.send_header("Content-Type", "application/sparql-results+json")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    with stub_server(echo_graphs) as (url, _):
        rows = Client().select(url, "SELECT ?n WHERE { ?s ?p ?n }", Dataset(("u",), graphs))
    assert rows == [{"n": "1"}]
