"""`edugraph query` end to end on the seed graph: formats, inline queries, parameters, errors, time limit."""

from __future__ import annotations

import csv
import io
import json
import time

import pytest

from support.serving import SLOW
from support.stores import run



@pytest.fixture(scope="module")
def build(seed_build):
    return str(seed_build)


def test_table_is_aligned_and_readable(capsys, build):
    code, out, _ = run(capsys, "query", "people-posts", "--param", "person=Вера Князева", "--build", build)
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith("personIri") and set(lines[1]) <= {"-", " "}
    assert "egr:person/" in out and "Вера Князева" in out and lines[-1] == "(2 rows)"


def test_table_shows_long_iris_whole_so_they_can_be_passed_back(capsys, build):
    longest = "SELECT ?o WHERE { ?o a eg:Organisation } ORDER BY DESC(STRLEN(STR(?o))) LIMIT 1"
    code, out, _ = run(capsys, "query", "-e", longest, "--build", build)
    iri = out.splitlines()[2].strip()
    assert code == 0 and len(iri) > 70 and iri.startswith("egr:org/") and "…" not in iri
    code, out, _ = run(capsys, "query", "entity-facts", "--param", f"entity={iri}", "--build", build)
    assert code == 0 and out.splitlines()[-1] != "(0 rows)"


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "xml"])
def test_result_formats(capsys, build, fmt):
    code, out, _ = run(capsys, "query", "events-in-range", "-p", "from=2023-10-01", "-p", "to=2023-10-31",
                       "--format", fmt, "--build", build)
    assert code == 0
    if fmt == "json":
        data = json.loads(out)
        assert {b["participants"]["value"] for b in data["results"]["bindings"]} == {"70"}
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert {r["start"] for r in rows} == {"2023-10-30"}
    elif fmt == "tsv":
        assert out.startswith("?event\t")
    else:
        assert "<sparql" in out and "2023-10-30" in out


def test_construct_gives_turtle_or_ntriples(capsys, build):
    code, out, _ = run(capsys, "query", "construct-initiative-network", "--build", build)
    assert code == 0 and "@prefix eg:" in out
    code, out, _ = run(capsys, "query", "construct-initiative-network", "-f", "ntriples", "--build", build)
    assert code == 0 and out.splitlines()[0].endswith(" .")


def test_inline_and_stdin(capsys, build, monkeypatch):
    code, out, _ = run(capsys, "query", "-e", "ASK { ?s a eg:Person }", "--build", build)
    assert (code, out) == (0, "true\n")
    monkeypatch.setattr("sys.stdin", io.StringIO("SELECT (COUNT(*) AS ?n) WHERE { ?a a eg:Article }"))
    code, out, _ = run(capsys, "query", "-", "--format", "csv", "--build", build)
    assert out.splitlines() == ["n", "5"]


def test_list(capsys):
    code, out, _ = run(capsys, "query", "--list")
    assert code == 0 and "events-in-region" in out and "Which events took place in a federal subject" in out


@pytest.mark.parametrize("argv, message", [
    (["-e", "SELECT * WHERE {\n  ?s ?p \n}"], "SPARQL syntax error at line "),
    (["-e", "DROP ALL"], "updates (INSERT, DELETE"),
    (["-e", 'INSERT DATA { <a:s> <a:p> "x" }'], "read-only"),
    (["no-such-query"], "edugraph query --list"),
    (["people-posts", "--param", "nobody=1"], "unknown parameter 'nobody'"),
    (["entity-facts"], "needs --param entity="),
    (["people-posts", "--param", "from=2023-02-30"], "unknown parameter"),
    (["events-in-range", "--param", "from=2023-02-30"], "--param from: not a valid date"),
    (["heads-at-date", "--param", "date=31.12.2023"], "--param date: '31.12.2023' is not an ISO date"),
    (["events-in-range", "--param", "to=вчера"], "--param to: 'вчера' is not an ISO date"),
    (["events-in-range", "--param", "from=2023-09"], "give its first or last day, e.g. 2023-09-01 or 2023-09-30"),
    (["events-in-range", "--param", "to=2024"], "e.g. 2024-01-01 or 2024-12-31"),
    (["people-posts", "--format", "turtle"], "SELECT/ASK query"),
])
def test_errors_are_one_line(capsys, build, argv, message):
    code, out, err = run(capsys, "query", *argv, "--build", build)
    assert code != 0 and out == ""
    assert message in err and err.count("\n") == 1 and err.startswith("edugraph: error:")


def test_syntax_error_has_line_and_column(capsys, build):
    code, _, err = run(capsys, "query", "-e", "SELECT ?s\nWHERE { ?s ?p ?o . FILTER(?o = ) }", "--build", build)
    assert code != 0 and "line 2, column" in err


def test_missing_build(capsys, tmp_path):
    code, _, err = run(capsys, "query", "timeline", "--build", str(tmp_path / "nothing"))
    assert code != 0 and "run `edugraph build` first" in err


def test_timeout_stops_a_long_query(capsys, build):
    started = time.monotonic()
    code, _, err = run(capsys, "query", "-e", SLOW, "--timeout", "1", "--build", build)
    assert code != 0 and "longer than 1 s" in err
    assert time.monotonic() - started < 10
