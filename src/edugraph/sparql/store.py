"""The embedded pyoxigraph store the queries run on: the whole build (asserted + inferred)."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox

from ..errors import EduGraphError
from ..output.read import require_build
from ..namespaces import GRAPH
from ..paths import BUILD

DATA_FILE = "all.nq"
CACHE_DIR = ".oxigraph"  # inside the build folder: an on-disk copy of the store, reused while all.nq is unchanged
INFERRED = ox.NamedNode(str(GRAPH["inferred"]))


def _stamp(path: Path) -> dict:
    stat = path.stat()
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def _cached(build_dir: Path) -> ox.Store | None:
    """The on-disk store of a previous `cache=True` run, if it is still up to date."""
    folder = build_dir / CACHE_DIR
    try:
        if json.loads((folder / "stamp.json").read_text()) == _stamp(build_dir / DATA_FILE):
            return ox.Store.read_only(str(folder / "db"))
    except (OSError, ValueError):
        pass
    return None


def _write_cache(build_dir: Path) -> ox.Store:
    folder = build_dir / CACHE_DIR
    folder.mkdir(exist_ok=True)
    store = ox.Store(str(folder / "db"))
    store.clear()
    store.bulk_load(path=str(build_dir / DATA_FILE), format=ox.RdfFormat.N_QUADS)
    store.flush()
    (folder / "stamp.json").write_text(json.dumps(_stamp(build_dir / DATA_FILE)))
    return store


def open_built(build_dir: Path = BUILD, inferred: bool = True, cache: bool = False) -> ox.Store:
    """Every named graph of the build in a pyoxigraph store.

    In memory by default; with `cache=True` the store is kept on disk in `<build>/.oxigraph/` and reopened
    read-only next time (faster start for big graphs). `inferred=False` leaves out `egg:inferred`
    (to see what a query finds without OWL-RL reasoning).
    """
    build_dir = require_build(build_dir)
    if cache and inferred:
        store = _cached(build_dir)
        if store is None:
            store = _write_cache(build_dir)
        return store
    store = ox.Store()
    try:
        store.bulk_load(path=str(build_dir / DATA_FILE), format=ox.RdfFormat.N_QUADS)
    except SyntaxError as err:
        raise EduGraphError(f"{build_dir / DATA_FILE}: not valid N-Quads ({' '.join(str(err).split())}): "
                            "run `edugraph build` again") from None
    if not inferred:
        store.remove_graph(INFERRED)
    return store
