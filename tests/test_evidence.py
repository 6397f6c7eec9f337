"""Provenance to the sentence: posts, events and located-in facts link to the sentence they were read from and
to the method that gave them (on the seed build, and the finder on small texts)."""

from __future__ import annotations

from rdflib import Graph, Literal
from rdflib.namespace import PROV, RDF, RDFS

from edugraph.analysis.network import load as load_network
from edugraph.extract.mentions import split_sentences
from edugraph.namespaces import EG, GRAPH, ID
from edugraph.resolve.evidence import CURATION, EvidenceFinder, SentenceFinder, mark_curated
from edugraph.sparql.store import open_built
from edugraph.text import clean_text
from support.queries import select

KNYAZEVA_ARTICLE = "003_d7c3834566bde9ed"
CURATED_ARTICLE = "001_b083c668008ffeef"  # data/curation: «Кирвоского» -> «Кировского»
OSSETIA_ARTICLE = "002_413037bb6e5346a1"


def article_graph(result, article_id: str) -> Graph:
    return next(g for g in result.asserted if g.identifier == GRAPH[f"article/{article_id}"])


def cleaned(result, article_id: str) -> str:
    return clean_text(next(a for a in result.articles if a.id == article_id).text)


def sentences_of(graph: Graph, fact) -> list[tuple[str, int, int]]:
    """(text, start, end) of the evidence sentences a fact was derived from (two wordings of one organisation
    in two sentences give its eg:locatedIn two)."""
    found = [e for e in graph.objects(fact, PROV.wasDerivedFrom) if (e, RDF.type, EG.Evidence) in graph]
    return sorted((str(graph.value(e, EG.sentenceText)), graph.value(e, EG.startOffset).toPython(),
                   graph.value(e, EG.endOffset).toPython()) for e in found)


def sentence_of(graph: Graph, fact) -> tuple[str, int, int]:
    """The one evidence sentence of a fact."""
    found = sentences_of(graph, fact)
    assert len(found) == 1, fact
    return found[0]


def node_labelled(graph: Graph, label: str):
    return next(graph.subjects(RDFS.label, Literal(label, lang="ru")))


def test_a_post_links_to_the_sentence_with_the_name_and_the_title(seed_result):
    graph, text = article_graph(seed_result, KNYAZEVA_ARTICLE), cleaned(seed_result, KNYAZEVA_ARTICLE)
    person = node_labelled(graph, "Вера Князева")
    posts = {str(graph.value(p, EG.postTitle)): p for p in graph.subjects(EG.heldBy, person)}
    assert set(posts) == {"президент", "директор"}
    sentences = {text[s:e].strip() for s, e in split_sentences(text)}
    for title, post in posts.items():
        sentence, start, end = sentence_of(graph, post)
        assert text[start:end] == sentence and sentence in sentences
        assert "Вера Князева" in sentence and title in sentence
        assert (post, PROV.wasGeneratedBy, ID["activity/extraction/posts"]) in graph
        assert ID[f"evidence/{KNYAZEVA_ARTICLE}/{start}-{end}"] in graph.subjects(PROV.wasQuotedFrom,
                                                                                 ID[f"article/{KNYAZEVA_ARTICLE}"])


def test_every_fact_of_the_seed_has_its_sentence_and_method(seed_result):
    for article in seed_result.articles:
        graph, text = article_graph(seed_result, article.id), cleaned(seed_result, article.id)
        facts = [*graph.subjects(RDF.type, EG.Post), *graph.subjects(RDF.type, RDF.Statement),
                 *(e for e in graph.subjects(PROV.wasDerivedFrom, ID[f"article/{article.id}"])
                   if (e, RDF.type, EG.Post) not in graph)]
        located = list(graph.subject_objects(EG.locatedIn))
        assert len(list(graph.subjects(RDF.type, RDF.Statement))) == len(located)
        for fact in facts:
            found = sentences_of(graph, fact)
            assert found and all(text[start:end] == sentence for sentence, start, end in found), fact
            assert graph.value(fact, PROV.wasGeneratedBy) is not None, fact


def test_curated_facts_say_curation(seed_result):
    graph = article_graph(seed_result, CURATED_ARTICLE)
    post = next(graph.subjects(EG.heldBy, node_labelled(graph, "Ступак Ю.В.")))
    assert (post, PROV.wasGeneratedBy, ID["activity/curation"]) in graph
    gazetteer = next(g for g in seed_result.asserted if g.identifier == GRAPH["gazetteer"])
    assert (ID["activity/curation"], RDF.type, EG.Curation) in gazetteer
    assert (ID["activity/extraction/posts"], RDFS.label, Literal("Extraction from the text: posts", lang="en")) \
        in gazetteer
    sentence, _, _ = sentence_of(graph, post)
    assert "Ступак Ю.В." in sentence  # the text still has the misspelling the curation corrected
    extracted = next(graph.subjects(EG.heldBy, node_labelled(graph, "Хазова С.И.")))
    assert (extracted, PROV.wasGeneratedBy, ID["activity/extraction/posts"]) in graph
    facts = seed_result.facts[CURATED_ARTICLE]
    marked = [p for person in facts["persons"] for p in person["posts"] if p.get("evidence", {}).get("method")]
    assert [p["org"] for p in marked] == ["Отдел образования Администрации Кировского района Санкт-Петербурга"]


