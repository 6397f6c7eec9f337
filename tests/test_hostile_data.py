"""Hostile article content through the build into every output file (review 5): names, titles and metadata with
quotes of every kind, backslashes, `\"\"\"`, control characters, NUL, U+2028/2029, a BOM mid-text, joiners,
combining accents, RTL marks, astral characters, look-alikes, a 4,000-character organisation name, and the IRI
breakers `<>{}|^#%`. Each value is either refused in one line or carried into every file as written; the stores'
side is in tests/test_hostile_stores.py.

Before: control characters of an article's text or metadata reached the literals, and `query -f xml` / `-f rdfxml`
wrote XML no parser reads (XML 1.0 cannot hold them); a title of only white space or invisible characters was the
article's title; a url with an RTL override (RFC 3987 forbids it in an IRI) was the article's dcterms:source; a
curation file could add names with NUL."""

from __future__ import annotations

import json
import xml.dom.minidom

import pyoxigraph
import pytest
import rdflib

from edugraph.cli import main
from support import hostile
from support.errors import one_error_line
from support.hostile import METADATA, TQ, write_articles

FORMATS = {  # file suffix: (rdflib format, pyoxigraph format)
    "nt": ("nt", pyoxigraph.RdfFormat.N_TRIPLES), "ttl": ("turtle", pyoxigraph.RdfFormat.TURTLE),
    "jsonld": ("json-ld", pyoxigraph.RdfFormat.JSON_LD), "nq": ("nquads", pyoxigraph.RdfFormat.N_QUADS),
    "trig": ("trig", pyoxigraph.RdfFormat.TRIG)}


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    return hostile.hostile_build(tmp_path_factory.mktemp("hostile-data"))


def triples_of(path, suffix: str) -> set[str]:
    """The triples (quads) of a file as pyoxigraph reads it, in N-Triples form."""
    return {str(quad) for quad in pyoxigraph.parse(path=str(path), format=FORMATS[suffix][1])}


@pytest.mark.parametrize("stem", ["asserted", "inferred", "all"])
def test_every_file_is_read_by_rdflib_and_oxigraph_as_the_same_triples(hostile_build, stem):
    files = {path.suffix[1:]: path for path in hostile_build.glob(f"{stem}.*") if path.suffix[1:] in FORMATS}
    assert files
    for suffix, path in files.items():
        graph = rdflib.Dataset() if suffix in ("nq", "trig") else rdflib.Graph()
        graph.parse(str(path), format=FORMATS[suffix][0])
        assert len(list(graph.quads((None, None, None, None)) if suffix in ("nq", "trig") else graph)) == len(
            triples_of(path, suffix)), path.name
    triples = [triples_of(path, suffix) for suffix, path in files.items() if suffix in ("nt", "ttl", "jsonld")]
    assert all(found == triples[0] for found in triples), stem  # blank nodes aside, the graph has none of them


def test_the_values_are_carried_as_written(hostile_build):
    literals, iris = set(), set()
    for quad in pyoxigraph.parse(path=str(hostile_build / "all.nq"), format=pyoxigraph.RdfFormat.N_QUADS):
        (literals if isinstance(quad.object, pyoxigraph.Literal) else iris).add(quad.object.value)
    assert {meta["title"] for meta in METADATA.values()} <= literals
    assert {meta["url"] for meta in METADATA.values()} <= iris
    text = "\n".join(literals)
    for kept in ("\ufeff", "\u200d", "\u0301", "\u202e", "𝔘", TQ, "\\", "</script>", "„", "`"):
        assert kept in text, repr(kept)
    assert not any(ch in text for ch in "\x00\x01\x07\x1b\x7f\x85\r")  # the text's controls are dropped


