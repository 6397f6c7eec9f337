"""The query library on the real seed graph: concrete answers, reasoning, safe parameters, rdflib = oxigraph."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from edugraph.sparql import bind, execute, library, read_query
from edugraph.sparql.client import prepare_query
from edugraph.sparql.compare import oxigraph_answer, rdflib_answer, rdflib_dataset
from edugraph.prefixes import PREFIX_IRIS
from edugraph.sparql.params import ParameterError, bind_resolved, store_lookup
from edugraph.sparql.store import open_built
from support import jena
from support.corpus import corpus
from support.queries import examples, select

ROOT = Path(__file__).resolve().parents[1]
QUERIES = library(ROOT / "queries")
EGR = "https://w3id.org/edugraph/id/"
EG = "https://w3id.org/edugraph/ontology#"
RDF, RDFS, XSD, SKOS = (PREFIX_IRIS[prefix] for prefix in ("rdf", "rdfs", "xsd", "skos"))


@pytest.fixture(scope="session")
def build_dir(seed_build) -> Path:
    return seed_build


@pytest.fixture(scope="session")
def store(build_dir):
    return open_built(build_dir)


@pytest.fixture(scope="session")
def asserted_store(build_dir):
    return open_built(build_dir, inferred=False)


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
    params = (examples(query) or [{}])[0] if any(query.params.values()) else {}
    bindings = bind_resolved(params, query.text, query.params, query.param_class, query.name, store_lookup(store))
    body, _ = execute(store, query.text, bindings, "json", "turtle")
    assert body


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.name)
def test_rdflib_and_oxigraph_agree(store, build_dir, query):
    ds = _rdflib(build_dir)
    runs = [] if any(query.params.values()) else [{}]
    runs += examples(query)[:1]
    for params in runs:
        bindings = bind_resolved(params, query.text, query.params, query.param_class, query.name, store_lookup(store))
        assert oxigraph_answer(store, query.text, bindings) == rdflib_answer(ds, query.text, bindings), params


# a label or IRI sorted as "~" + its text: `(CONCAT("~", STR(?x)))`, or with COALESCE(…, "") when ?x may be unbound
SORT_KEY = re.compile(r'\(CONCAT\("~", (?:COALESCE\()?(STR\(\?\w+\))(?:, ""\))?\)\)')
# or such a key bound once in a sub-SELECT and sorted by its variable: BIND(CONCAT("~", STR(?aName)) AS ?aKey)
BOUND_KEY = re.compile(r'BIND\(CONCAT\("~", (?:COALESCE\()?(STR\(\?\w+\))(?:, ""\))?\) AS \?(\w+)\)')


def plain_keys(text: str) -> str:
    """The query sorted by STR of each label or IRI instead of its "~" key."""
    head, by, order = text.rpartition("ORDER BY")
    if not by:
        return text
    for plain, key in BOUND_KEY.findall(head):
        order = re.sub(rf"\?{key}\b", f"({plain})", order)
    return head + "ORDER BY" + SORT_KEY.sub(r"\1", order)


SORTED = [query for query in QUERIES if plain_keys(query.text) != query.text]


def ordered_rows(store, text: str, bindings: dict) -> list[dict[str, str]]:
    body, _ = execute(store, text, bindings, "json", "turtle")
    return [{name: term["value"] for name, term in row.items()} for row in json.loads(body)["results"]["bindings"]]


@pytest.mark.parametrize("query", SORTED, ids=lambda q: q.name)
def test_sort_keys_order_rows_as_the_plain_keys(store, query):
    """The "~" + text sort keys (compared in memory: docs/SPARQL.md) order the answer as STR of each key does: the
    same rows, and the same sequence of ORDER BY values (rows that tie on every key may come in another order)."""
    plain = plain_keys(query.text)
    keys = re.findall(r"\?(\w+)", plain.rpartition("ORDER BY")[2])
    runs = [] if any(query.params.values()) else [{}]
    for params in runs + examples(query)[:1]:
        bindings = bind_resolved(params, query.text, query.params, query.param_class, query.name, store_lookup(store))
        fast, slow = ordered_rows(store, query.text, bindings), ordered_rows(store, plain, bindings)
        assert len(fast) > 1, f"{query.name} {params}: too few rows to compare an order"
        assert sorted(map(json.dumps, fast)) == sorted(map(json.dumps, slow))
        assert [[row.get(key) for key in keys] for row in fast] == [[row.get(key) for key in keys] for row in slow]


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


def test_heads_of_centres_one_row_per_head_centre_and_article_in_russian(store):
    """Every entity has a Russian and an English label: one row each, not one per language."""
    rows = select(store, "heads-of-centres")
    assert len(rows) == len({(r["person"], r["org"], r["source"]) for r in rows}) >= 3
    assert "Alla Kalinichenko" not in column(rows, "name")


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


def test_entity_facts_give_the_sentence_of_a_reified_fact(store):
    """Article 001: school 608 is in the Kirovsky district; neither has a sentence of its own, so the sentence is
    the one the statement reifying that fact was read from."""
    rows = select(store, "entity-facts", entity="egr:org/school-608-saint-petersburg")
    sentences = {r.get("sentence", "") for r in rows if r["property"] == EG + "locatedIn"
                 and r["value"] == EGR + "place/saint-petersburg-kirovsky-district"}
    assert any(sentence.startswith("30 октября 2023 года") for sentence in sentences)


def test_who_met_whom_gives_the_same_pair_from_either_person(store):
    """A pair comes as (?a, ?b) with ?a before ?b, whichever of the two people is given."""
    pairs = {}
    for name in ("Алла Калиниченко", "Светлана Макаренко"):
        rows = select(store, "who-met-whom", person=name)
        assert rows and all(r["a"] < r["b"] for r in rows)
        pairs[name] = {(r["a"], r["b"], r["event"], r["source"]) for r in rows}
    assert pairs["Алла Калиниченко"] & pairs["Светлана Макаренко"]


def test_construct_gives_a_graph(store):
    query = read_query(ROOT / "queries" / "construct-initiative-network.rq")
    body, media_type = execute(store, query.text, None, "table", "turtle")
    assert media_type == "text/turtle" and b"eg:includesOrganisation" in body


INJECTION = 'x" } ; DROP ALL ; #'


def test_injection_is_inert_and_matched_literally(store):
    size = len(store)
    with pytest.raises(ParameterError, match="no eg:Person named"):
        select(store, "people-posts", person=INJECTION)
    assert len(store) == size
    tiny = ox.Store()
    tiny.add(ox.Quad(ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p"), ox.Literal(INJECTION)))
    text = "SELECT ?s ?v WHERE { ?s <http://example.org/p> ?v }"
    body, _ = execute(tiny, text, bind({"v": INJECTION}, text, None), "csv", "turtle")
    assert body.decode().splitlines()[1].startswith("http://example.org/s,") and len(tiny) == 1


# Expected rows written from the seed articles in data/articles (not from the program's output).

def test_articles_lists_the_seed_articles_with_their_metadata(store):
    places_ru = {"Saint Petersburg": "Санкт-Петербург"}  # article 000 gives its place in English
    expected = set()
    for path in sorted((ROOT / "data" / "articles").glob("*.json")):
        meta = json.loads(path.read_text(encoding="utf-8"))
        expected.add((f"{EGR}article/{meta['id']}", meta["title"], meta["date"], meta["language"],
                      places_ru.get(meta["place"], meta["place"])))
    rows = select(store, "articles")
    assert {(r["article"], r["title"], r["date"], r["language"], r["placeLabel"]) for r in rows} == expected
    assert all(int(r["entities"]) > 0 for r in rows)


def test_who_met_alla_kalinichenko(store):
    """Article 002: she, Svetlana Makarenko and Murad Dzhakhayev represented North Ossetia at the session."""
    rows = select(store, "who-met-whom", person="Алла Калиниченко")
    pairs = {(frozenset((r["aName"], r["bName"])), r["eventLabel"].startswith("Стратегическая сессия")) for r in rows}
    assert pairs == {(frozenset({"Алла Калиниченко", "Светлана Макаренко"}), True),
                     (frozenset({"Алла Калиниченко", "Мурад Джахаев"}), True)}


def test_heads_of_the_north_ossetian_centres(store):
    """Article 002: the heads of the Vladikavkaz and Mozdok Kvantoriums and of the Vladikavkaz IT-cube."""
    rows = [r for r in select(store, "heads-of-centres") if r["initiativeLabel"] in ("Кванториум", "IT-куб")]
    assert {(r["name"], r["initiativeLabel"]) for r in rows} == {
        ("Светлана Макаренко", "Кванториум"), ("Мурад Джахаев", "Кванториум"), ("Алла Калиниченко", "IT-куб")}
    assert {r["cityLabel"] for r in rows if r["name"] == "Алла Калиниченко"} == {"Владикавказ"}


def test_events_of_august_2022(store):
    """Article 002: the strategic session, 17 to 20 August 2022 in Makhachkala, more than 200 participants."""
    rows = select(store, "events-in-range", **{"from": "2022-08-01", "to": "2022-08-31"})
    assert [(r["eventLabel"].split(",")[0], r["start"], r["end"], r["placeLabel"], r["participants"], r["atLeast"])
            for r in rows] == [("Стратегическая сессия", "2022-08-17", "2022-08-20", "Махачкала", "200", "true")]


def test_organisations_of_the_kirovsky_district(store):
    """Article 001: the conference was held at school No. 608 of the Kirovsky district and organised by the
    district's education department and its methodological centre (IMC); the district is in Saint Petersburg."""
    kinds = {(r["orgLabel"], r["kind"]) for r in select(store, "organisations-by-place", place="Кировский район")}
    assert {("ИМЦ Кировского района", "methodological centre"),
            ("Отдел образования Администрации Кировского района Санкт-Петербурга", "government body")} <= kinds
    assert {kind for label, kind in kinds if "608" in label} == {"school"}
    in_city = {r["orgLabel"] for r in select(store, "organisations-by-place", place="Санкт-Петербург")}
    assert {label for label, _ in kinds} <= in_city