def test_located_in_is_reified_with_its_sentence(seed_result):
    graph = article_graph(seed_result, OSSETIA_ARTICLE)
    centre = node_labelled(graph, "Кванториум (Владикавказ)")
    statement = next(graph.subjects(RDF.subject, centre))
    assert (statement, RDF.predicate, EG.locatedIn) in graph
    assert (centre, EG.locatedIn, graph.value(statement, RDF.object)) in graph
    assert graph.value(statement, RDF.object) == ID["place/vladikavkaz"]
    assert "владикавказского «Кванториума»" in sentence_of(graph, statement)[0]
    assert (statement, PROV.wasGeneratedBy, ID["activity/resolution/place-in-name"]) in graph


def test_entity_facts_shows_the_sentence(seed_build):
    rows = select(open_built(seed_build), "entity-facts", entity="Вера Князева")
    posts = [row for row in rows if row["property"] == str(EG.hasPost)]
    assert len(posts) == 2 and all("Вера Князева" in row["sentence"] for row in posts)
    rows = select(open_built(seed_build), "entity-facts", entity="Кванториум (Владикавказ)")
    located = [row for row in rows if row["property"] == str(EG.locatedIn) and "sentence" in row]
    assert located and "владикавказского «Кванториума»" in located[0]["sentence"]


def test_network_carries_evidence(seed_build):
    net = load_network(seed_build)
    person = ID["person/kniazeva-vera"]
    works = [d for _, _, k, d in net.out_edges(str(person), keys=True, data=True) if k == "worksFor"]
    assert len(works) == 2 and all(len(d["evidence"]) == 1 and "Вера Князева" in d["evidence"][0] for d in works)
    assert len(net.nodes[str(person)]["evidence"]) == 1  # both posts come from the same sentence
    located = [d["evidence"] for u, _, k, d in net.edges(keys=True, data=True)
               if k == "locatedIn" and u == str(ID["org/kvantorium-vladikavkaz"])]
    assert located and "владикавказского «Кванториума»" in located[0][0]
    events = [d for _, d in net.nodes(data=True) if d["category"] == "Event"]
    assert events and all(d["evidence"] for d in events)


TEXT = "Итоги года. Директор школы № 5 Иван Петров провёл открытие IT-куба 1 сентября 2024 года.\n\nПетров поблагодарил гостей."


def test_the_finder_prefers_a_facts_own_evidence():
    finder = EvidenceFinder(SentenceFinder("a1", TEXT))
    found = finder.post("Иван Петров", {"post": "директор", "org": "школа № 5"})
    assert (found.sentence.start, found.method) == (12, "extraction/posts")
    given = finder.post("Иван Петров", {"post": "директор", "evidence": {"start": TEXT.index("Петров поблагодарил"),
                                                                          "rule": "name-then-verb"}})
    assert given.sentence.text == "Петров поблагодарил гостей."
    assert given.method == "extraction/posts/name-then-verb"
    for malformed in ("here", {"start": "3", "rule": "a b", "method": "magic"}, {"method": "curation/../x"}):
        ignored = finder.post("Иван Петров", {"post": "директор", "evidence": malformed})
        assert (ignored.sentence.start, ignored.method) == (12, "extraction/posts")
    event = finder.event({"name": "Открытие IT-куба", "date": "2024-09-01"})
    assert event.sentence.start == 12
    assert finder.post("Мария Сидорова", {"post": "директор"}).sentence is None


def test_mark_curated_marks_added_and_changed_entries_only():
    extracted = {"persons": [{"name": "Иван Петров", "posts": [{"post": "директор", "org": "Школа № 5"}]}],
                 "events": [{"name": "Открытие"}]}
    merged = {"persons": [{"name": "Иван Петров", "posts": [{"post": "директор", "org": "Школа № 5"},
                                                            {"post": "учитель", "org": None}]}],
              "events": [{"name": "Открытие"}, {"name": "Форум", "evidence": {"start": 3}},
                         {"name": "Слёт", "evidence": "malformed"}]}
    marked = mark_curated(extracted, merged)
    posts = marked["persons"][0]["posts"]
    assert "evidence" not in posts[0] and posts[1]["evidence"] == {"method": CURATION}
    assert "evidence" not in marked["events"][0] and marked["events"][1]["evidence"] == {"start": 3, "method": CURATION}
    assert marked["events"][2]["evidence"] == {"method": CURATION}
    assert merged["events"][1]["evidence"] == {"start": 3}  # the input is left as it was
