"""The on-disk store the build writes: every distinct triple once in the default graph, named graphs for
provenance, opened by `edugraph query` without reading all.nq (issue 14, item 4)."""

from __future__ import annotations

import shutil

import pyoxigraph as ox
import pytest

from edugraph.cli import main
from edugraph.sparql.store import open_built, union_triples

PREF_LABEL = "http://www.w3.org/2004/02/skos/core#prefLabel"  # repeated by the gazetteer and entities graphs


@pytest.fixture(scope="module")
def quads(seed_build) -> list[ox.Quad]:
    return list(ox.parse(path=str(seed_build / "all.nq"), format=ox.RdfFormat.N_QUADS))


def count(store, where: str) -> int:
    rows = list(store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}"))
    return int(rows[0]["n"].value)


def test_default_graph_holds_every_distinct_triple_once(seed_build, quads):
    store = open_built(seed_build)
    distinct = {q.triple for q in quads}
    assert len(distinct) < len(quads), "the seed build repeats facts across graphs"
    assert count(store, "?s ?p ?o") == len(distinct)
    union = list(union_triples(seed_build))
    # (the store keeps derived integer types such as xsd:nonNegativeInteger as xsd:integer)
    assert len(union) == len(distinct)
    assert {(t.subject, t.predicate) for t in union} == {(t.subject, t.predicate) for t in distinct}


def test_counts_are_right_where_articles_repeat_a_fact(seed_build, quads):
    store = open_built(seed_build)
    distinct = {q.triple for q in quads if q.predicate.value == PREF_LABEL}
    copies = [q for q in quads if q.predicate.value == PREF_LABEL]
    assert len(copies) > len(distinct)
    assert count(store, f"?entity <{PREF_LABEL}> ?label") == len(distinct)


def test_named_graphs_keep_the_provenance(seed_build, quads):
    store = open_built(seed_build)
    assert count(store, "GRAPH ?g { ?s ?p ?o }") == len(quads)
    graphs = {q.graph_name.value for q in quads}
    assert {g.value for g in store.named_graphs()} == graphs


def test_query_uses_the_store_not_all_nq(seed_build, tmp_path, capsys):
    copy = tmp_path / "build"
    shutil.copytree(seed_build, copy)
    (copy / "all.nq").write_text("this is no longer N-Quads\n")
    assert main(["query", "--build", str(copy), "--format", "csv", "-e",
                 "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"]) == 0
    assert int(capsys.readouterr().out.split()[1]) > 1000


def test_no_inferred_leaves_out_the_inferred_graph(seed_build, quads):
    without = open_built(seed_build, inferred=False)
    inferred = "https://w3id.org/edugraph/graph/inferred"
    expected = {q.triple for q in quads if q.graph_name.value != inferred}
    assert count(without, "?s ?p ?o") == len(expected)
