"""Every generated page in headless Chromium with the network off, checked for what a person sees: nodes drawn,
legends, the language switch, search in both languages, readable central labels, tooltips; no errors, no
injected script."""

from __future__ import annotations

import pytest

from edugraph.cli import main
from edugraph.viz import browser
from support.payload import IMG, SCRIPT, payload_build

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not browser.available(),
                       reason=f"{browser.CHROMIUM} missing: install Debian chromium (`make browser` as root)"),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """All page kinds of the payload build, the ego page centred on the payload person."""
    from edugraph.analysis.network import load
    build = payload_build(tmp_path_factory)
    net = load(build)
    person = next(n for n, label in net.nodes(data="label_ru") if SCRIPT in label)
    out = tmp_path_factory.mktemp("site")
    assert main(["viz", "--build", str(build), "--out", str(out), "--focus", person, "--depth", "2"]) == 0
    return out, net, person


@pytest.fixture(scope="module")
def context():
    with browser.chromium() as ctx:
        yield ctx


def expected_nodes(html: str) -> int:
    """The node count the page was written with (header: 'N узлов')."""
    import re
    return int(re.search(r'<span id="counts">(\d+) ', html).group(1))


def hover(page, node: str):
    """Move the mouse onto a node (zoomed in on it); vis-network shows its tooltip, which is returned."""
    point = page.evaluate("(id) => { window.network.focus(id, {scale: 3}); return window.network.canvasToDOM("
                          "window.network.getPositions([id])[id]); }", node)
    box = page.locator("#network").bounding_box()
    page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
    return tooltip


def test_tooltip_shows_the_sentence_a_post_was_read_from(site, context):
    out, net, _ = site
    person = next(n for n in net if n.endswith("/person/kniazeva-vera"))
    page, _ = browser.open_page(context, out / "all.html")
    text = hover(page, person).inner_text()
    assert "Из текста:" in text
    assert "Заседание открыла президент Ассоциации" in text and "Вера Князева" in text
    page.click("[data-set-lang=en]")
    title = page.evaluate("(id) => window.__nodes.get(id).title", person)
    assert "From the text:" in title and "Заседание открыла президент Ассоциации" in title
    page.close()


def test_every_page_draws_offline_without_errors(site, context):
    out, net, _ = site
    pages = sorted(p for p in out.glob("*.html") if p.name != "index.html")
    assert len(pages) >= 10
    for path in pages:
        page, events = browser.open_page(context, path)
        state = browser.page_state(page)
        assert state["nodes"] == expected_nodes(path.read_text(encoding="utf-8")), path.name
        assert state["width"] > 0 and state["height"] > 0 and state["drawnPixels"] > 100, (path.name, state)
        assert state["cut"] == [], path.name  # every node and its label inside the canvas at first view
        assert events == {"console": [], "errors": [], "dialogs": [], "blocked": []}, (path.name, events)
        assert state["xss"] is None, path.name
        assert page.locator("#legend .edge-kind").first.is_visible() and page.locator("#size-legend").is_visible()
        page.close()


def test_whole_graph_page_shows_every_networkx_node(site, context):
    out, net, _ = site
    page, _ = browser.open_page(context, out / "all.html")
    assert browser.page_state(page)["nodes"] == net.number_of_nodes()
    page.close()


def test_payloads_are_shown_as_text_and_never_run(site, context):
    out, net, person = site
    page, events = browser.open_page(context, out / "all.html")
    labels = ["".join(label.split()) for label in page.evaluate("() => window.__nodes.get().map(n => n.label)")]
    for payload in (SCRIPT, IMG):  # labels are wrapped: compare without white space
        assert any("".join(payload.split())[:30] in label for label in labels), payload
    tooltip = hover(page, person)
    text = tooltip.inner_text()
    assert SCRIPT in text and IMG in text  # the person's label, and the article title with the <img> payload
    assert tooltip.locator("script, img").count() == 0
    # search for the payload: results are listed as text
    page.fill("#search", "<img")
    page.dispatch_event("#search", "change")
    assert page.locator("#found").inner_text().startswith(("1", "2", "3"))
    page.wait_for_timeout(300)
    assert events["dialogs"] == [] and events["errors"] == [] and events["console"] == []
    assert page.evaluate("() => window.__xss") is None
    assert page.locator("body img, #legend script").count() == 0
    page.close()


