"""The dataset files: asserted.nq / asserted.trig (the asserted named graphs) and all.nq / all.trig (the
ontology, those and the inferred graph), written graph by graph in that order.

Each file is a concatenation of one block per graph (the same graph gives the same block), so a build
reuses the previous build's blocks of the article graphs it reuses instead of making them again: it
records where each graph's block lies in `cache/blocks.idx` (JSON: per file, its size and the
`[graph, start, end]` byte ranges), and the next build copies those ranges.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import NamedTuple

import pyoxigraph as ox

from ..prefixes import PREFIX_IRIS
from .cache import CACHE_DIR
from .diff import Hunk, mapped
from .folder import start_writeback
from .write import NAMED_GRAPH, nquads, prefix_header, trig

INDEX = Path(CACHE_DIR) / "blocks.idx"
ASSERTED = {"nq": "asserted.nq", "trig": "asserted.trig"}
BLOCK_END = b"\n}\n"  # a TriG graph block ends so; raw newlines never occur inside its terms


class Range(NamedTuple):
    """The bytes [start, end) of a file: a block of the previous build, copied without being read into memory."""

    path: Path
    start: int
    end: int

    @property
    def size(self) -> int:
        return self.end - self.start

    def read(self) -> bytes:
        with open(self.path, "rb") as source:
            source.seek(self.start)
            return source.read(self.size)


Piece = bytes | Range  # of a file being written: bytes made now, or a range of another file


def previous_blocks(previous: Path | None, names: frozenset[str]) -> dict[str, dict[str, Range]]:
    """The blocks of the graphs `names` in the previous build's asserted files, by format ("nq", "trig")
    and graph; empty where that build has no index or its files do not match it."""
    found: dict[str, dict[str, Range]] = {}
    if previous is None or not names:
        return found
    try:
        index = json.loads((Path(previous) / INDEX).read_text(encoding="utf-8"))
        for kind, name in ASSERTED.items():
            path = Path(previous) / name
            if path.stat().st_size == index[kind]["size"]:
                found[kind] = {graph: Range(path, start, end) for graph, start, end in index[kind]["graphs"]
                               if graph in names}
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return found


def trig_blocks(nquads_blocks: list[bytes], known: list[Piece | None]) -> list[Piece]:
    """The TriG block of each graph: the `known` one, else made (all the missing ones in one serialisation,
    cut at the block ends; one by one if that does not give one block per graph)."""
    todo = [i for i, block in enumerate(known) if block is None and nquads_blocks[i]]
    made = trig(b"".join(nquads_blocks[i] for i in todo))
    ends = [i + len(BLOCK_END) for i in _find_all(made, BLOCK_END)]
    blocks = [b"" if block is None else block for block in known]
    if len(ends) == len(todo) and (not ends or ends[-1] == len(made)):
        for i, start, end in zip(todo, [0, *ends], ends):
            blocks[i] = made[start:end]
    else:  # two graphs of the same name in a row would be one block
        for i in todo:
            blocks[i] = trig(nquads_blocks[i])
    return blocks


def _find_all(data: bytes, part: bytes) -> list[int]:
    found, start = [], data.find(part)
    while start >= 0:
        found.append(start)
        start = data.find(part, start + 1)
    return found


def _size(piece: Piece) -> int:
    return piece.size if isinstance(piece, Range) else len(piece)


def _ranges(names: list[str], blocks: list[Piece], start: int) -> list[list]:
    ranges = []
    for name, block in zip(names, blocks):
        ranges.append([name, start, start + _size(block)])
        start += _size(block)
    return ranges


def _coalesced(pieces: list[Piece]) -> list[Piece]:
    """The pieces with neighbouring bytes joined and neighbouring ranges of one file merged."""
    merged: list[Piece] = []
    run: list[bytes] = []
    for piece in pieces:
        if isinstance(piece, Range):
            if run:
                merged.append(b"".join(run))
                run = []
            last = merged[-1] if merged else None
            if isinstance(last, Range) and last.path == piece.path and last.end == piece.start:
                merged[-1] = Range(last.path, last.start, piece.end)
            else:
                merged.append(piece)
        else:
            run.append(piece)
    if run:
        merged.append(b"".join(run))
    return merged


def _copy(source: Range, out) -> None:
    """Append a range of a file to the unbuffered file `out`, in the kernel where it can (copy_file_range)."""
    with open(source.path, "rb") as data:
        offset, left = source.start, source.size
        try:
            while left > 0:
                copied = os.copy_file_range(data.fileno(), out.fileno(), left, offset)
                if copied <= 0:
                    break
                offset, left = offset + copied, left - copied
        except (OSError, AttributeError):  # another file system, or no copy_file_range on this platform
            pass
        data.seek(offset)
        while left > 0:
            chunk = data.read(min(left, 1 << 24))
            if not chunk:
                raise OSError(f"{source.path}: shorter than its index says")
            out.write(chunk)
            left -= len(chunk)


def write_pieces(path: Path, pieces: list[Piece]) -> None:
    """Write a file made of pieces: bytes, and ranges of other files (copied, not read into memory); its
    writing to disk is started (`folder.start_writeback`)."""
    with open(path, "wb", buffering=0) as out:
        for piece in _coalesced(pieces):
            if isinstance(piece, Range):
                _copy(piece, out)
            else:
                out.write(piece)
        start_writeback(out.fileno())


def trig_of_turtle(turtle: bytes, graph: tuple[str, bytes]) -> bytes:
    """The TriG block of a graph (sorted N-Triples) whose Turtle statements (without the @prefix lines) are
    `turtle`: pyoxigraph writes the same statements, each line indented by a tab, between ``<graph> {`` and
    ``}`` (a Turtle line never holds a raw newline of a literal: pyoxigraph escapes them; a long string
    would, so it is serialised again then).

    >>> graph = ("http://g", b'<http://s> <http://p> "a" .\\n<http://s> <http://p> "b" .\\n')
    >>> trig_of_turtle(serialized(graph[1], ox.RdfFormat.TURTLE), graph) == trig(nquads(graph))
    True
    """
    name, ntriples = graph
    if not ntriples or b'"""' in turtle or b"'''" in turtle:
        return trig(nquads(graph))
    first = trig(nquads((name, ntriples[:ntriples.index(b"\n") + 1])))
    return first[:first.index(b" {\n") + 3] + b"\t" + turtle[:-1].replace(b"\n", b"\n\t") + b"\n}\n"


