"""The embedded pyoxigraph store the queries run on, written by the build into `<build>/store/`.

Layout (shared with `edugraph load`, which uploads the same union as the graph `egg:union`):

- the DEFAULT graph holds every distinct triple of the build once (asserted, inferred, ontology,
  gazetteer, entities: set semantics), so joins and counts are right without DISTINCT;
- the named graphs (`egg:article/<id>`, `egg:gazetteer`, `egg:ontology`, `egg:entities`, `egg:inferred`)
  are kept for provenance (`GRAPH ?g { … }`).

Queries read the default graph (`use_default_graph_as_union=False`). This module opens and reads the store (what
`edugraph query` imports); `store_writer` writes it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox

from ..errors import EduGraphError
from ..paths import BUILD, require_build
from ..prefixes import PREFIX_IRIS

DATA_FILE = "all.nq"
STORE_DIR = "store"
INFERRED = ox.NamedNode(PREFIX_IRIS["egg"] + "inferred")
DAMAGE = ("Corruption:", "IO error:")  # how RocksDB's errors (RuntimeError) begin when a file of a store is damaged
REBUILD = "run `edugraph build --full` to make a new one"  # the advice for a damaged store


def is_damage(err: RuntimeError) -> bool:
    """Whether a store's error says one of its files is damaged."""
    return str(err).startswith(DAMAGE)


@contextmanager
def damage_as_error(folder: Path):
    """A damaged file of the store in `folder` met inside the block (a garbled data block, found only on reading it)
    as a one-line error saying to build in full, not an internal error."""
    try:
        yield
    except RuntimeError as err:
        if not is_damage(err):
            raise
        raise EduGraphError(damaged(folder, err, REBUILD)) from None


def _quads(path: Path, keep: Callable) -> Iterator[ox.Quad]:
    return (quad for quad in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS) if keep(quad.graph_name))


def fill(store: ox.Store, nquads: Path, keep: Callable = lambda graph: True) -> ox.Store:
    """Load the named graphs of an N-Quads file that `keep` accepts, and their union as the default graph."""
    try:
        store.bulk_extend(_quads(nquads, keep))
        store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object) for q in _quads(nquads, keep))
    except SyntaxError as err:
        raise EduGraphError(f"{nquads}: not valid N-Quads ({' '.join(str(err).split())}): "
                            "run `edugraph build` again") from None
    return store


def open_built(build_dir: Path = BUILD, inferred: bool = True) -> ox.Store:
    """The build's store, opened read-only from disk (no parsing of all.nq).

    `inferred=False` leaves out `egg:inferred` (to see what a query finds without OWL-RL reasoning):
    that store is made in memory from all.nq. A build without a store (written by an older version) is loaded
    in memory.
    """
    build_dir = require_build(build_dir)
    folder = build_dir / STORE_DIR
    if inferred and folder.is_dir():
        return read_only(folder)
    keep = (lambda graph: True) if inferred else (lambda graph: graph != INFERRED)
    return fill(ox.Store(), build_dir / DATA_FILE, keep)


def read_only(folder: Path) -> ox.Store:
    """The store in `folder` opened read-only; a damaged or unreadable one is an :class:`EduGraphError` saying how
    to make it again (an incremental build does so too: it writes the store from scratch when it cannot copy
    the previous one)."""
    try:
        return ox.Store.read_only(str(folder))
    except (OSError, RuntimeError) as err:  # RocksDB reports a garbled or truncated file as RuntimeError
        advice = f"run the `edugraph build` that wrote {folder.parent} again to make a new one"
        raise EduGraphError(damaged(folder, err, advice)) from None


class PreviousStore:
    """The store of the previous build, read-only, as an incremental build reads it (`quads_for_pattern`, `in`,
    `named_graphs`): a damaged file found only while reading it (a garbled data block) is a one-line error saying
    to build in full, not an internal error. Opening it raises what `ox.Store.read_only` raises."""

    def __init__(self, folder: Path):
        self.folder, self.store = Path(folder), ox.Store.read_only(str(folder))

    def quads_for_pattern(self, *pattern) -> Iterator[ox.Quad]:
        with damage_as_error(self.folder):
            yield from self.store.quads_for_pattern(*pattern)

    def named_graphs(self) -> Iterator:
        with damage_as_error(self.folder):
            yield from self.store.named_graphs()

    def __contains__(self, quad: ox.Quad) -> bool:
        with damage_as_error(self.folder):
            return quad in self.store


def damaged(folder: Path, err: Exception, advice: str) -> str:
    """The one-line message for a damaged or unreadable store: the folder, what to do, RocksDB's reason."""
    reason = " ".join(str(err).split())[:100]
    return f"{folder}: the build's store is damaged or unreadable: {advice} ({reason})"


def union_triples(build_dir: Path = BUILD) -> Iterator[ox.Triple]:
    """Every distinct triple of the build once: the default graph of the store (what `load` uploads as
    `egg:union`)."""
    store = open_built(build_dir)
    for quad in store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
        yield quad.triple
