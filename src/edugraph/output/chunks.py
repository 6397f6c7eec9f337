"""The Turtle and JSON-LD files of a graph, written in chunks of subjects so that a build copies the chunks that
did not change from the previous build's files instead of serialising the whole graph again.

The sorted N-Triples lines of a graph are cut after each subject whose CRC-32 is divisible by `CUT` (a cut
depends only on its subject, so a change moves no other cut), and pyoxigraph serialises each chunk on its own.
A file is the concatenation: for Turtle the @prefix lines then every chunk's statements, for JSON-LD one array
of every chunk's objects; the same bytes as serialising the whole graph at once (a subject's statements are
never split, and lines sorted as text keep each subject's lines together). `cache/<stem>.chunks` records, per
file, its size and each chunk's SHA-256 and byte range (and the pyoxigraph version, prefixes and CUT, `STAMP`);
the next build that reuses articles copies the ranges of the chunks it has again.
"""

from __future__ import annotations

import itertools
import json
import zlib
from pathlib import Path

import pyoxigraph as ox

from .cache import CACHE_DIR, text_digest
from .datasets import Piece, Range, write_pieces
from .write import PREFIX_IRIS, prefix_header

CUT = 64  # about this many subjects per chunk
FORMATS = {"ttl": ox.RdfFormat.TURTLE, "jsonld": ox.RdfFormat.JSON_LD}
EMPTY = {"ttl": b"", "jsonld": b"[]"}  # the files of an empty graph
# what a chunk's bytes depend on besides its text: chunks of a build with another stamp are not reused
STAMP = json.dumps([ox.__version__, PREFIX_IRIS, CUT], sort_keys=True)


def chunked(lines: list[str]) -> list[str]:
    """Sorted N-Triples lines as texts of whole subjects, cut after the subjects whose CRC-32 is divisible by CUT.

    >>> chunked(['<x:11> <p> "1" .\\n', '<x:11> <p> "2" .\\n', '<x:12> <p> "3" .\\n'])  # CRC-32 of <x:11>: 0 mod 64
    ['<x:11> <p> "1" .\\n<x:11> <p> "2" .\\n', '<x:12> <p> "3" .\\n']
    """
    ends, end = [], 0
    for subject, group in itertools.groupby(line[:line.find(" ")] for line in lines):
        end += sum(1 for _ in group)
        if zlib.crc32(subject.encode("utf-8")) % CUT == 0:
            ends.append(end)
    if not ends or ends[-1] != len(lines):
        ends.append(len(lines))
    return ["".join(lines[start:end]) for start, end in zip([0, *ends], ends) if end > start]


def serialized_body(ntriples: str, kind: str) -> bytes:
    """A chunk in a format, without what the file has once: the Turtle @prefix lines, the JSON-LD [ and ]."""
    # lenient: the text was made and checked by this build (parsing without it costs 5 times more)
    triples = ox.parse(ntriples.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES, lenient=True)
    if kind == "ttl":
        return ox.serialize(triples, None, FORMATS[kind], prefixes=PREFIX_IRIS)[len(prefix_header(FORMATS[kind])):]
    return ox.serialize(triples, None, FORMATS[kind])[1:-1]


def _index_path(folder: Path, stem: str) -> Path:
    return Path(folder) / CACHE_DIR / f"{stem}.chunks"


def previous_chunks(previous: Path | None, stem: str) -> dict[str, dict[str, Range]]:
    """The chunks of the previous build's `<stem>.ttl` and `<stem>.jsonld`, by format and SHA-256 (empty for a
    file that does not match its index)."""
    found: dict[str, dict[str, Range]] = {}
    if previous is None:
        return found
    try:
        index = json.loads(_index_path(previous, stem).read_text(encoding="utf-8"))
        if index["stamp"] != STAMP:
            return found
        for kind in FORMATS:
            path = Path(previous) / f"{stem}.{kind}"
            if path.stat().st_size == index[kind]["size"]:
                found[kind] = {digest: Range(path, start, end) for digest, start, end in index[kind]["chunks"]}
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return found


def write_chunked(folder: Path, stem: str, lines: list[str], previous: Path | None = None) -> None:
    """`<stem>.ttl` and `<stem>.jsonld` of sorted N-Triples lines and their index; the chunks the previous build
    has are copied from its files."""
    texts = chunked(lines)
    digests = [text_digest(text) for text in texts]
    reused = previous_chunks(previous, stem)
    index: dict = {"stamp": STAMP}
    for kind in FORMATS:
        known = reused.get(kind, {})
        bodies: list[Piece] = [known.get(digest) or serialized_body(text, kind) for digest, text in zip(digests, texts)]
        if not bodies:
            pieces: list[Piece] = [EMPTY[kind]]
        elif kind == "ttl":
            pieces = [prefix_header(FORMATS[kind]), *bodies]
        else:
            pieces = [b"[", *itertools.chain.from_iterable((b",", body) for body in bodies), b"]"]
            del pieces[1]  # no comma before the first chunk
        write_pieces(Path(folder) / f"{stem}.{kind}", pieces)
        ranges, start = [], len(pieces[0]) if bodies else 0
        for digest, body in zip(digests, bodies):
            size = body.size if isinstance(body, Range) else len(body)
            ranges.append([digest, start, start + size])
            start += size + (kind == "jsonld")  # the comma between two chunks
        index[kind] = {"size": sum(p.size if isinstance(p, Range) else len(p) for p in pieces), "chunks": ranges}
    _index_path(folder, stem).parent.mkdir(exist_ok=True)
    _index_path(folder, stem).write_text(json.dumps(index), encoding="utf-8")
