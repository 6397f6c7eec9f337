"""The N-Triples, Turtle and JSON-LD files of a graph, the last two written in chunks of subjects so that a build
copies the chunks that did not change from the previous build's files instead of serialising the whole graph again.

The sorted N-Triples lines of a graph are cut after each subject whose CRC-32 is divisible by `CUT`, and around
each subject of `BIG` lines or more (a cut depends only on the subjects on either side of it, so a change moves
no cut away from it), and pyoxigraph serialises each chunk on its own.
A file is the concatenation: for Turtle the @prefix lines then every chunk's statements, for JSON-LD one array
of every chunk's objects; the same bytes as serialising the whole graph at once (a subject's statements are
never split, and lines sorted as text keep each subject's lines together). `cache/<stem>.chunks` records, per
file, its size and each chunk's SHA-256 and byte range (and the pyoxigraph version, prefixes and CUT, `STAMP`),
and where each chunk ends in `<stem>.nt`.

The next build compares its N-Triples with the previous `<stem>.nt` (`diff.sorted_diff`: block comparisons of
the two texts, no line split): only the chunks holding a changed line, or next to one, are cut and serialised
again; the others are copied from the previous files with the digest they had. When the texts differ too much
(or the previous index does not fit its files) every chunk is cut again and those whose SHA-256 the previous
build has are copied.
"""

from __future__ import annotations

import bisect
import itertools
import json
import zlib
from pathlib import Path
from typing import NamedTuple

import pyoxigraph as ox

from ..prefixes import PREFIX_IRIS
from .cache import CACHE_DIR, text_digest
from .datasets import Piece, Range, own_triples, serialized, write_pieces
from .diff import Hunk, mapped, removed_and_added, sorted_diff
from .write import ntriples_lines, prefix_header

CUT = 64  # about this many subjects per chunk
BIG = 32  # a subject with this many lines is a chunk of its own
FORMATS = {"ttl": ox.RdfFormat.TURTLE, "jsonld": ox.RdfFormat.JSON_LD}
EMPTY = {"ttl": b"", "jsonld": b"[]"}  # the files of an empty graph
# what a chunk's bytes depend on besides its text: chunks of a build with another stamp are not reused
STAMP = json.dumps([ox.__version__, PREFIX_IRIS, CUT, BIG], sort_keys=True)


class Chunk(NamedTuple):
    """One chunk of a graph: the SHA-256 and size of its N-Triples, and its body in each format."""

    digest: str
    size: int
    bodies: dict[str, Piece]


class Changes(NamedTuple):
    """How a graph changed since the previous build's file `old`: the lines it lost and gained (N-Triples,
    UTF-8) and the hunks that turn that file into the new text."""

    removed: bytes
    added: bytes
    old: Path
    hunks: list[Hunk]


def chunked(lines: list[str]) -> list[str]:
    """Sorted N-Triples lines as texts of whole subjects, cut after the subjects whose CRC-32 is divisible by CUT,
    and before and after a subject of BIG lines or more (an entity many articles report: changed by most of them).

    >>> chunked(['<x:11> <p> "1" .\\n', '<x:11> <p> "2" .\\n', '<x:12> <p> "3" .\\n'])  # CRC-32 of <x:11>: 0 mod 64
    ['<x:11> <p> "1" .\\n<x:11> <p> "2" .\\n', '<x:12> <p> "3" .\\n']
    """
    ends, end = [], 0
    for subject, group in itertools.groupby(line[:line.find(" ")] for line in lines):
        count = sum(1 for _ in group)
        if count >= BIG and end and ends[-1:] != [end]:
            ends.append(end)
        end += count
        if count >= BIG or zlib.crc32(subject.encode("utf-8")) % CUT == 0:
            ends.append(end)
    if not ends or ends[-1] != len(lines):
        ends.append(len(lines))
    return ["".join(lines[start:end]) for start, end in zip([0, *ends], ends) if end > start]


def serialized_body(ntriples: bytes, kind: str) -> bytes:
    """A chunk in a format, without what the file has once: the Turtle @prefix lines, the JSON-LD [ and ]."""
    if kind == "ttl":
        return serialized(ntriples, FORMATS[kind])
    return ox.serialize(own_triples(ntriples), None, FORMATS[kind])[1:-1]


def _index_path(folder: Path, stem: str) -> Path:
    return Path(folder) / CACHE_DIR / f"{stem}.chunks"


