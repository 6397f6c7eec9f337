"""The graph files of a build: every format holds the same graphs, whichever way each file is put together
(issue 14, item 2: the files of all graphs are composed from those of the asserted ones)."""

from __future__ import annotations

import collections
import json

import pyoxigraph as ox
import pytest
from rdflib import Graph

from edugraph.output import chunks
from edugraph.output.datasets import Range, edited_nquads, previous_blocks, trig_blocks, write_datasets, write_pieces
from edugraph.output.diff import sorted_diff
from edugraph.output.write import nquads, sorted_ntriples
from edugraph.prefixes import PREFIX_IRIS

INFERRED = "https://w3id.org/edugraph/graph/inferred"
ONTOLOGY = "https://w3id.org/edugraph/graph/ontology"


def parsed(path, format) -> set:
    return set(ox.parse(path=str(path), format=format))


def test_all_trig_is_the_trig_of_all_nq(seed_build):
    quads = list(ox.parse(path=str(seed_build / "all.nq"), format=ox.RdfFormat.N_QUADS))
    expected = ox.serialize(quads, None, ox.RdfFormat.TRIG, prefixes=PREFIX_IRIS)
    assert (seed_build / "all.trig").read_bytes() == expected


def test_every_format_holds_the_same_graphs(seed_build):
    everything = parsed(seed_build / "all.nq", ox.RdfFormat.N_QUADS)
    asserted = parsed(seed_build / "asserted.nq", ox.RdfFormat.N_QUADS)
    assert parsed(seed_build / "asserted.trig", ox.RdfFormat.TRIG) == asserted
    assert {q.graph_name.value for q in everything - asserted} == {INFERRED, ONTOLOGY}
    union = {q.triple for q in asserted}
    for name in ("asserted.ttl", "asserted.jsonld"):
        assert {q.triple for q in parsed(seed_build / name, None)} == union, name
    assert {q.triple for q in parsed(seed_build / "asserted.nt", ox.RdfFormat.N_TRIPLES)} == union
    inferred = {q.triple for q in everything if q.graph_name.value == INFERRED}
    for name in ("inferred.nt", "inferred.ttl", "inferred.jsonld"):
        assert {q.triple for q in parsed(seed_build / name, None)} == inferred, name


def test_nquads_are_written_graph_by_graph_each_sorted(seed_build):
    lines = (seed_build / "all.nq").read_text(encoding="utf-8").splitlines()
    graphs = [line.rsplit(" ", 2)[1] for line in lines]
    assert graphs[0] == f"<{ONTOLOGY}>" and graphs[-1] == f"<{INFERRED}>"
    blocks = [graphs[0]] + [g for previous, g in zip(graphs, graphs[1:]) if g != previous]
    assert len(blocks) == len(set(blocks))  # each graph in one block
    text = (seed_build / "all.nq").read_text(encoding="utf-8")
    inferred = (seed_build / "inferred.nt").read_text(encoding="utf-8")
    assert text.encode("utf-8").endswith(nquads((INFERRED, inferred)))


def test_sorted_ntriples_names_blank_nodes_by_content(seed_result):
    text = sorted_ntriples(seed_result.ontology)
    assert "_:" in text  # the ontology's restrictions and lists
    relabelled = Graph().parse(data=text, format="nt")  # new blank node labels
    assert text == sorted_ntriples(relabelled)
    assert text.splitlines() == sorted(set(text.splitlines()))


def dataset_files(folder) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in ("asserted.nq", "asserted.trig", "all.nq", "all.trig")}


def test_blocks_of_the_previous_build_give_the_same_files(seed_result, tmp_path):
    ontology = (str(seed_result.ontology.identifier), sorted_ntriples(seed_result.ontology))
    inferred = (str(seed_result.inferred.identifier), sorted_ntriples(seed_result.inferred))
    articles = frozenset(name for name, _ in seed_result.parts if "/article/" in name)
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    write_datasets(first, ontology, seed_result.parts, inferred)
    blocks = previous_blocks(first, articles)
    assert set(blocks) == {"nq", "trig"} and set(blocks["trig"]) == set(articles)
    assert all(block.read().endswith(b"\n}\n") for block in blocks["trig"].values())
    write_datasets(second, ontology, seed_result.parts, inferred, blocks)
    assert dataset_files(second) == dataset_files(first)


def test_blocks_of_a_changed_file_are_not_reused(seed_result, tmp_path):
    ontology = (str(seed_result.ontology.identifier), sorted_ntriples(seed_result.ontology))
    inferred = (str(seed_result.inferred.identifier), sorted_ntriples(seed_result.inferred))
    write_datasets(tmp_path, ontology, seed_result.parts, inferred)
    with (tmp_path / "asserted.nq").open("ab") as out:
        out.write(b"<urn:a> <urn:b> <urn:c> <urn:g> .\n")
    blocks = previous_blocks(tmp_path, frozenset(name for name, _ in seed_result.parts))
    assert "nq" not in blocks and "trig" in blocks
    assert previous_blocks(tmp_path / "missing", frozenset({"x"})) == {}


