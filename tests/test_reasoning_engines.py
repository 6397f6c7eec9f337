"""The two OWL-RL engines on the real seed build: `reasonable` (used by the build) and owlrl (the reference)."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef

from edugraph.namespaces import EG, ID
from edugraph.reasoning import chain_consequences, chain_links, infer, owlrl_closure, plain_triples, property_chains
from edugraph.resolve.evidence import without_provenance

pytest.importorskip("reasonable", reason="the reasonable wheel is not installed")


@pytest.fixture(scope="module")
def asserted(seed_result) -> Graph:
    return seed_result.asserted_graph


def test_both_engines_give_the_same_closure_on_the_seed_build(seed_result, asserted):
    fast, fast_problems = infer(asserted, seed_result.ontology, "reasonable")
    reference, reference_problems = infer(asserted, seed_result.ontology, "owlrl")
    assert len(reference) > 500
    assert set(fast) == set(reference)
    assert fast_problems == reference_problems == []


def test_without_the_chain_fix_point_reasonable_misses_recursive_chains(seed_result, asserted):
    """The documented difference: one `reasonable` pass leaves out chains over inferred links
    (an event in a district is not found in the country); the fix-point adds exactly those."""
    import reasonable

    reasoner = reasonable.PyReasoner()
    reasoner.from_graph(seed_result.ontology)
    reasoner.from_graph(asserted)
    one_pass = set(reasoner.reason())
    missing = chain_consequences(one_pass, property_chains(seed_result.ontology)) - one_pass
    assert missing, "reasonable now completes recursive chains itself: the fix-point can go"
    assert {p for _, p, _ in missing} <= {target for _, target in property_chains(seed_result.ontology)}
    fixed, _ = infer(asserted, seed_result.ontology)
    assert {t for t in missing if str(t[0]).startswith(str(ID))} <= set(fixed)


def test_chains_follow_a_place_hierarchy_of_any_depth(seed_result):
    event, district, city, region, country = (URIRef(f"{ID}x/{n}") for n in ("e", "d", "c", "r", "ru"))
    data = Graph()
    data.add((event, EG.takesPlaceIn, district))
    for inner, outer in ((district, city), (city, region), (region, country)):
        data.add((inner, EG.locatedIn, outer))
    inferred, _ = infer(data, seed_result.ontology)
    assert {o for o in inferred.objects(event, EG.takesPlaceIn)} == {city, region, country}


def test_disjoint_classes_are_reported_by_both_engines(seed_result):
    thing = URIRef(f"{ID}x/both")
    data = Graph()
    data.add((thing, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), EG.Person))
    data.add((thing, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), EG.Organisation))
    for engine in ("reasonable", "owlrl"):
        _, problems = infer(data, seed_result.ontology, engine)
        assert any(str(thing) in message for message in problems), engine


def test_the_links_given_to_reasonable_beforehand_are_entailed_and_spare_a_second_pass(seed_result, asserted,
                                                                                      monkeypatch):
    """chain_links may only add what owlrl derives anyway, and it covers what one reasonable pass misses."""
    import edugraph.reasoning as reasoning

    facts = without_provenance(asserted)
    links = chain_links(facts, seed_result.ontology)
    assert links - set(facts), "nothing derived: the test would prove nothing"
    assert links <= plain_triples(owlrl_closure(facts, seed_result.ontology))
    passes = []
    monkeypatch.setattr(reasoning, "plain_triples", lambda triples: passes.append(1) or plain_triples(triples))
    infer(facts, seed_result.ontology)
    assert len(passes) == 1
