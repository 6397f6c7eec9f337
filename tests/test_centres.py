"""Centres of a network as nodes (`edugraph.resolve.centres`): small articles through extraction, resolution and
mapping, so that «which regions have most IT-cubes» can be answered from the graph."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS

from edugraph.articles import read_article
from edugraph.build import article_facts
from edugraph.mapping import article_graph, gazetteer_graph
from edugraph.namespaces import EG, ID
from edugraph.ontology import load_ontology, load_shapes
from edugraph.resolve import ResolvedArticle, resolve_article
from edugraph.resolve.centres import CentreFinder
from edugraph.reasoning import reasonable_closure
from edugraph.validation import validate

ARTICLES = {  # id: (language, place, date, text; its first line the title)
    "ru_school": ("ru", "Челябинск", "2022-09-01",
                  "В Челябинске открыли школьный «IT-куб»\n\nСегодня, 1 сентября, центр цифрового образования появился "
                  "в Челябинске на базе школы №116. Участие в торжественной церемонии открытия приняла глава города "
                  "Наталья Котова.\n"),
    "en_school": ("en", "Tomsk", "2021-09-01",
                  "Digital education in Tomsk\n\nOn 1 September 2021 the governor opened the IT-cube centre at the "
                  "premises of School No. 5 in Tomsk. Children will study programming there.\n"),
    "ru_plural": ("ru", "Омск", "2023-09-06",
                  "В Омской области открылись 42 центра «Точка роста»\n\n1 сентября в 22 школах Омской области "
                  "открылись 42 центра «Точка роста». В 2024 году откроются ещё 30 центров.\n\n5 сентября в Омске "
                  "открылся центр «Точка роста» на базе лицея № 64.\n"),
    "ru_same": ("ru", "Пенза", "2017-10-20",
                "В Пензе открылся детский технопарк «Кванториум»\n\n20 октября 2017 года в Пензе открылся детский "
                "технопарк «Кванториум». Директор «Кванториума» Иван Петров рассказал о первых занятиях.\n"),
}
REAL = Path(__file__).parent / "dev" / "articles"
NETWORKS = [ID[f"initiative/{ident}"] for ident in ("it-cube", "kvantorium", "school-kvantorium", "point-of-growth")]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    found = tmp_path_factory.mktemp("centres")
    for ident, (language, place, date, text) in ARTICLES.items():
        (found / f"{ident}.txt").write_text(text, encoding="utf-8")
        meta = {"id": ident, "title": text.split("\n")[0], "date": date, "language": language, "place": place}
        (found / f"{ident}.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    return found


@pytest.fixture(scope="module")
def resolved_of(folder):
    @functools.cache
    def resolve(ident: str) -> ResolvedArticle:
        article = read_article(folder / f"{ident}.txt")
        return resolve_article(article, article_facts(article, {}))
    return resolve


@pytest.fixture(scope="module")
def graph_of(resolved_of):
    return lambda ident: article_graph(resolved_of(ident))


def centres(graph: Graph) -> set:
    """The members of a centre network (OWL-RL classifies them: eg:ITCubeCentre ≡ partOfInitiative value it-cube)."""
    return {s for network in NETWORKS for s in graph.subjects(EG.partOfInitiative, network)}


def closure(graph: Graph) -> Graph:
    """The graph with what OWL-RL infers from it and the ontology."""
    found = Graph()
    for triple in reasonable_closure(graph, load_ontology()):
        found.add(triple)
    return found


OPENED = [  # the article; the one centre its opening gives: its network, its class (OWL-RL), the organisation it is
    # part of, its place, labels it has
    ("ru_school", "it-cube-school-116-chelyabinsk", "it-cube", EG.ITCubeCentre, "school-116-chelyabinsk", "chelyabinsk",
     {Literal("IT-куб (школа № 116, Челябинск)", lang="ru"),
      Literal("IT-cube (School No. 116, Chelyabinsk)", lang="en")}),
    # extraction reads "the IT-cube centre" as an organisation too: still one node, keyed by the school it is at
    ("en_school", "it-cube-school-5-tomsk", "it-cube", EG.ITCubeCentre, "school-5-tomsk", "tomsk",
     {Literal("IT-cube (School No. 5, Tomsk)", lang="en")}),
    # 42 centres opened and 30 planned are no centre; the one opened at lyceum No. 64 («в Омске») is one
    ("ru_plural", "point-of-growth-school-64-omsk", "point-of-growth", EG.PointOfGrowthCentre,
     "school-64-omsk", "omsk", set()),
    # the opening and a later mention («Директор «Кванториума»») are one node
    ("ru_same", "kvantorium-penza", "kvantorium", EG.KvantoriumCentre, None, "penza",
     {Literal("Кванториум (Пенза)", lang="ru")}),
]


@pytest.mark.parametrize("ident, centre, network, cls, host, place, labels", OPENED, ids=[row[0] for row in OPENED])
def test_an_opened_centre_is_one_node_of_its_network_the_venue_of_its_opening(graph_of, ident, centre, network, cls,
                                                                                host, place, labels):
    graph, node = graph_of(ident), ID[f"org/{centre}"]
    assert centres(graph) == {node}
    assert (node, EG.partOfInitiative, ID[f"initiative/{network}"]) in graph
    assert (node, RDF.type, cls) in closure(graph)
    openings_at_a_venue = {o for o in graph.subjects(RDF.type, EG.Opening) if graph.value(o, EG.venue)}
    assert set(graph.subjects(EG.venue, node)) == openings_at_a_venue != set()  # (counted openings have none)
    assert set(graph.objects(node, EG.subOrganisationOf)) == ({ID[f"org/{host}"]} if host else set())
    assert (node, EG.locatedIn, ID[f"place/{place}"]) in graph
    assert labels <= set(graph.objects(node, RDFS.label))


@pytest.mark.parametrize("name, sentence, start, concrete", [
    ("Открытие центров «Точка роста» в 22 школах", "", "2023-09-01", False),
    ("Открытие Точка роста", "В 2024 году в регионе откроются 42 центра «Точка роста».", None, False),
    ("Открытие Точка роста", "В Якутии в 2023 году создано 66 центров «Точка роста».", None, False),
    ("Opening of IT-cube", "Nine IT-cubes will be created in Bashkiria by 2022.", None, False),
    ("Открытие Кванториум", "В 2026 году запланировано открытие «Кванториума» в Донецке.", None, False),
    ("Открытие Кванториум", "В Пензе открылся детский технопарк «Кванториум».", "2017-10-25", False),  # after it
    ("Открытие Кванториум", "В Пензе открылся детский технопарк «Кванториум».", "2017-10-20", True),
    ("Открытие", "Состоялось открытие последнего из пяти в районе Центров «Точки роста» - в Березовской школе.",
     None, True),  # one of several: one centre
])
def test_only_an_opening_of_one_centre_that_took_place_is_concrete(folder, name, sentence, start, concrete):
    article = read_article(folder / "ru_same.txt")
    finder = CentreFinder(article, {}, organisation=None, mentions=None, city=None)
    assert finder.concrete(name, None, start, sentence) is concrete


def test_the_shapes_accept_an_opening_s_centre_and_report_one_in_a_project_that_is_no_network(resolved_of):
    """SHACL (`ontology/shapes.ttl` egsh:CentreShape): a centre is part of centre networks only (a federal project
    is not one)."""
    data = Graph()
    for triple in (*article_graph(resolved_of("ru_school")), *gazetteer_graph([resolved_of("ru_school")])):
        data.add(triple)
    assert validate(closure(data), load_shapes(), load_ontology()).conforms
    data.add((ID["org/it-cube-school-116-chelyabinsk"], EG.partOfInitiative, ID["initiative/modern-school"]))
    report = validate(closure(data), load_shapes(), load_ontology())
    assert not report.conforms and "centre networks only" in report.text


@pytest.mark.parametrize("ident, expected", [
    # «Первый «IT-куб» в регионе открылся в Миассе …; … центр появился и в Челябинске на базе новой школы №116»
    ("real_ru_a_07_chelyabinsk_itcube", {"it-cube-miass", "it-cube-school-116-chelyabinsk"}),
    # «состоялось открытие нового ИТ-центра»; «к 2022 году … откроется ИТ-куб»: no IT-cube opened
    ("real_ru_j_07_pokrovsk_it_center_opening", set()),
    # «В Якутии в 2023 году создано 66 центров … «Точка роста»»: not one centre
    ("real_ru_a_11_yakutia_point_of_growth", set()),
])
def test_the_centres_of_real_articles(ident, expected):
    article = read_article(REAL / f"{ident}.txt")
    graph = article_graph(resolve_article(article, article_facts(article, {})))
    assert {str(c).rpartition("/")[2] for c in centres(graph)} == expected


@pytest.mark.parametrize("ident, key", [
    ("real_ru_a_01_dimitrovgrad_kvantorium", "kvantorium-dimitrovgrad"),  # «… в Ульяновской области» named first
    ("real_en_01_ufa_itcube", "it-cube-school-162-ufa")])  # Bashkiria, Sterlitamak, … then Ufa
def test_a_centre_without_a_place_of_its_own_is_in_the_articles_city(ident, key):
    """An article about Dimitrovgrad («13 ноября губернатор Сергей Морозов открыл второй детский технопарк
    «Кванториум» в Ульяновской области. Он расположился на базе Димитровградского технического колледжа») that
    names its region before its city: its «Новый детский технопарк» was the Kvantorium of the whole region, and
    Ufa's school No. 162 the Republic's; the article's own city is the place its unplaced organisations are in."""
    article = read_article(REAL / f"{ident}.txt")
    centres = [o for o in resolve_article(article, article_facts(article, {})).all_organisations()
               if o.initiative in ("kvantorium", "it-cube")]
    assert key in {o.key for o in centres}


