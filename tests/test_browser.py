"""Every generated page in headless Chromium with the network off: drawn, complete, no errors, no injected script."""

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
    return int(re.search(r"<span>(\d+) (узлов|nodes),", html).group(1))


def test_every_page_draws_offline_without_errors(site, context):
    out, net, _ = site
    pages = sorted(p for p in out.glob("*.html") if p.name != "index.html")
    assert len(pages) >= 5
    for path in pages:
        page, events = browser.open_page(context, path)
        state = browser.page_state(page)
        assert state["nodes"] == expected_nodes(path.read_text(encoding="utf-8")), path.name
        assert state["width"] > 0 and state["height"] > 0 and state["drawnPixels"] > 100, (path.name, state)
        assert events == {"console": [], "errors": [], "dialogs": [], "blocked": []}, (path.name, events)
        assert state["xss"] is None, path.name
        page.close()


def test_whole_graph_page_shows_every_networkx_node(site, context):
    out, net, _ = site
    page, _ = browser.open_page(context, out / "all.html")
    assert browser.page_state(page)["nodes"] == net.number_of_nodes()
    page.close()


def test_payloads_are_shown_as_text_and_never_run(site, context):
    out, net, person = site
    page, events = browser.open_page(context, out / "all.html")
    labels = page.evaluate("() => window.__nodes.get().map(n => n.label)")
    assert any(SCRIPT in label for label in labels) and any(IMG in label for label in labels)
    # hover the payload person: vis-network shows its tooltip
    point = page.evaluate("(id) => { window.network.focus(id, {scale: 3}); return window.network.canvasToDOM("
                          "window.network.getPositions([id])[id]); }", person)
    box = page.locator("#network").bounding_box()
    page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
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
    page.uncheck("#physics")
    assert page.evaluate("() => window.network.physics.options.enabled") is False
    page.check("#physics")
    assert page.evaluate("() => window.network.physics.options.enabled") is True
    page.uncheck(".class-filter[value=Person]")
    hidden = page.evaluate("() => window.__nodes.get({filter: n => n.hidden}).every(n => n.category === 'Person')")
    assert hidden and page.evaluate("() => window.__nodes.get({filter: n => n.hidden}).length") > 0
    assert events["errors"] == [] and events["console"] == []
    page.close()