def test_construct_network_of_the_north_ossetian_centres(store):
    """Article 002: the Vladikavkaz and Mozdok Kvantoriums and the Vladikavkaz IT-cube, in North Ossetia."""
    query = read_query(ROOT / "queries" / "construct-initiative-network.rq")
    triples = {(t.subject.value, t.predicate.value, t.object.value)
               for t in store.query(query.text, use_default_graph_as_union=True)}
    includes, located = EG + "includesOrganisation", EG + "locatedIn"
    assert {(f"{EGR}initiative/kvantorium", includes, f"{EGR}org/kvantorium-vladikavkaz"),
            (f"{EGR}initiative/kvantorium", includes, f"{EGR}org/kvantorium-mozdok"),
            (f"{EGR}initiative/it-cube", includes, f"{EGR}org/it-cube-vladikavkaz"),
            (f"{EGR}org/it-cube-vladikavkaz", located, f"{EGR}place/north-ossetia-alania")} <= triples


def heads_graphs() -> ox.Store:
    """One organisation's head posts, each said by its articles (named graphs); names in egg:entities:
    - Anna as of 2022-01-01 (articles a1 and a5: two sources), Vera as of the same day (a4: a tie, both stay);
    - Boris as of 2023-01-01 in a2, but only a3 says that Boris heads it: no article says it all, so he replaces no one;
    - Gleb as of 2025-01-01 (a6): after the date asked below, and replacing both at a later date."""
    org = f"<{EGR}org/o>"
    lines = [f'{org} <http://www.w3.org/2004/02/skos/core#prefLabel> "Орг"@ru <g:e> .']
    posts = {"anna": ("2022-01-01", ["a1", "a5"]), "vera": ("2022-01-01", ["a4"]), "boris": ("2023-01-01", ["a2"]),
             "gleb": ("2025-01-01", ["a6"])}
    for person, (day, graphs) in posts.items():
        post, holder = f"<{EGR}post/{person}-{day}>", f"<{EGR}person/{person}>"
        lines.append(f'{holder} <http://www.w3.org/2004/02/skos/core#prefLabel> "{person}"@ru <g:e> .')
        for graph in graphs:
            lines += [f'{post} <{EG}postTitle> "директор"@ru <g:{graph}> .', f"{post} <{EG}postIn> {org} <g:{graph}> .",
                      f"{post} <{EG}heldBy> {holder} <g:{graph}> .",
                      f'{post} <{EG}asOf> "{day}"^^<http://www.w3.org/2001/XMLSchema#date> <g:{graph}> .']
            if person != "boris":
                lines.append(f"{holder} <{EG}heads> {org} <g:{graph}> .")
    lines.append(f"<{EGR}person/boris> <{EG}heads> {org} <g:a3> .")
    store = ox.Store()
    store.load("\n".join(lines).encode(), ox.RdfFormat.N_QUADS)
    return store


