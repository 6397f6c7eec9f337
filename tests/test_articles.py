"""Reading articles: metadata, language, and clear errors for bad input."""

from __future__ import annotations

import json
import shutil

import pytest

from edugraph.articles import detect_language, read_article, read_articles
from edugraph.errors import EduGraphError
from edugraph.paths import ARTICLES


def test_seed_articles_have_metadata():
    articles = read_articles(ARTICLES)
    assert [a.id for a in articles] == sorted(p.stem for p in ARTICLES.glob("*.txt"))
    assert len(articles) == 5
    by_id = {a.id: a for a in articles}
    assert by_id["000_8959cadbfaf7abe6"].language == "en"
    assert by_id["000_8959cadbfaf7abe6"].date == "2021-03-26"
    assert by_id["001_b083c668008ffeef"].title.startswith("Межрайонная конференция")
    assert {a.language for a in articles} == {"ru", "en"}
    for article in articles:
        meta = json.loads((ARTICLES / f"{article.id}.json").read_text(encoding="utf-8"))
        assert meta["id"] == article.id and meta["title"] and meta["place"]


def test_language_detection():
    assert detect_language("Стратегическая сессия собрала руководителей") == "ru"
    assert detect_language("The All-Russian meeting of regional coordinators") == "en"


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"   \n\t\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("Стратегическая сессия в Махачкале".encode("cp1251"), "cp1251"),
    (b"<html><body><p>Text</p></body></html>", "HTML"),
])
def test_bad_article_is_refused_with_the_file_name(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(EduGraphError) as caught:
        read_article(path)
    assert message in str(caught.value) and str(path) in str(caught.value)
    assert "\n" not in str(caught.value)


def test_bad_metadata_is_refused(tmp_path):
    shutil.copy(ARTICLES / "002_413037bb6e5346a1.txt", tmp_path / "a.txt")
    (tmp_path / "a.json").write_text('{"date": "23.08.2022"}', encoding="utf-8")
    with pytest.raises(EduGraphError, match="not ISO 8601"):
        read_article(tmp_path / "a.txt")
    (tmp_path / "a.json").write_text('{"date": ', encoding="utf-8")
    with pytest.raises(EduGraphError, match="not valid JSON"):
        read_article(tmp_path / "a.txt")
