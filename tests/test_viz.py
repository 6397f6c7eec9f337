"""`edugraph viz`: views, page content in both languages, offline and escaping guarantees, the overview, the CLI.

The build used here (seeds plus one article whose names carry HTML/JS payloads) is made once per
session by `support.payload.payload_build`, which test_browser.py and test_stats.py share.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest

from edugraph.cli import main
from edugraph.errors import EduGraphError
from support.corpus import corpus
from support.payload import IMG, PAYLOAD_ID, SCRIPT, payload_build


@pytest.fixture(scope="session")
def build_dir(tmp_path_factory):
    return payload_build(tmp_path_factory)


@pytest.fixture(scope="session")
def net(build_dir):
    from edugraph.analysis.network import load
    return load(build_dir)


@pytest.fixture(scope="session")
def pages(build_dir, tmp_path_factory, net):
    """Every page kind, with an ego network around the payload person."""
    out = tmp_path_factory.mktemp("viz")
    person = next(n for n, label in net.nodes(data="label_ru") if SCRIPT in label)
    assert main(["viz", "--build", str(build_dir), "--out", str(out), "--focus", person, "--depth", "2",
                 "--communities"]) == 0
    return out


def page_data(path: Path) -> dict:
    """The JSON the page draws (nodes, edges, options)."""
    html = path.read_text(encoding="utf-8")
    return json.loads(re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', html, re.S)[1])


def test_payload_reaches_labels_and_tooltips(net):
    labels = [attrs["label_ru"] for _, attrs in net.nodes(data=True)]
    assert any(SCRIPT in label for label in labels)
    assert any(IMG in label for label in labels)
    assert IMG in net.graph["articles"][PAYLOAD_ID]["title"]


def test_every_page_kind_and_index(pages, net):
    names = {p.name for p in pages.glob("*.html")}
    assert {"index.html", "all.html", "people-events.html", "institutions-initiatives.html", "topics.html",
            "region-saint-petersburg.html"} <= names
    initiatives = [n for n, c in net.nodes(data="category") if c == "Initiative"]
    assert 3 <= len([n for n in names if n.startswith("initiative-")]) < len(initiatives)  # the empty ones not
    assert len([n for n in names if n.startswith("ego-")]) > 10  # the focus and the central ones
    index = (pages / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{name}"' in index for name in names - {"index.html"})
    for name in names - {"index.html"}:
        assert len(page_data(pages / name)["nodes"]) >= 2, name


def test_pages_are_offline_small_and_escaped(pages):
    assert sorted(p.name for p in (pages / "lib").iterdir()) == ["edugraph.css", "edugraph.js", "vis-network.css",
                                                                 "vis-network.min.js"]
    for page in pages.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", html, re.I), page
        assert "<script>window.__xss" not in html and "<img src=x" not in html, page  # payloads never raw
        assert "Content-Security-Policy" in html and "vis.Network" not in html, page  # vis-network is not inlined
    html = (pages / "all.html").read_text(encoding="utf-8")
    assert 'src="lib/vis-network.min.js"' in html and len(html.encode()) < 300_000
    assert "\\u003cscript\\u003ewindow.__xss" in html  # the payload is there, as escaped JSON


def test_both_languages_on_every_page(pages, net):
    data = page_data(pages / "all.html")

    def squeezed(text):
        return "".join(text.split()).rstrip("…")

    for node in data["nodes"]:
        attrs = net.nodes[node["id"]]
        assert squeezed(node["label_ru"]) in squeezed(attrs["label_ru"])
        assert squeezed(node["label_en"]) in squeezed(attrs["label_en"])
        assert node["title_en"].startswith(attrs["label_en"]) and "Type:" in node["title_en"]
        assert "Тип:" not in node["title_en"] and "Type:" not in node["title_ru"]
    camel = re.compile(r"\b[a-z]+[A-Z]\w*\b")  # property names such as partOfInitiative, viaArticle
    for edge in data["edges"]:
        assert not camel.search(edge["label_ru"] + edge["label_en"]), edge
    phrases = {edge["label_en"] for edge in data["edges"]} | {edge["label_ru"] for edge in data["edges"]}
    assert {"heads", "руководит", "is part of", "входит в", "took place in", "прошло в"} <= phrases
    facts = " ".join(node["title_en"] for node in data["nodes"])
    assert "participant count: " in facts and "participantCount" not in facts


def test_labels_are_wrapped():
    from edugraph.viz.page import wrap
    text = "Государственное бюджетное общеобразовательное учреждение средняя школа № 551 Кировского района"
    lines = wrap(text).split("\n")
    assert len(lines) == 3 and all(len(line) <= 22 for line in lines) and lines[-1].endswith("…")
    assert wrap("Кванториум") == "Кванториум"


def test_legends_explain_edges_and_size(pages):
    for name in ("all.html", "people-events.html", "initiative-kvantorium.html"):
        html = (pages / name).read_text(encoding="utf-8")
        for marker in ('id="legend"', 'class="class-filter"', 'class="edge-kind"', 'id="size-legend"', 'id="search"',
                       'id="physics"', 'data-set-lang="en"'):
            assert marker in html, (name, marker)
    assert "number of events, an event" in (pages / "people-events.html").read_text(encoding="utf-8")
    assert "degree centrality" in (pages / "all.html").read_text(encoding="utf-8")


def test_initiative_page_has_no_co_mention_noise_unless_asked(net):
    from edugraph.viz.views import initiative_views
    plain = {v.slug: v for v in initiative_views(net)}["initiative-kvantorium"]
    categories = {net.nodes[n]["category"] for n in plain.graph}
    assert {"Initiative", "Organisation", "Person", "Event", "Place"} <= categories
    assert "viaArticle" not in {k for *_, k in plain.graph.edges(keys=True)}
    for node in plain.graph:  # every node is linked to the initiative's network
        assert plain.graph.degree(node) > 0
    noisy = {v.slug: v for v in initiative_views(net, co_mentions=True)}["initiative-kvantorium"]
    assert set(plain.graph) < set(noisy.graph)
    assert "viaArticle" in {k for *_, k in noisy.graph.edges(keys=True)}


def test_region_view_uses_reasoning(net):
    from edugraph.viz.views import region_views
    spb = "https://w3id.org/edugraph/id/place/saint-petersburg"
    view = {v.slug: v for v in region_views(net)}["region-saint-petersburg"]
    indirect = [n for n in view.graph if n != spb and not net.has_edge(n, spb)
                and net.nodes[n]["category"] in ("Organisation", "Event")]
    assert indirect  # located in a district of the city: only the OWL-RL closure puts them in the region
    moscow = "https://w3id.org/edugraph/id/place/moscow"
    assert moscow not in view.graph


def test_topics_view_links_topics_to_initiatives_with_weights(net):
    from edugraph.viz.views import topics_view
    view = topics_view(net)
    topics = [n for n in view.graph if net.nodes[n]["category"] == "Topic"]
    assert topics and all(view.graph.degree(t) > 0 for t in topics)
    weights = [d["weight"] for *_, d in view.graph.edges(data=True)]
    articles = net.graph["articles"].values()
    expected = max(sum(1 for a in articles if t in a["topics"] and i in a["initiatives"])
                   for t in topics for i in view.graph if net.nodes[i]["category"] == "Initiative")
    assert max(weights) == expected > 1


def test_overview_counts_timeline_and_central(pages, net):
    index = (pages / "index.html").read_text(encoding="utf-8")
    assert 'id="initiatives"' in index and 'id="regions"' in index and 'id="central-Person"' in index
    assert '<span class="en" lang="en">Events by month</span>' in index
    dated = [a["facts"]["startDate"][0][:7] for _, a in net.nodes(data=True)
             if a["category"] == "Event" and len(a["facts"].get("startDate", [""])[0]) >= 7]
    assert index.count("<rect ") >= len(set(dated)) > 1
    for month in set(dated):
        assert f"<title>{month}: {dated.count(month)}</title>" in index
    from edugraph.analysis.metrics import central_entities
    top = central_entities(net, ("Person",), 1)["Person"][0]
    assert f'href="ego-{top["iri"].rsplit("/", 1)[1]}.html"' in index


def test_english_first(build_dir, tmp_path):
    assert main(["viz", "--build", str(build_dir), "--out", str(tmp_path), "--lang", "en", "--view", "all",
                 "--central", "0"]) == 0
    html = (tmp_path / "all.html").read_text(encoding="utf-8")
    assert 'data-lang="en"' in html and "Ivan Petrov" in html
    assert sorted(p.name for p in tmp_path.glob("*.html")) == ["all.html", "index.html"]


def test_unknown_focus_is_a_one_line_error(build_dir, tmp_path, capsys):
    assert main(["viz", "--build", str(build_dir), "--out", str(tmp_path), "--focus", "Князев"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("edugraph: error: no entity named 'Князев'; close matches:") and "\n" not in err
    assert "Князева" in err


def test_focus_by_label_in_either_language(net):
    from edugraph.viz.views import ego_view, find_node
    node = find_node(net, "Вера Князева")
    assert find_node(net, net.nodes[node]["label_en"].upper()) == node
    assert find_node(net, node) == node
    view = ego_view(net, "Vera Knyazeva")
    assert node in view.graph and view.title["en"].startswith("Around: Vera Knyazeva")
    with pytest.raises(EduGraphError):
        find_node(net, "no such entity at all")


def test_bipartite_weights_match_networkx_projection(net):
    from edugraph.viz.views import neighbours, people_events, projection_weights
    view = people_events(net)
    people = {n for n, c in view.graph.nodes(data="category") if c == "Person"}
    assert people and all(view.graph.nodes[n]["bipartite"] in (0, 1) for n in view.graph)
    undirected = nx.Graph([(u, v) for u, v in view.graph.edges()])
    projection = nx.bipartite.weighted_projected_graph(undirected, people)
    weights = projection_weights(view.graph)
    for person in people:
        expected = {other: projection[person][other]["weight"] for other in projection[person]}
        assert dict(weights[person]) == expected
        assert view.score()[person] == view.graph.degree(person)  # the size: their events on the page
    assert neighbours(view.graph, next(iter(people)))


def test_reduction_keeps_focus_and_says_what_was_left_out():
    from edugraph.viz.views import View, reduce
    graph = nx.MultiDiGraph()
    for i in range(50):
        graph.add_node(f"n{i}", category="Person" if i % 2 else "Event", label_ru=f"n{i}", label_en=f"n{i}")
    for i in range(1, 50):
        graph.add_edge("n0", f"n{i}", key="hasParticipant")
    graph.add_edge("n48", "n49", key="meets")
    small = reduce(View("x", {"ru": "x", "en": "x"}, graph, keep={"n7"}), 10)
    assert small.graph.number_of_nodes() == 10 and {"n0", "n7", "n48", "n49"} <= set(small.graph)
    assert "Showing 10 of 50 nodes" in small.note["en"] and "left out: event 20, person 20" in small.note["en"]
    assert "Показано 10 из 50 узлов" in small.note["ru"]


def test_big_page_settings():
    from edugraph.viz.page import vis_options
    big, small = vis_options(5000), vis_options(100)
    assert big["layout"]["improvedLayout"] is False and small["layout"]["improvedLayout"] is True
    assert big["layout"]["randomSeed"] == small["layout"]["randomSeed"]
    assert big["physics"]["stabilization"]["iterations"] <= 100



def test_missing_build_is_a_clear_error(tmp_path, capsys):
    assert main(["viz", "--build", str(tmp_path / "nothing")]) == 2
    assert "run `edugraph build` first" in capsys.readouterr().err


def test_unwritable_output_is_a_clear_error(build_dir, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert main(["viz", "--build", str(build_dir), "--out", str(blocker / "viz"), "--view", "all"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("edugraph: error: ") and "cannot write" in err and "\n" not in err


def test_an_entity_named_in_one_language_shows_that_name_on_both_pages(pages, build_dir):
    """A person only English articles name has no Russian label (none is made up): the Russian page shows the
    English name, never an empty label or the IRI; the same the other way round."""
    import pyoxigraph

    store = pyoxigraph.Store.read_only(str(build_dir / "store"))
    only = {}
    for lang, other in (("en", "ru"), ("ru", "en")):
        rows = store.query(f"""SELECT DISTINCT ?e ?label WHERE {{
            ?e <http://www.w3.org/2004/02/skos/core#prefLabel> ?label FILTER(LANG(?label) = "{lang}")
            FILTER NOT EXISTS {{ ?e <http://www.w3.org/2004/02/skos/core#prefLabel> ?o FILTER(LANG(?o) = "{other}") }}
            FILTER NOT EXISTS {{ ?e <http://www.w3.org/2000/01/rdf-schema#label> ?o FILTER(LANG(?o) = "{other}") }}
        }}""", use_default_graph_as_union=True)
        only.update({row["e"].value: row["label"].value for row in rows})
    shown = 0
    for path in pages.glob("*.html"):
        if path.name == "index.html":
            continue
        for node in page_data(path)["nodes"]:
            if node["id"] in only:
                shown += 1
                name = " ".join(only[node["id"]].split())
                shortened = " ".join(node["label_ru"].split()).rstrip("…")  # a long name is cut on the node
                assert node["label_ru"] == node["label_en"] and shortened and name.startswith(shortened), node["id"]
                assert node["title_ru"].split("\n")[0] == node["title_en"].split("\n")[0] == name
    assert shown >= 10  # English-only people and organisations of the seeds' English articles


def test_a_long_curated_name_is_cut_on_the_page_and_kept_whole_in_the_build(tmp_path):
    """A curated organisation name of 220,000 characters: its node's label, tooltip and search text are cut (the
    page weighed 3.1 MB before), while the build's files keep the name whole."""
    import shutil

    from edugraph.viz.views import MAX_TEXT
    articles, curation = corpus(tmp_path, [])
    for path in (Path(__file__).parent / "dev" / "articles").glob("real_ru_k_08_*"):
        shutil.copy(path, articles / path.name)
    stem = next(articles.glob("*.json")).stem
    name = "Центр " + "образования " * 20_000
    (curation / f"{stem}.yaml").write_text(f'article: {stem}\nadd:\n  organisations: ["{name}"]\n', encoding="utf-8")
    assert main(["build", "--quiet", "--articles", str(articles), "--curation", str(curation),
                 "--out", str(tmp_path / "build")]) == 0
    assert name.strip() in (tmp_path / "build" / "all.nq").read_text(encoding="utf-8")
    from edugraph.analysis.network import load
    node = next(n for n, label in load(tmp_path / "build").nodes(data="label_ru") if label.startswith("Центр образ"))
    assert main(["viz", "--build", str(tmp_path / "build"), "--out", str(tmp_path / "viz"), "--view", "all"]) == 0
    nodes = {item["id"]: item for item in page_data(tmp_path / "viz" / "all.html")["nodes"]}
    for lang in ("ru", "en"):
        assert max(len(line) for line in nodes[node][f"title_{lang}"].splitlines()) == MAX_TEXT
        assert nodes[node][f"label_{lang}"].endswith("…") and len(nodes[node][f"label_{lang}"]) < 100
    assert nodes[node]["title_ru"].startswith("Центр образования образования")
    assert len(nodes[node]["find"]) <= 2 * MAX_TEXT + 1
    assert all(len(line) <= MAX_TEXT for item in nodes.values() for line in item["title_ru"].splitlines())
    assert (tmp_path / "viz" / "all.html").stat().st_size < 200_000
    assert all(page.stat().st_size < 200_000 for page in (tmp_path / "viz").glob("*.html"))
