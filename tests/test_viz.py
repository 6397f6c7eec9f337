"""`edugraph viz`: views, page content, offline and escaping guarantees, the CLI.

The build used here (seeds plus one article whose names carry HTML/JS payloads) is made once per
session by `support.payload.payload_build`, which test_browser.py and test_stats.py share.
"""

from __future__ import annotations

import re

import networkx as nx
import pytest

from edugraph.cli import main
from edugraph.errors import EduGraphError
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


def test_payload_reaches_labels_and_tooltips(net):
    labels = [attrs["label_ru"] for _, attrs in net.nodes(data=True)]
    assert any(SCRIPT in label for label in labels)
    assert any(IMG in label for label in labels)
    assert IMG in net.graph["articles"][PAYLOAD_ID]["title"]


def test_every_page_kind_and_index(pages, net):
    names = {p.name for p in pages.glob("*.html")}
    assert {"index.html", "all.html", "people-events.html", "institutions-initiatives.html"} <= names
    initiatives = [n for n, c in net.nodes(data="category") if c == "Initiative"]
    assert len([n for n in names if n.startswith("initiative-")]) == len(initiatives)
    assert len([n for n in names if n.startswith("ego-")]) == 1
    index = (pages / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{name}"' in index for name in names - {"index.html"})


def test_pages_are_self_contained_and_escaped(pages):
    for page in pages.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"<(script|link|img|iframe)[^>]*(src|href)\s*=\s*[\"']?(https?:)?//", html, re.I), page
        assert "<script>window.__xss" not in html and "<img src=x" not in html, page  # payloads never raw
        assert "Content-Security-Policy" in html
    html = (pages / "all.html").read_text(encoding="utf-8")
    assert "vis.Network" in html and len(html) > 400_000  # vis-network is inlined
    assert "\\u003cscript\\u003ewindow.__xss" in html  # the payload is there, as escaped JSON


def test_legend_search_physics_controls(pages):
    html = (pages / "all.html").read_text(encoding="utf-8")
    for marker in ('id="legend"', 'class="class-filter"', 'id="search"', 'id="physics"', "stabilization"):
        assert marker in html


def test_english_labels(build_dir, tmp_path):
    assert main(["viz", "--build", str(build_dir), "--out", str(tmp_path), "--lang", "en", "--view", "all"]) == 0
    html = (tmp_path / "all.html").read_text(encoding="utf-8")
    assert '"label": "Ivan Petrov' in html or "Ivan Petrov" in html
    assert sorted(p.name for p in tmp_path.glob("*.html")) == ["all.html", "index.html"]


def test_unknown_focus_is_a_one_line_error(build_dir, tmp_path, capsys):
    assert main(["viz", "--build", str(build_dir), "--out", str(tmp_path), "--focus", "Князев"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("edugraph: error: no entity named 'Князев'; close matches:") and "\n" not in err
    assert "Князева" in err


def test_focus_by_label_in_either_language(net):
    from edugraph.viz.views import find_node
    node = find_node(net, "Вера Князева")
    assert find_node(net, net.nodes[node]["label_en"].upper()) == node
    with pytest.raises(EduGraphError):
        find_node(net, "no such entity at all")


def test_bipartite_weights_match_networkx_projection(net):
    from edugraph.viz.views import neighbours, people_events, projection_weights
    view = people_events(net, "en")
    people = {n for n, c in view.graph.nodes(data="category") if c == "Person"}
    assert people and all(view.graph.nodes[n]["bipartite"] in (0, 1) for n in view.graph)
    undirected = nx.Graph([(u, v) for u, v in view.graph.edges()])
    projection = nx.bipartite.weighted_projected_graph(undirected, people)
    weights = projection_weights(view.graph)
    for person in people:
        expected = {other: projection[person][other]["weight"] for other in projection[person]}
        assert dict(weights[person]) == expected
        assert view.score()[person] == sum(expected.values())
    assert neighbours(view.graph, next(iter(people)))


def test_reduction_keeps_focus_and_says_what_was_left_out():
    from edugraph.viz.views import View, reduce
    graph = nx.MultiDiGraph()
    for i in range(50):
        graph.add_node(f"n{i}", category="Person" if i % 2 else "Event", label_ru=f"n{i}", label_en=f"n{i}")
    for i in range(1, 50):
        graph.add_edge("n0", f"n{i}", key="hasParticipant")
    graph.add_edge("n48", "n49", key="meets")
    small = reduce(View("x", "x", graph, keep={"n7"}), 10, "en")
    assert small.graph.number_of_nodes() == 10 and {"n0", "n7", "n48", "n49"} <= set(small.graph)
    assert "Showing 10 of 50 nodes" in small.note and "left out:" in small.note


def test_big_page_settings():
    from edugraph.viz.page import vis_options
    big, small = vis_options(5000), vis_options(100)
    assert big["layout"]["improvedLayout"] is False and small["layout"]["improvedLayout"] is True
    assert big["physics"]["stabilization"]["iterations"] <= 100


def test_missing_build_is_a_clear_error(tmp_path, capsys):
    assert main(["viz", "--build", str(tmp_path / "nothing")]) == 2
    assert "run `edugraph build` first" in capsys.readouterr().err