def test_physics_toggle_and_class_filter(site, context):
    out, *_ = site
    page, events = browser.open_page(context, out / "all.html")
    assert page.evaluate("() => window.network.physics.options.enabled") is False
    page.check("#physics")
    assert page.evaluate("() => window.network.physics.options.enabled") is True
    page.uncheck("#physics")
    page.uncheck(".class-filter[value=Person]")
    hidden = page.evaluate("() => window.__nodes.get({filter: n => n.hidden}).every(n => n.category === 'Person')")
    assert hidden and page.evaluate("() => window.__nodes.get({filter: n => n.hidden}).length") > 0
    assert events["errors"] == [] and events["console"] == []
    page.close()


def visible_labels(page) -> list[str]:
    return page.evaluate("() => window.__nodes.get().map(n => n.label)")


def test_language_switch_changes_every_string(site, context):
    out, net, _ = site
    page, events = browser.open_page(context, out / "initiative-kvantorium.html")
    kvantorium = "https://w3id.org/edugraph/id/initiative/kvantorium"
    assert page.locator("h1").inner_text() == net.nodes[kvantorium]["label_ru"]
    assert "Узлы" in page.locator("#legend").inner_text()
    edge_labels = page.evaluate("() => window.__edges.get().map(e => e.label)")
    assert "входит в" in edge_labels
    page.click("[data-set-lang=en]")
    assert page.locator("h1").inner_text() == net.nodes[kvantorium]["label_en"]
    legend = page.locator("#legend").inner_text()
    assert "Nodes" in legend and "Links" in legend and "Node size" in legend and "Узлы" not in legend
    labels = visible_labels(page)
    assert "Kvantorium" in labels and "Кванториум" not in labels
    assert "is part of" in page.evaluate("() => window.__edges.get().map(e => e.label)")
    assert page.evaluate("(id) => window.__nodes.get(id).title", kvantorium).startswith("Kvantorium\nType:")
    assert page.url.endswith("#lang=en") and page.get_attribute("a[data-page]", "href") == "index.html#lang=en"
    assert page.title().startswith("Kvantorium")
    page.click("[data-set-lang=ru]")
    assert "Кванториум" in visible_labels(page)
    assert events["errors"] == [] and events["console"] == []
    page.close()


def test_language_from_link_and_index_switch(site, context):
    out, *_ = site
    page, _ = browser.open_page(context, out / "all.html", hash="lang=en")
    assert page.locator("#legend h2").first.inner_text() == "Nodes"
    page.close()
    index = context.new_page()
    index.goto((out / "index.html").resolve().as_uri())
    assert index.locator("h2").first.inner_text() == "Инициативы"
    index.click("[data-set-lang=en]")
    assert index.locator("h2").first.inner_text() == "Initiatives"
    assert index.locator("#timeline rect").count() > 1 and index.locator("#timeline").is_visible()
    link = index.locator("#initiatives a").first
    assert link.get_attribute("href").endswith("#lang=en")
    index.close()


def test_search_finds_a_node_by_its_russian_and_english_label(site, context):
    out, net, _ = site
    page, _ = browser.open_page(context, out / "all.html")
    node = "https://w3id.org/edugraph/id/initiative/it-cube"
    for text in (net.nodes[node]["label_ru"], net.nodes[node]["label_en"].upper()):
        page.fill("#search", text)
        page.dispatch_event("#search", "change")
        assert node in page.evaluate("() => window.network.getSelectedNodes()"), text
        assert page.locator("#found").inner_text().split()[0] != "0"
    page.close()


def test_central_labels_are_readable_at_first_view(site, context):
    out, *_ = site
    page, _ = browser.open_page(context, out / "all.html")
    sizes = page.evaluate("() => window.__nodes.getIds().slice(0, 3).map(id => window.__labelPx(id))")
    assert min(sizes[:1]) >= 11, sizes  # the most central node is always emphasised
    assert sum(size >= 11 for size in sizes) >= 2, sizes
    assert page.evaluate("() => window.network.physics.options.enabled") is False  # stabilised, then stopped
    page.close()
