"""`edugraph serve` as a real process, spoken to over HTTP by SPARQLWrapper, urllib and raw sockets."""

from __future__ import annotations

import http.client
import json
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pyoxigraph as ox
import pytest
from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper

from edugraph.cli import main
from support.process import stop
from support.serving import SLOW, request, start

ORIGIN = "http://localhost:3000"
ARTICLE_GRAPH = "https://w3id.org/edugraph/graph/article/000_8959cadbfaf7abe6"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
GREEDY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"


@pytest.fixture(scope="module")
def endpoint(seed_build):
    proc, base = start(seed_build, "--timeout", "3", "--memory", "150", "--max-queries", "2", "--client-queries", "2",
                       "--queue-wait", "1", "--cors-origin", ORIGIN)
    yield base
    stop(proc)


def get(base, query, accept=None, **fields):
    url = base + "/sparql?" + urllib.parse.urlencode({"query": query, **fields}, doseq=True)
    return request(url, headers={"Accept": accept} if accept else {})


def count(base, query, **fields) -> int:
    status, _, body = get(base, query, "text/csv", **fields)
    assert status == 200, body
    return int(body.split()[1])


def raw(base, data: bytes, wait: float = 5.0) -> bytes:
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=wait) as sock:
        sock.sendall(data)
        chunks = []
        try:
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        except socket.timeout:
            pass
    return b"".join(chunks)


QUERY = """PREFIX eg: <https://w3id.org/edugraph/ontology#>
SELECT ?n WHERE { ?e eg:participantCount ?n ; eg:startDate "2023-10-30"^^<http://www.w3.org/2001/XMLSchema#date> }"""


# ---------------------------------------------------------------- SPARQL 1.1 Protocol
def test_sparqlwrapper_select_and_construct(endpoint):
    client = SPARQLWrapper(endpoint + "/sparql")
    client.setQuery(QUERY)
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]
    assert [r["n"]["value"] for r in rows] == ["70"]
    client.setMethod(POST)
    client.setQuery("CONSTRUCT WHERE { ?s a <https://w3id.org/edugraph/ontology#Person> }")
    client.setReturnFormat(TURTLE)
    assert b"Person" in client.query().convert()


def test_get_with_content_negotiation(endpoint):
    status, headers, body = get(endpoint, QUERY, "text/csv")
    assert (status, headers["Content-Type"].split(";")[0], body.split()) == (200, "text/csv", ["n", "70"])
    status, headers, body = get(endpoint, QUERY, "application/sparql-results+xml")
    assert status == 200 and "xml" in headers["Content-Type"] and "<literal" in body
    status, headers, body = get(endpoint, QUERY, "text/tab-separated-values;q=0.5, application/json")
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "70"


