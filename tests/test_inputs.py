"""An article whose files have the bytes the previous build read is not checked again (output/inputs.py):
its metadata and cache key are that build's; any change to its files, or to the stamp, reads it afresh."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

import edugraph.build as build
from edugraph.articles import read_articles
from edugraph.output import inputs
from edugraph.output.inputs import INPUTS, input_digest, input_stats, write_inputs
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


def hashed_ids(monkeypatch) -> list[str]:
    """The ids of the articles whose files `read_corpus` hashes from now on."""
    hashed = []
    original = build.input_digest

    def counted(text_path, curation_path):
        hashed.append(Path(text_path).stem)
        return original(text_path, curation_path)

    monkeypatch.setattr(build, "input_digest", counted)
    return hashed


@pytest.fixture
def timed_corpus(corpus, monkeypatch) -> tuple[Path, Path, Path]:
    """The corpus, with the sizes and times of its files recorded (as if read long after they were written)."""
    articles, curation, out = corpus
    monkeypatch.setattr(inputs, "RACY_SECONDS", 0)
    _, _, found = build.read_corpus(articles, curation, FINGERPRINT, out)
    write_inputs(out, found["stamp"], found["articles"])
    assert all(record["stat"] for record in found["articles"].values())
    return corpus


def test_files_with_the_recorded_sizes_and_times_are_neither_hashed_nor_checked(timed_corpus, monkeypatch):
    articles, curation, out = timed_corpus
    hashed = hashed_ids(monkeypatch)
    (found, keys, _), fresh = read_counting(monkeypatch, articles, curation, FINGERPRINT, out)
    assert hashed == [] and fresh == []
    assert found == read_articles(articles)
    assert keys == build.read_corpus(articles, curation, FINGERPRINT)[1]


def test_a_file_rewritten_with_its_size_and_modification_time_is_hashed_again(timed_corpus, monkeypatch):
    articles, curation, out = timed_corpus
    text = sorted(articles.glob("*.txt"))[0]
    before = text.stat()
    raw = text.read_bytes()
    at = raw.rindex(b"e")
    text.write_bytes(raw[:at] + b"a" + raw[at + 1:])  # the same size
    os.utime(text, ns=(before.st_atime_ns, before.st_mtime_ns))  # the status-change time still moves
    assert text.stat().st_size == before.st_size
    hashed = hashed_ids(monkeypatch)
    (found, keys, _), fresh = read_counting(monkeypatch, articles, curation, FINGERPRINT, out)
    assert set(hashed) == {text.stem} and fresh == [text.stem]  # hashed, then again after reading it
    assert keys[text.stem] == build.read_corpus(articles, curation, FINGERPRINT)[1][text.stem]


def test_files_changed_just_before_the_reading_are_not_vouched_for_by_their_times(corpus):
    articles, curation, _ = corpus
    text = sorted(articles.glob("*.txt"))[0]
    assert input_stats(str(text), str(curation / f"{text.stem}.yaml")) is None  # written a moment ago
