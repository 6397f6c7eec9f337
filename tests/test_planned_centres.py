"""A centre an article tells only as to come is planned for its network, not yet a member (`resolve.centres`
`CentreFinder.told_planned`, `eg:plannedForInitiative`): real articles of tests/dev through the whole build, the
library queries on its store."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rdflib import Graph

from edugraph.articles import Article
from edugraph.cli import main
from edugraph.mapping import article_graph, gazetteer_graph
from edugraph.namespaces import EG, ID
from edugraph.ontology import load_ontology, load_shapes
from edugraph.reasoning import reasonable_closure
from edugraph.resolve.centres import CentreFinder, settled
from edugraph.resolve.records import CentreRecord, EventRecord, Labels, ResolvedArticle
from edugraph.sparql.store import open_built
from edugraph.validation import validate
from support.articles import real
from support.corpus import build_dev
from support.queries import select

PLANNED = "real_ru_l_04_bryansk_kvantorium_medvedev_investforum"  # «… «Кванториум» будет построен в Брянской области»
BRYANSK = "kvantorium-bryansk-oblast"
OPENED = ("ru_bryansk_opened", "2019-12-20",  # our own words: no real article of the corpus reports it open
          "В Брянской области открылся детский технопарк «Кванториум»\n\n20 декабря 2019 года в Брянской области "
          "открылся детский технопарк «Кванториум». В нём будут заниматься 800 детей.\n")
PLANNED_QUERY = """PREFIX eg: <https://w3id.org/edugraph/ontology#>
SELECT ?centre ?network ?source WHERE { GRAPH ?source { ?centre eg:plannedForInitiative ?network } }"""
KVANTORIUM = str(ID["initiative/kvantorium"])


def centres_of(stem: str) -> dict[str, CentreRecord]:
    """The centre records a real article of tests/dev resolves to, by key."""
    return {o.key: o for o in real(stem).all_organisations() if isinstance(o, CentreRecord)}


@pytest.mark.parametrize("stem, key, planned", [
    (PLANNED, BRYANSK, True),  # «будет построен …», «В «Кванториуме» смогут заниматься …»: nowhere opened
    # the others of the corpus whose centre no opening or visit gives, read: each exists
    ("dev05_yakutia_olympiad", "kvantorium-sakha-yakutia", False),  # «на базе … «Кванториум» … прошла олимпиада»
    ("real_ru_a_13_penza_vasilyeva_kvantorium", "kvantorium-penza", False),  # the network «будет расширяться»
    ("real_ru_a_16_yugra_first_kvantoriums", "kvantorium-khanty-mansiysk", False),  # «открылись»
    ("real_ru_c_01_syktyvkar_kvantorium", "kvantorium-tyumen", False),  # «заработали кванториумы в 18 регионах»
    ("real_ru_e_02_kingisepp_kvantorium_kvantopiknik", "kvantorium-kingisepp", False),  # «созданном Правительством»
    # «Два новых «Кванториума» откроются» are two others; «работа белгородского «Кванториума»» is of this one
    ("real_ru_o_03_belgorod_new_kvantoriums", "kvantorium-belgorod", False),
    # «В 2026 году запланировано открытие «Кванториума» в Донецке»: the Mariupol one «открылся в октябре 2023 года»
    ("real_ru_a_14_donetsk_kvantorium", "kvantorium-mariupol", False),
])
def test_only_a_centre_told_as_to_come_is_planned(stem, key, planned):
    assert centres_of(stem)[key].planned is planned


def test_the_planned_centre_is_planned_for_its_network_and_no_member():
    graph = article_graph(real(PLANNED))
    node = ID[f"org/{BRYANSK}"]
    assert set(graph.objects(node, EG.plannedForInitiative)) == {ID["initiative/kvantorium"]}
    assert not set(graph.subject_objects(EG.partOfInitiative))
    assert (node, EG.locatedIn, ID["place/bryansk-oblast"]) in graph


def test_the_shapes_accept_the_planned_centre_and_report_one_planned_for_a_project_that_is_no_network():
    """SHACL (`ontology/shapes.ttl` egsh:OrganisationShape): a centre is planned for centre networks only."""
    resolved = real(PLANNED)
    data = Graph()
    for triple in (*article_graph(resolved), *gazetteer_graph([resolved])):
        data.add(triple)
    assert validate(closure(data), load_shapes(), load_ontology()).conforms
    data.add((ID[f"org/{BRYANSK}"], EG.plannedForInitiative, ID["initiative/modern-school"]))
    report = validate(closure(data), load_shapes(), load_ontology())
    assert not report.conforms and "A planned centre is eg:plannedForInitiative centre networks only" in report.text


def closure(graph: Graph) -> Graph:
    """The graph with what OWL-RL infers from it and the ontology."""
    found = Graph()
    for triple in reasonable_closure(graph, load_ontology()):
        found.add(triple)
    return found


def finder(text: str) -> CentreFinder:
    article = Article("t", text, text.split("\n")[0], "ru", "2019-02-15")
    return CentreFinder(article, {}, organisation=None, mentions=lambda name: [], city=None)


@pytest.mark.parametrize("text, planned", [
    ("Детский технопарк «Кванториум» будет построен в Брянской области.", True),
    ("В Донецке откроют детский технопарк «Кванториум». Его планируется открыть в 2026 году.", True),
    ("Детский технопарк «Кванториум» будет открыт в сентябре. Сегодня «Кванториум» уже работает.", False),
    ("9 марта в «Кванториуме» состоится форум.", False),  # something to come at it: no marker of its own coming
    ("В Брянске открылся «Кванториум». В нём будут заниматься 800 детей.", False),
    ("В регионе откроются ещё два «Кванториума».", False),  # several centres: no sentence of this one
])
def test_a_centre_is_planned_when_a_sentence_tells_it_to_come_and_none_opened(text, planned):
    assert finder(text).told_planned("Кванториум (Брянская область)", "kvantorium") is planned


def test_an_opening_of_the_same_centre_in_the_article_makes_it_a_member():
    """One article naming a centre only as to come and opening it (its words as the records hold them): the resolver
    makes the node a member, not both."""
    article = Article("t", "текст", "заголовок", "ru", "2019-12-20")
    centre = CentreRecord(BRYANSK, "«Кванториум»", "SupplementaryEducationCentre", "kvantorium", ("bryansk-oblast",),
                          Labels(ru="Кванториум (Брянская область)"), planned=True)
    opening = EventRecord("opening-t", "Открытие", "opening", Labels(ru="Открытие"),
                          centre=CentreRecord(**{**vars(centre), "planned": False}))
    resolved = settled(ResolvedArticle(article, None, organisations=(centre,), events=(opening,)))
    assert not resolved.organisations[0].planned and resolved.organisations[0].networks == ("kvantorium",)
    graph = article_graph(resolved)
    node = ID[f"org/{BRYANSK}"]
    assert set(graph.objects(node, EG.partOfInitiative)) == {ID["initiative/kvantorium"]}
    assert not set(graph.objects(node, EG.plannedForInitiative))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """`edugraph build` of the planned Kvantorium of Bryansk Oblast, an article opening it, and Donetsk's (one
    opened in Mariupol, one planned in Donetsk)."""
    stem, date, text = OPENED
    meta = {"id": stem, "title": text.split("\n")[0], "date": date, "language": "ru", "place": "Брянская область"}
    written = {f"{stem}.txt": text, f"{stem}.json": json.dumps(meta, ensure_ascii=False)}
    return build_dev(tmp_path_factory.mktemp("planned"), [PLANNED, "real_ru_a_14_donetsk_kvantorium"], written)


def test_initiative_members_lists_the_centre_only_from_the_article_that_opens_it(built):
    store = open_built(built)
    rows = select(store, "initiative-members", initiative="egr:initiative/kvantorium")
    sources = {row["source"].rpartition("/")[2] for row in rows if row["org"] == str(ID[f"org/{BRYANSK}"])}
    assert sources == {OPENED[0]}
    assert str(ID["org/kvantorium-mariupol"]) in {row["org"] for row in rows}


def test_the_planned_for_query_returns_the_planned_centre_the_same_node(built):
    store = open_built(built)
    rows = {(row["centre"].value, row["network"].value, row["source"].value.rpartition("/")[2])
            for row in store.query(PLANNED_QUERY, use_default_graph_as_union=True)}
    assert rows == {(str(ID[f"org/{BRYANSK}"]), KVANTORIUM, PLANNED)}


def test_only_the_opened_centre_is_inferred_a_kvantorium(built):
    """OWL-RL infers eg:KvantoriumCentre from eg:partOfInitiative only: with the article opening it, the planned
    node is one (from that article); a build of the planned article alone has no Kvantorium centre."""
    inferred = Graph().parse(built / "inferred.nt")
    kvantoriums = {str(s) for s in inferred.subjects(predicate=None, object=EG.KvantoriumCentre)}
    assert kvantoriums == {str(ID[f"org/{BRYANSK}"]), str(ID["org/kvantorium-mariupol"])}


@pytest.fixture(scope="module")
def alone(tmp_path_factory) -> Path:
    """`edugraph build` of the planned article alone."""
    return build_dev(tmp_path_factory.mktemp("alone"), [PLANNED])


def test_a_build_of_the_planned_article_alone_has_no_member(alone):
    store = open_built(alone)
    assert select(store, "initiative-members", initiative="egr:initiative/kvantorium") == []
    assert select(store, "ask-initiative-in-region", initiative="egr:initiative/kvantorium",
                  region="Брянская область") is False
    nt = (alone / "inferred.nt").read_text(encoding="utf-8")
    assert not re.search(rf"<{re.escape(str(ID['org/' + BRYANSK]))}> \S+ <{re.escape(str(EG.KvantoriumCentre))}>",
                         nt)


def kvantorium_page(build: Path, out: Path) -> tuple[list[dict], str]:
    """`edugraph viz` of a build: the edges between the Kvantorium of Bryansk Oblast and its network on the page of
    the network, and the page."""
    assert main(["viz", "--build", str(build), "--out", str(out), "--view", "initiatives"]) == 0
    html = (out / "initiative-kvantorium.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', html, re.S)[1])
    return [e for e in data["edges"] if {e["from"], e["to"]} == {str(ID[f"org/{BRYANSK}"]), KVANTORIUM}], html


def test_the_network_page_of_the_initiative_draws_the_planned_centre_dashed(alone, built, tmp_path):
    """`edugraph viz`: on the Kvantorium page the planned centre hangs from the network by a dashed "planned for"
    edge of its own colour, not by "is part of"; once an article opens it, solid."""
    edges, html = kvantorium_page(alone, tmp_path / "alone")
    assert [(e["kind"], e["label_en"], e.get("dashes")) for e in edges] == [("planned for", "planned for", True)]
    assert 'class="line dashed"' in html
    edges, _ = kvantorium_page(built, tmp_path / "built")
    assert [(sorted(e["label_en"].split(", ")), e.get("dashes")) for e in edges] == [
        (["is part of", "planned for"], None)]
