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


SEED = ARTICLES / "002_413037bb6e5346a1.txt"


def refused(path, *words, named=None):
    with pytest.raises(EduGraphError) as caught:
        read_article(path)
    message = str(caught.value)
    assert "\n" not in message and str(named or path) in message
    for word in words:
        assert word in message, message
    return message


@pytest.mark.parametrize("content, words", [
    ("Новости образования".encode("utf-16"), ["UTF-16", "iconv"]),
    ("News of education".encode("utf-16-le"), ["UTF-16"]),
    ("🙂🎉 👍\n".encode(), ["no words"]),
    (("Слово " + "ж" * 5000 + " конец").encode(), ["more than 1000 characters"]),
])
def test_text_the_extraction_cannot_read_is_refused(tmp_path, content, words):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    refused(path, *words)


def test_article_size_limit_and_how_to_raise_it(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_text(SEED.read_text(encoding="utf-8") * 3, encoding="utf-8")
    monkeypatch.setenv("EDUGRAPH_MAX_ARTICLE_BYTES", "1000")
    refused(path, "bigger than 1000 bytes", "EDUGRAPH_MAX_ARTICLE_BYTES")
    monkeypatch.setenv("EDUGRAPH_MAX_ARTICLE_BYTES", "10000000")
    assert read_article(path).text.startswith(SEED.read_text(encoding="utf-8")[:50])
    monkeypatch.setenv("EDUGRAPH_MAX_ARTICLE_BYTES", "lots")
    with pytest.raises(EduGraphError, match="EDUGRAPH_MAX_ARTICLE_BYTES='lots' must be a positive integer"):
        read_article(path)


@pytest.mark.parametrize("metadata, words", [
    ('{"title": 123}', ["'title' = 123", "must be string or null"]),
    ('{"title": ["a", "b"]}', ["'title'", "must be string"]),
    ('{"place": NaN}', ["'place'"]),
    ('{"date": "2023-02-31"}', ["does not exist in the calendar"]),
    ('{"date": "0000-00-00"}', ["does not exist in the calendar"]),
    ('{"url": "https://example.org/a b"}', ["'url'", "expected form"]),
    ('{"url": "javascript:alert(1)"}', ["'url'"]),
    ('{"title": "\\ud800"}', ["'title'", "surrogate"]),
    ('{"title": ' + "[" * 40000 + "]" * 40000 + "}", ["nests deeper than 20"]),
    ('{"title": "' + "x" * 200000 + '"}', ["bigger than 100000 bytes"]),
    ('{"language": "de"}', ["'language'", "one of"]),
    ('{"extra": 1}', ["unknown metadata keys"]),
])
def test_wrong_metadata_is_refused(tmp_path, metadata, words):
    shutil.copy(SEED, tmp_path / "a.txt")
    (tmp_path / "a.json").write_text(metadata, encoding="utf-8")
    refused(tmp_path / "a.txt", *words, named=tmp_path / "a.json")


def test_metadata_that_is_a_folder_or_unreadable(tmp_path):
    shutil.copy(SEED, tmp_path / "a.txt")
    (tmp_path / "a.json").mkdir()
    with pytest.raises(EduGraphError, match="a.json: the metadata is a folder"):
        read_article(tmp_path / "a.txt")
    (tmp_path / "a.json").rmdir()
    (tmp_path / "a.json").symlink_to(tmp_path / "missing.json")
    with pytest.raises(EduGraphError, match="a.json: cannot read the metadata"):
        read_article(tmp_path / "a.txt")


def test_symlinks_may_not_lead_out_of_the_articles_folder(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(SEED, folder / "a.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")
    assert [a.id for a in read_articles(folder)] == ["a", "b"], "a link inside the folder is read"
    (tmp_path / "secret").write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    (folder / "c.txt").symlink_to(tmp_path / "secret")
    with pytest.raises(EduGraphError, match="c.txt: a symbolic link to .*secret, outside the articles folder"):
        read_articles(folder)
    (folder / "c.txt").unlink()
    (folder / "a.json").symlink_to(tmp_path / "secret")
    with pytest.raises(EduGraphError, match="a.json: a symbolic link"):
        read_articles(folder)
