"""Incremental and parallel builds: after adding one article only that article is extracted, and the
output is byte-identical to a full build of the same articles (issue 14, items 2 and 3)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib.namespace import RDFS

import edugraph
from edugraph.articles import read_articles
from edugraph.build import run_build, write_build
from edugraph.errors import EduGraphError
from edugraph.output.cache import article_key, fingerprint, read_entry
from edugraph.paths import ARTICLES, ONTOLOGY
from support.corpus import corpus

NOT_COMPARED = {"summary.json"}  # holds the seconds and the number of reused articles
STORE = "store"  # RocksDB files: same content, not the same bytes


INPUTS = "cache/inputs.json"  # the sizes and times of the input files differ between copies: compared without them


def files(folder: Path) -> dict[str, bytes]:
    found = {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
             if p.is_file() and p.name not in NOT_COMPARED and p.relative_to(folder).parts[0] != STORE}
    if INPUTS in found:
        inputs = json.loads(found[INPUTS])
        found[INPUTS] = json.dumps([inputs["stamp"], {article: {**record, "stat": None}
                                                       for article, record in inputs["articles"].items()}]).encode()
    return found


@pytest.fixture(scope="module")
def incremental(seed_build, tmp_path_factory) -> tuple[Path, dict]:
    """Build all seed articles but the last with 2 processes, add the last, build again from the cache."""
    stems = sorted(p.stem for p in ARTICLES.glob("*.txt"))
    work = tmp_path_factory.mktemp("incremental")
    out = work / "build"
    articles, curation = corpus(work, stems[:-1])
    write_build(run_build(articles, curation, progress=False, jobs=2), out)
    corpus(work, stems[-1:])
    result = run_build(articles, curation, progress=False, jobs=2, previous=out)
    write_build(result, out)
    return out, result.counts


def test_adding_one_article_extracts_only_that_one(incremental):
    _, counts = incremental
    assert counts["articles"] == len(list(ARTICLES.glob("*.txt")))
    assert counts["reused_articles"] == counts["articles"] - 1
    assert 0 < counts["shacl_validated_nodes"] < counts["articles"] * 10  # SHACL only for the changed nodes
    assert counts["reasoning_updated"]  # the closure too: the previous one plus what the new article entails
    assert counts["asserted_updated"]  # and the lines: the previous asserted.nt plus the new article's


def test_incremental_parallel_build_is_byte_identical_to_a_full_build(incremental, seed_build):
    out, counts = incremental
    full, incremental_files = files(seed_build), files(out)
    assert sorted(incremental_files) == sorted(full)
    assert [name for name in full if full[name] != incremental_files[name]] == []
    summary = json.loads((seed_build / "summary.json").read_text())
    for key in ("asserted_triples", "inferred_triples", "entities", "named_graphs"):
        assert counts[key] == summary[key], key


def test_the_cache_keeps_only_the_current_articles(incremental):
    out, counts = incremental
    assert len(list((out / "cache").glob("*.entry"))) == counts["articles"]


def test_a_changed_curation_or_ontology_changes_the_key(tmp_path):
    article = read_articles(ARTICLES)[0]
    base = fingerprint(ONTOLOGY)
    assert article_key(base, article, {}) == article_key(fingerprint(ONTOLOGY), article, {})
    assert article_key(base, article, {"remove": {"persons": ["X"]}}) != article_key(base, article, {})
    ontology = tmp_path / "edugraph.ttl"
    ontology.write_bytes(ONTOLOGY.read_bytes() + b"\n# changed\n")
    assert fingerprint(ontology) != base


def test_the_key_follows_the_build_code_not_the_read_side(tmp_path):
    """Editing a page template or a query module keeps every cached article; editing extraction redoes them."""
    package = tmp_path / "edugraph"
    shutil.copytree(Path(edugraph.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    base = fingerprint(ONTOLOGY, package=package)
    for read_side in ("viz/views.py", "sparql/engine.py", "commands/query.py"):
        (package / read_side).write_text((package / read_side).read_text() + "\n# edited\n")
    assert fingerprint(ONTOLOGY, package=package) == base
    (package / "extract" / "events.py").write_text((package / "extract" / "events.py").read_text() + "\n# edited\n")
    assert fingerprint(ONTOLOGY, package=package) != base
    edited = fingerprint(ONTOLOGY, package=package)  # the store's writer: a later build copies the previous store
    (package / "sparql" / "store.py").write_text((package / "sparql" / "store.py").read_text() + "\n# edited\n")
    assert fingerprint(ONTOLOGY, package=package) != edited


def test_an_unreadable_cache_entry_is_redone(incremental, tmp_path):
    out, counts = incremental
    copy = tmp_path / "build"
    shutil.copytree(out, copy)
    entry = sorted((copy / "cache").glob("*.entry"))[0]
    entry.write_text("{not json")
    stems = sorted(p.stem for p in ARTICLES.glob("*.txt"))
    articles, curation = corpus(tmp_path, stems)
    result = run_build(articles, curation, progress=False, jobs=1, previous=copy)
    assert result.counts["reused_articles"] == counts["articles"] - 1


def test_a_malformed_cache_entry_is_redone_not_trusted(incremental, tmp_path):
    out, counts = incremental
    copy = tmp_path / "build"
    shutil.copytree(out, copy)
    for entry in sorted((copy / "cache").glob("*.entry"))[:2]:
        entry.write_text(json.dumps({"facts": [], "graph": 3}))
    articles, curation = corpus(tmp_path, sorted(p.stem for p in ARTICLES.glob("*.txt")))
    result = run_build(articles, curation, progress=False, jobs=1, previous=copy)
    assert result.counts["reused_articles"] == counts["articles"] - 2


def entry_backgrounds(build: Path) -> dict[str, str]:
    """The background file each cache entry names (the first line of an entry is its JSON header)."""
    return {path.name: json.loads(path.read_bytes().split(b"\n", 1)[0])["background"]
            for path in sorted((build / "cache").glob("*.entry"))}


def test_entries_name_shared_background_files(incremental):
    out, _ = incremental
    named = entry_backgrounds(out)
    stored = {path.stem for path in (out / "cache" / "background").glob("*.nt")}
    assert stored == set(named.values())  # every file is named, none is missing, each is stored once
    texts = [(out / "cache" / "background" / f"{digest}.nt").read_text(encoding="utf-8") for digest in stored]
    assert all(text.endswith(" .\n") for text in texts)


def test_an_entry_whose_background_file_is_gone_is_redone(incremental, tmp_path):
    out, counts = incremental
    copy = tmp_path / "build"
    shutil.copytree(out, copy)
    named = entry_backgrounds(copy)
    gone = sorted(named.values())[0]
    (copy / "cache" / "background" / f"{gone}.nt").unlink()
    articles, curation = corpus(tmp_path, sorted(p.stem for p in ARTICLES.glob("*.txt")))
    result = run_build(articles, curation, progress=False, jobs=1, previous=copy)
    assert result.counts["reused_articles"] == counts["articles"] - list(named.values()).count(gone)


def test_an_entry_s_facts_are_parsed_when_asked_for_and_damaged_ones_are_a_clear_error(incremental, tmp_path):
    out, _ = incremental
    path = sorted((out / "cache").glob("*.entry"))[0]
    header, graph = path.read_bytes().split(b"\n", 1)
    assert read_entry(out, path.stem)["facts"] == json.loads(header)["facts"]
    shutil.copytree(out / "cache", tmp_path / "cache")
    (tmp_path / "cache" / path.name).write_bytes(header.replace(b'"facts": {', b'"facts": {{', 1) + b"\n" + graph)
    entry = read_entry(tmp_path, path.stem)
    assert entry["graph"] == graph.decode("utf-8")  # the rest is read as it was
    with pytest.raises(EduGraphError, match="damaged facts.*--full"):
        entry["facts"]


LINE_BREAKERS = "\u2028\u2029\x85"  # str.splitlines breaks at these; N-Triples leaves them unescaped (and \x1c, which
# metadata may not hold: tests/test_hostile_data.py)


def with_line_breakers(articles: Path, stem: str) -> None:
    """Put characters that str.splitlines takes for line ends into an article's title and first sentences."""
    text = articles / f"{stem}.txt"
    words = text.read_text(encoding="utf-8").split(" ")
    text.write_text(" ".join(word + LINE_BREAKERS[i % 3] if 10 < i < 80 else word for i, word in enumerate(words)),
                    encoding="utf-8")
    meta_path = articles / f"{stem}.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["title"] = LINE_BREAKERS.join(meta["title"].split(" "))
    meta_path.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")