def _previous_index(previous: Path | None, stem: str) -> dict | None:
    """The previous build's index of `stem`, with "files": the formats whose file matches it; None if unusable."""
    if previous is None:
        return None
    try:
        index = json.loads(_index_path(previous, stem).read_text(encoding="utf-8"))
        if not well_formed(index):
            return None
        index["files"] = {kind: Path(previous) / f"{stem}.{kind}" for kind in FORMATS
                          if (Path(previous) / f"{stem}.{kind}").stat().st_size == index[kind]["size"]}
        return index
    except (OSError, ValueError):
        return None


def well_formed(index) -> bool:
    """Whether a chunk index read back is one this code writes: the stamp, then for the `.nt` its size and the
    ascending ends of its chunks, and for each other format its size and one (digest, start, end) per chunk,
    in order and inside the file (a damaged index would make copies of wrong or empty ranges).

    >>> nt = {"size": 9, "ends": [4, 9]}
    >>> ttl = {"size": 20, "chunks": [["a", 5, 10], ["b", 10, 20]]}
    >>> well_formed({"stamp": STAMP, "nt": nt, "ttl": ttl, "jsonld": ttl}), well_formed({"stamp": STAMP, "nt": []})
    (True, False)
    """
    def ascending(numbers: list, size: int) -> bool:
        return all(type(n) is int for n in numbers) and all(0 <= a <= b for a, b in zip([0, *numbers], numbers)) \
            and (not numbers or numbers[-1] <= size)

    if not isinstance(index, dict) or index.get("stamp") != STAMP:
        return False
    nt = index.get("nt")
    if not isinstance(nt, dict) or type(nt.get("size")) is not int or not isinstance(nt.get("ends"), list) \
            or not ascending(nt["ends"], nt["size"]):
        return False
    for kind in FORMATS:
        file = index.get(kind)
        if not isinstance(file, dict) or type(file.get("size")) is not int or not isinstance(file.get("chunks"), list) \
                or len(file["chunks"]) != len(nt["ends"]):
            return False
        if not all(isinstance(c, list) and len(c) == 3 and isinstance(c[0], str) for c in file["chunks"]) \
                or not ascending([n for _, start, end in file["chunks"] for n in (start, end)], file["size"]):
            return False
    return True


def previous_chunks(previous: Path | None, stem: str) -> dict[str, dict[str, Range]]:
    """The chunks of the previous build's `<stem>.ttl` and `<stem>.jsonld`, by format and SHA-256 (empty for a
    file that does not match its index)."""
    index = _previous_index(previous, stem)
    if index is None:
        return {}
    try:
        return {kind: {digest: Range(path, start, end) for digest, start, end in index[kind]["chunks"]}
                for kind, path in index["files"].items()}
    except (KeyError, TypeError, ValueError):
        return {}


def _made(text: bytes, known: dict[str, dict[str, Range]] | None = None) -> list[Chunk]:
    """The chunks of sorted N-Triples, cut and serialised (or copied from `known` chunks of the same SHA-256)."""
    known = known or {}
    made = []
    for piece in chunked(ntriples_lines(text.decode("utf-8"))):
        data, digest = piece.encode("utf-8"), text_digest(piece)
        made.append(Chunk(digest, len(data), {kind: known.get(kind, {}).get(digest) or serialized_body(data, kind)
                                              for kind in FORMATS}))
    return made


def _patched(index: dict, text: bytes, hunks: list[Hunk]) -> list[Chunk]:
    """The chunks of `text`: the previous build's (`index`) where no hunk is in them or in a neighbour, the
    others cut again (the subjects on either side of each run of those are unchanged, so the cuts there stay)."""
    ends = index["nt"]["ends"]
    size = ends[-1]
    touched: set[int] = set()
    for hunk in hunks:
        # the chunks of the lines before and after the change and between them, and their neighbours (a subject
        # that gains or loses lines may become a chunk of its own, or stop being one)
        first = bisect.bisect_right(ends, hunk.old_start - 1) if hunk.old_start else 0
        last = min(bisect.bisect_right(ends, hunk.old_end), len(ends) - 1)
        touched.update(range(max(first - 1, 0), min(last + 1, len(ends) - 1) + 1))
    shift, next_hunk = 0, 0

    def new_offset(offset: int) -> int:  # where an old chunk boundary is in the new text
        nonlocal shift, next_hunk
        while next_hunk < len(hunks) and hunks[next_hunk].old_start < offset:
            hunk = hunks[next_hunk]
            shift += (hunk.new_end - hunk.new_start) - (hunk.old_end - hunk.old_start)
            next_hunk += 1
        return len(text) if offset == size else offset + shift

    chunks: list[Chunk] = []
    for is_touched, run in itertools.groupby(range(len(ends)), key=touched.__contains__):
        run = list(run)
        if is_touched:
            start = new_offset(ends[run[0] - 1] if run[0] else 0)
            chunks += _made(text[start:new_offset(ends[run[-1]])])
            continue
        for c in run:
            chunks.append(Chunk(index["ttl"]["chunks"][c][0], ends[c] - (ends[c - 1] if c else 0),
                                {kind: Range(index["files"][kind], *index[kind]["chunks"][c][1:]) for kind in FORMATS}))
    return chunks


