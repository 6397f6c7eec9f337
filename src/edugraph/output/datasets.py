"""The dataset files: asserted.nq / asserted.trig (the asserted named graphs) and all.nq / all.trig (the
ontology, those and the inferred graph), written graph by graph in that order.

Each file is a concatenation of one block per graph (the same graph gives the same block), so a build
reuses the previous build's blocks of the article graphs it reuses instead of making them again: it
records where each graph's block lies in `cache/blocks.idx` (JSON: per file, its size and the
`[graph, start, end]` byte ranges), and the next build copies those ranges.
"""

from __future__ import annotations

import json
from pathlib import Path

from .cache import CACHE_DIR
from .write import NAMED_GRAPH, nquads, trig, trig_header

INDEX = Path(CACHE_DIR) / "blocks.idx"
ASSERTED = {"nq": "asserted.nq", "trig": "asserted.trig"}
BLOCK_END = b"\n}\n"  # a TriG graph block ends so; raw newlines never occur inside its terms


def previous_blocks(previous: Path | None, names: frozenset[str]) -> dict[str, dict[str, bytes]]:
    """The blocks of the graphs `names` in the previous build's asserted files, by format ("nq", "trig")
    and graph; empty where that build has no index or its files do not match it."""
    found: dict[str, dict[str, bytes]] = {}
    if previous is None or not names:
        return found
    try:
        index = json.loads((Path(previous) / INDEX).read_text(encoding="utf-8"))
        for kind, name in ASSERTED.items():
            data = (Path(previous) / name).read_bytes()
            if len(data) == index[kind]["size"]:
                found[kind] = {graph: data[start:end] for graph, start, end in index[kind]["graphs"] if graph in names}
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return found


def trig_blocks(nquads_blocks: list[bytes], known: list[bytes | None]) -> list[bytes]:
    """The TriG block of each graph: the `known` one, else made (all the missing ones in one serialisation,
    cut at the block ends; one by one if that does not give one block per graph)."""
    todo = [i for i, block in enumerate(known) if block is None and nquads_blocks[i]]
    made = trig(b"".join(nquads_blocks[i] for i in todo))
    ends = [i + len(BLOCK_END) for i in _find_all(made, BLOCK_END)]
    blocks = [block or b"" for block in known]
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


def _ranges(names: list[str], blocks: list[bytes], start: int) -> list[list]:
    ranges = []
    for name, block in zip(names, blocks):
        ranges.append([name, start, start + len(block)])
        start += len(block)
    return ranges


def write_datasets(folder: Path, ontology: NAMED_GRAPH, asserted: list[NAMED_GRAPH], inferred: NAMED_GRAPH,
                   reused: dict[str, dict[str, bytes]] | None = None) -> None:
    """The four dataset files and `cache/blocks.idx`; `reused` holds blocks of the previous build
    (`previous_blocks`) for graphs that are unchanged."""
    reused = reused or {}
    names = [name for name, _ in asserted]
    quads = [reused.get("nq", {}).get(name) or nquads(graph) for name, graph in zip(names, asserted)]
    trigs = trig_blocks(quads, [reused.get("trig", {}).get(name) for name in names])
    header = trig_header()
    with (folder / ASSERTED["nq"]).open("wb") as out:
        out.writelines(quads)
    with (folder / ASSERTED["trig"]).open("wb") as out:
        out.writelines([header, *trigs])
    with (folder / "all.nq").open("wb") as out:
        out.writelines([nquads(ontology), *quads, nquads(inferred)])
    with (folder / "all.trig").open("wb") as out:
        out.writelines([header, trig(nquads(ontology)), *trigs, trig(nquads(inferred))])
    index = {"nq": {"size": sum(map(len, quads)), "graphs": _ranges(names, quads, 0)},
             "trig": {"size": len(header) + sum(map(len, trigs)), "graphs": _ranges(names, trigs, len(header))}}
    (folder / INDEX).parent.mkdir(exist_ok=True)
    (folder / INDEX).write_text(json.dumps(index), encoding="utf-8")
