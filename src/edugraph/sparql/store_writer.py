"""Writing the build's store (`<build>/store/`, layout in `store`): from scratch, or as a copy of the previous
build's store with only the changed graphs replaced."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from ..output.datasets import own_triples, previous_blocks
from ..output.diff import removed_and_added, sorted_diff
from ..output.write import nquads
from .store import INFERRED, STORE_DIR, is_damage

INFERRED_FILE = "inferred.nt"


def write_store(build_dir: Path, graphs: list[tuple[str, str]], previous: Path | None = None,
                unchanged: frozenset[str] = frozenset(), diffs: dict[str, tuple[bytes, bytes]] | None = None) -> None:
    """Write `<build_dir>/store/` holding `graphs` ((graph IRI, sorted N-Triples) pairs) and their union.

    When the store of a `previous` build already holds some graphs as they are now (their names in
    `unchanged`) and at most twice as many are to be replaced, the store starts as a copy of it (a RocksDB
    checkpoint: hard links, near-instant) and only the other graphs are replaced (`apply_changes`), each by its
    lines removed and added: from `diffs` (by graph IRI), else found by comparing it with its text in the
    previous build's files; else it is written from scratch. Both give the same quads. (So is a copy whose
    previous store turns out damaged while it is changed.) A store written from scratch is compacted
    (`compact_files`); a copy changed in place keeps the compacted files it copied and is only flushed.
    """
    target = Path(build_dir) / STORE_DIR
    replaced = [graph for graph in graphs if graph[0] not in unchanged]
    store = None
    if previous is not None and unchanged and len(replaced) <= 2 * len(unchanged):
        store = copy_of(Path(previous) / STORE_DIR, target)
    if store is not None:
        damaged = False
        try:
            update_copy(store, graphs, replaced, Path(previous), dict(diffs or {}))
        except RuntimeError as err:
            if not is_damage(err):
                raise
            damaged = True
        if damaged:  # (outside the except block, whose traceback holds the store open)
            del store
            shutil.rmtree(target)
            store = None
    if store is None:
        store = ox.Store(str(target))
        add_graphs(store, graphs)
        compact_files(store)
    else:
        store.flush()


def compact_files(store: ox.Store) -> None:
    """Flush a bulk-loaded store and compact its files, which bulk loading leaves overlapping so that every
    lookup checks several: the library's queries read about a third faster at 1M triples (docs/BENCHMARKS.md,
    "Queries")."""
    store.flush()
    store.optimize()


def update_copy(store: ox.Store, graphs: list[tuple[str, str]], replaced: list[tuple[str, str]], previous: Path,
                diffs: dict[str, tuple[bytes, bytes]]) -> None:
    """Turn a copy of the `previous` build's store into one holding `graphs` by changing the `replaced` ones and
    dropping those no longer built (see `write_store`)."""
    names = {name for name, _ in graphs}
    stored = {graph.value for graph in store.named_graphs() if isinstance(graph, ox.NamedNode)}
    dropped = [(name, "") for name in sorted(stored - names)]
    for name, (before, ntriples) in previous_texts(previous, [*replaced, *dropped], diffs, stored).items():
        after = ntriples.encode("utf-8")
        hunks = sorted_diff(before, after)
        diffs[name] = removed_and_added(before, after, hunks) if hunks is not None else \
            (_lines_minus(before, after), _lines_minus(after, before))
    apply_changes(store, [*replaced, *dropped], diffs)


def previous_texts(previous: Path, graphs: list[tuple[str, str]], known: dict, stored: set[str]
                   ) -> dict[str, tuple[bytes, str]]:
    """(the previous build's N-Triples, the new N-Triples) of the `graphs` not in `known`, by IRI, for those whose
    previous text can be read: `egg:inferred` from `inferred.nt`, the asserted graphs from their blocks of
    `asserted.nq` (`cache/blocks.idx`), a graph that is not among the `stored` ones being new (empty before).
    The others (the ontology's graph: not in `asserted.nq`) are left to be diffed against the store."""
    todo = {name: ntriples for name, ntriples in graphs if name not in known}
    found: dict[str, tuple[bytes, str]] = {}
    if INFERRED.value in todo:
        try:
            found[INFERRED.value] = ((previous / INFERRED_FILE).read_bytes(), todo.pop(INFERRED.value))
        except OSError:
            pass
    blocks = previous_blocks(previous, frozenset(todo)).get("nq")
    if blocks is not None:
        for name, ntriples in todo.items():
            if name in blocks or name not in stored:
                block = blocks[name].read() if name in blocks else b""
                found[name] = (block.replace(f" <{name}> .\n".encode("utf-8"), b" .\n"), ntriples)
    return found


def copy_of(store_dir: Path, target: Path) -> ox.Store | None:
    """A writable copy of the store in `store_dir` at `target` (RocksDB checkpoint), or None if there is none."""
    if not store_dir.is_dir():
        return None
    try:
        ox.Store.read_only(str(store_dir)).backup(str(target))
        return ox.Store(str(target))
    except (OSError, RuntimeError):  # unreadable or damaged (RocksDB reports corruption as RuntimeError)
        shutil.rmtree(target, ignore_errors=True)
        return None


def add_graphs(store: ox.Store, graphs: list[tuple[str, str]]) -> None:
    """Add named graphs ((IRI, N-Triples) pairs) and their union as the default graph to an empty store.
    (`bulk_extend` of parsed quads keeps the blank node labels; `Store.load` and `bulk_load` rename them.)"""
    named = b"".join(nquads(graph) for graph in graphs)
    store.bulk_extend(ox.parse(named, format=ox.RdfFormat.N_QUADS, lenient=True))
    union = "".join(ntriples for _, ntriples in graphs).encode("utf-8")
    store.bulk_extend(own_triples(union))  # into the default graph


def _in_graph(triples, graph) -> Iterator[ox.Quad]:
    return (ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples)


def _triples(ntriples: bytes) -> set[ox.Triple]:
    return {quad.triple for quad in own_triples(ntriples)}


def _lines_minus(text: bytes, other: bytes) -> bytes:
    """The lines of `text` that `other` does not have."""
    return b"".join(set(text.splitlines(keepends=True)) - set(other.splitlines(keepends=True)))


def apply_changes(store: ox.Store, graphs: list[tuple[str, str]], diffs: dict[str, tuple[bytes, bytes]]) -> None:
    """Replace named graphs of `store` ((IRI, N-Triples) pairs; an empty text drops the graph), and keep its
    default graph the union of its named graphs: a graph with `diffs` (the N-Triples lines it lost and gained,
    by IRI) is changed by them, any other one diffed against its stored version; a triple leaves the default
    graph only when no named graph holds it any more.

    (The store writes some literals in canonical form, `"05"^^xsd:nonNegativeInteger` as `5`: such a triple
    read back differs from its parsed form, so it is removed and added back, which leaves it as it was.)
    """
    gone: set[ox.Triple] = set()
    for name, ntriples in graphs:
        graph = ox.NamedNode(name)
        if name in diffs:
            removed, added = map(_triples, diffs[name])
        else:
            before = {quad.triple for quad in store.quads_for_pattern(None, None, None, graph)}
            after = _triples(ntriples.encode("utf-8"))
            removed, added = before - after, after - before
        for quad in _in_graph(removed, graph):
            store.remove(quad)
        store.extend(_in_graph(added, graph))
        store.extend(_in_graph(added, ox.DefaultGraph()))
        gone |= removed
        if not ntriples:
            store.remove_graph(graph)
    for t in gone:
        if all(isinstance(quad.graph_name, ox.DefaultGraph)
               for quad in store.quads_for_pattern(t.subject, t.predicate, t.object, None)):
            store.remove(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()))
