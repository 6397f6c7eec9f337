"""Mapping of resolved records to RDF, on the seed build and on small hand-made articles."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from edugraph.merging import preferred_labels
from edugraph.mapping import article_graph, gazetteer_graph
from edugraph.namespaces import EG, GRAPH, ID
from edugraph.output.read import ntriples_graph
from edugraph.output.write import sorted_ntriples, union
from edugraph.sparql.store import open_built
from support.articles import resolved
from support.queries import select

EGR = "https://w3id.org/edugraph/id/"
# Russian common nouns as transliteration would spell them: none may reach an English label.
TRANSLITERATED_NOUNS = re.compile(
    r"\b(?:shkol|tsentr|rayon|soveshchani|sessi[yi]|zasedani|konferentsi|komitet|otdel|obrazovani|universitet|"
    r"assotsiatsi|administratsi|olimpiad|konkurs|sorevnovani|gorod|kvantorium[a-z]|imts\b|gbou\b|sosh\b)", re.I)


@pytest.fixture(scope="module")
def store(seed_build):
    return open_built(seed_build)


def test_kvantorium_is_in_north_ossetia(store):
    params = {"initiative": "egr:initiative/kvantorium", "region": "egr:place/north-ossetia-alania"}
    assert select(store, "ask-initiative-in-region", **params) is True


def test_centres_are_located_in_their_city(seed_result):
    graph = union(seed_result.asserted)
    for org, city in (("kvantorium-vladikavkaz", "vladikavkaz"), ("kvantorium-mozdok", "mozdok"),
                      ("it-cube-vladikavkaz", "vladikavkaz")):
        assert (URIRef(EGR + f"org/{org}"), EG.locatedIn, URIRef(EGR + f"place/{city}")) in graph


def test_no_english_label_is_a_transliterated_common_noun(seed_result):
    graph = union(seed_result.asserted)
    english = [str(o) for p in (RDFS.label, SKOS.prefLabel) for o in graph.objects(None, p)
               if isinstance(o, Literal) and o.language == "en"]
    assert len(english) > 100
    assert [text for text in english if TRANSLITERATED_NOUNS.search(re.sub(r"«[^»]*»", "", text))] == []


def test_one_preferred_label_per_language(seed_result):
    graph = union(seed_result.asserted)
    seen: dict[tuple, list[str]] = {}
    for node, label in graph.subject_objects(SKOS.prefLabel):
        seen.setdefault((node, label.language), []).append(str(label))
    assert seen and {key: labels for key, labels in seen.items() if len(labels) > 1} == {}


def test_canonical_labels_and_article_wording(seed_result):
    graph = union(seed_result.asserted)
    centre = URIRef(EGR + "org/kvantorium-vladikavkaz")
    assert set(graph.objects(centre, SKOS.prefLabel)) == {Literal("Кванториум (Владикавказ)", lang="ru"),
                                                          Literal("Kvantorium Vladikavkaz", lang="en")}
    assert Literal("владикавказский «Кванториум»", lang="ru") in set(graph.objects(centre, SKOS.altLabel))
    school = URIRef(EGR + "org/school-551-saint-petersburg")
    assert Literal("School No. 551, Kirovsky District, Saint Petersburg", lang="en") in \
        set(graph.objects(school, SKOS.prefLabel))
    meeting = URIRef(EGR + "event/soveshchaniye-2023-12-21-moscow")  # generic: dated and placed
    assert Literal("Meeting, 21 Dec 2023", lang="en") in set(graph.objects(meeting, SKOS.prefLabel))


FACTS = {"persons": [{"name": "Светлана Макаренко", "posts": [{"post": "руководитель",
                                                               "org": "владикавказский «Кванториум»"}]}]}
LATER = {"persons": [{"name": "Мурад Джахаев", "posts": [{"post": "директор", "org": "владикавказский «Кванториум»"}]}]}


@pytest.fixture(scope="module")
def two_years():
    """Two articles two years apart about the heads of one centre, mapped and loaded in a store."""
    graphs = [article_graph(resolved(FACTS, ident="a2022", date="2022-08-23")),
              article_graph(resolved(FACTS, ident="a2024", date="2024-05-01")),
              article_graph(resolved(LATER, ident="b2024", date="2024-09-01"))]
    labels = preferred_labels("".join(sorted_ntriples(graph) for graph in graphs).splitlines(keepends=True))
    graphs.append(ntriples_graph(labels, GRAPH["entities"]))
    store = ox.Store()
    for graph in graphs:
        name = ox.NamedNode(str(graph.identifier))
        store.load(graph.serialize(format="nt").encode(), ox.RdfFormat.N_TRIPLES, to_graph=name)
    return union(graphs), store


def test_two_articles_years_apart_give_two_dated_posts(two_years):
    graph, _ = two_years
    posts = {str(post): str(date) for post, date in graph.subject_objects(EG.asOf)
             if (post, EG.heldBy, URIRef(EGR + "person/makarenko-svetlana")) in graph}
    assert sorted(posts.values()) == ["2022-08-23", "2024-05-01"] and len(posts) == 2


@pytest.mark.parametrize("date, head", [("2023-01-01", "Светлана Макаренко"), ("2024-06-30", "Светлана Макаренко"),
                                        ("2024-12-31", "Мурад Джахаев")])
def test_heads_at_date(two_years, date, head):
    _, store = two_years
    rows = select(store, "heads-at-date", date=date, organisation="Кванториум (Владикавказ)")
    assert [row["name"] for row in rows] == [head]


def test_heads_at_date_before_any_post_is_empty(two_years):
    assert select(two_years[1], "heads-at-date", date="2020-01-01") == []


def test_a_derived_district_is_in_the_gazetteer_graph_with_its_city():
    record = resolved({"organisations": ["МБОУ СОШ № 3 Ленинского района"]}, place="Пенза")
    graph = gazetteer_graph([record])
    district = ID["place/penza-leninsky-district"]
    assert (district, EG.locatedIn, ID["place/penza"]) in graph
    assert Literal("Leninsky District", lang="en") in set(graph.objects(district, SKOS.prefLabel))


def test_heads_at_date_on_the_seed_build(store):
    rows = select(store, "heads-at-date", date="2022-12-31")
    assert {(row["name"], row["asOf"]) for row in rows} == {
        ("Sergey Kozhevnikov", "2021-03-26"), ("Valeria Zotova", "2021-03-26"), ("Valery Volkov", "2021-03-26"),
        ("Светлана Макаренко", "2022-08-23"), ("Мурад Джахаев", "2022-08-23"), ("Алла Калиниченко", "2022-08-23")}
    assert select(store, "heads-at-date", date="2021-01-01") == []


def test_a_programme_the_gazetteer_lacks_is_an_initiative_with_its_name():
    # real_ru_b_01: «… федеральной программы «Модернизация образования»» (the IRI had no type or label; a common noun
    # the glossary lacks gets no English label, programme_labels)
    graph = article_graph(resolved({"initiatives": ["IT-cube", "Модернизация образования"],
                                    "events": [{"name": "Форум", "type": "forum",
                                                "initiatives": ["ТехноАрт Чайковский"]}]}))
    for key, ru, en in (("modernizatsiya-obrazovaniya", "Модернизация образования", None),
                        ("tekhnoart-chaykovsky", "ТехноАрт Чайковский", "TekhnoArt Chaykovsky")):
        node = URIRef(EGR + f"initiative/{key}")
        assert (node, RDF.type, EG.Initiative) in graph
        labels = {Literal(ru, lang="ru")} | ({Literal(en, lang="en")} if en else set())
        assert set(graph.objects(node, RDFS.label)) == labels
    assert (URIRef(EGR + "initiative/it-cube"), RDFS.label, None) not in graph  # the gazetteer's, written once
