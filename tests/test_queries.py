"""The query library on the real seed graph: concrete answers, reasoning, safe parameters, rdflib = oxigraph."""

from __future__ import annotations

import functools
import shlex
from pathlib import Path

import pyoxigraph as ox
import pytest

from edugraph.sparql import bind, execute, library, parse_assignments, read_query
from edugraph.sparql.compare import oxigraph_answer, rdflib_answer, rdflib_dataset
from edugraph.sparql.store import open_built
from support.queries import select

ROOT = Path(__file__).resolve().parents[1]
QUERIES = library(ROOT / "queries")
EGR = "https://w3id.org/edugraph/id/"


@pytest.fixture(scope="session")
def build_dir(seed_build) -> Path:
    return seed_build


@pytest.fixture(scope="session")
def store(build_dir):
    return open_built(build_dir)


@pytest.fixture(scope="session")
def asserted_store(build_dir):
    return open_built(build_dir, inferred=False)


def example_params(query) -> dict[str, str]:
    return parse_assignments([a for a in shlex.split(query.examples[0]) if a != "--param"]) if query.examples else {}


def column(rows, name) -> set[str]:
    return {row[name] for row in rows if name in row}


def test_library_is_documented():
    assert len(QUERIES) >= 15
    for query in QUERIES:
        assert query.question_ru and query.question_en, query.name
        for name in query.params:
            assert f"?{name}" in query.text.split("WHERE")[0] or query.text.lstrip("# \n").find("ASK") >= 0, \
                f"{query.name}: parameter ?{name} must be selected (SEP-0007 substitution)"
    forms = {q.name: next(w for w in ("SELECT", "ASK", "CONSTRUCT") if w in q.text) for q in QUERIES}
    assert "ASK" in forms.values() and "CONSTRUCT" in forms.values()


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.name)
def test_every_query_answers(store, query):
    params = example_params(query) if any(query.params.values()) else {}
    body, _ = execute(store, query.text, bind(params, query.text, query.params, query.name), "json", "turtle")
    assert body


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.name)
def test_rdflib_and_oxigraph_agree(store, build_dir, query):
    ds = _rdflib(build_dir)
    runs = [] if any(query.params.values()) else [{}]
    runs += [example_params(query)] if query.examples else []
    for params in runs:
        bindings = bind(params, query.text, query.params, query.name)
        assert oxigraph_answer(store, query.text, bindings) == rdflib_answer(ds, query.text, bindings), params


@functools.lru_cache(maxsize=1)
def _rdflib(build_dir):
    return rdflib_dataset(build_dir)


def test_strategic_session_in_makhachkala_with_north_ossetian_leaders(store):
    rows = select(store, "event-participants")
    session = [r for r in rows if r["eventLabel"].startswith("Стратегическая сессия")]
    assert {"Светлана Макаренко", "Мурад Джахаев", "Алла Калиниченко"} <= column(session, "agentLabel")
    events = [r for r in select(store, "events-in-range", **{"from": "2022-08-01", "to": "2022-08-31"})]
    assert {"Махачкала"} == column(events, "placeLabel")
    assert column(events, "participants") == {"200"} and column(events, "atLeast") == {"true"}


def test_who_met_whom_at_the_session(store):
    rows = select(store, "who-met-whom", person="Алла Калиниченко")
    assert column(rows, "aName") | column(rows, "bName") >= {"Светлана Макаренко", "Мурад Джахаев", "Алла Калиниченко"}
    assert column(rows, "source") == {"https://w3id.org/edugraph/graph/article/002_413037bb6e5346a1"}


def test_vera_knyazeva_posts(store):
    rows = select(store, "people-posts", person="Вера Князева")
    posts = {(r["postTitle"], r.get("orgLabel", "")) for r in rows}
    assert any(title == "президент" and "Консорциум" in org for title, org in posts), posts
    assert any(title == "директор" and "777" in org for title, org in posts), posts
    assert column(rows, "source") == {"https://w3id.org/edugraph/graph/article/003_d7c3834566bde9ed"}


def test_conference_of_30_october_2023(store):
    rows = select(store, "events-in-range", **{"from": "2023-10-01", "to": "2023-10-31"})
    assert column(rows, "start") == {"2023-10-30"}
    assert column(rows, "participants") == {"70"}
    assert "РесурсыПлюс" in next(iter(column(rows, "eventLabel")))
    assert any("Кировского района" in org for org in column(rows, "organiserLabel"))


