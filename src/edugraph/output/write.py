"""Writing the built graphs in Turtle, N-Triples, TriG, N-Quads and JSON-LD (the folder: output/folder.py).

Every graph is written from its triples in sorted order, so the same graph gives the same bytes however
it was put together (fresh or from the per-article cache, in one process or several)."""

from __future__ import annotations

import json
from pathlib import Path

from rdflib import BNode, Graph
from rdflib.compare import to_canonical_graph

from ..namespaces import PREFIXES, bind_prefixes

JSONLD_CONTEXT = {prefix: str(ns) for prefix, ns in PREFIXES.items()}


def sorted_ntriples(graph: Graph) -> str:
    """N-Triples with sorted lines: byte-identical for identical graphs without blank nodes."""
    lines = graph.serialize(format="nt").splitlines()
    return "".join(line + "\n" for line in sorted(set(lines)) if line.strip())


def canonical(graph: Graph) -> Graph:
    """The same graph (same identifier) with its triples inserted in sorted order and its blank nodes
    (the ontology's) named by their content, not by the parse that made them."""
    result = Graph(identifier=graph.identifier)
    if any(isinstance(term, BNode) for triple in graph for term in triple):
        graph = to_canonical_graph(graph)
    for triple in sorted(graph, key=lambda t: tuple(term.n3() for term in t)):
        result.add(triple)
    return result


def union(graphs: list[Graph]) -> Graph:
    merged = Graph()
    bind_prefixes(merged)
    for graph in graphs:
        for triple in graph:
            merged.add(triple)
    return merged


def write_graph_files(folder: Path, stem: str, graph: Graph) -> None:
    graph = canonical(graph)
    bind_prefixes(graph)
    (folder / f"{stem}.ttl").write_text(graph.serialize(format="turtle"), encoding="utf-8")
    (folder / f"{stem}.nt").write_text(sorted_ntriples(graph), encoding="utf-8")
    (folder / f"{stem}.jsonld").write_text(
        graph.serialize(format="json-ld", context=JSONLD_CONTEXT, indent=1), encoding="utf-8")


def write_dataset_files(folder: Path, stem: str, graphs: list[Graph]) -> None:
    """TriG and (sorted) N-Quads, one named graph per input graph, written graph by graph
    (rdflib's Dataset serialisers grow faster than linearly with the number of graphs)."""
    trig_blocks, nquads, prefixes = [], [], {}
    for graph in graphs:
        graph = canonical(graph)
        bind_prefixes(graph)
        name = graph.identifier.n3()
        lines = graph.serialize(format="turtle").splitlines()
        prefixes.update((line.split()[1], line) for line in lines if line.startswith("@prefix"))
        body = "\n".join(line for line in lines if not line.startswith("@prefix"))
        trig_blocks.append(f"{name} {{\n{body.strip()}\n}}\n")
        nquads += [line[:-1].rstrip() + f" {name} ." for line in graph.serialize(format="nt").splitlines() if line.strip()]
    header = "".join(line + "\n" for _, line in sorted(prefixes.items()))
    (folder / f"{stem}.trig").write_text(header + "\n" + "\n".join(trig_blocks), encoding="utf-8")
    (folder / f"{stem}.nq").write_text("".join(line + "\n" for line in sorted(set(nquads))), encoding="utf-8")


def write_json(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
