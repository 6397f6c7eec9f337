"""SHACL validation after a change: validating only the nodes the change can affect gives the same report as
validating the whole graph (issue 14), on the seed build with real shapes and ontology."""

from __future__ import annotations

import json
import shutil

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, XSD

from edugraph.namespaces import EG
from edugraph.ontology import load_shapes
from edugraph.output.read import ntriples_triples
from edugraph.paths import ONTOLOGY, SCHEMES, SHAPES
from edugraph.reasoning_update import ClosureUpdate, previous_build, previous_closure
from edugraph.validation import local_paths, new_graph, validate, validate_build, validate_update, validation_key

KEY = validation_key(SHAPES, ONTOLOGY, SCHEMES)
X, Y = URIRef("urn:x"), URIRef("urn:y")


@pytest.fixture(scope="module")
def built(seed_build) -> tuple[list, list, list]:
    """The seed build's asserted lines, asserted triples and inferred triples (the build conforms)."""
    lines = (seed_build / "asserted.nt").read_text(encoding="utf-8").splitlines(keepends=True)
    return lines, ntriples_triples("".join(lines)), ntriples_triples((seed_build / "inferred.nt").read_text())


def changed(built, change) -> tuple[list, list, list]:
    """The build after a change (triples removed from wherever they are, triples added as asserted)."""
    lines, asserted, inferred = built
    removed, added = CHANGES[change](asserted + inferred)
    kept = [(line, triple) for line, triple in zip(lines, asserted) if triple not in removed]
    return ([line for line, _ in kept] + [" ".join(term.n3() for term in triple) + " .\n" for triple in added],
            [triple for _, triple in kept] + added, [triple for triple in inferred if triple not in removed])


def full_report(asserted, inferred, seed_result):
    """The reference: pyshacl on the whole graph, as the build did before issue 14."""
    return validate(new_graph(asserted + inferred), load_shapes(), seed_result.ontology)


def a_post_and_its_holder(triples) -> tuple[URIRef, URIRef]:
    return sorted((s, o) for s, p, o in triples if p == EG.heldBy)[0]


def an_event(triples) -> URIRef:
    return sorted(s for s, p, o in triples if (p, o) == (RDF.type, EG.Event))[0]


