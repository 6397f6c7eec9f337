"""An article whose files have the bytes the previous build read is not checked again (output/inputs.py):
its metadata and cache key are that build's; any change to its files, or to the stamp, reads it afresh."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import edugraph.build as build
from edugraph.articles import read_articles
from edugraph.output.inputs import INPUTS, input_digest, write_inputs
from edugraph.paths import ARTICLES, CURATION

FINGERPRINT = "f" * 64


@pytest.fixture
def corpus(tmp_path) -> tuple[Path, Path, Path]:
    """Three seed articles (with their curation), and a build folder holding the records of reading them."""
    articles, curation, out = tmp_path / "articles", tmp_path / "curation", tmp_path / "build"
    for folder in (articles, curation, out):
        folder.mkdir()
    for path in sorted(ARTICLES.glob("*.txt"))[:3]:
        for source in (path, path.with_suffix(".json"), CURATION / f"{path.stem}.yaml"):
            if source.exists():
                shutil.copy(source, (curation if source.suffix == ".yaml" else articles) / source.name)
    _, _, inputs = build.read_corpus(articles, curation, FINGERPRINT)
    write_inputs(out, inputs["stamp"], inputs["articles"])
    return articles, curation, out


def read_counting(monkeypatch, *args):
    """read_corpus, and the ids of the articles it read and checked afresh."""
    fresh = []
    original = build.read_article

    def counted(path):
        fresh.append(Path(path).stem)
        return original(path)

    monkeypatch.setattr(build, "read_article", counted)
    return build.read_corpus(*args), fresh


def test_unchanged_articles_are_the_same_without_being_read_again(corpus, monkeypatch):
    articles, curation, out = corpus
    (found, keys, _), fresh = read_counting(monkeypatch, articles, curation, FINGERPRINT, out)
    assert fresh == []
    assert found == read_articles(articles)  # text and metadata as a full reading gives them
    assert [a.path for a in found] == sorted(articles.glob("*.txt"))
    assert keys == build.read_corpus(articles, curation, FINGERPRINT)[1]  # the keys of a full reading


def test_a_changed_file_is_read_afresh_and_gets_a_new_key(corpus, monkeypatch):
    articles, curation, out = corpus
    before = build.read_corpus(articles, curation, FINGERPRINT)[1]
    metadata = sorted(articles.glob("*.json"))[0]
    meta = json.loads(metadata.read_text(encoding="utf-8"))
    meta["title"] = "Другой заголовок"
    metadata.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    (found, keys, _), fresh = read_counting(monkeypatch, articles, curation, FINGERPRINT, out)
    assert fresh == [metadata.stem]
    assert next(a for a in found if a.id == metadata.stem).title == "Другой заголовок"
    assert [name for name in keys if keys[name] != before[name]] == [metadata.stem]


def test_a_new_curation_file_is_read_afresh(corpus, monkeypatch):
    articles, curation, out = corpus
    stem = sorted(articles.glob("*.txt"))[-1].stem
    (curation / f"{stem}.yaml").write_text("remove:\n  persons: []\n", encoding="utf-8")
    _, fresh = read_counting(monkeypatch, articles, curation, FINGERPRINT, out)
    assert fresh == [stem]


def test_another_stamp_or_a_damaged_record_file_reads_everything(corpus, monkeypatch):
    articles, curation, out = corpus
    stems = [p.stem for p in sorted(articles.glob("*.txt"))]
    assert read_counting(monkeypatch, articles, curation, "e" * 64, out)[1] == stems  # other code or ontology
    monkeypatch.setenv("EDUGRAPH_MAX_WORD_CHARS", "5")  # a stricter limit: the articles are checked again
    with pytest.raises(Exception, match="word of more than 5 characters"):
        build.read_corpus(articles, curation, FINGERPRINT, out)
    monkeypatch.delenv("EDUGRAPH_MAX_WORD_CHARS")
    (out / INPUTS).write_text("{not json", encoding="utf-8")
    assert read_counting(monkeypatch, articles, curation, FINGERPRINT, out)[1] == stems


def test_an_input_over_its_limit_has_no_digest(tmp_path, monkeypatch):
    text = tmp_path / "a.txt"
    text.write_text("Текст статьи.", encoding="utf-8")
    assert input_digest(text, tmp_path / "a.yaml") is not None
    monkeypatch.setenv("EDUGRAPH_MAX_ARTICLE_BYTES", "5")
    assert input_digest(text, tmp_path / "a.yaml") is None