@pytest.mark.parametrize("date, heads", [
    ("2021-12-31", set()), ("2024-12-31", {("anna", "g:a1"), ("anna", "g:a5"), ("vera", "g:a4")}),
    ("2025-06-30", {("gleb", "g:a6")})])
def test_heads_at_date_keeps_ties_and_every_article_and_is_replaced_only_by_a_post_one_article_says(date, heads):
    store = heads_graphs()
    for organisation in ({}, {"organisation": f"<{EGR}org/o>"}):
        rows = select(store, "heads-at-date", date=date, **organisation)
        assert {(row["name"], row["source"]) for row in rows} == heads


def test_heads_at_date_gives_the_same_rows_on_jena(tmp_path):
    """The hand-built posts above on Jena ARQ (the text `query --endpoint` sends, with and without pinning): the MAX
    in a sub-SELECT that sees ?date and the articles joined by hash mean the same there."""
    reason = jena.missing()
    if reason:
        pytest.skip(reason)
    store = heads_graphs()
    union = ox.serialize(list(dict.fromkeys(quad.triple for quad in store)), format=ox.RdfFormat.N_TRIPLES)
    dataset = tmp_path / "dataset.nq"
    dataset.write_bytes(ox.serialize(store, format=ox.RdfFormat.N_QUADS) + union)
    query = next(q for q in QUERIES if q.name == "heads-at-date")
    cases = [{"date": "2021-12-31"}, {"date": "2024-12-31"}, {"date": "2025-06-30"},
             {"date": "2024-12-31", "organisation": f"<{EGR}org/o>"}]
    files = []
    for number, values in enumerate(cases):
        files.append(tmp_path / f"{number}.rq")
        files[-1].write_text(prepare_query(query.text, PREFIX_IRIS, bind(values, query.text, query.params)), "utf-8")
    for values, path in zip(cases, jena.run_queries(tmp_path, dataset, files)):
        answer = ox.parse_query_results(path=str(path), format=ox.QueryResultsFormat.JSON)
        assert sorted((row["name"].value, row["source"].value) for row in answer) == \
            sorted((row["name"], row["source"]) for row in select(store, "heads-at-date", **values))


