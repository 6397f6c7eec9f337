"""The endpoint's query page in headless Chromium, every request outside the endpoint blocked."""

from __future__ import annotations

import json
import urllib.parse

import pytest

from edugraph.viz import browser
from support.process import stop
from support.serving import request, start

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not browser.available(),
                       reason=f"{browser.CHROMIUM} missing: install Debian chromium (`make browser` as root)"),
]
REGION = "Санкт-Петербург"
PAYLOAD = '<img src=x onerror="window.__xss=1">'


@pytest.fixture(scope="module")
def served(seed_build):
    proc, base = start(seed_build, "--timeout", "10")
    yield base
    stop(proc)


@pytest.fixture(scope="module")
def context():
    with browser.chromium() as ctx:
        yield ctx


def open_page(context, url: str, base: str):
    page = context.new_page()
    events = {"console": [], "errors": [], "blocked": []}
    page.on("console", lambda msg: events["console"].append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda err: events["errors"].append(str(err)))

    def route(request_route):
        if request_route.request.url.startswith(base + "/"):
            request_route.continue_()
        else:
            events["blocked"].append(request_route.request.url)
            request_route.abort()

    page.route("**/*", route)
    page.goto(url)
    page.wait_for_selector("body[data-ready]", state="attached")
    return page, events


def rows_from_endpoint(base: str, query: str, **values) -> list[dict]:
    body = urllib.parse.urlencode({"query": query, **{"$" + k: v for k, v in values.items()}}).encode()
    status, _, text = request(base + "/sparql", body, {"Content-Type": "application/x-www-form-urlencoded",
                                                       "Accept": "application/sparql-results+json"})
    assert status == 200, text
    return json.loads(text)["results"]["bindings"]


def shown_rows(page) -> int:
    page.wait_for_function("() => /row/.test(document.getElementById('status').textContent)")
    return page.locator("#results tbody tr").count()


def test_library_query_with_parameter_runs_with_ctrl_enter(context, served):
    page, events = open_page(context, served + "/", served)
    page.select_option("#examples", "events-in-region")
    assert page.locator("#params input[name=region]").count() == 1
    assert page.locator("#highlight .kw").count() > 5 and page.locator("#highlight .var").count() > 5
    page.fill("#params input[name=region]", REGION)
    page.focus("#query")
    page.keyboard.press("Control+Enter")
    text = page.evaluate("() => document.getElementById('query').value")
    expected = rows_from_endpoint(served, text, region=REGION)
    assert 0 < shown_rows(page) == len(expected) < len(rows_from_endpoint(served, text))
    assert "lib=events-in-region" in page.url and "p.region=" in page.url
    assert events == {"console": [], "errors": [], "blocked": []}
    page.close()


def test_clicking_an_iri_shows_its_facts_and_the_permalink_reruns(context, served):
    page, events = open_page(context, served + "/#lib=events-in-region&p.region=" + urllib.parse.quote(REGION), served)
    shown_rows(page)
    link = page.locator("#results a.entity").first
    iri = link.get_attribute("title").split(" ")[0]
    link.click()
    page.wait_for_function("() => document.getElementById('examples').value === 'entity-facts'")
    assert page.input_value("#params input[name=entity]") == f"<{iri}>"
    text = page.evaluate("() => document.getElementById('query').value")
    facts = shown_rows(page)
    assert facts == len(rows_from_endpoint(served, text, entity=f"<{iri}>")) > 0
    again, _ = open_page(context, page.url, served)
    assert shown_rows(again) == facts
    assert events["errors"] == [] and events["blocked"] == []
    again.close()
    page.close()


def test_download_csv_and_json(context, served):
    page, _ = open_page(context, served + "/#lib=timeline", served)
    rows = shown_rows(page)
    with page.expect_download() as csv_download:
        page.click("#csv")
    lines = open(csv_download.value.path(), encoding="utf-8").read().splitlines()
    assert csv_download.value.suggested_filename == "timeline.csv" and len(lines) == rows + 1
    with page.expect_download() as json_download:
        page.click("#json")
    data = json.load(open(json_download.value.path(), encoding="utf-8"))
    assert len(data["results"]["bindings"]) == rows
    page.close()


def test_results_and_errors_are_text_never_markup(context, served):
    query = 'SELECT ?x WHERE { VALUES ?x { "' + PAYLOAD.replace('"', '\\"') + '" } }'
    page, events = open_page(context, served + "/#q=" + urllib.parse.quote(query), served)
    assert shown_rows(page) == 1 and page.locator("#results td").inner_text() == PAYLOAD
    page.fill("#query", "SELECT WHERE {")
    page.click("#run")
    page.wait_for_selector("#results .err")
    assert page.locator("#results .err").inner_text().startswith("400: SPARQL syntax error")
    assert page.locator("#results img").count() == 0 and page.evaluate("() => window.__xss") is None
    assert events["errors"] == [] and events["blocked"] == []
    page.close()


def test_a_malformed_parameter_is_named_as_the_page_names_it(context, served):
    """A date written the Russian way in the page's ?from field was answered «400: --param from: …», the command
    line's option, which the page has nowhere."""
    page, events = open_page(context, served + "/", served)
    page.select_option("#examples", "events-in-range")
    page.fill("#params input[name=from]", "01.09.2023")
    page.click("#run")
    page.wait_for_selector("#results .err")
    error = page.locator("#results .err").inner_text()
    assert error.startswith("400: ?from: '01.09.2023' is not an ISO date"), error
    assert "--param" not in error and page.locator("#params label", has_text="?from").count() == 1
    assert events["errors"] == [] and events["blocked"] == []
    page.close()
