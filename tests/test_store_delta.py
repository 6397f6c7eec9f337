"""The build's store written as a change of the previous build's store (issue 14, item 2): it holds exactly the
quads of a store written from scratch, its default graph being the union of its named graphs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from edugraph.build import run_build, write_build
from edugraph.paths import ARTICLES, CURATION
from edugraph.sparql.store import STORE_DIR
from edugraph.sparql.store_writer import add_graphs, apply_changes, write_store
from support.corpus import corpus

EX = "http://example.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"


def quads(folder: Path) -> set[ox.Quad]:
    store = ox.Store.read_only(str(folder / STORE_DIR))
    return set(store)


def graph(name: str, *lines: str) -> tuple[str, str]:
    return EX + name, "".join(sorted(f"{line} .\n" for line in lines))


SHARED = f'<{EX}a> <{EX}p> "shared"'
BEFORE = [
    graph("one", SHARED, f"<{EX}a> <{EX}p> <{EX}only-in-one>", f'<{EX}a> <{EX}n> "05"^^<{XSD}nonNegativeInteger>'),
    graph("two", SHARED, f"<{EX}b> <{EX}p> <{EX}stays>", f"_:b1 <{EX}p> <{EX}blank>"),
    graph("dropped", f"<{EX}c> <{EX}p> <{EX}only-in-dropped>", f"<{EX}b> <{EX}p> <{EX}stays>"),
]
AFTER = [
    graph("one", f"<{EX}a> <{EX}p> <{EX}new-in-one>", f'<{EX}a> <{EX}n> "05"^^<{XSD}nonNegativeInteger>'),
    BEFORE[1],
    graph("added", SHARED, f"_:b1 <{EX}p> <{EX}blank>", f"<{EX}d> <{EX}p> <{EX}new>"),
]


def test_a_changed_store_holds_the_quads_of_a_fresh_one(tmp_path):
    for name in ("previous", "fresh", "changed"):
        (tmp_path / name).mkdir()
    write_store(tmp_path / "previous", BEFORE)
    write_store(tmp_path / "fresh", AFTER)
    write_store(tmp_path / "changed", AFTER, previous=tmp_path / "previous", unchanged=frozenset({EX + "two"}))
    assert quads(tmp_path / "changed") == quads(tmp_path / "fresh")
    default = {q.triple for q in quads(tmp_path / "changed") if isinstance(q.graph_name, ox.DefaultGraph)}
    values = {t.object.value for t in default}
    assert "shared" in values and EX + "stays" in values  # still held by a named graph
    assert EX + "only-in-one" not in values and EX + "only-in-dropped" not in values
    names = {g.value for g in ox.Store.read_only(str(tmp_path / "changed" / STORE_DIR)).named_graphs()}
    assert EX + "dropped" not in names and EX + "added" in names
    assert quads(tmp_path / "previous") != quads(tmp_path / "fresh")  # the previous store is left as it was


def test_without_a_previous_store_the_store_is_written_from_scratch(tmp_path):
    (tmp_path / "fresh").mkdir()
    (tmp_path / "changed").mkdir()
    write_store(tmp_path / "fresh", AFTER)
    write_store(tmp_path / "changed", AFTER, previous=tmp_path / "missing", unchanged=frozenset({EX + "two"}))
    assert quads(tmp_path / "changed") == quads(tmp_path / "fresh")


@pytest.fixture(scope="module")
def added_build(tmp_path_factory) -> Path:
    """The seed articles but the last built, then the last added and built again over it."""
    stems = sorted(p.stem for p in ARTICLES.glob("*.txt"))
    work = tmp_path_factory.mktemp("delta")
    articles, curation = corpus(work, [])

    def copy(stem):
        for source in (ARTICLES / f"{stem}.txt", ARTICLES / f"{stem}.json", CURATION / f"{stem}.yaml"):
            if source.exists():
                shutil.copy(source, (curation if source.suffix == ".yaml" else articles) / source.name)

    for stem in stems[:-1]:
        copy(stem)
    out = work / "build"
    write_build(run_build(articles, curation, progress=False), out)
    before = {path.relative_to(out): path.stat().st_ino for path in [*out.glob("cache/*.entry"), *out.glob("facts/*")]}
    copy(stems[-1])
    write_build(run_build(articles, curation, progress=False, previous=out), out)
    return out, before


def test_adding_an_article_changes_the_store_into_the_full_builds(added_build, seed_build):
    out, _ = added_build
    assert quads(out) == quads(seed_build)


def test_unchanged_files_are_linked_from_the_previous_build(added_build):
    out, before = added_build
    after = {path.relative_to(out): path.stat().st_ino for path in [*out.glob("cache/*.entry"), *out.glob("facts/*")]}
    assert len(after) == 2 * len(list(ARTICLES.glob("*.txt")))
    kept = [name for name in before if after.get(name) == before[name]]
    assert len(kept) == len(before)  # the same files (inodes), not copies


def test_graphs_diffed_by_their_previous_text_give_the_same_store(tmp_path):
    (tmp_path / "fresh").mkdir()
    write_store(tmp_path / "fresh", AFTER)
    store = ox.Store()
    add_graphs(store, BEFORE)
    one = {EX + "one": (f"<{EX}a> <{EX}p> <{EX}only-in-one> .\n<{EX}a> <{EX}p> \"shared\" .\n".encode(),
                        f"<{EX}a> <{EX}p> <{EX}new-in-one> .\n".encode())}
    apply_changes(store, [AFTER[0], AFTER[2], (EX + "dropped", "")], one)
    assert set(store) == quads(tmp_path / "fresh")


def stored_texts(store_dir: Path) -> dict[str, str]:
    """Each named graph of a store as sorted N-Triples."""
    store = ox.Store.read_only(str(store_dir))
    return {graph.value: "".join(sorted(ox.serialize(
        [quad.triple for quad in store.quads_for_pattern(None, None, None, graph)],
        format=ox.RdfFormat.N_TRIPLES).decode("utf-8").splitlines(keepends=True))) for graph in store.named_graphs()}


def test_a_changed_graph_the_previous_files_lack_is_diffed_against_the_store(seed_build, tmp_path):
    """The ontology's graph is in the previous store but in no block of its `asserted.nq`: a triple it lost is
    found by the store's diff, not missed by taking the graph for a new one."""
    texts = stored_texts(seed_build / STORE_DIR)
    ontology = next(name for name in texts if name.endswith("/ontology"))
    texts[ontology] = "".join(texts[ontology].splitlines(keepends=True)[1:])
    graphs = sorted(texts.items())
    for name in ("fresh", "changed"):
        (tmp_path / name).mkdir()
    write_store(tmp_path / "fresh", graphs)
    write_store(tmp_path / "changed", graphs, previous=seed_build,
                unchanged=frozenset(name for name in texts if "/article/" in name))
    assert quads(tmp_path / "changed") == quads(tmp_path / "fresh")