def test_trig_blocks_of_graphs_of_the_same_name_in_a_row():
    same = [nquads(("http://g", "<http://a> <http://p> <http://b> .\n")),
            nquads(("http://g", "<http://c> <http://p> <http://d> .\n"))]
    blocks = trig_blocks(same, [None, None])
    assert [block.count(b"\n}\n") for block in blocks] == [1, 1]
    assert b"<http://a>" in blocks[0] and b"<http://c>" in blocks[1]


def test_a_file_of_pieces_is_their_bytes_in_order(tmp_path):
    source = tmp_path / "source"
    source.write_bytes(b"0123456789" * 1000)
    pieces = [b"a", Range(source, 0, 5), Range(source, 5, 9000), b"b", b"c", Range(source, 9990, 10000),
              Range(source, 3, 3)]
    write_pieces(tmp_path / "out", pieces)
    expected = b"a" + source.read_bytes()[:9000] + b"bc" + b"0123456789" + b""
    assert (tmp_path / "out").read_bytes() == expected


def test_a_range_beyond_its_file_is_an_error_not_a_short_file(tmp_path):
    source = tmp_path / "source"
    source.write_bytes(b"0123456789")
    with pytest.raises(OSError):
        write_pieces(tmp_path / "out", [Range(source, 5, 20)])


def whole(lines: list[str], kind: str) -> bytes:
    triples = list(ox.parse("".join(lines).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))
    if kind == "ttl":
        return ox.serialize(triples, None, ox.RdfFormat.TURTLE, prefixes=PREFIX_IRIS)
    return ox.serialize(triples, None, ox.RdfFormat.JSON_LD)


def test_a_graph_written_in_chunks_is_the_graph_serialised_at_once(seed_result, tmp_path, monkeypatch):
    monkeypatch.setattr(chunks, "CUT", 4)  # many chunks even on the seed graph
    lines = sorted(seed_result.lines)
    assert len(chunks.chunked(lines)) > 20
    chunks.write_chunked(tmp_path, "asserted", "".join(lines).encode())
    for kind in ("ttl", "jsonld"):
        assert (tmp_path / f"asserted.{kind}").read_bytes() == whole(lines, kind)
    chunks.write_chunked(tmp_path, "empty", b"")
    assert [(tmp_path / f"empty.{kind}").read_bytes() for kind in ("ttl", "jsonld")] == [whole([], "ttl"),
                                                                                       whole([], "jsonld")]


def test_only_changed_chunks_are_serialised_again(seed_result, tmp_path, monkeypatch):
    monkeypatch.setattr(chunks, "CUT", 4)
    lines = sorted(seed_result.lines)
    changed = sorted([*lines[:100], *lines[101:], '<https://w3id.org/edugraph/id/x> <urn:p> "new" .\n'])
    first, second, fresh = tmp_path / "first", tmp_path / "second", tmp_path / "fresh"
    for folder in (first, second, fresh):
        folder.mkdir()
    chunks.write_chunked(first, "asserted", "".join(lines).encode())
    made = []
    original = chunks.serialized_body
    monkeypatch.setattr(chunks, "serialized_body", lambda text, kind: made.append(kind) or original(text, kind))
    chunks.write_chunked(second, "asserted", "".join(changed).encode(), previous=first)
    # the chunk that lost a line and the one that got one, with their neighbours, in both formats; not the others
    assert 2 <= len(made) <= 2 * 2 * 4 < 2 * len(chunks.chunked(lines))
    chunks.write_chunked(fresh, "asserted", "".join(changed).encode())
    for kind in ("ttl", "jsonld"):
        assert (second / f"asserted.{kind}").read_bytes() == (fresh / f"asserted.{kind}").read_bytes()
        assert (second / f"asserted.{kind}").read_bytes() == whole(changed, kind)
    (first / "asserted.ttl").write_bytes(b"# edited\n")  # a file that does not match its index is not used
    assert set(chunks.previous_chunks(first, "asserted")) == {"jsonld"}