def test_literals_holding_line_breaking_characters_build_and_add_like_any_other(tmp_path):
    stems = sorted(p.stem for p in ARTICLES.glob("*.txt"))[:2]
    articles, curation = corpus(tmp_path / "added", stems[:1])
    with_line_breakers(articles, stems[0])
    write_build(run_build(articles, curation, progress=False), tmp_path / "added" / "build")
    corpus(tmp_path / "added", stems[1:])
    with_line_breakers(articles, stems[1])
    added = run_build(articles, curation, progress=False, previous=tmp_path / "added" / "build")
    write_build(added, tmp_path / "added" / "build")
    articles, curation = corpus(tmp_path / "full", stems)
    for stem in stems:
        with_line_breakers(articles, stem)
    write_build(run_build(articles, curation, progress=False), tmp_path / "full" / "build")
    assert added.counts["reasoning_updated"] and added.counts["asserted_updated"]
    full, incremental = files(tmp_path / "full" / "build"), files(tmp_path / "added" / "build")
    assert [name for name in full if full[name] != incremental.get(name)] == []
    asserted = full["asserted.nt"].decode("utf-8")
    assert all(character in asserted for character in LINE_BREAKERS)  # kept in the literals, not lost
    assert len(asserted.split("\n")) - 1 == len(list(ox.parse(full["asserted.nt"], format=ox.RdfFormat.N_TRIPLES)))


