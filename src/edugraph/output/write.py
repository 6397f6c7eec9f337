"""Writing the built graphs in Turtle, N-Triples, TriG, N-Quads and JSON-LD (the folder: output/folder.py).

Every graph is written from its sorted N-Triples (blank nodes named by their content), so the same graph
gives the same bytes however it was put together: fresh or from the per-article cache, in one process or
several. rdflib makes the N-Triples; pyoxigraph writes the other formats (two orders of magnitude faster
than rdflib's serialisers on large builds)."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph
from rdflib.compare import to_canonical_graph

from ..namespaces import PREFIXES, bind_prefixes

PREFIX_IRIS = {prefix: str(ns) for prefix, ns in PREFIXES.items()}


def sorted_ntriples(graph: Graph) -> str:
    """N-Triples with sorted lines: byte-identical for identical graphs (blank nodes named by content)."""
    if any(isinstance(term, BNode) for triple in graph for term in triple):
        graph = to_canonical_graph(graph)
    lines = graph.serialize(format="nt").splitlines()
    return "".join(line + "\n" for line in sorted(set(lines)) if line.strip())


def union(graphs: list[Graph]) -> Graph:
    merged = Graph()
    bind_prefixes(merged)
    for graph in graphs:
        for triple in graph:
            merged.add(triple)
    return merged


def merged_lines(texts: list[str]) -> str:
    """The sorted union of the lines of several sorted N-Triples texts."""
    return "".join(sorted({line for text in texts for line in text.splitlines(keepends=True)}))


def write_graph_files(folder: Path, stem: str, ntriples: str) -> None:
    """<stem>.nt (the given sorted N-Triples), <stem>.ttl and <stem>.jsonld."""
    (folder / f"{stem}.nt").write_text(ntriples, encoding="utf-8")
    triples = list(ox.parse(ntriples.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))
    ox.serialize(triples, str(folder / f"{stem}.ttl"), ox.RdfFormat.TURTLE, prefixes=PREFIX_IRIS)
    ox.serialize(triples, str(folder / f"{stem}.jsonld"), ox.RdfFormat.JSON_LD)


def write_dataset_files(folder: Path, stem: str, parts: list[tuple[str, str]]) -> None:
    """<stem>.trig (graph by graph, in the given order) and <stem>.nq (sorted lines) from
    (graph IRI, sorted N-Triples) pairs."""
    nquads = []
    for name, ntriples in parts:
        nquads += [line[:-1].rstrip() + f" <{name}> .\n" for line in ntriples.splitlines()]
    quads = list(ox.parse("".join(nquads).encode("utf-8"), format=ox.RdfFormat.N_QUADS))
    ox.serialize(quads, str(folder / f"{stem}.trig"), ox.RdfFormat.TRIG, prefixes=PREFIX_IRIS)
    (folder / f"{stem}.nq").write_text("".join(sorted(set(nquads))), encoding="utf-8")


def write_json(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