def own_triples(ntriples: bytes):
    """The triples of N-Triples that this build made and checked, parsed leniently (5 times faster than strictly)."""
    return ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES, lenient=True)


def serialized(ntriples: bytes, rdf_format: ox.RdfFormat) -> bytes:
    """Turtle (or TriG) of N-Triples without the @prefix lines."""
    return ox.serialize(own_triples(ntriples), None, rdf_format, prefixes=PREFIX_IRIS)[len(prefix_header(rdf_format)):]


def edited_nquads(previous_all: Path, graph: tuple[str, bytes], old: Path, hunks: list[Hunk]) -> list[Piece] | None:
    """The N-Quads of a graph (IRI, N-Triples) as the ranges of the previous build's `all.nq` that hold its
    unchanged lines and the N-Quads of its new lines, where that file ends with the graph's N-Quads made from
    the N-Triples file `old`, which `hunks` turn into the graph's text; else None.

    The lines of `old` are counted in the new text (an unchanged range of `old` is a range of it) and in the hunks:
    the mapped file is never copied whole."""
    name, text = graph
    extra = len(f" <{name}>".encode("utf-8"))  # each line's N-Quads are its N-Triples and this many bytes more
    try:
        with mapped(old) as before, open(previous_all, "rb") as everything:
            size = os.fstat(everything.fileno()).st_size
            removed = [before[hunk.old_start:hunk.old_end].count(b"\n") for hunk in hunks]
            old_lines = text.count(b"\n") + sum(removed) - sum(text.count(b"\n", hunk.new_start, hunk.new_end)
                                                             for hunk in hunks)
            start = size - len(before) - extra * old_lines  # where the graph's N-Quads begin
            first, last = before[:before.find(b"\n") + 1], before[before.rfind(b"\n", 0, len(before) - 1) + 1:]
            expected = [(start - 1, b"\n" if start else b""), (start, nquads((name, first))),
                        (size - len(nquads((name, last))), nquads((name, last)))]
            for offset, data in expected:
                everything.seek(max(offset, 0))
                if offset < 0 or everything.read(len(data)) != data:
                    return None
            pieces: list[Piece] = []
            done = done_new = lines = 0  # bytes of `old` and of the text, and lines, before the next range to copy
            for hunk, lost in zip(hunks, removed):
                end = lines + text.count(b"\n", done_new, hunk.new_start)  # the same lines in `old`
                pieces += [Range(previous_all, start + done + extra * lines, start + hunk.old_start + extra * end),
                           nquads((name, text[hunk.new_start:hunk.new_end]))]
                done, done_new, lines = hunk.old_end, hunk.new_end, end + lost
            return [*pieces, Range(previous_all, start + done + extra * lines, size)]
    except (OSError, ValueError):
        return None


