"""The named graphs of a build, with the IRIs they get in the store."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph

from ..errors import EduGraphError
from ..paths import require_build
from ..prefixes import PREFIX_IRIS
from ..sparql.client import UNION_NAME, staging_iri
from ..xmlchars import UnwritableCharacter, refuse_unwritable

BUILD_GRAPH_BASE = PREFIX_IRIS["egg"]
ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]+")
FIRST = ("ontology", "gazetteer", "entities")  # then the articles, then "inferred", then "union"
UNION = BUILD_GRAPH_BASE + UNION_NAME


@dataclass
class LocalGraph:
    """One named graph of the build: its IRI in the build, its IRI in the store, its triples."""

    source: str
    iri: str
    triples: list

    @property
    def count(self) -> int:
        return len(self.triples)

    @property
    def staging(self) -> str:
        return staging_iri(self.iri)

    def ntriples(self) -> bytes:
        return pyoxigraph.serialize(self.triples, format=pyoxigraph.RdfFormat.N_TRIPLES) or b""


def check_graph_base(base: str) -> str:
    if not ABSOLUTE_IRI.fullmatch(base or ""):
        raise EduGraphError(f"--graph-base {base!r} is not an absolute IRI (e.g. https://example.org/edugraph/graph/)")
    return base


def rebase(iri: str, base: str) -> str:
    """`iri` with the build's graph prefix (https://w3id.org/edugraph/graph/) replaced by `base`."""
    return base + iri[len(BUILD_GRAPH_BASE):] if iri.startswith(BUILD_GRAPH_BASE) else iri


def order_key(iri: str) -> tuple:
    name = iri[len(BUILD_GRAPH_BASE):] if iri.startswith(BUILD_GRAPH_BASE) else None
    last = {"inferred": 4, UNION_NAME: 5}
    return (FIRST.index(name), iri) if name in FIRST else (last.get(name, 3), iri)


def read_build_graphs(build_dir: Path, graph_base: str = BUILD_GRAPH_BASE) -> list[LocalGraph]:
    """Every named graph in the build's all.nq (the quads `built.load_dataset` reads) and their union, in load order.

    pyoxigraph parses the file: the same quads as rdflib, an order of magnitude faster on large builds.
    """
    check_graph_base(graph_base)
    path = require_build(build_dir) / "all.nq"
    grouped: dict[str, list] = {}
    default = 0
    try:
        for quad in pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.N_QUADS):
            if isinstance(quad.graph_name, pyoxigraph.DefaultGraph):
                default += 1
            else:
                grouped.setdefault(quad.graph_name.value, []).append(quad.triple)
            refuse_unwritable(quad.object)
    except SyntaxError as err:
        raise EduGraphError(f"{path}: not valid N-Quads: {err}") from None
    except UnwritableCharacter as err:  # a file edited by hand: the store's XML answers would be malformed
        err.found_in(path)
        raise EduGraphError(f"{err.where(path)}: {err}: run `edugraph build` again") from None
    if default:
        print(f"edugraph: note: {default} triples in the default graph of {path} are not loaded", file=sys.stderr)
    grouped.pop(UNION, None)  # a build that writes the union itself: recomputed below, the same triples
    if not grouped:
        raise EduGraphError(f"{path}: no named graph, nothing to load (run `edugraph build`)")
    graphs = [LocalGraph(iri, rebase(iri, graph_base), triples) for iri, triples in grouped.items()]
    graphs.append(union_graph(graphs, graph_base))
    return sorted(graphs, key=lambda g: order_key(g.source))


def union_graph(graphs: list[LocalGraph], graph_base: str = BUILD_GRAPH_BASE) -> LocalGraph:
    """Every distinct triple of `graphs` once: what the embedded store's default graph holds, loaded as
    <graph-base>union so that `query --endpoint` can name it as the default graph on any store."""
    triples = list(dict.fromkeys(triple for graph in graphs for triple in graph.triples))
    return LocalGraph(UNION, rebase(UNION, graph_base), triples)
