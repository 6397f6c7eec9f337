"""Hostile input, round 9 (docs/SECURITY.md): a character XML 1.0 cannot hold (NUL, ESC, U+000B, U+FFFF…) is refused
by every reader that lets values into the graph, in one line naming the file and line, and an XML answer that would
hold one anyway (a query's own literal, a parameter, a remote store's answer) is refused in one line or with 406:
before, `query --format xml`, `--format rdfxml` and the endpoint wrote malformed XML."""

from __future__ import annotations

import json
import urllib.parse
import xml.dom.minidom
from pathlib import Path

import pytest

from edugraph.cli import main
from support.corpus import DEV_ARTICLES, copy_articles
from support.errors import one_error_line
from support.fakestore import JsonStore, serving
from support.process import stop
from support.serving import request, start

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = "dev01_tomsk_kvantorium"
LABEL = "<https://w3id.org/edugraph/ontology#Article> <http://www.w3.org/2000/01/rdf-schema#label>"


def build(tmp_path, *options: str) -> int:
    articles = copy_articles(tmp_path / "articles", [ARTICLE], DEV_ARTICLES)
    return main(["build", "--quiet", "--articles", str(articles), "--out", str(tmp_path / "build"), "--jobs", "1",
                 *options])


@pytest.mark.parametrize("literal, code", [
    (r'"ста\u0000тья"', "U+0000"), (r'"a\U0000001Bb"', "U+001B"), (r'"a\fb"', "U+000C"), ('"a\ufffeb"', "U+FFFE"),
    ('"""several\nlines \u000b"""', "U+000B"),
])
def test_an_ontology_literal_xml_cannot_hold_is_refused_naming_its_line(tmp_path, capsys, literal, code):
    """Before: built (exit 0), and `query --format xml` of the label wrote malformed XML."""
    ontology = tmp_path / "edugraph.ttl"
    text = (ROOT / "ontology" / "edugraph.ttl").read_text(encoding="utf-8")
    ontology.write_text(text + f"\n\n{LABEL} {literal}@ru .\n", encoding="utf-8")
    assert build(tmp_path, "--ontology", str(ontology)) != 0
    line = text.count("\n") + 3 + literal.count("\n")  # the line of the character itself
    one_error_line(capsys, f"edugraph.ttl:{line}: the ontology: the literal", code, "no XML 1.0 output")
    assert not (tmp_path / "build").exists()


def test_a_carriage_return_in_a_long_literal_is_read(tmp_path):
    """A file saved with CR LF line ends holds CR in its long literals: XML holds CR, so it is read."""
    ontology = tmp_path / "edugraph.ttl"
    text = (ROOT / "ontology" / "edugraph.ttl").read_text(encoding="utf-8")
    ontology.write_bytes((text + f'\n{LABEL} """two\r\nlines"""@ru .\n').encode("utf-8"))
    assert build(tmp_path, "--ontology", str(ontology)) == 0


