"""The embedded pyoxigraph store the queries run on, written by the build into `<build>/store/`.

Layout (shared with `edugraph load`, which uploads the same union as the graph `egg:union`):

- the DEFAULT graph holds every distinct triple of the build once (asserted, inferred, ontology,
  gazetteer, entities: set semantics), so joins and counts are right without DISTINCT;
- the named graphs (`egg:article/<id>`, `egg:gazetteer`, `egg:ontology`, `egg:entities`, `egg:inferred`)
  are kept for provenance (`GRAPH ?g { … }`).

Queries read the default graph (`use_default_graph_as_union=False`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pyoxigraph as ox

from ..errors import EduGraphError
from ..namespaces import GRAPH
from ..output.read import require_build
from ..paths import BUILD

DATA_FILE = "all.nq"
STORE_DIR = "store"
INFERRED = ox.NamedNode(str(GRAPH["inferred"]))


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


def write_store(build_dir: Path) -> None:
    """Write `<build_dir>/store/` from `<build_dir>/all.nq` (called by the build on its new folder)."""
    store = fill(ox.Store(str(Path(build_dir) / STORE_DIR)), Path(build_dir) / DATA_FILE)
    store.flush()
    del store


def open_built(build_dir: Path = BUILD, inferred: bool = True, cache: bool = False) -> ox.Store:
    """The build's store, opened read-only from disk (no parsing of all.nq).

    `inferred=False` leaves out `egg:inferred` (to see what a query finds without OWL-RL reasoning):
    that store is made in memory from all.nq. `cache` is accepted for compatibility: the build now
    always writes the on-disk store. A build without a store (written by an older version) is loaded
    in memory.
    """
    build_dir = require_build(build_dir)
    folder = build_dir / STORE_DIR
    if inferred and folder.is_dir():
        try:
            return ox.Store.read_only(str(folder))
        except OSError as err:
            raise EduGraphError(f"{folder}: cannot open the store ({err}): run `edugraph build` again") from None
    keep = (lambda graph: True) if inferred else (lambda graph: graph != INFERRED)
    return fill(ox.Store(), build_dir / DATA_FILE, keep)


def union_triples(build_dir: Path = BUILD) -> Iterator[ox.Triple]:
    """Every distinct triple of the build once: the default graph of the store (what `load` uploads as
    `egg:union`)."""
    store = open_built(build_dir)
    for quad in store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
        yield quad.triple