def without_an_article(incremental, tmp_path) -> tuple[Path, Path, Path]:
    """A copy of the incremental build and of its articles but the first: a build that reasons and validates in full
    after a previous build (a removed article is not an addition)."""
    out, _ = incremental
    copy = tmp_path / "build"
    shutil.copytree(out, copy)
    articles, curation = corpus(tmp_path, sorted(p.stem for p in ARTICLES.glob("*.txt"))[1:])
    return articles, curation, copy


def test_the_previous_graph_files_are_read_once_for_merging_reasoning_and_shacl(incremental, tmp_path, monkeypatch):
    articles, curation, copy = without_an_article(incremental, tmp_path)
    reads: list[str] = []
    for method in ("read_bytes", "read_text"):
        original = getattr(Path, method)

        def counted(path, *args, original=original, **kwargs):
            reads.append(path.name)
            return original(path, *args, **kwargs)
        monkeypatch.setattr(Path, method, counted)
    result = run_build(articles, curation, progress=False, jobs=1, previous=copy)
    assert not result.counts["reasoning_updated"] and result.counts["shacl_validated_nodes"] is not None
    assert (reads.count("asserted.nt"), reads.count("inferred.nt")) == (1, 1)


def test_shacl_does_not_trust_previous_files_their_build_did_not_write(incremental, tmp_path):
    """The unchanged nodes go unvalidated only next to the previous asserted.nt and inferred.nt that its summary
    vouches for (their SHA-256): the bytes the build read once, not a file read again."""
    articles, curation, copy = without_an_article(incremental, tmp_path)
    with open(copy / "asserted.nt", "a", encoding="utf-8") as asserted:
        asserted.write(f'<https://w3id.org/edugraph/id/person/nobody> <{RDFS.label}> "Nobody" .\n')
    result = run_build(articles, curation, progress=False, jobs=1, previous=copy)
    assert result.counts["shacl_validated_nodes"] is None and result.conforms



def test_what_a_build_reuses_is_decided_once_and_copied_from_that_build_wherever_it_writes(incremental, tmp_path):
    """`run_build` names the article graphs whose cache entries it read from the previous build (`result.reused`);
    `write_build` copies their blocks and stored graphs from that build's files even into another folder (its store
    starts as a checkpoint of the previous one: hard links). Before, writing elsewhere reused nothing."""
    out, counts = incremental
    articles, curation = corpus(tmp_path, sorted(p.stem for p in ARTICLES.glob("*.txt")))
    result = run_build(articles, curation, progress=False, jobs=1, previous=out)
    assert result.reused.folder == out and len(result.reused.graphs) == counts["articles"]
    elsewhere = tmp_path / "elsewhere"
    write_build(result, elsewhere)
    assert files(elsewhere) == files(out)
    stored = {path.stat().st_ino for path in (out / STORE).glob("*.sst")}
    assert stored and stored <= {path.stat().st_ino for path in (elsewhere / STORE).glob("*.sst")}


def test_a_build_whose_previous_build_was_replaced_meanwhile_writes_nothing(incremental, tmp_path):
    """Two builds made from the same previous build (two `edugraph build` at once, each without one article): the
    first written replaces it; the other then fails in one line and writes nothing, and the first stays as written.
    Before, the other copied the first's blocks and stored graphs as if they were the ones it read."""
    out, _ = incremental
    build = tmp_path / "build"
    shutil.copytree(out, build)
    stems = sorted(p.stem for p in ARTICLES.glob("*.txt"))
    first = run_build(*corpus(tmp_path / "first", stems[1:]), progress=False, jobs=1, previous=build)
    second = run_build(*corpus(tmp_path / "second", stems[:1] + stems[2:]), progress=False, jobs=1, previous=build)
    write_build(second, build)
    written = files(build)
    with pytest.raises(EduGraphError, match="another build replaced it while this one was reading it") as failure:
        write_build(first, build)
    assert "\n" not in str(failure.value)
    assert files(build) == written and not list(tmp_path.glob(".build.new-*"))


def test_builds_run_at_once_on_the_seeds_leave_one_whole_build(incremental, tmp_path):
    """Two `edugraph build` processes at once on the same folder: each succeeds or fails in one line, and the folder
    holds the build a full one writes."""
    out, _ = incremental
    build = tmp_path / "build"
    shutil.copytree(out, build)
    articles, curation = corpus(tmp_path, sorted(p.stem for p in ARTICLES.glob("*.txt")))
    command = [sys.executable, "-c", "import sys; from edugraph.cli import main; sys.exit(main(sys.argv[1:]))",
               "build", "--quiet", "--jobs", "1", "--articles", str(articles), "--curation", str(curation),
               "--out", str(build)]
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    runs = [subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=environment) for _ in range(2)]
    outcomes = [(run.wait(), run.stderr.read()) for run in runs]
    assert any(code == 0 for code, _ in outcomes), outcomes
    for code, err in outcomes:
        assert code == 0 or (err.count("\n") == 1 and "another build replaced it" in err), err
    assert files(build) == files(out)