@pytest.fixture(scope="module")
def small_build(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("xml")
    assert build(folder) == 0
    return folder / "build"


def test_stats_and_load_refuse_an_edited_build_file_naming_its_line(small_build, tmp_path, capsys):
    """The build's files edited by hand: `load` sent the NUL to the store, `stats` and `viz` read it."""
    edited = tmp_path / "build"
    edited.mkdir()
    for path in small_build.iterdir():
        if path.is_file():
            (edited / path.name).write_bytes(path.read_bytes())
    lines = (edited / "all.nq").read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(2, f'{LABEL} "a\\u0000b" <https://w3id.org/edugraph/graph/ontology> .\n')
    (edited / "all.nq").write_text("".join(lines), encoding="utf-8")
    with (edited / "asserted.nt").open("a", encoding="utf-8") as nt:
        nt.write(f'{LABEL} "a\\u0000b" .\n')
    count = (edited / "asserted.nt").read_text(encoding="utf-8").count("\n")
    assert main(["stats", "--build", str(edited)]) != 0
    one_error_line(capsys, f"asserted.nt:{count}: the literal", "U+0000", "run `edugraph build` again")
    assert main(["load", "--build", str(edited), "--store", str(tmp_path / "store")]) != 0
    one_error_line(capsys, "all.nq:3: the literal", "U+0000", "run `edugraph build` again")


def test_metadata_and_curation_refuse_the_noncharacters(tmp_path, capsys):
    """U+FFFE and U+FFFF passed the metadata and curation checks (C0 controls only) into XML answers."""
    articles = copy_articles(tmp_path / "articles", [ARTICLE], DEV_ARTICLES)
    meta_path = articles / f"{ARTICLE}.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta_path.write_text(json.dumps({**meta, "place": "Томск\uffff"}), encoding="utf-8")
    assert main(["build", "--quiet", "--articles", str(articles), "--out", str(tmp_path / "build")]) != 0
    one_error_line(capsys, "metadata 'place' holds a control character")  # (the rule names U+FFFE and U+FFFF both)
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    curation = tmp_path / "curation"
    curation.mkdir()
    (curation / f"{ARTICLE}.yaml").write_text('add:\n  places:\n    - "Томск\\uFFFE"\n', encoding="utf-8")
    assert main(["build", "--quiet", "--articles", str(articles), "--curation", str(curation),
                 "--out", str(tmp_path / "build")]) != 0
    one_error_line(capsys, f"{ARTICLE}.yaml:3", "'add.places.0' holds a control character")


XML_QUERY = 'SELECT ?x WHERE { BIND("a\\u0001b" AS ?x) }'


def test_query_refuses_xml_results_holding_a_character_xml_cannot_hold(small_build, tmp_path, capsys):
    """A query's own literal or a parameter: pyoxigraph wrote `<literal>a\\x01b</literal>`, malformed."""
    query = tmp_path / "echo.rq"
    query.write_text("# param: ?p — anything (optional)\nSELECT ?p WHERE {}\n", encoding="utf-8")
    arguments = ["query", str(query), "--build", str(small_build), "--param", "p=a\x01b"]
    assert main([*arguments, "--format", "xml"]) != 0
    one_error_line(capsys, "the results hold U+0001, which XML 1.0 cannot hold: ask for them as json")
    assert main([*arguments, "--format", "json"]) == 0
    assert "a\\u0001b" in capsys.readouterr().out
    construct = tmp_path / "construct.rq"
    construct.write_text('CONSTRUCT { <http://example.org/s> <http://example.org/p> "a\\uFFFFb" } WHERE {}\n',
                         encoding="utf-8")
    assert main(["query", str(construct), "--build", str(small_build), "--format", "rdfxml"]) != 0
    one_error_line(capsys, "U+FFFF", "ask for them as turtle")
    assert main(["query", str(construct), "--build", str(small_build), "--format", "ntriples"]) == 0


class NulStore(JsonStore):
    """A store `edugraph load` filled (it lists the union graph) that answers every other query with a NUL."""

    union = "https://w3id.org/edugraph/graph/union"

    def do_POST(self):
        asked = urllib.parse.unquote_plus(self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode())
        lists_graphs = "SELECT DISTINCT ?g" in asked
        row = {"g": {"type": "uri", "value": self.union}} if lists_graphs else {
            "x": {"type": "literal", "value": "a\u0000b"}}
        self.body = json.dumps({"head": {"vars": list(row)}, "results": {"bindings": [row]}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.answer()


def test_query_endpoint_refuses_a_stores_answer_xml_cannot_hold(tmp_path, capsys):
    query = tmp_path / "q.rq"
    query.write_text("SELECT ?x WHERE { ?x ?p ?o }\n", encoding="utf-8")
    with serving(NulStore) as base:
        assert main(["query", str(query), "--endpoint", f"{base}/sparql", "--format", "xml"]) != 0
        one_error_line(capsys, "U+0000, which XML 1.0 cannot hold")
        assert main(["query", str(query), "--endpoint", f"{base}/sparql", "--format", "json"]) == 0
        assert "a\\u0000b" in capsys.readouterr().out


def test_query_endpoint_names_a_graph_list_without_graphs(tmp_path, capsys):
    """Before: "internal error: KeyError: 'g'" (`load` was mended in round 8, `query --endpoint` not)."""
    query = tmp_path / "q.rq"
    query.write_text("SELECT ?x WHERE { ?x ?p ?o }\n", encoding="utf-8")
    body = json.dumps({"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "literal", "value": "a"}}]}})
    with serving(type("Handler", (JsonStore,), {"body": body.encode()})) as base:
        assert main(["query", str(query), "--endpoint", f"{base}/sparql"]) != 0
    one_error_line(capsys, "answered a row without a graph name (?g) to the list of its graphs")


def test_the_endpoint_answers_406_not_malformed_xml(small_build):
    proc, base = start(small_build)
    try:
        url = base + "/sparql?" + urllib.parse.urlencode({"query": XML_QUERY})
        status, _, body = request(url, headers={"Accept": "application/sparql-results+xml"})
        assert status == 406 and "U+0001" in body, (status, body)
        status, _, body = request(url.replace("%5Cu0001", "x"), headers={"Accept": "application/sparql-results+xml"})
        assert status == 200 and xml.dom.minidom.parseString(body)
    finally:
        stop(proc)