def test_events_in_range_include_overlapping_partial_dates(store):
    labels = column(select(store, "events-in-range", **{"from": "2024-09-01", "to": "2024-09-30"}), "eventLabel")
    assert any("Установочное заседание" in label for label in labels)


def test_reasoning_places_the_kirovsky_conference_in_saint_petersburg(store, asserted_store):
    with_reasoning = column(select(store, "events-in-region", region="Санкт-Петербург"), "eventLabel")
    assert any("РесурсыПлюс" in label for label in with_reasoning)
    by_iri = column(select(store, "events-in-region", region=f"<{EGR}place/saint-petersburg>"), "eventLabel")
    assert by_iri == with_reasoning
    without = column(select(asserted_store, "events-in-region", region="Санкт-Петербург"), "eventLabel")
    assert not any("РесурсыПлюс" in label for label in without)


def test_initiative_members(store):
    kvantorium = column(select(store, "initiative-members", initiative="egr:initiative/kvantorium"), "orgLabel")
    assert {"Кванториум (Владикавказ)", "Кванториум (Моздок)"} <= kvantorium
    it_cube = column(select(store, "initiative-members", initiative="IT-куб"), "orgLabel")
    assert any("IT-куб" in org for org in it_cube)


def test_heads_of_centres(store):
    names = column(select(store, "heads-of-centres"), "name")
    assert {"Светлана Макаренко", "Мурад Джахаев", "Алла Калиниченко"} <= names


def test_initiatives_by_place(store):
    rows = select(store, "initiatives-by-place", place="Республика Дагестан")
    assert {"Кванториум", "IT-куб"} <= column(rows, "initiativeLabel")


def test_ask_needs_reasoning(store, asserted_store):
    params = {"initiative": "egr:initiative/it-cube", "region": "egr:place/north-ossetia-alania"}
    assert select(store, "ask-initiative-in-region", **params) is True
    assert select(asserted_store, "ask-initiative-in-region", **params) is False
    assert select(store, "ask-initiative-in-region", initiative="egr:initiative/it-cube",
                  region="egr:place/moscow") is False


def test_topics_by_region(store):
    rows = select(store, "topics-by-region", region="Москва")
    assert {"искусственный интеллект", "беспилотные летательные аппараты"} <= column(rows, "topicLabel")


def test_regions_ranked(store):
    regions = [r["regionLabel"] for r in select(store, "regions-ranked")]
    assert {"Санкт-Петербург", "Республика Дагестан", "Республика Северная Осетия — Алания", "Москва"} <= set(regions)
    counts = [int(r["mentions"]) for r in select(store, "regions-ranked")]
    assert counts == sorted(counts, reverse=True)


def test_multi_initiative_organisations(store):
    rows = select(store, "multi-initiative-organisations")
    assert all(int(r["initiatives"]) > 1 for r in rows)
    assert any("Дагестанский государственный университет" in label for label in column(rows, "orgLabel"))


def test_timeline_is_in_date_order(store):
    dates = [r["date"] for r in select(store, "timeline")]
    assert dates == sorted(dates) and "2023-10-30" in dates


def test_entity_facts_give_sources(store):
    rows = select(store, "entity-facts", entity="Вера Князева")
    assert "https://w3id.org/edugraph/graph/article/003_d7c3834566bde9ed" in column(rows, "source")
    assert "https://w3id.org/edugraph/ontology#heads" in column(rows, "property")


def test_construct_gives_a_graph(store):
    query = read_query(ROOT / "queries" / "construct-initiative-network.rq")
    body, media_type = execute(store, query.text, None, "table", "turtle")
    assert media_type == "text/turtle" and b"eg:includesOrganisation" in body


INJECTION = 'x" } ; DROP ALL ; #'


def test_injection_is_inert_and_matched_literally(store):
    size = len(store)
    rows = select(store, "people-posts", person=INJECTION)
    assert rows == [] and len(store) == size
    tiny = ox.Store()
    tiny.add(ox.Quad(ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p"), ox.Literal(INJECTION)))
    text = "SELECT ?s ?v WHERE { ?s <http://example.org/p> ?v }"
    body, _ = execute(tiny, text, bind({"v": INJECTION}, text, None), "csv", "turtle")
    assert body.decode().splitlines()[1].startswith("http://example.org/s,") and len(tiny) == 1
