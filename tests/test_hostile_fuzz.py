"""Hostile input, round 7 (docs/SECURITY.md): the inputs `bench/fuzz.py` found, shrunk, each through the entry point a
user meets it at. Each test failed on the code before with an internal error (or a failed build), but for one guard
and the two slow inputs, whose tests check the answer only: their time is bounded by the robustness suite
(`slow-places-and-districts` in tests/support/badinputs.py) or only measured (`bench/hostile.py params-many`)."""

from __future__ import annotations

import io
import json
import urllib.parse
from pathlib import Path

import pyoxigraph as ox
import pytest

from edugraph.cli import main
from edugraph.extract.dates import find_dates
from edugraph.sparql import engine, params
from edugraph.sparql.endpoint import Access, Endpoint, Settings
from support.errors import one_error_line
from support.fakestore import JsonStore, serving

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = "dev01_tomsk_kvantorium"
UNION = "https://w3id.org/edugraph/graph/union"


def test_a_curation_file_with_a_control_character_names_its_line(tmp_path, capsys):
    """YAML's reader refuses NUL, BEL, U+FFFE… before parsing, outside the check of malformed files: "internal error:
    ReaderError" (the fuzzer's input: a seed curation file with one byte changed to NUL)."""
    (tmp_path / "articles").mkdir()
    (tmp_path / "curation").mkdir()
    for suffix in (".txt", ".json"):
        (tmp_path / "articles" / f"{ARTICLE}{suffix}").write_bytes(
            (ROOT / "tests/dev/articles" / f"{ARTICLE}{suffix}").read_bytes())
    for character in ("\x00", "\x07", "\ufffe"):
        (tmp_path / "curation" / f"{ARTICLE}.yaml").write_text(f"article: {ARTICLE}\nnote: a{character}b\n",
                                                              encoding="utf-8")
        code = main(["build", "--quiet", "--articles", str(tmp_path / "articles"), "--curation",
                     str(tmp_path / "curation"), "--out", str(tmp_path / "build"), "--jobs", "1"])
        assert code != 0
        one_error_line(capsys, f"{ARTICLE}.yaml:2:", f"U+{ord(character):04X}")
        assert not (tmp_path / "build").exists()


@pytest.mark.parametrize("text", ["31 сентября 2025 года", "29 февраля 2023 года", "30.02.2024", "2023-04-31",
                                  "с 30 по 31 сентября 2025 года", "30-31 June 2024", "September 31, 2024"])
def test_a_day_the_calendar_does_not_have_is_no_date(text):
    """«31 сентября 2025» (a typo) was the date 2025-09-31: an article without a date in its metadata got it as its
    publication date and its extraction failed ("internal error: ValueError: day is out of range for month"); with
    one, the event got it and the build failed its SHACL check (no xsd:date), rdflib printing tracebacks."""
    assert [d.date for d in find_dates(text, 2025) if d.kind in ("day", "range")] == []


def test_the_days_the_calendar_has_are_still_dates():
    """A guard (it passed on the old code too): the check of a day against its month refuses no real day."""
    found = find_dates("29 февраля 2024 года, 31.12.2023, с 30 сентября по 1 октября 2025 года", 2025)
    assert [(d.date, d.end) for d in found] == [("2024-02-29", None), ("2023-12-31", None),
                                                ("2025-09-30", "2025-10-01")]


def test_an_article_dated_by_a_day_that_does_not_exist_is_extracted(tmp_path, capsys):
    (tmp_path / "x.txt").write_text("Новости школы\n\n31 сентября 2025 года вчера в школе прошёл форум учителей.\n",
                                    encoding="utf-8")
    assert main(["extract", str(tmp_path / "x.txt")]) == 0
    out = capsys.readouterr().out
    assert "Форум учителей" in out and "2025-09-31" not in out


def test_a_list_of_people_from_places_and_districts_keeps_its_places():
    """Each district or settlement was compared with every place found before it, and the article repeats them (the
    fuzzer's input: a real list of prize winners «Имя Фамилия из Места», mutated; 47 KB took 5.6 s, `bench/hostile.py
    places-and-districts` 25 KB 11.5 s): the places are each still found once. This passes on the old code too (it
    checks the answer, not the time): the robustness case `slow-places-and-districts` (206 KB) is the one that took
    longer than its limit."""
    from edugraph.extract import extract_facts

    people = "Иван Петров из Казани, Ольга Физер из Ленинского района, Мария Иванова из Кировского района. "
    text = "Новости. " + people * 3
    assert extract_facts(text, "ru")["places"] == ["Казань", "Ленинский район", "Кировский район"]