# Entities named only in English articles have only an English label (none is made up in Russian): the library shows
# the Russian name when there is one, else the English one, instead of an empty cell or a dropped row.
ENGLISH_NAMED = ["real_en_02_tomsk_kvantorium", "real_en_24_veshkaymsky_morozov_school"]


@pytest.fixture(scope="module")
def english_named_store(tmp_path_factory):
    """A build of two real English articles: Arkady Dvorkovich and Sergei Zhvachkin open the Tomsk Kvantorium (an
    event with a Russian label); Governor Sergey Morozov visits a school in the Veshkaymsky District (a place
    named only in English)."""
    from edugraph.build import run_build, write_build

    root = tmp_path_factory.mktemp("english-named")
    articles, curation = corpus(root, [])
    for stem in ENGLISH_NAMED:
        for suffix in (".txt", ".json"):
            source = ROOT / "tests" / "dev" / "articles" / f"{stem}{suffix}"
            (articles / f"{stem}{suffix}").write_bytes(source.read_bytes())
    write_build(run_build(articles, curation, progress=False), root / "build")
    return open_built(root / "build")


def test_articles_and_timeline_name_a_place_without_a_russian_label_in_english(english_named_store):
    places = {r["article"].rpartition("/")[2]: r.get("placeLabel") for r in select(english_named_store, "articles")}
    assert places == {ENGLISH_NAMED[0]: "Томск", ENGLISH_NAMED[1]: "Veshkaymsky District"}
    visit = [r for r in select(english_named_store, "timeline") if "Chufarovsky" in r["eventLabel"]]
    assert visit and {r.get("placeLabel") for r in visit} == {"Veshkaymsky District"}


def test_event_participants_keep_people_named_only_in_english(english_named_store):
    rows = [r for r in select(english_named_store, "event-participants")
            if r["eventLabel"].startswith("Открытие") and r["role"] != "venue"]  # the venue: the Kvantorium opened
    assert column(rows, "agentLabel") == {"Arkady Dvorkovich", "Sergei Zhvachkin"}  # the event's label is Russian


