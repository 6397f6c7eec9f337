"""Hostile input, round 8 (docs/SECURITY.md): the Turtle readers (`build --ontology/--shapes` and the SKOS schemes,
`stats` and `viz` reading the build's ontology.ttl) read through pyoxigraph, as rdflib read them, and what rdflib let
through with a traceback refused in one line; numbers Python cannot read (curation, range parameters). The time of
the Turtle inputs is measured by `bench/hostile.py read-turtle-…`, not here: their tests and the tests that the
project's files and the valid escapes read the same passed on the old code too (guards of the new reader)."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import to_isomorphic

from edugraph.cli import main
from edugraph.errors import EduGraphError
from edugraph.loading.targets import Target
from edugraph.ontology import load_ontology, read_turtle
from edugraph.turtle import MAX_BOUND_PREFIXES
from support.corpus import DEV_ARTICLES, copy_articles
from support.errors import one_error_line
from support.fakestore import JsonStore, serving

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = "dev01_tomsk_kvantorium"


def rdflib_read(path: Path) -> Graph:
    """The graph rdflib's own Turtle reader makes of a file, as the readers did before round 8."""
    return Graph().parse(data=path.read_bytes(), format="turtle", publicID=path.absolute().as_uri())


def same_graph(ours: Graph, theirs: Graph) -> None:
    """The same triples (blank nodes up to renaming), every literal written the same, and the same prefixes."""
    assert to_isomorphic(ours) == to_isomorphic(theirs)
    assert sorted(o.n3() for o in ours.objects() if isinstance(o, Literal)) == \
        sorted(o.n3() for o in theirs.objects() if isinstance(o, Literal))
    assert dict(ours.namespaces()) == dict(theirs.namespaces())


@pytest.mark.parametrize("name", ["edugraph.ttl", "schemes.ttl", "shapes.ttl"])
def test_the_projects_turtle_files_are_read_as_rdflib_read_them(name):
    path = ROOT / "ontology" / name
    same_graph(read_turtle(path, "file"), rdflib_read(path))


def test_every_valid_escape_is_read_as_rdflib_read_it():
    path = ROOT / "tests/support/escapes.ttl"
    ours = read_turtle(path, "file")
    same_graph(ours, rdflib_read(path))
    assert (URIRef("http://example.org/s"), URIRef("http://example.org/p"), Literal('""""')) in ours


def test_a_literal_full_of_escapes_is_read_whole(tmp_path):
    """The input rdflib took time growing with the square of (800 KB: 36 s, 3.2 MB: 32 s in a file of its own)."""
    path = tmp_path / "shapes.ttl"
    path.write_text('<http://example.org/s> <http://example.org/p> "' + '\\"' * 50_000 + '" .\n', encoding="utf-8")
    assert list(read_turtle(path, "SHACL shapes file").objects()) == [Literal('"' * 50_000)]


def test_a_blank_node_label_of_two_files_is_two_blank_nodes(tmp_path):
    """rdflib makes a new blank node for each label of each document; pyoxigraph keeps the label, which would have
    made `_:a` of the ontology and `_:a` of the schemes file one node."""
    for name in ("ontology.ttl", "schemes.ttl"):
        (tmp_path / name).write_text(f"_:a <http://example.org/in> <http://example.org/{name}> .\n", encoding="utf-8")
    graph = load_ontology(tmp_path / "ontology.ttl", tmp_path / "schemes.ttl")
    subjects = set(graph.subjects())
    assert len(subjects) == 2 and all(isinstance(s, BNode) for s in subjects)


def test_a_byte_order_mark_is_skipped(tmp_path):
    """A file saved by an editor that writes one: rdflib refused it ("expected directive or statement")."""
    path = tmp_path / "shapes.ttl"
    path.write_bytes(b"\xef\xbb\xbf" + (ROOT / "ontology" / "shapes.ttl").read_bytes())
    same_graph(read_turtle(path, "SHACL shapes file"), rdflib_read(ROOT / "ontology" / "shapes.ttl"))