def test_post_forms(endpoint):
    status, _, body = request(endpoint + "/sparql", urllib.parse.urlencode({"query": QUERY}).encode(),
                              {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and '"70"' in body
    status, _, body = request(endpoint + "/sparql", b"ASK { ?s ?p ?o }", {"Content-Type": "application/sparql-query"})
    assert status == 200 and json.loads(body)["boolean"] is True


def test_graph_formats(endpoint):
    query = "CONSTRUCT WHERE { ?s a <https://w3id.org/edugraph/ontology#Article> }"
    for accept, marker in [("application/n-triples", "> ."), ("application/ld+json", "@id"),
                           ("application/rdf+xml", "rdf:RDF"), ("text/turtle", "@prefix"),
                           ("application/json", "@id")]:
        status, headers, body = get(endpoint, query, accept)
        assert status == 200 and marker in body, accept


def test_service_description(endpoint, seed_build):
    status, headers, body = request(endpoint + "/sparql", headers={"Accept": "text/turtle"})
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    triples = [q.triple for q in ox.parse(body.encode(), format=ox.RdfFormat.TURTLE)]
    service = ox.NamedNode(endpoint + "/sparql")
    assert ox.Triple(service, ox.NamedNode(sd + "endpoint"), service) in triples
    names = {t.object.value for t in triples if t.predicate.value == sd + "name"}
    store = ox.Store()
    store.bulk_load(path=str(seed_build / "all.nq"), format=ox.RdfFormat.N_QUADS)
    assert names == {g.value for g in store.named_graphs()} and ARTICLE_GRAPH in names
    assert not any(t.object.value == sd + "BasicFederatedQuery" for t in triples)  # SERVICE is off
    status, headers, _ = request(endpoint + "/sparql", headers={"Accept": "text/html"})
    assert status == 200 and headers["Content-Type"].startswith("text/html")  # a browser is sent to the page


def test_from_and_protocol_datasets_are_honoured(endpoint, seed_build):
    store = ox.Store()
    store.bulk_load(path=str(seed_build / "all.nq"), format=ox.RdfFormat.N_QUADS)
    in_article = len(list(store.quads_for_pattern(None, None, None, ox.NamedNode(ARTICLE_GRAPH))))
    everything = count(endpoint, COUNT)
    assert 0 < in_article < everything
    assert count(endpoint, f"SELECT (COUNT(*) AS ?n) FROM <{ARTICLE_GRAPH}> WHERE {{ ?s ?p ?o }}") == in_article
    assert count(endpoint, COUNT, **{"default-graph-uri": ARTICLE_GRAPH}) == in_article
    named = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert count(endpoint, named.replace("WHERE", f"FROM NAMED <{ARTICLE_GRAPH}> WHERE")) == 1
    assert count(endpoint, named, **{"named-graph-uri": ARTICLE_GRAPH}) == 1
    assert count(endpoint, named) == len(list(store.named_graphs()))


def test_parameters_are_bound_not_pasted(endpoint):
    query = "PREFIX eg: <https://w3id.org/edugraph/ontology#> SELECT ?e ?n WHERE { ?e eg:participantCount ?n }"
    status, _, body = get(endpoint, query, "text/csv", **{"$n": "70"})
    assert status == 200 and len(body.split()) == 2 and body.split()[1].endswith(",70")
    status, _, body = get(endpoint, query, "text/csv", **{"$n": '70 } ; DROP ALL ; #'})
    assert status == 200 and body.split() == ["e,n"]
    status, _, body = get(endpoint, query, "text/csv", **{"$nope": "1"})
    assert status == 400 and "unknown parameter 'nope'" in body


@pytest.mark.parametrize("value", ["2023-02-30", "<--param x>"])
def test_a_parameter_error_says_what_the_command_line_says_named_as_the_protocol_names_it(endpoint, seed_build,
                                                                                            capsys, value):
    """The endpoint turned the command line's `--param date` into `?date` by a regex over the whole message, the
    value the client sent included (`<--param x>` came back as `<?x>`); now the error carries the parameter's name."""
    query = "SELECT ?s WHERE { ?s ?p ?date } LIMIT 1"
    assert main(["query", "-e", query, "--param", f"date={value}", "--build", str(seed_build)]) != 0
    said = capsys.readouterr().err.removeprefix("edugraph: error: --param date: ").strip()
    status, _, body = get(endpoint, query, "text/csv", **{"$date": value})
    assert status == 400 and body.strip() == f"?date: {said}" and value in said


# ---------------------------------------------------------------- status codes
def test_bad_syntax_and_empty_queries_are_400(endpoint):
    status, _, body = get(endpoint, "SELECT WHERE {")
    assert status == 400 and "line 1, column" in body
    status, _, body = get(endpoint, "  # only a comment\n")
    assert status == 400 and "empty" in body


def test_codepoint_escape_beyond_unicode_is_400_not_500(endpoint):
    status, _, body = get(endpoint, 'SELECT * WHERE { ?s ?p "\\UFFFFFFFF" }')  # chr() failed: 500
    assert status == 400 and "syntax error" in body


def test_percent_encoded_bytes_that_are_not_utf8_are_400(endpoint):
    """«caf%E9» (Latin-1) was read as «caf\ufffd»: another query, answered 200 with nothing found."""
    ask = urllib.parse.quote('ASK { ?s ?p "caf') + "%E9" + urllib.parse.quote('" }')
    status, _, body = request(f"{endpoint}/sparql?query={ask}", headers={"Accept": "text/csv"})
    assert status == 400 and "UTF-8" in body
    status, _, body = request(endpoint + "/sparql", b"query=" + ask.encode(),
                              {"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/csv"})
    assert status == 400 and "UTF-8" in body


@pytest.mark.parametrize("name", ["$", "$$s", "$s-x"])
def test_parameter_without_a_variable_name_is_400_not_500(endpoint, name):
    """`$=1` (no name) and `$s-x=1` (the query mentions ?s-x, which is ?s minus x) reached ox.Variable: 500."""
    status, _, body = get(endpoint, "SELECT * WHERE { ?s ?p ?o FILTER(?s-x) } LIMIT 1", "text/csv", **{name: "1"})
    assert status == 400 and "bad parameter name" in body


def test_updates_are_403(endpoint):
    status, _, body = request(endpoint + "/sparql", urllib.parse.urlencode({"update": "DROP ALL"}).encode(),
                              {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403 and "read-only" in body
    assert request(endpoint + "/sparql", b"DROP ALL", {"Content-Type": "application/sparql-update"})[0] == 403
    status, _, _ = request(endpoint + "/sparql", b"DELETE WHERE { ?s ?p ?o }",
                           {"Content-Type": "application/sparql-query"})
    assert status == 403
    assert get(endpoint, QUERY)[0] == 200  # data still there


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_other_methods_are_405_with_allow(endpoint, method):
    status, headers, body = request(endpoint + "/sparql", b"", method=method)
    assert status == 405 and headers["Allow"] == "GET, HEAD, POST, OPTIONS" and "<" not in body


def test_unacceptable_types_are_406(endpoint):
    assert get(endpoint, QUERY, "image/png")[0] == 406
    status, _, body = get(endpoint, "CONSTRUCT WHERE { ?s ?p ?o }", "text/csv")
    assert status == 406 and "CONSTRUCT" in body
    assert request(endpoint + "/sparql", headers={"Accept": "text/csv"})[0] == 406  # description is RDF


def test_timeout_is_503(endpoint):
    status, _, body = get(endpoint, SLOW)
    assert status == 503 and "longer than 3 s" in body


def test_query_memory_is_capped(endpoint):
    started = time.monotonic()
    status, _, body = get(endpoint, GREEDY, "text/csv")
    assert status == 503 and "more than 150 MB" in body and time.monotonic() - started < 3
    assert get(endpoint, QUERY)[0] == 200


def test_deep_nesting_is_refused_before_parsing(endpoint):
    status, _, body = get(endpoint, "SELECT * WHERE " + "{" * 5000 + "}" * 5000)
    assert status == 400 and "5000 levels" in body
    assert get(endpoint, QUERY)[0] == 200  # the server did not crash


# ---------------------------------------------------------------- security (issue 11.1)
@pytest.fixture
def listener():
    """A loopback socket that records every connection made to it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.settimeout(0.5)
    yield server
    server.close()


def connections(server) -> int:
    try:
        server.accept()[0].close()
        return 1
    except socket.timeout:
        return 0


@pytest.mark.parametrize("service", ["SERVICE <{url}>", "service silent <{url}>", "\\u0053ERVICE <{url}>",
                                     "SERVICE # comment\n <{url}>"])
def test_service_to_loopback_is_refused_and_nothing_is_fetched(endpoint, listener, service):
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
    query = "SELECT * WHERE { " + service.format(url=url) + " { ?s ?p ?o } }"
    status, _, body = get(endpoint, query)
    assert status == 403 and "SERVICE" in body and "not allowed" in body
    assert connections(listener) == 0


def test_allowed_service_is_called(endpoint, seed_build):
    proc, federating = start(seed_build, "--allow-service", endpoint + "/sparql")
    try:
        query = f"SELECT (COUNT(*) AS ?n) WHERE {{ SERVICE <{endpoint}/sparql> {{ ?s ?p ?o }} }}"
        assert count(federating, query) == count(endpoint, COUNT)
        status, _, body = get(federating, query.replace(endpoint, "http://127.0.0.1:1"))
        assert status == 403 and "only <" in body
    finally:
        stop(proc)


def test_foreign_host_header_is_refused(endpoint):
    port = endpoint.rsplit(":", 1)[1]
    status, _, body = request(endpoint + "/sparql?query=ASK%7B%7D", headers={"Host": f"rebind.example:{port}"})
    assert status == 403 and "Host" in body
    assert request(endpoint + "/sparql?query=ASK%7B%7D", headers={"Host": f"localhost:{port}"})[0] == 200


def test_cors_only_for_listed_origins_and_never_star(endpoint):
    status, headers, _ = request(endpoint + "/sparql", method="OPTIONS",
                                 headers={"Origin": ORIGIN, "Access-Control-Request-Method": "POST",
                                          "Access-Control-Request-Headers": "content-type"})
    assert status == 204 and headers["Access-Control-Allow-Origin"] == ORIGIN
    assert "content-type" in headers["Access-Control-Allow-Headers"].lower()
    status, headers, _ = request(endpoint + "/sparql", b"ASK {}", {"Origin": ORIGIN,
                                                                   "Content-Type": "application/sparql-query"})
    assert status == 200 and headers["Access-Control-Allow-Origin"] == ORIGIN
    status, headers, body = request(endpoint + "/sparql", b"ASK {}", {"Origin": "http://evil.example",
                                                                      "Content-Type": "application/sparql-query"})
    assert status == 403 and "Access-Control-Allow-Origin" not in headers
    status, headers, _ = get(endpoint, QUERY)
    assert "Access-Control-Allow-Origin" not in headers


# ---------------------------------------------------------------- HTTP robustness (issue 11.8)
def test_malformed_requests_get_400_and_chunked_bodies_work(endpoint):
    host = endpoint.removeprefix("http://")
    for length in (b"-1", b"abc"):
        answer = raw(endpoint, b"POST /sparql HTTP/1.1\r\nHost: " + host.encode() + b"\r\nContent-Length: " + length
                     + b"\r\nContent-Type: application/sparql-query\r\n\r\nASK {}")
        assert answer.startswith(b"HTTP/1.1 400"), answer[:80]
    answer = raw(endpoint, b"POST /sparql HTTP/1.1\r\nHost: " + host.encode() + b"\r\nConnection: close\r\n"
                 b"Content-Type: application/sparql-query\r\nTransfer-Encoding: chunked\r\n\r\n"
                 b"4\r\nASK \r\n2\r\n{}\r\n0\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 200") and b'"boolean":true' in answer.replace(b" ", b"")


def test_slow_clients_do_not_block_others(endpoint):
    host, port = endpoint.removeprefix("http://").split(":")
    slow = [socket.create_connection((host, int(port))) for _ in range(30)]
    try:
        for sock in slow:
            sock.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: ")  # and never finish
        started = time.monotonic()
        assert get(endpoint, QUERY)[0] == 200
        assert time.monotonic() - started < 5
    finally:
        for sock in slow:
            sock.close()


def test_many_concurrent_requests_are_all_answered(endpoint):
    """200 requests from 100 clients at once (each on its own loopback address, two requests each): each is
    answered, those beyond the places for queries at once with 429 or 503 and `Retry-After`, and a client that
    waits that long and asks again gets its answer."""
    host, port = endpoint.removeprefix("http://").split(":")

    def ask(number: int) -> list[int]:
        statuses = []
        while len(statuses) < 30 and statuses[-1:] != [200]:
            connection = http.client.HTTPConnection(host, int(port), timeout=30,
                                                    source_address=(f"127.0.1.{number % 100}", 0))
            try:
                connection.request("GET", "/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D")
                response = connection.getresponse()
                statuses.append(response.status)
                if response.status != 200:
                    assert response.headers["Retry-After"] == "1"
                    time.sleep(1)
            finally:
                connection.close()
        return statuses

    with ThreadPoolExecutor(100) as pool:
        statuses = list(pool.map(ask, range(200)))
    assert all(answers[-1] == 200 for answers in statuses), statuses
    assert {status for answers in statuses for status in answers} <= {200, 429, 503}, statuses


def test_queries_beyond_the_limit_wait_then_get_503_with_retry_after(endpoint):
    slow = [threading.Thread(target=get, args=(endpoint, SLOW)) for _ in range(2)]
    for thread in slow:
        thread.start()
    time.sleep(0.5)
    status, headers, body = get(endpoint, "ASK {}")
    for thread in slow:
        thread.join()
    assert status == 503 and headers["Retry-After"] == "1" and "busy" in body
    assert get(endpoint, "ASK {}")[0] == 200


# ---------------------------------------------------------------- command line
@pytest.mark.parametrize("options, message", [
    (["--port", "99999"], "--port 99999"), (["--timeout", "nan"], "--timeout nan"),
    (["--timeout", "-1"], "--timeout -1"), (["--timeout", "0"], "--timeout 0"), (["--memory", "0"], "--memory 0"),
    (["--max-queries", "0"], "--max-queries 0"), (["--cors-origin", "*"], "--cors-origin '*'"),
    (["--client-queries", "0"], "--client-queries 0"), (["--client-queries", "3"], "--client-queries 3: give at most"),
    (["--trusted-proxy", "proxy.example"], "--trusted-proxy 'proxy.example'"),
])
def test_bad_serve_arguments_are_one_line_errors(seed_build, capsys, options, message):
    assert main(["serve", "--build", str(seed_build), *options]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"edugraph: error: {message}") and err.count("\n") == 1


def test_port_in_use_is_one_line_error(seed_build, capsys):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        assert main(["serve", "--build", str(seed_build), "--port", str(busy.getsockname()[1])]) == 2
    err = capsys.readouterr().err
    assert err.startswith("edugraph: error: cannot listen on 127.0.0.1:") and err.count("\n") == 1