def test_entity_facts_label_a_value_named_only_in_english(english_named_store):
    rows = select(english_named_store, "entity-facts", entity="Открытие центра «Кванториум», 19 мая 2017")
    labels = {(r["property"].rpartition("#")[2], r.get("valueLabel")) for r in rows}
    assert {("hasParticipant", "Arkady Dvorkovich"), ("hasParticipant", "Sergei Zhvachkin"),
            ("takesPlaceIn", "Томск")} <= labels
    assert ("takesPlaceIn", "Tomsk") not in labels  # a place with a Russian name is not named in English too


def test_who_met_whom_keeps_people_named_only_in_english(english_named_store):
    rows = select(english_named_store, "who-met-whom")
    assert {(r["aName"], r["bName"]) for r in rows if r["eventLabel"].startswith("Открытие")} == {
        ("Arkady Dvorkovich", "Sergei Zhvachkin")}  # the event's label is Russian, the names only English


def test_events_in_range_names_a_place_without_a_russian_label_in_english(english_named_store):
    visit = [r for r in select(english_named_store, "events-in-range", **{"from": "2020-01-01", "to": "2020-12-31"})
             if "Chufarovsky" in r["eventLabel"]]
    assert visit and {r.get("placeLabel") for r in visit} == {"Veshkaymsky District"}


def test_events_in_range_names_an_organiser_in_russian_else_in_english():
    """The organiser's Russian name, else its English one, whatever the event label's language (it was the name in
    the event label's language only: an empty cell for an organiser named only in the other language)."""
    store, article = ox.Store(), ox.NamedNode("https://w3id.org/edugraph/graph/article/t")
    entities = ox.NamedNode("https://w3id.org/edugraph/graph/entities")
    organisers = {"ru-event": ("Конференция", "ru", {"en": "Tomsk Quantorium Foundation"}),
                  "en-event": ("Forum", "en", {"ru": "Министерство просвещения", "en": "Ministry of Education"})}
    for key, (label, lang, names) in organisers.items():
        event, organiser = ox.NamedNode(f"{EGR}event/{key}"), ox.NamedNode(f"{EGR}org/{key}-organiser")
        for p, o in ((f"{RDF}type", ox.NamedNode(f"{EG}Conference")),
                     (f"{RDFS}label", ox.Literal(label, language=lang)),
                     (f"{EG}startDate", ox.Literal("2023-05-01", datatype=ox.NamedNode(f"{XSD}date"))),
                     (f"{EG}organisedBy", organiser)):
            store.add(ox.Quad(event, ox.NamedNode(p), o, article))
        for language, name in names.items():
            store.add(ox.Quad(organiser, ox.NamedNode(f"{SKOS}prefLabel"), ox.Literal(name, language=language),
                              entities))
    rows = select(store, "events-in-range", **{"from": "2023-01-01", "to": "2023-12-31"})
    assert {(r["eventLabel"], r.get("organiserLabel")) for r in rows} == {
        ("Конференция", "Tomsk Quantorium Foundation"), ("Forum", "Министерство просвещения")}


# Two articles say the same head and centre (round 10 reads each fact once and joins the articles by hash): a1 with
# a reified statement, a date, two mentions and a Russian-named place; a2 without any of those.
TWO_ARTICLES = """
@prefix eg: <https://w3id.org/edugraph/ontology#> . @prefix egr: <https://w3id.org/edugraph/id/> .
@prefix egg: <https://w3id.org/edugraph/graph/> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> . @prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
egg:article\\/a1 {
  egr:article\\/a1 a eg:Article ; dcterms:title "Первая" ; dcterms:language "ru" ;
      dcterms:date "2023-05-01"^^xsd:date ; eg:mentions egr:person\\/p , egr:org\\/o .
  egr:person\\/p eg:heads egr:org\\/o .
  egr:org\\/o eg:partOfInitiative egr:initiative\\/k ; eg:locatedIn egr:place\\/c1 .
  [] rdf:subject egr:person\\/p ; rdf:predicate eg:heads ; rdf:object egr:org\\/o ;
     prov:wasDerivedFrom [ eg:sentenceText "Пётр возглавил школу." ] . }
egg:article\\/a2 {
  egr:article\\/a2 a eg:Article ; dcterms:title "Second" ; dcterms:language "en" .
  egr:person\\/p eg:heads egr:org\\/o .
  egr:org\\/o eg:partOfInitiative egr:initiative\\/k ; eg:locatedIn egr:place\\/c2 . }
egg:entities {
  egr:person\\/p skos:prefLabel "Пётр"@ru . egr:org\\/o skos:prefLabel "Школа"@ru .
  egr:initiative\\/k skos:prefLabel "Кванториум"@ru .
  egr:place\\/c1 skos:prefLabel "Город"@ru . egr:place\\/c2 skos:prefLabel "City"@en . }
"""