def test_a_file_of_many_prefixes_is_read(tmp_path):
    """rdflib binds each prefix in time growing with those bound before (10,000: 4.7 s; 40,000 in a 1.2 MB file:
    minutes, `bench/hostile.py read-turtle-prefixes`); the triples are read whole, the first 1,000 prefixes bound."""
    path = tmp_path / "shapes.ttl"
    path.write_text("".join(f"@prefix p{i}: <http://example.org/{i}/> .\n" for i in range(2_000))
                    + "p1999:s p0:p p1:o .\n", encoding="utf-8")
    graph = read_turtle(path, "SHACL shapes file")
    assert list(graph) == [(URIRef("http://example.org/1999/s"), URIRef("http://example.org/0/p"),
                            URIRef("http://example.org/1/o"))]
    bound = dict(graph.namespaces())
    assert bound["p0"] == URIRef("http://example.org/0/")
    assert sum(1 for prefix in bound if re.fullmatch(r"p\d+", prefix)) == MAX_BOUND_PREFIXES < 2_000


def build(tmp_path, *options: str) -> int:
    articles = copy_articles(tmp_path / "articles", [ARTICLE], DEV_ARTICLES)
    return main(["build", "--quiet", "--articles", str(articles), "--out", str(tmp_path / "build"), "--jobs", "1",
                 *options])


@pytest.mark.parametrize("literal, words", [
    ('"abc"^^<http://www.w3.org/2001/XMLSchema#integer>', ['rdflib cannot read "abc" as', "#integer"]),
    ('"' + "1" * 5000 + '"^^<http://www.w3.org/2001/XMLSchema#integer>', ["(5,000 characters)", "4,300 digits"]),
    ("1" * 5000, ["(5,000 characters)", "more than 4,300 digits"]),  # one line before too, from rdflib's int()
    ('"maybe"^^<http://www.w3.org/2001/XMLSchema#boolean>', ['rdflib cannot read "maybe" as', "#boolean"]),
    ('"2023-02-31"^^<http://www.w3.org/2001/XMLSchema#date>', ['rdflib cannot read "2023-02-31" as', "#date"]),
    ('"12024-01-01"^^<http://www.w3.org/2001/XMLSchema#date>', ['rdflib cannot read "12024-01-01" as', "#date"]),
    ('<<( <http://example.org/a> <http://example.org/b> <http://example.org/c> )>>', ["RDF 1.2 triple term"]),
    ('"x"@en--ltr', ["RDF 1.2 directional literal"]),
])
def test_a_shapes_file_with_what_rdflib_cannot_read_is_one_line(tmp_path, capsys, literal, words):
    """Before: rdflib printed "Failed to convert Literal lexical form to value" and a traceback for each ill-typed
    literal (a 5,000-digit integer too: Python reads at most 4,300), or a UserWarning, and built on. The bare
    5,000-digit number and the RDF 1.2 terms were refused in one line before too (the guards of pyoxigraph's
    reader, which reads them)."""
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text((ROOT / "ontology" / "shapes.ttl").read_text(encoding="utf-8")
                      + f"\n<http://example.org/s> <http://example.org/p> {literal} .\n", encoding="utf-8")
    assert build(tmp_path, "--shapes", str(shapes)) != 0
    one_error_line(capsys, "shapes.ttl: the SHACL shapes file is not valid Turtle:", *words)
    assert not (tmp_path / "build").exists()


def test_an_ill_typed_number_is_no_number_too_long_with_pythons_digit_limit_off(tmp_path):
    """`PYTHONINTMAXSTRDIGITS=0` switches the limit off: `"123"^^xsd:date` was "(more than 0 digits)"."""
    path = tmp_path / "shapes.ttl"
    path.write_text('<http://example.org/s> <http://example.org/p> "123"^^<http://www.w3.org/2001/XMLSchema#date> .\n',
                    encoding="utf-8")
    before = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        with pytest.raises(EduGraphError) as raised:
            read_turtle(path, "SHACL shapes file")
    finally:
        sys.set_int_max_str_digits(before)
    assert str(raised.value).endswith("#date>")