def write_datasets(folder: Path, ontology: NAMED_GRAPH, asserted: list[NAMED_GRAPH], inferred: tuple[str, str | bytes],
                   reused: dict[str, dict[str, Range]] | None = None, inferred_turtle: bytes | None = None,
                   inferred_quads: list[Piece] | None = None) -> None:
    """The four dataset files and `cache/blocks.idx`; `reused` holds blocks of the previous build
    (`previous_blocks`) for graphs that are unchanged; `inferred_turtle` the Turtle statements of the inferred
    graph, if written (`trig_of_turtle`), and `inferred_quads` its N-Quads, if known (`edited_nquads`).
    `all.*` copy the `asserted.*` just written."""
    reused = reused or {}
    names = [name for name, _ in asserted]
    quads = [reused.get("nq", {}).get(name) or nquads(graph) for name, graph in zip(names, asserted)]
    known = [reused.get("trig", {}).get(name) for name in names]
    # the N-Quads of the graphs whose TriG block is to be made (read back if copied from the previous build)
    todo = [b"" if block is not None else quad.read() if isinstance(quad, Range) else quad
            for quad, block in zip(quads, known)]
    trigs = trig_blocks(todo, known)
    header = prefix_header(ox.RdfFormat.TRIG)
    ontology_quads = nquads(ontology)
    write_pieces(folder / ASSERTED["nq"], quads)
    write_pieces(folder / ASSERTED["trig"], [header, *trigs])
    nq_size, trig_size = sum(map(_size, quads)), len(header) + sum(map(_size, trigs))
    write_pieces(folder / "all.nq", [ontology_quads, Range(folder / ASSERTED["nq"], 0, nq_size),
                                     *(inferred_quads or [nquads(inferred)])])
    inferred_trig = trig(nquads(inferred)) if inferred_turtle is None else trig_of_turtle(inferred_turtle, inferred)
    write_pieces(folder / "all.trig", [header, trig(ontology_quads),
                                       Range(folder / ASSERTED["trig"], len(header), trig_size), inferred_trig])
    index = {"nq": {"size": nq_size, "graphs": _ranges(names, quads, 0)},
             "trig": {"size": trig_size, "graphs": _ranges(names, trigs, len(header))}}
    (folder / INDEX).parent.mkdir(exist_ok=True)
    (folder / INDEX).write_text(json.dumps(index), encoding="utf-8")
