"""Writing the built graphs to a folder in Turtle, N-Triples, TriG, N-Quads and JSON-LD, atomically."""

from __future__ import annotations

import json
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from rdflib import Dataset, Graph

from .namespaces import PREFIXES, bind_prefixes

JSONLD_CONTEXT = {prefix: str(ns) for prefix, ns in PREFIXES.items()}


def sorted_ntriples(graph: Graph) -> str:
    """N-Triples with sorted lines: byte-identical for identical graphs without blank nodes."""
    lines = graph.serialize(format="nt").splitlines()
    return "".join(line + "\n" for line in sorted(set(lines)) if line.strip())


def union(graphs: list[Graph]) -> Graph:
    merged = Graph()
    bind_prefixes(merged)
    for graph in graphs:
        for triple in graph:
            merged.add(triple)
    return merged


def dataset(graphs: list[Graph]) -> Dataset:
    ds = Dataset()
    bind_prefixes(ds)
    for graph in graphs:
        target = ds.graph(graph.identifier)
        for triple in graph:
            target.add(triple)
    return ds


def write_graph_files(folder: Path, stem: str, graph: Graph) -> None:
    bind_prefixes(graph)
    (folder / f"{stem}.ttl").write_text(graph.serialize(format="turtle"), encoding="utf-8")
    (folder / f"{stem}.nt").write_text(sorted_ntriples(graph), encoding="utf-8")
    (folder / f"{stem}.jsonld").write_text(
        graph.serialize(format="json-ld", context=JSONLD_CONTEXT, indent=1), encoding="utf-8")


def write_dataset_files(folder: Path, stem: str, graphs: list[Graph]) -> None:
    ds = dataset(graphs)
    (folder / f"{stem}.trig").write_text(ds.serialize(format="trig"), encoding="utf-8")
    nquads = ds.serialize(format="nquads").splitlines()
    (folder / f"{stem}.nq").write_text("".join(line + "\n" for line in sorted(set(nquads)) if line.strip()),
                                       encoding="utf-8")


def write_json(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")


@contextmanager
def atomic_folder(target: Path):
    """Yield a fresh temporary folder that replaces `target` only if the block succeeds."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    old = target.parent / f".{target.name}.old"
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
