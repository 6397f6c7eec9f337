"""The main job on the real seed articles: key facts, merges, reasoning, SHACL, determinism, outputs."""

from __future__ import annotations

import json

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from edugraph.namespaces import EG, GRAPH, ID
from edugraph.output.write import union

PREFIXES = """PREFIX eg: <https://w3id.org/edugraph/ontology#>
PREFIX egr: <https://w3id.org/edugraph/id/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""


@pytest.fixture(scope="module")
def asserted(seed_result) -> Graph:
    return seed_result.asserted_graph


@pytest.fixture(scope="module")
def everything(seed_result, asserted) -> Graph:
    return union([asserted, seed_result.inferred])


def rows(graph: Graph, query: str) -> set[tuple[str, ...]]:
    return {tuple(str(v) for v in row) for row in graph.query(PREFIXES + query)}


def people_with_label(graph: Graph, text: str) -> set[URIRef]:
    return {s for s, label in graph.subject_objects(RDFS.label) if str(label) == text}


def test_it_cube_head_in_vladikavkaz(asserted):
    found = rows(asserted, """SELECT ?org WHERE {
        ?p rdfs:label "Алла Калиниченко"@ru ; eg:heads ?o .
        ?o rdfs:label ?org ; eg:partOfInitiative <https://w3id.org/edugraph/id/initiative/it-cube> ; eg:locatedIn <https://w3id.org/edugraph/id/place/vladikavkaz> .
        FILTER(lang(?org) = "ru") }""")
    assert found, "Алла Калиниченко heads an IT-cube organisation located in Vladikavkaz"


def test_resursyplus_conference(everything):
    found = rows(everything, """SELECT ?e ?count WHERE {
        ?e a eg:Conference ; rdfs:label ?l ; eg:startDate "2023-10-30"^^xsd:date ; eg:participantCount ?count ;
           eg:venue ?school .
        ?school rdfs:label ?s .
        FILTER(CONTAINS(STR(?l), "РесурсыПлюс") && CONTAINS(STR(?s), "608")) }""")
    assert {count for _, count in found} == {"70"}


def test_knyazeva_president_and_director(asserted):
    found = rows(asserted, """SELECT ?title ?org WHERE {
        ?p rdfs:label "Вера Князева"@ru ; eg:hasPost ?post .
        ?post eg:postTitle ?title ; eg:postIn/rdfs:label ?org . FILTER(lang(?org) = "ru") }""")
    titles = {title.lower() for title, _ in found}
    assert "президент" in titles and "директор" in titles
    assert any("777" in org for title, org in found if title.lower() == "директор")
    assert any("Консорциум" in org or "Ассоциаци" in org for title, org in found if title.lower() == "президент")


def test_all_russian_meeting(everything):
    found = rows(everything, """SELECT ?e WHERE {
        ?e a eg:Meeting ; eg:participantCount ?people ; eg:regionCount ?regions ;
           eg:takesPlaceIn <https://w3id.org/edugraph/id/place/saint-petersburg> .
        FILTER(?people = 140 && ?regions = 82)
        { ?e eg:startDate "2021-03-26"^^xsd:date } UNION { ?e eg:startDate "2021-03-25"^^xsd:date } }""")
    assert len(found) == 1


def test_names_are_nominative(asserted):
    labels = {str(o) for o in asserted.objects(None, RDFS.label)}
    assert "Вера Князева" in labels
    assert not {"Веры Князевой", "Князевой"} & labels


def test_one_node_across_articles_and_languages(asserted):
    spb = ID["place/saint-petersburg"]
    mentioning = {s for s in asserted.subjects(EG.mentions, spb)}
    assert len(mentioning) >= 3, "St. Petersburg is one node in the English and the Russian articles"
    kvantorium = ID["initiative/kvantorium"]
    articles = {str(s) for s in asserted.subjects(EG.concernsInitiative, kvantorium)}
    assert {str(ID["article/000_8959cadbfaf7abe6"]), str(ID["article/002_413037bb6e5346a1"])} <= articles
    dagestan = ID["place/dagestan"]
    assert len(set(asserted.subjects(EG.mentions, dagestan))) == 2, "Dagestan is one node in two articles"
    labels = {(str(l), l.language) for l in asserted.objects(spb, RDFS.label)}
    assert ("Санкт-Петербург", "ru") in labels and any(lang == "en" for _, lang in labels)


def test_every_label_has_russian_or_english(asserted):
    for person in asserted.subjects(RDF.type, EG.Person):
        languages = {label.language for label in asserted.objects(person, RDFS.label)}
        assert "en" in languages, f"{person} has an English label"


def test_provenance_named_graph_per_article(seed_result):
    parts = dict(seed_result.parts)
    for article in seed_result.articles:
        assert str(GRAPH[f"article/{article.id}"]) in parts
    graph = Graph().parse(data=parts[str(GRAPH["article/003_d7c3834566bde9ed"])], format="nt")
    posts = set(graph.subjects(RDF.type, EG.Post))
    assert posts and all((p, URIRef(str("http://www.w3.org/ns/prov#wasDerivedFrom")),
                          ID["article/003_d7c3834566bde9ed"]) in graph for p in posts)


def test_reasoning_adds_facts(seed_result, asserted):
    inferred = seed_result.inferred
    assert len(inferred) > 0 and not (set(inferred) & set(asserted))
    conference = rows(union([asserted, inferred]), """SELECT ?e WHERE {
        ?e a eg:Conference ; eg:takesPlaceIn <https://w3id.org/edugraph/id/place/saint-petersburg> }""")
    assert conference, "the district-level conference is found in Saint Petersburg (property chains)"
    assert not rows(asserted, """SELECT ?e WHERE { ?e a eg:Conference ; eg:takesPlaceIn <https://w3id.org/edugraph/id/place/saint-petersburg> }"""), \
        "…only thanks to reasoning"
    assert (ID["place/saint-petersburg"], EG.locatedIn, ID["place/russia"]) in asserted or \
           (ID["place/saint-petersburg"], EG.locatedIn, ID["place/russia"]) in inferred
    centres = set(inferred.subjects(RDF.type, EG.ITCubeCentre))
    assert centres, "an organisation in the IT-cube programme is classified as an IT-cube centre"
    works = rows(union([asserted, inferred]), 'SELECT ?o WHERE { ?p rdfs:label "Вера Князева"@ru ; eg:worksFor ?o }')
    assert len(works) >= 2
    assert not seed_result.counts["inconsistencies"]


def test_shacl_conforms(seed_result):
    assert seed_result.conforms, seed_result.report


def test_outputs_and_deterministic_rebuild(seed_result, seed_build, tmp_path):
    from edugraph.build import run_build, write_build

    for name in ("asserted.ttl", "asserted.nt", "asserted.trig", "asserted.jsonld", "inferred.ttl",
                 "inferred.nt", "inferred.jsonld", "all.trig", "all.nq", "ontology.ttl", "summary.json"):
        assert (seed_build / name).stat().st_size > 0, name
    trig = Dataset()
    trig.parse(seed_build / "asserted.trig", format="trig")
    assert len(list(trig.graphs())) >= len(seed_result.articles) + 2
    jsonld = Graph().parse(seed_build / "asserted.jsonld", format="json-ld")
    assert len(jsonld) == len(Graph().parse(seed_build / "asserted.nt", format="nt"))
    summary = json.loads((seed_build / "summary.json").read_text(encoding="utf-8"))
    assert summary["articles"] == 5 and summary["entities"]["Person"] >= 15
    write_build(run_build(progress=False), tmp_path / "again")
    for name in ("asserted.nt", "inferred.nt"):
        assert (tmp_path / "again" / name).read_bytes() == (seed_build / name).read_bytes()


def test_figurative_point_of_growth_is_not_the_programme(asserted):
    article = ID["article/001_b083c668008ffeef"]
    assert (article, EG.concernsInitiative, ID["initiative/point-of-growth"]) not in asserted
    assert (ID["article/000_8959cadbfaf7abe6"], EG.concernsInitiative, ID["initiative/point-of-growth"]) in asserted


def test_curated_correction_applies(asserted):
    labels = {str(o) for o in asserted.objects(None, RDFS.label)}
    assert not any("Кирвоск" in label for label in labels)


def test_dates_are_typed(asserted):
    for date in asserted.objects(None, EG.startDate):
        assert date.datatype in (XSD.date, XSD.gYearMonth, XSD.gYear)
    assert Literal("2023-10-30", datatype=XSD.date) in set(asserted.objects(None, EG.startDate))