def test_stats_and_viz_name_a_broken_ontology_ttl_in_one_line(tmp_path, capsys):
    """The build's ontology.ttl (a copy of `--ontology`), edited: one line saying to build again."""
    assert build(tmp_path) == 0
    capsys.readouterr()
    (tmp_path / "build" / "ontology.ttl").write_text('<http://example.org/s> <http://example.org/p> "x', "utf-8")
    assert main(["stats", "--build", str(tmp_path / "build")]) != 0
    one_error_line(capsys, "ontology.ttl: not valid turtle", "run `edugraph build` again")
    assert main(["viz", "--build", str(tmp_path / "build"), "--out", str(tmp_path / "viz")]) != 0
    one_error_line(capsys, "ontology.ttl: not valid turtle", "run `edugraph build` again")


def test_stats_names_an_ill_typed_literal_of_asserted_nt_in_one_line(tmp_path, capsys):
    """The build's asserted.nt, edited: rdflib printed "Failed to convert Literal lexical form to value" and a
    traceback, and `stats` went on (exit 0)."""
    assert build(tmp_path) == 0
    capsys.readouterr()
    with (tmp_path / "build" / "asserted.nt").open("a", encoding="utf-8") as nt:
        nt.write('<http://example.org/s> <http://example.org/p> "abc"^^<http://www.w3.org/2001/XMLSchema#integer> .\n')
    assert main(["stats", "--build", str(tmp_path / "build")]) != 0
    one_error_line(capsys, "asserted.nt: not valid N-Triples", '"abc"', "#integer", "run `edugraph build` again")


def curate(tmp_path, participants: str) -> int:
    """A build of the article whose curation adds an event with `participants: …` (line 6)."""
    (tmp_path / "curation").mkdir()
    (tmp_path / "curation" / f"{ARTICLE}.yaml").write_text(
        f"article: {ARTICLE}\nadd:\n  events:\n    - name: Big Forum\n      type: forum\n"
        f"      participants: {participants}\n", encoding="utf-8")
    return build(tmp_path, "--curation", str(tmp_path / "curation"))


@pytest.mark.parametrize("participants, words", [
    ("1" + "0" * 5000, ["is no valid !!int", "Exceeds the limit (4300 digits)"]),
    ("!!int abc", ["'abc' is no valid !!int"]),
    ("!!float abc", ["'abc' is no valid !!float"]),
    ("!!timestamp 2023-02-31", ["'2023-02-31' is no valid !!timestamp", "day is out of range for month"]),
])
def test_a_curation_value_yaml_cannot_read_names_its_line(tmp_path, capsys, participants, words):
    """Before: "internal error: ValueError: Exceeds the limit (4300 digits) for integer string conversion" (YAML
    reads `participants: 1000…` with `int()`, which Python stops at 4,300 digits), and for the tags (PyYAML's
    `int()`, `float()`, `date()`) "internal error: ValueError: invalid literal for int()…"."""
    assert curate(tmp_path, participants) != 0
    one_error_line(capsys, f"{ARTICLE}.yaml:6:", *words)
    assert not (tmp_path / "build").exists()


def test_a_curation_number_is_read_with_pythons_digit_limit_off(tmp_path):
    """`PYTHONINTMAXSTRDIGITS=0` switches the limit off: every number (`participants: 40`) was refused as "a number
    of more than 0 digits"."""
    before = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        assert curate(tmp_path, "40") == 0
    finally:
        sys.set_int_max_str_digits(before)
    assert '#participantCount> "40"^^' in (tmp_path / "build" / "asserted.nt").read_text(encoding="utf-8")