CHANGES = {  # name -> triples -> (triples removed, triples added)
    "holder no longer a person (sh:class on a value whose type changed)":
        lambda ts: ({(a_post_and_its_holder(ts)[1], RDF.type, EG.Person)}, []),
    "an event with a negative participant count":
        lambda ts: (set(), [(an_event(ts), EG.participantCount, Literal(-5, datatype=XSD.integer))]),
    "a post that lost its source article":
        lambda ts: ({t for t in ts if t[0] == a_post_and_its_holder(ts)[0] and "wasDerivedFrom" in t[1]}, []),
    "a new person without a label": lambda ts: (set(), [(URIRef("https://w3id.org/edugraph/id/person/nobody"),
                                                         RDF.type, EG.Person)]),
    "nothing": lambda ts: (set(), []),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_validating_the_changed_nodes_gives_the_full_report(change, built, seed_build, seed_result):
    lines, asserted, inferred = changed(built, change)
    report = validate_build(lines, asserted, inferred, load_shapes(), seed_result.ontology, KEY,
                            previous=previous_build(seed_build))
    reference = full_report(asserted, inferred, seed_result)
    assert report.validated_nodes is not None and report.validated_nodes < 10, "the changed nodes alone"
    assert (report.conforms, report.violations, report.text) == (reference.conforms, reference.violations,
                                                                reference.text)
    assert report.conforms == (change == "nothing")


ADDITIONS = {  # name -> triples -> triples added (what `edugraph add` can do)
    **{name: lambda ts, change=CHANGES[name]: change(ts)[1]
       for name in ("an event with a negative participant count", "a new person without a label", "nothing")},
    "a holder that is also a place (a value's type added)":
        lambda ts: [(a_post_and_its_holder(ts)[1], RDF.type, EG.Place)],
}


@pytest.mark.parametrize("change", sorted(ADDITIONS))
def test_after_an_addition_the_nodes_read_from_the_store_give_the_full_report(change, built, seed_build,
                                                                              seed_result):
    _, asserted, inferred = built
    added = ADDITIONS[change](asserted + inferred)
    update = ClosureUpdate("", "", [], added, set(), set(added))  # what the closure gained: the added triples
    closure = previous_closure(previous_build(seed_build), seed_result.counts["reasoning_key"])
    report = validate_update(update, closure, load_shapes(), seed_result.ontology, KEY)
    reference = full_report(asserted + added, inferred, seed_result)
    assert report is not None and report.validated_nodes < 10, "the changed nodes alone"
    assert (report.conforms, report.violations, report.text) == (reference.conforms, reference.violations,
                                                                reference.text)


def test_every_node_is_validated_when_the_previous_build_cannot_vouch_for_the_rest(built, seed_build, seed_result,
                                                                                  tmp_path):
    lines, asserted, inferred = changed(built, "a new person without a label")
    summary = json.loads((seed_build / "summary.json").read_text())
    verdicts = {"invalid": {"shacl_conforms": False}, "warned": {"shacl_violations": 1}, "damaged": {}, "odd": {}}
    for name, verdict in verdicts.items():
        shutil.copytree(seed_build, tmp_path / name, ignore=shutil.ignore_patterns("store"))
        (tmp_path / name / "summary.json").write_text(json.dumps(summary | verdict))
    (tmp_path / "odd" / "summary.json").write_text("[]")
    (tmp_path / "damaged" / "inferred.nt").write_text(f"<x:a> <{RDF.type}> not-a-term .\n")
    for previous, key in [(tmp_path / name, KEY) for name in verdicts] + [(seed_build, "other shapes"),
                                                                         (tmp_path / "nothing", KEY)]:
        report = validate_build(lines, asserted, inferred, load_shapes(), seed_result.ontology, key,
                                previous=previous_build(previous))
        assert report.validated_nodes is None and report.violations == 1, previous


def test_the_project_shapes_are_local_and_the_others_are_validated_whole():
    paths = local_paths(load_shapes())
    assert {EG.heldBy, EG.participantCount, RDF.type, RDFS.subClassOf} <= paths
    assert EG.mentions not in paths  # no shape reads it: pyshacl is not given those triples
    for extra in ([(X, SH.sparql, Y)], [(X, SH.targetClass, EG.Person), (X, SH.node, Y)],
                  [(X, RDF.type, RDFS.Class), (X, SH.minCount, Literal(1))]):
        shapes = load_shapes()
        for triple in extra:
            shapes.add(triple)
        assert local_paths(shapes) is None, extra
    inverse = Graph()
    inverse.parse(data="""@prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix eg: <https://w3id.org/edugraph/ontology#> .
        eg:S sh:targetClass eg:Person ; sh:property [ sh:path [ sh:inversePath eg:heldBy ] ; sh:minCount 1 ] .""",
                  format="turtle")
    assert local_paths(inverse) is None


def test_every_published_article_of_the_development_corpus_builds_a_conformant_graph(tmp_path):
    """All real news of tests/dev/articles built together: SHACL passes (a build that does not conform writes
    nothing and exits 2). An event named only as the one another is part of («Посещение Херсонской области») had
    no prov:wasDerivedFrom, so two of them made the whole build fail."""
    from edugraph.cli import main

    dev = ONTOLOGY.parents[1] / "tests" / "dev" / "articles"
    articles = tmp_path / "articles"
    articles.mkdir()
    for path in dev.glob("real_*"):
        shutil.copy(path, articles / path.name)
    assert main(["build", "--articles", str(articles), "--out", str(tmp_path / "build"), "--quiet"]) == 0
    summary = json.loads((tmp_path / "build" / "summary.json").read_text(encoding="utf-8"))
    assert summary["articles"] == len(list(dev.glob("real_*.txt"))) >= 124
