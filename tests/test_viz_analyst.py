"""What an analyst sees in the pictures of real articles (tests/dev): what node sizes and edge colours say."""

from __future__ import annotations

import itertools
import json
import math
import re
from collections import Counter
from pathlib import Path

import pytest

from edugraph.cli import main
from edugraph.viz import browser
from support.corpus import copy_articles

KVANTORIUMS = ["real_en_02_tomsk_kvantorium", "real_ru_a_01_dimitrovgrad_kvantorium",
               "real_ru_a_03_murmansk_kvantorium",
               "real_ru_a_13_penza_vasilyeva_kvantorium", "real_ru_c_01_syktyvkar_kvantorium",
               "real_ru_c_02_izhevsk_kvantorium", "real_ru_g_04_kursk_kravtsov_visit",
               "real_ru_a_12_balakhna_itcube_parents"]


@pytest.fixture(scope="module")
def pictures(tmp_path_factory) -> Path:
    """`edugraph build` of eight real articles about Kvantorium and IT-cube centres, then `edugraph viz`."""
    root = tmp_path_factory.mktemp("pictures")
    articles = copy_articles(root / "articles", KVANTORIUMS)
    assert main(["build", "--articles", str(articles), "--out", str(root / "build"), "--quiet"]) == 0
    assert main(["viz", "--build", str(root / "build"), "--out", str(root / "viz"), "--central", "0"]) == 0
    return root / "viz"