@pytest.fixture(scope="module")
def two_articles():
    store = ox.Store()
    store.load(TWO_ARTICLES.encode(), format=ox.RdfFormat.TRIG)
    return store


def test_articles_count_mentions_per_article_and_zero_without(two_articles):
    rows = {r["article"].rpartition("/")[2]: (r.get("date"), r["entities"]) for r in select(two_articles, "articles")}
    assert rows == {"a1": ("2023-05-01", "2"), "a2": (None, "0")}


def test_heads_and_members_give_one_row_per_article_with_that_articles_place(two_articles):
    heads = select(two_articles, "heads-of-centres")
    assert {(r["name"], r["orgLabel"], r["initiativeLabel"], r["source"].rpartition("/")[2]) for r in heads} == {
        ("Пётр", "Школа", "Кванториум", "a1"), ("Пётр", "Школа", "Кванториум", "a2")}
    members = select(two_articles, "initiative-members", initiative="egr:initiative/k")
    # a2 locates the school in a place without a Russian name: no place, and not a1's place either
    assert {(r["orgLabel"], r["source"].rpartition("/")[2], r.get("placeLabel")) for r in members} == {
        ("Школа", "a1", "Город"), ("Школа", "a2", None)}


def test_entity_facts_take_a_statements_sentence_only_in_its_article(two_articles):
    """The entity as the statement's object (its rdf:object): a1's sentence for a1's row, none for a2's."""
    rows = select(two_articles, "entity-facts", entity=f"<{EGR}org/o>")
    heads = {(r["direction"], r["source"].rpartition("/")[2], r.get("sentence")) for r in rows
             if r["property"] == EG + "heads"}
    assert heads == {("←", "a1", "Пётр возглавил школу."), ("←", "a2", None)}


# queries sorted by one key joining their texts with U+0001 (docs/SPARQL.md), and the keys it stands for
JOINED_KEYS = {"initiatives-by-place": "(STR(?initiativeLabel)) (STR(?placeLabel)) ?kind ?via (STR(?source))"}


@pytest.mark.parametrize("name", sorted(JOINED_KEYS))
def test_a_joined_sort_key_orders_rows_as_its_parts(store, name):
    """One key of texts joined by U+0001 orders the answer as the keys it joins, one after the other: the same
    rows and the same sequence of those keys' values, with and without the example parameters."""
    query = next(q for q in QUERIES if q.name == name)
    head, by, joined = query.text.rpartition("ORDER BY")
    assert by and "\\u0001" in joined
    plain = head + "ORDER BY " + JOINED_KEYS[name]
    keys = re.findall(r"\?(\w+)", JOINED_KEYS[name])
    for params in ({}, (examples(query) or [{}])[0]):
        bindings = bind_resolved(params, query.text, query.params, query.param_class, query.name, store_lookup(store))
        fast, slow = ordered_rows(store, query.text, bindings), ordered_rows(store, plain, bindings)
        assert len({tuple(row.get(key) for key in keys) for row in fast}) > 1, params
        assert sorted(map(json.dumps, fast)) == sorted(map(json.dumps, slow))
        assert [[row.get(key) for key in keys] for row in fast] == [[row.get(key) for key in keys] for row in slow]


def test_initiatives_by_place_for_an_initiative_are_its_rows_of_the_whole_answer(store):
    """With an initiative (its names read for it alone, pinned), the rows are those of the whole answer about it,
    each with the initiative's Russian name, in the same order."""
    everything = select(store, "initiatives-by-place")
    for initiative in ("egr:initiative/kvantorium", "egr:initiative/it-cube"):
        iri = PREFIX_IRIS["egr"] + initiative.partition(":")[2]
        rows = select(store, "initiatives-by-place", initiative=initiative)
        assert rows and {row["initiativeLabel"] for row in rows} <= {"Кванториум", "IT-куб"}
        assert [{k: v for k, v in row.items() if k != "initiative"} for row in rows] == \
            [row for row in everything if row["initiativeIri"] == iri]
