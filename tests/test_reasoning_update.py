"""The closure after `edugraph add`: the previous closure updated with what the new articles entail is the
closure computed in full (issue 14, item 2), and every change that is not a pure addition is reasoned in full."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

from edugraph.build import run_build, write_build
from edugraph.ontology import load_ontology, load_shapes
from edugraph.paths import ARTICLES, ONTOLOGY, SHAPES
from edugraph.namespaces import EG, ID
from edugraph.output.write import sorted_ntriples
from edugraph.reasoning import inferred_triples
from edugraph.merging import asserted_change
from edugraph.reasoning_update import (PreviousClosure, joins, lookups, previous_build, previous_closure,
                                      updated_inferred)
from edugraph.sparql.compare import to_ox
from edugraph.validation import changed_since, local_paths, update_changes
from support.corpus import DEV_ARTICLES, corpus

SEEDS = sorted(p.stem for p in ARTICLES.glob("*.txt"))
# real published articles of several regions (development corpus); the last four are added to the others
# (an English article added after a Russian one may replace a person's transliterated English prefLabel, a line gone:
# the full closure, not an update)
REAL = ["real_ru_a_01_dimitrovgrad_kvantorium", "real_ru_a_06_stavropol_point_of_growth",
        "real_ru_b_01_ulyanovsk_livanov_visit", "real_en_26_ulyanovsk_gaidar_forum",
        "real_ru_c_02_izhevsk_kvantorium", "real_ru_d_03_saransk_kvantorium", "real_en_01_ufa_itcube",
        "real_en_22_ulyanovsk_teacher_of_year_2017", "real_ru_a_07_chelyabinsk_itcube",
        "real_ru_d_02_murino_beglov_drozdenko", "real_ru_b_07_stavropol_teacher_of_year",
        "real_ru_b_08_chelyabinsk_teacher_of_year_2012"]


def added_build(folder: Path, before: list[str], after: list[str], source: Path = ARTICLES):
    """Build `before`, add `after`, build again on the first build: (the update, the same build in full)."""
    articles, curation = corpus(folder, before, source)
    write_build(run_build(articles, curation, progress=False), folder / "build")
    corpus(folder, after, source)
    return (run_build(articles, curation, progress=False, previous=folder / "build"),
            run_build(articles, curation, progress=False))


def assert_same_closure(updated, full):
    assert updated.counts["reasoning_updated"] and not full.counts["reasoning_updated"]
    assert updated.inferred_text == full.inferred_text
    assert set(updated.inferred_triples) == set(full.inferred_triples)
    for name in ("inconsistencies", "asserted_triples", "inferred_triples", "entities", "shacl_conforms",
                 "shacl_violations"):  # counted from the previous build's and what the update added
        assert updated.counts[name] == full.counts[name], name
    assert updated.counts["shacl_validated_nodes"] is not None  # the changed nodes only


@pytest.mark.parametrize("stem", SEEDS)
def test_adding_a_seed_article_updates_to_the_full_closure(stem, tmp_path):
    assert_same_closure(*added_build(tmp_path, [s for s in SEEDS if s != stem], [stem]))


def test_adding_real_articles_updates_to_the_full_closure(tmp_path):
    updated, full = added_build(tmp_path, REAL[:-4], REAL[-4:], DEV_ARTICLES)
    assert_same_closure(updated, full)
    # the update derived chains across old and new articles, not only inside the new ones
    assert len(full.inferred_triples) > 1000


def closure_of(asserted: list, ontology: Graph) -> PreviousClosure:
    """A previous build made of `asserted`: its lines, closure and a store holding both."""
    inferred, problems = inferred_triples(asserted, ontology)
    store = ox.Store()
    store.extend(ox.Quad(*map(to_ox, triple), ox.DefaultGraph()) for triple in asserted + inferred)
    return PreviousClosure(sorted_ntriples(asserted).encode(), sorted_ntriples(inferred).encode(), problems, {}, store)


def test_a_new_link_above_old_ones_reaches_them_and_the_chains_over_them():
    """An old school in an old district, an old event at the school; the district is then placed in a city:
    the school is in the city by transitivity (an old link before the new one), the event takes place in
    the city by the chain over that inferred link."""
    ontology = load_ontology(ONTOLOGY)
    school, district, city, event = (ID[name] for name in ("org/s", "place/d", "place/c", "event/e"))
    old = [(school, EG.locatedIn, district), (event, EG.takesPlaceIn, school), (school, RDF.type, EG.School)]
    new = old + [(district, EG.locatedIn, city)]
    previous = closure_of(old, ontology)
    update = updated_inferred(previous, asserted_change(previous, sorted_ntriples(new).splitlines(True)), ontology)
    full, full_problems = inferred_triples(new, ontology)
    assert {(school, EG.locatedIn, city), (event, EG.takesPlaceIn, city)} <= update.closure_added
    assert update.inferred_text == sorted_ntriples(full)
    assert update.inconsistencies == full_problems
    assert update.asserted_added == [(district, EG.locatedIn, city)]
    assert (school, EG.locatedIn, city) in update.inferred_changed


@pytest.fixture
def previous(tmp_path) -> Path:
    """A corpus of four seed articles built once, with the fifth article added but not built."""
    articles, curation = corpus(tmp_path, SEEDS[:-1])
    write_build(run_build(articles, curation, progress=False), tmp_path / "build")
    corpus(tmp_path, SEEDS[-1:])
    return tmp_path


def rebuild(folder: Path):
    return run_build(folder / "articles", folder / "curation", progress=False, previous=folder / "build")


def test_a_removed_article_is_reasoned_in_full(previous):
    for path in (previous / "articles").glob(f"{SEEDS[0]}.*"):
        path.unlink()
    assert not rebuild(previous).counts["reasoning_updated"]


@pytest.mark.parametrize("damage", ["reasoning_key", "inferred.nt", "store"])
def test_another_reasoning_or_a_damaged_previous_build_is_reasoned_in_full(previous, damage):
    build = previous / "build"
    if damage == "reasoning_key":
        summary = json.loads((build / "summary.json").read_text())
        (build / "summary.json").write_text(json.dumps({**summary, "reasoning_key": "another ontology"}))
    elif damage == "inferred.nt":
        (build / "inferred.nt").write_text("<not N-Triples\n")
    else:
        for path in (build / "store").iterdir():
            path.unlink()
    result = rebuild(previous)
    assert not result.counts["reasoning_updated"]
    assert result.counts["inferred_triples"] > 0


def test_constructs_outside_the_update_rules_turn_it_off():
    ontology = load_ontology(ONTOLOGY)
    assert joins(ontology) is not None
    extended = Graph() + ontology
    extended.add((URIRef("https://example.org/R"), OWL.someValuesFrom, OWL.Thing))
    assert joins(extended) is None


def test_new_schema_or_equality_triples_turn_it_off():
    rules = joins(load_ontology(ONTOLOGY))
    x, y = URIRef("https://w3id.org/edugraph/id/org/a"), URIRef("https://w3id.org/edugraph/id/org/b")
    located = URIRef("https://w3id.org/edugraph/ontology#locatedIn")
    assert (y, str(located), "out") in lookups([(x, located, y)], rules)  # transitivity: y's own locatedIn
    assert (x, str(located), "in") in lookups([(x, located, y)], rules)
    assert lookups([(x, OWL.sameAs, y)], rules) is None
    assert lookups([(x, RDF.type, OWL.TransitiveProperty)], rules) is None


def test_the_changes_it_finds_are_those_shacl_finds_by_reading_the_previous_files(previous):
    result = rebuild(previous)
    key, build = result.counts["shacl_key"], previous / "build"
    lines = dict.fromkeys(line for _, nt in result.parts for line in nt.splitlines(keepends=True))
    closure = previous_closure(previous_build(build), result.counts["reasoning_key"])
    update = updated_inferred(closure, asserted_change(closure, lines), load_ontology(ONTOLOGY))
    read = local_paths(load_shapes(SHAPES))
    inferred = {t for t in result.inferred_triples if t[1] in read}
    from_files = changed_since(previous_build(build), key, read, lines, inferred)
    assert from_files and update_changes(update, read) == from_files


@pytest.mark.parametrize("counts", [{"entities": {"Person": "many"}}, {"inconsistencies": "none"},
                                    {"asserted_triples": None}])
def test_a_previous_summary_with_odd_counts_is_reasoned_in_full(previous, counts):
    summary = json.loads((previous / "build" / "summary.json").read_text())
    (previous / "build" / "summary.json").write_text(json.dumps({**summary, **counts}))
    result = rebuild(previous)
    assert not result.counts["reasoning_updated"]
    assert isinstance(result.counts["entities"]["Person"], int)