def test_chunks_patched_after_changes_anywhere_are_those_of_a_fresh_write(seed_result, tmp_path, monkeypatch):
    """Lines added and removed at the start, the end, chunk boundaries and whole subjects: the chunks kept from
    the previous build and those cut again give the files (and the index) of a write from nothing."""
    monkeypatch.setattr(chunks, "CUT", 4)
    lines = sorted(seed_result.lines)
    subject = lines[len(lines) // 2].split(" ", 1)[0]
    (largest, size), = collections.Counter(line.split(" ", 1)[0] for line in lines).most_common(1)
    monkeypatch.setattr(chunks, "BIG", size)  # the largest subject is the only chunk of its own
    own = [line for line in lines if line.startswith(largest + " ")]
    smaller = [line for line in lines if line != own[size // 2]]  # it loses a line in its middle: no longer
    bigger = sorted({*lines, *(f'{subject} <urn:m{n}> "more" .\n' for n in range(size))})  # one more of its own
    cut = chunks.chunked(lines)[1].splitlines()[-1].split(" ", 1)[0]  # the subject that ends the second chunk
    extra = ['<a:first> <urn:p> "x" .\n', '<zz:last> <urn:p> "y" .\n', f'{subject} <urn:p> "z" .\n']
    rounds = [sorted(set(lines) | set(extra)), [line for line in lines if not line.startswith(subject + " ")],
              [line for line in lines if not line.startswith(cut + " ")], sorted([*lines, f'{cut} <urn:zz> "w" .\n']),
              smaller, lines, bigger, lines[1:-1], sorted(set(lines[::3]) | set(extra)), lines]
    previous = tmp_path / "0"
    previous.mkdir()
    chunks.write_chunked(previous, "g", "".join(lines).encode())
    for n, changed in enumerate(rounds, 1):
        folder, fresh = tmp_path / str(n), tmp_path / f"fresh{n}"
        folder.mkdir()
        fresh.mkdir()
        text = "".join(changed).encode()
        found = chunks.write_chunked(folder, "g", text, previous=previous)
        chunks.write_chunked(fresh, "g", text)
        assert found is not None
        assert set(found.added.splitlines(keepends=True)) == {line.encode() for line in set(changed) - set(
            (previous / "g.nt").read_text().splitlines(keepends=True))}
        for name in ("g.nt", "g.ttl", "g.jsonld", "cache/g.chunks"):
            assert (folder / name).read_bytes() == (fresh / name).read_bytes(), (n, name)
        assert (folder / "g.ttl").read_bytes() == whole(changed, "ttl")
        previous = folder


def test_the_inferred_nquads_are_edited_from_the_previous_all_nq(seed_result, tmp_path):
    lines = seed_result.inferred_text.splitlines(keepends=True)
    old_text = "".join(lines[::2]).encode()  # the previous build had every other line, and one line more
    new_text = "".join([*lines[1:-1], '<a:first> <urn:p> "x" .\n']).encode()
    new_text = b"".join(sorted(new_text.splitlines(keepends=True)))
    (tmp_path / "inferred.nt").write_bytes(old_text)
    (tmp_path / "all.nq").write_bytes(nquads((ONTOLOGY, "<urn:o> <urn:p> <urn:q> .\n")) + nquads((INFERRED, old_text)))
    hunks = sorted_diff(old_text, new_text)
    pieces = edited_nquads(tmp_path / "all.nq", (INFERRED, new_text), tmp_path / "inferred.nt", hunks)
    assert any(isinstance(piece, Range) for piece in pieces)
    write_pieces(tmp_path / "out", pieces)
    assert (tmp_path / "out").read_bytes() == nquads((INFERRED, new_text))
    (tmp_path / "all.nq").write_bytes(nquads((INFERRED, old_text + b"<urn:x> <urn:p> <urn:q> .\n")))  # not that file
    assert edited_nquads(tmp_path / "all.nq", (INFERRED, new_text), tmp_path / "inferred.nt", hunks) is None


def test_a_damaged_chunk_index_is_not_trusted(seed_result, tmp_path, monkeypatch):
    """An index whose entries have the wrong shape or ranges out of order gives the files of a write from nothing,
    never an error or a file of wrong ranges."""
    monkeypatch.setattr(chunks, "CUT", 4)
    lines = sorted(seed_result.lines)
    changed = "".join(sorted([*lines[1:], '<https://w3id.org/edugraph/id/x> <urn:p> "new" .\n'])).encode()
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    chunks.write_chunked(fresh, "g", changed)
    index_path = tmp_path / "previous" / "cache" / "g.chunks"
    damages = [lambda index: index.update(nt=[]), lambda index: index["ttl"].pop("chunks"),
               lambda index: index["ttl"]["chunks"][1].__setitem__(2, 0),  # a chunk ending before it starts
               lambda index: index["jsonld"]["chunks"].reverse(), lambda index: index["nt"]["ends"].pop()]
    for n, damage in enumerate(damages):
        previous = tmp_path / "previous"
        previous.mkdir(exist_ok=True)
        chunks.write_chunked(previous, "g", "".join(lines).encode())
        index = json.loads(index_path.read_text())
        damage(index)
        index_path.write_text(json.dumps(index))
        folder = tmp_path / str(n)
        folder.mkdir()
        assert chunks.write_chunked(folder, "g", changed, previous=previous) is None, n
        for name in ("g.nt", "g.ttl", "g.jsonld", "cache/g.chunks"):
            assert (folder / name).read_bytes() == (fresh / name).read_bytes(), (n, name)
