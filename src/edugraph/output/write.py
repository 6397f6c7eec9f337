"""Writing the built graphs in Turtle, N-Triples, TriG, N-Quads and JSON-LD (the folder: output/folder.py).

Every graph is given as sorted N-Triples (blank nodes named by their content), so the same graph gives the
same bytes however it was put together: fresh or from the per-article cache, in one process or several.
rdflib makes the N-Triples of a graph; pyoxigraph parses each text once and writes the other formats (two
orders of magnitude faster than rdflib's serialisers on large builds). The N-Quads files are written graph
by graph (each graph's lines sorted), straight from the N-Triples texts.
"""

from __future__ import annotations

import gc
import json
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal
from rdflib.compare import to_canonical_graph
from rdflib.plugins.serializers.nt import _quoteLiteral

from ..namespaces import bind_prefixes
from ..prefixes import PREFIX_IRIS

NAMED_GRAPH = tuple[str, str]  # (graph IRI, sorted N-Triples)


def sorted_ntriples(graph) -> str:
    """N-Triples with sorted lines: byte-identical for identical graphs (blank nodes named by content).

    `graph`: an rdflib graph or a list of rdflib triples. The lines are those of rdflib's N-Triples serialiser,
    each distinct term converted once.
    """
    lines, blank = _ntriples_lines(graph)
    if blank:
        lines, _ = _ntriples_lines(to_canonical_graph(graph if isinstance(graph, Graph) else union([graph])))
    return "".join(sorted(set(lines)))


def _ntriples_lines(graph: Graph) -> tuple[list[str], bool]:
    """The N-Triples line of every triple, and whether a blank node occurs."""
    terms: dict = {}
    blank = False

    def text(term) -> str:
        nonlocal blank
        found = terms.get(term)
        if found is None:
            found = terms[term] = _quoteLiteral(term) if isinstance(term, Literal) else term.n3()
            blank = blank or isinstance(term, BNode)
        return found

    return [f"{text(s)} {text(p)} {text(o)} .\n" for s, p, o in graph], blank


def union(graphs: list) -> Graph:
    """One rdflib graph of the triples of several graphs (or lists of triples)."""
    merged = Graph()
    bind_prefixes(merged)
    for graph in graphs:
        for triple in graph:
            merged.add(triple)
    return merged


def ntriples_lines(text: str) -> list[str]:
    """The lines of N-Triples `text`, each with its newline. Only a newline ends a line: a literal may hold
    characters that `str.splitlines` also breaks at (U+2028, U+0085, U+001C, …), which N-Triples leaves unescaped.

    >>> ntriples_lines('<a> <p> "x\\u2028y" .\\n<b> <p> <c> .\\n')
    ['<a> <p> "x\\u2028y" .\\n', '<b> <p> <c> .\\n']
    """
    lines = text.splitlines(keepends=True)  # the fast way, right when it breaks only at the newlines
    if len(lines) == text.count("\n"):
        return lines
    pieces = text.split("\n")
    return [piece + "\n" for piece in pieces[:-1]] + ([pieces[-1]] if pieces[-1] else [])


def merged_lines(texts: list[str]) -> str:
    """The sorted union of the lines of several sorted N-Triples texts.

    >>> merged_lines(["<a> <p> <b> .\\n<c> <p> <d> .\\n", "<a> <p> <b> .\\n"])
    '<a> <p> <b> .\\n<c> <p> <d> .\\n'
    """
    return "".join(sorted({line for text in texts for line in ntriples_lines(text)}))


def nquads(graph: tuple[str, str | bytes]) -> bytes:
    """The N-Quads of one named graph (UTF-8): its N-Triples lines (text or UTF-8) with the graph name (a raw
    newline cannot occur inside an N-Triples term, so every " .\\n" ends a line).

    >>> nquads(("http://g", '<a> <p> "x ." .\\n')).decode()
    '<a> <p> "x ." <http://g> .\\n'
    """
    name, ntriples = graph
    data = ntriples if isinstance(ntriples, bytes) else ntriples.encode("utf-8")
    return data.replace(b" .\n", f" <{name}> .\n".encode("utf-8"))


@contextmanager
def paused_gc():
    """Run the block without the cyclic garbage collector: parsing creates millions of objects, and each full
    collection would walk every rdflib graph the build holds (several times the cost of the parsing).

    The objects made in the block are then frozen (`gc.freeze`: moved, in constant time, to a generation the
    collector never walks) before it is enabled again: else the first allocation after the block would start a
    collection of all of them (1.5 CPU s after merging 10,000 articles). They are still freed when no longer
    referenced; only reference cycles among them stay in memory.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def trig(nquads_bytes: bytes) -> bytes:
    """TriG of N-Quads, graph by graph in their order, without the @prefix lines (`prefix_header`)."""
    quads = ox.parse(nquads_bytes, format=ox.RdfFormat.N_QUADS, lenient=True)
    serialized = ox.serialize(quads, None, ox.RdfFormat.TRIG, prefixes=PREFIX_IRIS)
    return serialized[len(prefix_header(ox.RdfFormat.TRIG)):] if serialized else serialized


@cache
def prefix_header(rdf_format: ox.RdfFormat) -> bytes:
    """The @prefix lines pyoxigraph starts a non-empty Turtle or TriG document with."""
    term = ox.NamedNode("urn:x")
    statement = ox.Quad(term, term, term, term) if rdf_format == ox.RdfFormat.TRIG else ox.Triple(term, term, term)
    serialized = ox.serialize([statement], None, rdf_format, prefixes=PREFIX_IRIS)
    return serialized[:serialized.index(b"<urn:x>")]


def write_json(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
