"""The library cites only article graphs as a row's source, never `egg:inferred` or the entity, gazetteer and ontology
graphs, on the real seed build, and still when the reasoner derives an initiative membership no article states."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest

from edugraph.sparql.store import open_built
from support.queries import QUERIES, examples, select

GRAPH = "https://w3id.org/edugraph/graph/"
ARTICLE_GRAPH = GRAPH + "article/"
INFERRED = ox.NamedNode(GRAPH + "inferred")
# entity-facts lists every fact about an entity with the graph it is in, derived and gazetteer facts included
EVERY_GRAPH = {"entity-facts"}
# the queries whose sources come from an initiative membership, and cases of each
MEMBERSHIP_CASES = [("initiative-members", {}), ("initiative-members", {"initiative": "egr:initiative/kvantorium"}),
                    ("initiatives-by-place", {}), ("initiatives-by-place", {"initiative": "egr:initiative/kvantorium"}),
                    ("initiatives-by-place", {"initiative": "egr:initiative/national-project-education"}),
                    ("regions-ranked", {})]
DERIVED = """PREFIX eg: <https://w3id.org/edugraph/ontology#>
SELECT DISTINCT ?org ?network WHERE {
  GRAPH ?g { ?org eg:partOfInitiative ?initiative } FILTER(STRSTARTS(STR(?g), "%s"))
  ?initiative eg:partOf+ ?network
  FILTER NOT EXISTS { ?org eg:partOfInitiative ?network }
}""" % ARTICLE_GRAPH


def projected(text: str) -> list[str]:
    """The variables a SELECT query's rows have (not those only inside an aggregate: `COUNT(DISTINCT ?source)`)."""
    head = text[re.search(r"^SELECT\b", text, re.MULTILINE).start():].split("WHERE")[0]
    while re.search(r"\([^()]*\)", head):
        head = re.sub(r"\([^()]*\)", "", head)
    return re.findall(r"[?$](\w+)", head)


def cases():
    """(query name, parameters) of every library query whose rows give their `?source` graph: without parameters
    (the required ones only), then with each example."""
    for query in QUERIES:
        if query.name in EVERY_GRAPH or not re.search(r"^SELECT\b", query.text, re.MULTILINE):
            continue  # an ASK or a CONSTRUCT names no graph
        if "source" not in projected(query.text):
            continue  # its rows name no graph (articles, counts)
        given = examples(query)
        required = {name: value for name, value in (given or [{}])[0].items() if query.params.get(name)}
        for values in [required] + [values for values in given if set(values) - set(required)]:
            yield query.name, values


def cited_graphs(rows) -> set[str]:
    """The graph IRIs the rows give as values (a source, or any other column)."""
    return {value for row in rows for value in row.values() if value.startswith(GRAPH)}


@pytest.fixture(scope="module")
def derived_store(seed_build) -> tuple[ox.Store, int]:
    """A copy of the seed build's store in which the reasoner also derived each member of a centre network to be a
    member of the initiatives the network is part of (Kvantorium → the national project «Образование»): triples in
    `egg:inferred` (and the default graph) that no article states, as the school Kvantorium's membership of
    Kvantorium was before the mapping asserted it."""
    built = open_built(seed_build)
    store = ox.Store()
    store.bulk_extend(built.quads_for_pattern(None, None, None, None))
    derived = [ox.Triple(row["org"], ox.NamedNode("https://w3id.org/edugraph/ontology#partOfInitiative"),
                         row["network"]) for row in store.query(DERIVED, use_default_graph_as_union=True)]
    store.bulk_extend([ox.Quad(*triple, graph) for triple in derived for graph in (INFERRED, ox.DefaultGraph())])
    return store, len(derived)


@pytest.mark.parametrize("which", ["seed", "derived"])
@pytest.mark.parametrize(("name", "params"), list(cases()), ids=lambda value: str(value))
def test_rows_cite_only_article_graphs(seed_build, derived_store, which, name, params):
    """On the seed build, and with derived memberships in `egg:inferred`: a derived membership is never cited."""
    store, derived = (open_built(seed_build), None) if which == "seed" else derived_store
    assert derived != 0
    rows = select(store, name, **params)
    assert rows and all("source" in row for row in rows), name
    assert all(graph.startswith(ARTICLE_GRAPH) for graph in cited_graphs(rows)), name


@pytest.mark.parametrize(("name", "params"), MEMBERSHIP_CASES, ids=lambda value: str(value))
def test_a_derived_membership_changes_no_membership_answer(seed_build, derived_store, name, params):
    """No article says the derived membership: the members, places and regional counts stay those the articles
    give (regions-ranked counted `egg:inferred` as one more article of the regions of the derived members)."""
    store, derived = derived_store
    rows = select(open_built(seed_build), name, **params)
    assert rows and select(store, name, **params) == rows