def test_the_last_of_five_centres_opened_is_one_centre():
    """real_ru_c_03: «10 сентября 2020 года состоялось открытие последнего из пяти в Малоярославецком районе Центров
    «Точки роста» - в Березовской основной общеобразовательной школе»: «Центров» read as a plural opening, no centre,
    and the event labelled «Открытие, 10 сентября 2020»."""
    article = read_article(REAL / "real_ru_c_03_maloyaroslavets_point_of_growth.txt")
    opening = next(e for e in resolve_article(article, article_facts(article, {})).events if e.wording == "Открытие")
    assert opening.centre and opening.centre.initiative == "point-of-growth"
    assert opening.centre.labels.en == "Point of Growth (Maloyaroslavetsky District)"
    assert opening.labels.ru == "Открытие центра «Точка роста», 10 сентября 2020"


def test_several_centres_named_together_are_no_member_of_their_network():
    """real_ru_c_03 «последнего из пяти … Центров «Точки роста»»: «Центры «Точки роста»» was one member of the network
    (five centres counted as one); the centre opened is the district's member."""
    article = read_article(REAL / "real_ru_c_03_maloyaroslavets_point_of_growth.txt")
    resolved = resolve_article(article, article_facts(article, {}))
    members = {o.wording for o in resolved.all_organisations() if o.initiative == "point-of-growth"}
    assert "Центры «Точки роста»" not in members and len(members) == 1