def page_data(path: Path) -> dict:
    html = path.read_text(encoding="utf-8")
    return json.loads(re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', html, re.S)[1])


@pytest.mark.parametrize("page", ["institutions-initiatives.html", "people-events.html", "topics.html"])
def test_the_node_with_most_links_is_drawn_largest(pictures, page):
    """On the bipartite pages the size was the weighted degree in the projection onto the node's own side: the
    Kvantorium initiative, linked to every centre, shares them with no other initiative and was the smallest node
    of institutions-initiatives, under six large squares of centres that each belong to it alone."""
    data = page_data(pictures / page)
    links = Counter(end for edge in data["edges"] for end in (edge["from"], edge["to"]))
    size = {node["id"]: node["size"] for node in data["nodes"]}
    hub = max(links, key=lambda n: (links[n], n))
    assert links[hub] >= 3 and size[hub] == max(size.values()), (hub, links[hub], size[hub])
    for node, count in links.items():
        if count == 1:
            assert size[node] < size[hub]
    if page == "institutions-initiatives.html":
        assert hub == "https://w3id.org/edugraph/id/initiative/kvantorium"


def lab(colour: str) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of an sRGB colour '#rrggbb'."""
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
              for c in (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))]
    xyz = [sum(w * c for w, c in zip(row, linear)) / white for row, white in
           zip(((0.4124, 0.3576, 0.1805), (0.2126, 0.7152, 0.0722), (0.0193, 0.1192, 0.9505)), (0.95047, 1, 1.08883))]
    fx, fy, fz = (t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in xyz)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def test_edge_kinds_on_a_page_have_colours_one_can_tell_apart(pictures):
    """Edge colours were PALETTE + PALETTE in phrase order: "heads" (#4e79a7) and "took part in" (#1f77b4), on the
    same ego and whole-graph pages, were two blues 11 apart (CIE76 ΔE; about 2.3 is the smallest visible step, lines
    one or two pixels wide need far more)."""
    seen = set()
    for page in sorted(pictures.glob("*.html")):
        if page.name == "index.html":
            continue
        kinds = {edge["kind"]: edge["color"]["color"] for edge in page_data(page)["edges"]}
        seen |= set(kinds)
        for (one, first), (other, second) in itertools.combinations(sorted(kinds.items()), 2):
            assert math.dist(lab(first), lab(second)) >= 20, (page.name, one, first, other, second)
    assert {"heads", "took part in", "is located in", "took place in"} <= seen


DRAWN_LABELS = """() => {  // the boxes of the labels vis-network draws at this zoom, in canvas coordinates
  const boxes = [], canvas = document.querySelector("#network canvas");
  const from = window.network.DOMtoCanvas({x: 0, y: 0});
  const to = window.network.DOMtoCanvas({x: canvas.clientWidth, y: canvas.clientHeight});
  const view = {left: from.x, top: from.y, right: to.x, bottom: to.y};
  for (const id of window.__nodes.getIds()) {
    const node = window.network.body.nodes[id], label = node.labelModule;
    if (window.__nodes.get(id).hidden || !label.visible()) continue;
    if (!node.isOverlappingWith(view)) continue;  // off screen: vis-network does not draw it (its box is stale)
    const s = label.size;
    boxes.push({id: id, text: label.elementOptions.label, left: s.left, right: s.left + s.width, top: s.top,
                bottom: s.top + s.height});
  }
  return boxes;
}"""


def overlapping(boxes: list[dict], slack: float = 2) -> list[tuple[str, str]]:
    return [(a["text"], b["text"]) for a, b in itertools.combinations(boxes, 2)
            if a["left"] < b["right"] - slack and b["left"] < a["right"] - slack
            and a["top"] < b["bottom"] - slack and b["top"] < a["bottom"] - slack]


@pytest.mark.browser
@pytest.mark.skipif(not browser.available(), reason=f"{browser.CHROMIUM} missing: install Debian chromium")
def test_no_label_is_drawn_over_another(pictures):
    """Only the most central labels were checked for room; the others were drawn at the base font wherever they fell
    (ego page of Sergey Kravtsov on the 136 real articles: 6 pairs of labels one over the other, region-tatarstan 5).
    Now a label that would cover one already placed waits for the zoom; the hub keeps its name."""
    with browser.chromium() as context:
        for name in ("all.html", "initiative-kvantorium.html", "institutions-initiatives.html", "people-events.html",
                     "topics.html", "region-udmurtia.html"):
            page, events = browser.open_page(context, pictures / name)
            boxes = page.evaluate(DRAWN_LABELS)
            assert not events["errors"] and not events["console"], events
            assert len(boxes) >= 5 and not overlapping(boxes), (name, overlapping(boxes))
            data = page_data(pictures / name)
            assert data["nodes"][0]["id"] in {box["id"] for box in boxes}  # the most central node is named
            box = page.locator("#network canvas").bounding_box()
            page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            scale = page.evaluate("() => window.network.getScale()")
            for _ in range(6):
                page.mouse.wheel(0, -300)
            page.wait_for_timeout(600)  # zoomed in: more room, more names, still none over another
            assert page.evaluate("() => window.network.getScale()") > 1.5 * scale, (name, scale)
            zoomed = page.evaluate(DRAWN_LABELS)
            assert not overlapping(zoomed), (name, overlapping(zoomed))
            page.close()


@pytest.mark.browser
@pytest.mark.skipif(not browser.available(), reason=f"{browser.CHROMIUM} missing: install Debian chromium")
def test_the_commonest_edge_kind_is_named_by_the_legend_only(pictures):
    """Every edge carried its phrase: 18 «участвовал(а) в» around Sergey Kravtsov (136 real articles) covered the
    names of the events. The commonest kind of a page is now said once, in the legend; the others stay on the edge."""
    name = "initiative-kvantorium.html"
    kinds = Counter(edge["kind"] for edge in page_data(pictures / name)["edges"])
    commonest = kinds.most_common(1)[0][0]
    assert len(kinds) > 2
    with browser.chromium() as context:
        page, _ = browser.open_page(context, pictures / name)
        for lang in ("ru", "en"):
            page.click(f"[data-set-lang={lang}]")
            shown = page.evaluate("() => window.__edges.get().map(e => [e.kind, e.label || null])")
            assert len(shown) == sum(kinds.values())
            assert all(label is None for kind, label in shown if kind == commonest), lang
            assert all(label for kind, label in shown if kind != commonest), lang
        page.close()


@pytest.mark.browser
@pytest.mark.skipif(not browser.available(), reason=f"{browser.CHROMIUM} missing: install Debian chromium")
def test_the_size_legend_is_drawn_in_no_class_colour(pictures):
    """The size legend's two sample dots were orange, the colour of people, also on institutions-initiatives where
    there is no person: a reader took them for people."""
    from edugraph.viz.page import STYLE

    with browser.chromium() as context:
        page, _ = browser.open_page(context, pictures / "institutions-initiatives.html")
        colours = page.evaluate("""() => [...document.querySelectorAll('#size-legend .dots span')]
            .map(e => getComputedStyle(e).backgroundColor)""")
        page.close()
    classes = {"rgb({}, {}, {})".format(*(int(c[i:i + 2], 16) for i in (1, 3, 5))) for _, c, _ in STYLE.values()}
    assert len(colours) == 2 and not set(colours) & classes, colours


def test_the_overview_gives_each_central_entity_its_links(pictures, tmp_path):
    """The overview's tables of central people and organisations gave a degree centrality (0.0177) and a
    betweenness, unexplained; each row now has its number of links, which its one-hop ego page shows."""
    build = pictures.parent / "build"
    assert main(["viz", "--build", str(build), "--out", str(tmp_path), "--view", "people-events",
                 "--central", "3"]) == 0
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "degree = links / (nodes − 1)" in index and "степень = связей / (узлов − 1)" in index
    rows = re.findall(r'<tr><td><a href="(ego-[^"]+)" data-page>.*?</a></td>\s*<td class="n">(\d+)</td>', index, re.S)
    assert len(rows) >= 4
    for page, links in rows:
        assert int(links) == len(page_data(tmp_path / page)["nodes"]) - 1, page


def test_focus_on_an_entity_linked_to_nothing_says_why_there_is_no_page(pictures, tmp_path, capsys):
    """`viz --focus "Министерство просвещения" --view ego` on the 136 real articles matched an entity without any
    link (the ministry's short-named double), wrote index.html only and exited 0 without a word."""
    from edugraph.analysis.network import load

    build = pictures.parent / "build"
    graph = load(build)
    alone = sorted(node for node in graph if graph.degree(node) == 0)
    assert alone, "the build has no entity without links"
    assert main(["viz", "--build", str(build), "--out", str(tmp_path), "--view", "ego", "--central", "0",
                 "--focus", alone[0]]) == 0
    err = capsys.readouterr().err
    assert f"--focus {alone[0]}: the entity is linked to nothing" in err and "no ego page was written" in err
    assert not list(tmp_path.glob("ego-*.html"))
    linked = max(graph, key=lambda node: (graph.degree(node), node))
    assert main(["viz", "--build", str(build), "--out", str(tmp_path), "--view", "ego", "--central", "0",
                 "--focus", linked]) == 0
    assert "warning" not in capsys.readouterr().err and list(tmp_path.glob("ego-*.html"))
