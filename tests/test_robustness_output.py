"""Hostile metadata values that the checks accept must give a build whose every file Oxigraph and rdflib read,
that loads into a store, and whose `viz` pages carry the values as inert text (docs/SECURITY.md).

Before, a place without a letter («—», U+10FFFF) matched a comment line of the city gazetteer and the build
stopped with an internal error (an IRI with spaces), and a `url` such as `http://[::1` passed the metadata check
but made every build fail (Oxigraph refused the N-Triples written).
"""

from __future__ import annotations

import json

import pyoxigraph
import pytest
import rdflib

from edugraph.cli import main
from edugraph.paths import ARTICLES
from support.corpus import corpus
from support.badinputs import SEED_ID

SCRIPT = "</script><img src=x onerror=alert(1)>{{7*7}}"
HOSTILE = [  # (title, place, url, date) of one article each (control characters: tests/test_hostile_data.py; U+FFFE and
    # U+FFFF, which no XML output can hold, are refused since round 9: tests/test_hostile_xml.py)
    ("tab \t and line feed \n: the only control characters allowed", "—", "https://пример.рф/новости?q=да#x",
     "0001-01-01"),
    ("line separators a\u2028b\u2029c\n\t", "\U0010ffff", "https://xn--e1afmkfd.xn--p1ai/", "9999-12-31"),
    ('quotes "\\" <>', "!!!", "http://user@example.org:8080/a%20b", "2024-02-29"),
    (SCRIPT, SCRIPT, "http://example.org/\u200b", "2024"),
    ("\u202eRTL override Москва\u0301", "Москва\u0301", None, "2023-06"),
]
FORMATS = {".nt": "nt", ".nq": "nquads", ".ttl": "turtle", ".trig": "trig", ".jsonld": "json-ld"}


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    articles, curation = corpus(folder, [])
    text = (ARTICLES / f"{SEED_ID}.txt").read_text(encoding="utf-8")
    for index, (title, place, url, date) in enumerate(HOSTILE):
        (articles / f"h{index}.txt").write_text(text, encoding="utf-8")
        meta = {"title": title, "place": place, "url": url, "date": date, "source": title}
        (articles / f"h{index}.json").write_text(json.dumps(meta), encoding="utf-8")
    out = folder / "build"
    assert main(["build", "--quiet", "--jobs", "1", "--articles", str(articles), "--curation", str(curation),
                 "--out", str(out)]) == 0
    return out


@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_every_written_file_is_read_by_oxigraph_and_rdflib(hostile_build, suffix):
    files = sorted(hostile_build.glob(f"*{suffix}"))
    assert files
    for path in files:
        oxigraph_format = pyoxigraph.RdfFormat.from_extension(suffix[1:])
        triples = sum(1 for _ in pyoxigraph.parse(path=str(path), format=oxigraph_format))
        graph = rdflib.Dataset() if suffix in (".nq", ".trig") else rdflib.Graph()
        graph.parse(str(path), format=FORMATS[suffix])
        assert triples > 0 and len(graph) + sum(len(g) for g in getattr(graph, "graphs", lambda: [])()) > 0


def test_the_values_survive_as_written(hostile_build):
    store = pyoxigraph.Store()
    store.load(path=str(hostile_build / "asserted.nt"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    literals = {quad.object.value for quad in store if isinstance(quad.object, pyoxigraph.Literal)}
    iris = {quad.object.value for quad in store if isinstance(quad.object, pyoxigraph.NamedNode)}
    assert {title for title, *_ in HOSTILE} <= literals
    assert {url for *_, url, _ in HOSTILE if url} <= iris


def test_it_loads_into_a_store(hostile_build, tmp_path):
    assert main(["load", "--build", str(hostile_build), "--store", str(tmp_path / "store")]) == 0


def test_viz_pages_hold_the_labels_as_inert_text(hostile_build, tmp_path):
    assert main(["viz", "--build", str(hostile_build), "--out", str(tmp_path / "viz")]) == 0
    pages = {page.name: page.read_text(encoding="utf-8") for page in (tmp_path / "viz").rglob("*.html")}
    for name, html in pages.items():
        assert "<img" not in html and html.count("</script>") == html.count("<script"), name
    assert any("onerror=alert(1)\\u003e{{7*7}}" in html for html in pages.values())  # only escaped, inside JSON
