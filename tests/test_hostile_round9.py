"""Hostile input, round 9 (docs/SECURITY.md), beside the characters XML cannot hold (tests/test_hostile_xml.py): odd
metadata dates, a file name with a line feed, and parameter values that only looked like numbers or dates (a
regular expression's `$` matches before a final line feed, and `\\d` matches every script's digits)."""

from __future__ import annotations

import json

import pytest

from edugraph.cli import main
from edugraph.paths import ARTICLES
from support.corpus import DEV_ARTICLES, copy_articles
from support.errors import one_error_line

ARTICLE = "dev01_tomsk_kvantorium"


def build_dated(tmp_path, date, article: str = ARTICLE, source=DEV_ARTICLES) -> int:
    articles = copy_articles(tmp_path / "articles", [article], source)
    meta_path = articles / f"{article}.json"
    meta_path.write_text(json.dumps({**json.loads(meta_path.read_text(encoding="utf-8")), "date": date}), "utf-8")
    return main(["build", "--quiet", "--articles", str(articles), "--out", str(tmp_path / "build"), "--jobs", "1"])


def test_a_date_with_a_final_line_feed_is_no_date(tmp_path, capsys):
    """Before: read as a date and written into an IRI: "the cached article graphs (damaged cache? run `edugraph build
    --full`): not valid N-Triples"."""
    assert build_dated(tmp_path, "2024-01-01\n") != 0
    one_error_line(capsys, "metadata date '2024-01-01\\n' is not ISO 8601")
    assert not (tmp_path / "build").exists()


@pytest.mark.parametrize("date", ["9999-12-31", "9999-06"])
def test_the_last_dates_of_the_calendar_are_built(tmp_path, date):
    """Before: "internal error: RuntimeError: generator raised StopIteration": the federal bodies' periods ended at
    "9999", before "9999-12-31" as text, so no body was in charge of schools (the seed article names the ministry)."""
    assert build_dated(tmp_path, date, "000_8959cadbfaf7abe6", ARTICLES) == 0


def test_an_article_file_name_with_a_line_feed_is_refused(tmp_path, capsys):
    """Before: the id "x\\n" passed its check and the build failed as a "damaged cache"."""
    articles = copy_articles(tmp_path / "articles", [ARTICLE], DEV_ARTICLES)
    (articles / f"{ARTICLE}.txt").rename(articles / "x\n.txt")
    (articles / f"{ARTICLE}.json").unlink()
    assert main(["build", "--quiet", "--articles", str(articles), "--out", str(tmp_path / "build")]) != 0
    one_error_line(capsys, "article id 'x\\n' may hold only letters")


@pytest.mark.parametrize("value", ["5\n", "\u0665", "\uff11\uff12"])
def test_an_integer_parameter_is_written_in_ascii_digits(seed_build, tmp_path, capsys, value):
    """Before: «٥», «１２» and "5\\n" were xsd:integer literals (ill-typed: no count equals or exceeds one), answered
    without a word."""
    query = tmp_path / "count.rq"
    query.write_text("# param: ?n xsd:integer — at least (optional)\nSELECT ?n WHERE {}\n", encoding="utf-8")
    assert main(["query", str(query), "--build", str(seed_build), "--param", f"n={value}"]) != 0
    one_error_line(capsys, "--param n")


def optionals(count: int) -> str:
    clauses = " ".join(f"OPTIONAL {{ ?s <http://n/{i}> ?x{i} }}" for i in range(count))
    return "SELECT * WHERE { ?s ?p ?o " + clauses + " }"


def test_a_query_of_many_optional_clauses_is_refused_before_the_engine(seed_build, tmp_path, capsys):
    """pyoxigraph plans OPTIONAL clauses in time growing with the fourth power of their number: 250 of them (a 9 KB
    query) held a query process until its time limit (22 s of CPU without one; `bench/hostile.py query-optionals`).
    64, five times the library's most (12), are answered."""
    query = tmp_path / "many.rq"
    query.write_text(optionals(65), encoding="utf-8")
    assert main(["query", str(query), "--build", str(seed_build), "--format", "csv"]) != 0
    one_error_line(capsys, "the query has 65 OPTIONAL clauses; at most 64 are allowed")
    query.write_text(optionals(64) + "  # OPTIONAL in a comment\n", encoding="utf-8")
    assert main(["query", str(query), "--build", str(seed_build), "--format", "csv"]) == 0