def _edited(path: Path, size: int, text: bytes, hunks: list[Hunk]) -> list[Piece]:
    """The new text as the ranges of the old file (`path`, `size` bytes) between the hunks and their new bytes."""
    pieces: list[Piece] = []
    done = 0
    for hunk in hunks:
        pieces += [Range(path, done, hunk.old_start), text[hunk.new_start:hunk.new_end]]
        done = hunk.old_end
    return [*pieces, Range(path, done, size)]


def _changes(index: dict | None, old_path: Path, text: bytes) -> Changes | None:
    """How `text` differs from the previous build's N-Triples file, if its index fits it and the change is small."""
    if index is None or len(index["files"]) < len(FORMATS) or not index.get("nt", {}).get("ends") \
            or any(len(index[kind]["chunks"]) != len(index["nt"]["ends"]) for kind in FORMATS):
        return None
    try:
        with mapped(old_path) as old:
            if not len(old) == index["nt"]["size"] == index["nt"]["ends"][-1]:
                return None
            hunks = sorted_diff(old, text)
            return None if hunks is None else Changes(*removed_and_added(old, text, hunks), old_path, hunks)
    except (OSError, ValueError):
        return None


def _file_pieces(kind: str, bodies: list[Piece]) -> list[Piece]:
    """A file of chunks: the Turtle @prefix lines then the chunks, or a JSON-LD array of them."""
    if not bodies:
        return [EMPTY[kind]]
    if kind == "ttl":
        return [prefix_header(FORMATS[kind]), *bodies]
    pieces: list[Piece] = [b"["]
    for body in bodies:
        last = pieces[-1]
        if isinstance(body, Range) and isinstance(last, Range) and (last.path, last.end + 1) == (body.path, body.start):
            pieces[-1] = Range(last.path, last.start, body.end)  # neighbours there too: copied with the comma between
        else:
            pieces += [b",", body] if len(pieces) > 1 else [body]
    return [*pieces, b"]"]


def write_chunked(folder: Path, stem: str, text: bytes, previous: Path | None = None) -> Changes | None:
    """`<stem>.nt` (the sorted N-Triples `text`), `<stem>.ttl`, `<stem>.jsonld` and their index; what the
    previous build has is copied from its files. Returns how the graph changed since the previous build's
    `<stem>.nt`, or None when that is not known (no usable previous build, or a large change)."""
    folder = Path(folder)
    index = _previous_index(previous, stem)
    changes = None if index is None else _changes(index, Path(previous) / f"{stem}.nt", text)
    if changes is None:
        write_pieces(folder / f"{stem}.nt", [text])
        chunks = _made(text, previous_chunks(previous, stem))
    else:  # the unchanged lines and chunks copied from the previous files
        write_pieces(folder / f"{stem}.nt", _edited(changes.old, index["nt"]["size"], text, changes.hunks))
        chunks = _patched(index, text, changes.hunks)
    new_index: dict = {"stamp": STAMP, "nt": {"size": len(text), "ends": list(itertools.accumulate(
        chunk.size for chunk in chunks))}}
    for kind in FORMATS:
        bodies = [chunk.bodies[kind] for chunk in chunks]
        pieces = _file_pieces(kind, bodies)
        write_pieces(folder / f"{stem}.{kind}", pieces)
        ranges, start = [], len(pieces[0]) if bodies else 0
        for chunk, body in zip(chunks, bodies):
            size = body.size if isinstance(body, Range) else len(body)
            ranges.append([chunk.digest, start, start + size])
            start += size + (kind == "jsonld")  # the comma between two chunks
        new_index[kind] = {"size": sum(p.size if isinstance(p, Range) else len(p) for p in pieces), "chunks": ranges}
    _index_path(folder, stem).parent.mkdir(exist_ok=True)
    _index_path(folder, stem).write_text(json.dumps(new_index), encoding="utf-8")
    return changes