def rows_answer(*cells: dict) -> bytes:
    """SPARQL JSON results of the union graph (the store looks loaded), then one row for each of `cells`."""
    rows = [{"g": {"type": "uri", "value": UNION}}] + [{"g": cell} for cell in cells]
    return json.dumps({"head": {"vars": ["g"]}, "results": {"bindings": rows}}).encode()


@pytest.mark.parametrize("cell, words", [
    ({"type": "literal", "value": "3", "datatype": "http://x/%zz"}, ["answered invalid", "%zz"]),
    ({"type": "literal", "value": 5}, ["answered invalid SPARQL JSON results"]),
])
def test_a_store_answering_a_bad_row_is_one_line(cell, words, capsys):
    """pyoxigraph reads results lazily: a bad row after the first failed where the table was written ("internal
    error: SyntaxError: Invalid datatype"); a value that is no string failed where it was used ("AttributeError:
    'int' object has no attribute 'endswith'")."""
    with serving(type("Handler", (JsonStore,), {"body": rows_answer(cell)})) as base:
        code = main(["query", "articles", "--endpoint", f"{base}/sparql", "--store-kind", "oxigraph"])
    assert code != 0
    one_error_line(capsys, *words)


def test_the_endpoint_binds_many_parameters_each_once():
    """Each `$` parameter was looked for in the whole query text (40,000 of them in an 860 KB request: 256 s in a
    server thread, outside any query limit; `bench/hostile.py params-many`): the variables are now read once. This
    passes on the old code too (2,000 parameters; it checks the answer, not the time): only the bench measures it."""
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://x/s"), ox.NamedNode("http://x/p"), ox.Literal("1999")))
    names = [f"a{i}" for i in range(2000)]
    text = "SELECT ?o WHERE { ?s ?p ?o FILTER(STR(?o) = STR(?a1999)) } # " + " ".join(f"?{n}" for n in names)
    body = urllib.parse.urlencode([("query", text), *((f"${n}", n[1:]) for n in names)]).encode()
    settings = Settings(Access.for_address("127.0.0.1", 8000), engine.Limits(timeout=None, memory_mb=None, services=()))
    environ = {"REQUEST_METHOD": "POST", "PATH_INFO": "/sparql", "HTTP_HOST": "127.0.0.1:8000",
               "CONTENT_TYPE": "application/x-www-form-urlencoded", "HTTP_ACCEPT": "text/csv",
               "wsgi.input": io.BytesIO(body), "REMOTE_ADDR": "127.0.0.1"}
    answer = {}
    body = Endpoint(store, settings, threads=4)(environ, lambda status, headers: answer.update(status=status))[0]
    assert answer["status"].startswith("200") and body.split() == [b"o", b"1999"]
    with pytest.raises(params.ParameterError, match="unknown parameter 'a2000'"):
        params.bind({"a1": "1", "a2000": "1"}, text, None)


def test_query_endpoint_refuses_the_nesting_a_local_query_may_not_have(tmp_path, capsys):
    """`query FILE --endpoint … --param` bound the parameter into each sub-SELECT before sending, in time growing with
    the cube of the nesting (1,000 nested sub-SELECTs, 38 KB: 23 s of CPU; `bench/hostile.py query-nested-selects`):
    refused, as on the build, before the store is asked anything (nothing listens at the URL)."""
    query = tmp_path / "nested.rq"
    query.write_text("# param: ?region — a region (optional)\nSELECT * WHERE { "
                     + "{ SELECT ?x WHERE { ?x ?p ?region . " * 100 + "}}" * 100 + " }\n", encoding="utf-8")
    code = main(["query", str(query), "--param", "region=x", "--endpoint", "http://127.0.0.1:9/sparql",
                 "--store-kind", "oxigraph"])
    assert code != 0
    one_error_line(capsys, "nested.rq", "201 levels deep; at most 64")