def test_a_range_parameter_of_5000_digits_is_compared(tmp_path, capsys):
    """`# param: ?from xsd:integer` and `?to`: their order was checked with `int()`, which Python stops at 4,300
    digits: "internal error: ValueError: Exceeds the limit (4300 digits)" (at the endpoint, 500)."""
    assert build(tmp_path) == 0
    query = tmp_path / "range.rq"
    query.write_text("# param: ?from xsd:integer — the least (optional)\n"
                     "# param: ?to xsd:integer — the most (optional)\nSELECT ?from ?to WHERE {}\n", encoding="utf-8")
    huge = "1" + "0" * 5000
    capsys.readouterr()
    arguments = ["query", str(query), "--build", str(tmp_path / "build"), "--format", "csv"]
    assert main([*arguments, "--param", f"from={huge}", "--param", "to=5"]) != 0
    one_error_line(capsys, "--param from: '10000", "characters) …", "no value is in the range")  # the middle cut
    assert main([*arguments, "--param", "from=5", "--param", f"to={huge}"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == f"5,{huge}"


@pytest.mark.parametrize("count, shown", [("abc", "'abc'"), ("1" * 5000, "'" + "1" * 40 + "…'"), (None, "nothing")])
def test_a_store_answering_a_count_that_is_no_number_is_one_line(tmp_path, capsys, count, shown):
    """`load` read each graph's triple count with `int()`: "internal error: ValueError: invalid literal for int()"
    (and for 5,000 digits "Exceeds the limit (4300 digits)"); a count left out was a KeyError."""
    assert build(tmp_path) == 0
    row = {"g": {"type": "uri", "value": "https://w3id.org/edugraph/graph/ontology"}}
    if count is not None:
        row["n"] = {"type": "literal", "value": count, "datatype": "http://www.w3.org/2001/XMLSchema#integer"}
    body = json.dumps({"head": {"vars": ["g", "n"]}, "results": {"bindings": [row]}}).encode()
    capsys.readouterr()
    with serving(type("Handler", (JsonStore,), {"body": body})) as base:
        code = main(["load", "--build", str(tmp_path / "build"), "--endpoint", f"{base}/sparql",
                     "--store-kind", "oxigraph", "--retries", "0"])
    assert code != 0
    err = one_error_line(capsys, "answered a triple count that is no number of triples: " + shown,
                         "the others could not be counted afterwards")
    assert err.count("answered a triple count") == 1  # the recount after the failure fails the same way: said once


def test_a_store_answering_a_graph_list_row_without_a_graph_is_one_line(tmp_path, capsys):
    """The list of the store's graphs read `row["g"]`: "internal error: KeyError: 'g'"."""
    assert build(tmp_path) == 0
    body = json.dumps({"head": {"vars": ["g"]}, "results": {"bindings": [{}]}}).encode()
    capsys.readouterr()
    with serving(type("Handler", (JsonStore,), {"body": body})) as base:
        code = main(["load", "--build", str(tmp_path / "build"), "--endpoint", f"{base}/sparql",
                     "--store-kind", "oxigraph", "--retries", "0"])
    assert code != 0
    one_error_line(capsys, "answered a row without a graph name (?g)")


class Rows(Target):
    """A store answering every SELECT with the same rows."""

    name = "the store"

    def __init__(self, rows: list[dict[str, str]]):
        self.rows = rows

    def select(self, sparql: str) -> list[dict[str, str]]:
        return self.rows


def test_a_store_answering_a_count_without_a_graph_is_one_line():
    """The count was filed under None, and the graph read "0 of N triples" as if the store held none of it."""
    iri = "https://w3id.org/edugraph/graph/ontology"
    assert Rows([{"g": iri, "n": "5"}]).counts([iri]) == {iri: 5}
    with pytest.raises(EduGraphError, match=r"^the store answered a row without a graph name \(\?g\)$"):
        Rows([{"n": "5"}]).counts([iri])


def test_a_query_on_standard_input_that_is_no_utf8_is_named(tmp_path, capsys, monkeypatch):
    """Python reads standard input with `surrogateescape` in the usual locales (C, C.UTF-8): a byte that is no UTF-8
    became a lone surrogate, and the error was "the query failed: 'utf-8' codec can't encode character '\\udcff'"."""
    stdin = io.TextIOWrapper(io.BytesIO(b"SELECT * WHERE { ?s ?p ?o } # caf\xe9\n"), encoding="utf-8",
                             errors="surrogateescape")
    monkeypatch.setattr("sys.stdin", stdin)
    assert main(["query", "-", "--build", str(tmp_path / "build")]) != 0
    one_error_line(capsys, "standard input: the query is not UTF-8 text")
