"""`edugraph serve` as a real process, spoken to over HTTP by SPARQLWrapper and urllib."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper



def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def endpoint(seed_build):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "edugraph.cli", "serve", "--port", str(port), "--timeout", "2",
                             "--build", str(seed_build)], stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/", timeout=1).read()
            break
        except OSError:
            if proc.poll() is not None:
                pytest.fail(f"edugraph serve exited: {proc.stderr.read()}")
            time.sleep(0.1)
    yield base
    proc.terminate()
    proc.wait(10)


def request(url, data=None, headers=None):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data, headers=headers or {}), timeout=20) as r:
            return r.status, r.headers.get("Content-Type"), r.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type"), err.read().decode()


QUERY = """PREFIX eg: <https://w3id.org/edugraph/ontology#>
SELECT ?n WHERE { ?e eg:participantCount ?n ; eg:startDate "2023-10-30"^^<http://www.w3.org/2001/XMLSchema#date> }"""


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
    url = endpoint + "/sparql?" + urllib.parse.urlencode({"query": QUERY})
    status, media, body = request(url, headers={"Accept": "text/csv"})
    assert (status, media.split(";")[0], body.split()) == (200, "text/csv", ["n", "70"])
    status, media, body = request(url, headers={"Accept": "application/sparql-results+xml"})
    assert status == 200 and "xml" in media and "<literal" in body
    status, media, body = request(url, headers={"Accept": "text/tab-separated-values;q=0.5, application/json"})
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "70"


def test_post_forms(endpoint):
    status, _, body = request(endpoint + "/sparql", urllib.parse.urlencode({"query": QUERY}).encode(),
                              {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and '"70"' in body
    status, media, body = request(endpoint + "/sparql", b"ASK { ?s ?p ?o }", {"Content-Type": "application/sparql-query"})
    assert status == 200 and json.loads(body)["boolean"] is True


def test_graph_formats(endpoint):
    url = endpoint + "/sparql?" + urllib.parse.urlencode({"query": "CONSTRUCT WHERE { ?s a <https://w3id.org/edugraph/ontology#Article> }"})
    for accept, marker in [("application/n-triples", "> ."), ("application/ld+json", "@id"),
                           ("application/rdf+xml", "rdf:RDF"), ("text/turtle", "@prefix")]:
        status, media, body = request(url, headers={"Accept": accept})
        assert status == 200 and media.startswith(accept) and marker in body, accept


def test_bad_syntax_is_400(endpoint):
    status, _, body = request(endpoint + "/sparql?query=" + urllib.parse.quote("SELECT WHERE {"))
    assert status == 400 and "line 1, column" in body


def test_updates_are_403(endpoint):
    status, _, body = request(endpoint + "/sparql", urllib.parse.urlencode({"update": "DROP ALL"}).encode(),
                              {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403 and "read-only" in body
    status, _, _ = request(endpoint + "/sparql", b"DROP ALL", {"Content-Type": "application/sparql-update"})
    assert status == 403
    status, _, _ = request(endpoint + "/sparql", b"DELETE WHERE { ?s ?p ?o }", {"Content-Type": "application/sparql-query"})
    assert status == 403
    assert request(endpoint + "/sparql?" + urllib.parse.urlencode({"query": QUERY}))[0] == 200  # data still there


def test_timeout_is_503(endpoint):
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    status, _, body = request(endpoint + "/sparql?" + urllib.parse.urlencode({"query": slow}))
    assert status == 503 and "longer than 2 s" in body


def test_query_page(endpoint):
    status, media, body = request(endpoint + "/")
    assert status == 200 and media.startswith("text/html")
    assert "<textarea" in body and "events-in-region" in body and "http://" not in body.split("<script>")[0].split("</p>")[-1]
    assert "cdn" not in body.lower()