@pytest.mark.parametrize("form, fmt", [("SELECT ?s ?o WHERE { ?s ?p ?o FILTER(isLiteral(?o)) }", "xml"),
                                       ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(isLiteral(?o)) }", "rdfxml")])
def test_xml_outputs_are_well_formed_and_hold_the_literals(hostile_build, form, fmt, capsys):
    """XML 1.0 cannot hold most control characters: before, the article's \\x01 \\x07 \\x1b reached the literals and
    `query -f xml` and `-f rdfxml` wrote files no XML parser reads."""
    capsys.readouterr()
    assert main(["query", "--build", str(hostile_build), "-e", form, "-f", fmt]) == 0
    out = capsys.readouterr().out
    document = xml.dom.minidom.parseString(out.encode("utf-8"))
    written = {node.firstChild.data for node in document.getElementsByTagName("literal" if fmt == "xml" else "*")
               if node.firstChild is not None and node.firstChild.nodeType == node.TEXT_NODE}
    assert METADATA["en_hostile"]["title"] in written


BAD_METADATA = [  # (key, value, words of the one-line error)
    ("title", "NUL \u0000 inside", "control character"),
    ("title", "carriage\r\nreturn", "control character"),
    ("place", "Самара\x1b[31m", "control character"),
    ("source", "a\x07b", "control character"),
    ("title", "   \t  ", "is blank"),
    ("title", "\u2028\u200b\u200d\ufeff", "is blank"),
    ("place", " \u00a0", "is blank"),
    ("title", "a\ud800b", "lone UTF-16 surrogate"),
    ("url", "https://example.org/\u202egnp.exe", "bidirectional formatting character U+202E"),
    ("url", "javascript:alert(1)", "expected form"),
    ("url", "https://example.org/a b", "expected form"),
    ("url", "https://example.org/<x>", "expected form"),
    ("url", "https://example.org/#a#b", "not a valid IRI"),
    ("url", "https://example.org/" + "я" * 800, "longer than 1500 bytes"),
]


@pytest.mark.parametrize("key, value, words", BAD_METADATA, ids=[f"{k}-{w}-{i}" for i, (k, _, w) in
                                                                 enumerate(BAD_METADATA)])
def test_metadata_the_outputs_cannot_hold_is_refused_in_one_line(tmp_path, capsys, key, value, words):
    articles = write_articles(tmp_path / "articles")
    meta = dict(METADATA["en_hostile"], **{key: value})
    (articles / "en_hostile.json").write_text(json.dumps(meta), encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    assert main(["build", "--quiet", "--jobs", "1", "--articles", str(articles), "--out", str(tmp_path / "b")]) != 0
    err = one_error_line(capsys)
    assert "en_hostile.json" in err and f"'{key}'" in err and words in err
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no build folder written


def test_a_curated_name_with_a_control_character_is_refused_with_its_line(tmp_path, capsys):
    articles = write_articles(tmp_path / "articles")
    (tmp_path / "curation").mkdir()
    (tmp_path / "curation" / "en_hostile.yaml").write_text(
        'article: en_hostile\nadd:\n  organisations: ["Центр \\0 «Звезда»"]\n', encoding="utf-8")
    assert main(["build", "--quiet", "--jobs", "1", "--articles", str(articles), "--curation",
                 str(tmp_path / "curation"), "--out", str(tmp_path / "b")]) != 0
    err = one_error_line(capsys)
    assert "en_hostile.yaml:3:" in err and "control character" in err


@pytest.mark.browser
def test_viz_pages_draw_the_hostile_names_as_text_in_chromium(hostile_build, tmp_path):
    """Titles with `</script>`, `\"\"\"`, RTL overrides, U+2028 and astral characters inside the pages' JSON: every
    page draws offline without an error or a script run, and the title is a tooltip's text as written."""
    from edugraph.viz import browser
    if not browser.available():
        pytest.skip(f"{browser.CHROMIUM} missing: install Debian chromium (`make browser` as root)")
    out = tmp_path / "viz"
    assert main(["viz", "--build", str(hostile_build), "--out", str(out), "--view", "all", "--view", "ego",
                 "--focus", "Иван\u0301 Петрович Сидоров"]) == 0
    title = METADATA["en_hostile"]["title"]
    with browser.chromium() as context:
        for path in sorted(out.glob("*.html")):
            if path.name == "index.html":
                continue
            page, events = browser.open_page(context, path)
            assert browser.page_state(page)["xss"] is None, path.name
            assert events == {"console": [], "errors": [], "dialogs": [], "blocked": []}, (path.name, events)
            tooltips = page.evaluate("() => window.__nodes.get().map(node => String(node.title || ''))")
            assert path.name != "all.html" or any(title in tip for tip in tooltips)
            page.close()


def test_an_incremental_build_writes_the_same_bytes_as_a_full_one(hostile_build, tmp_path, capsys):
    """The copied chunks of the hostile articles (long strings with `\"\"\"`, U+2028, astral characters) are the bytes
    a full build writes."""
    import shutil

    from edugraph.paths import ARTICLES
    articles = write_articles(tmp_path / "articles")
    for path in ARTICLES.glob("002_*"):
        shutil.copy(path, articles / path.name)
    incremental, full = tmp_path / "incremental", tmp_path / "full"
    shutil.copytree(hostile_build, incremental)
    for out, options in ((incremental, []), (full, ["--full"])):
        assert main(["build", "--jobs", "1", "--articles", str(articles), "--out", str(out), *options]) == 0
    assert "reused articles   2" in capsys.readouterr().out  # the two hostile ones, from the first build
    names = sorted(path.name for path in full.iterdir() if path.suffix[1:] in FORMATS)
    assert len(names) >= 9
    for name in names:
        assert (incremental / name).read_bytes() == (full / name).read_bytes(), name
