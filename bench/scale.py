"""Make a big graph with the shape of a real build, whose facts repeat across articles as news does.

    python bench/scale.py --triples 1000000 --out bench/out/scaled.nq [--build build] [--repeat 3]

Reads `<build>/all.nq` and writes N-Quads: the ontology and gazetteer graphs once, then copies of
everything else (article graphs, `egg:entities`, `egg:inferred`) until the distinct triples (what the
store's default graph holds) reach about --triples. In copy k:
- every article gets its own IRI and named graph (`…-k<k>`): k articles;
- events and posts are shared by `--repeat` consecutive copies (`…-e<k // repeat>`), people and
  organisations by 4 × `--repeat` copies (`…-p<…>`): the same fact is reported by several articles,
  so the named graphs hold several copies of it (bag semantics would multiply joins);
- labels, titles and ids get the same suffix as their IRI; places, initiatives, roles and topics stay
  shared, so the per-region and per-initiative fan-out stays realistic.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pyoxigraph as ox

ID = "https://w3id.org/edugraph/id/"
GRAPH = "https://w3id.org/edugraph/graph/"
ARTICLES = (ID + "article/", GRAPH + "article/")
EVENTS = tuple(ID + kind + "/" for kind in ("event", "post"))
PEOPLE = tuple(ID + kind + "/" for kind in ("person", "org"))
SHARED_GRAPHS = {GRAPH + "ontology", GRAPH + "gazetteer"}
LABELS = {"http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#prefLabel",
          "http://purl.org/dc/terms/title", "https://w3id.org/edugraph/ontology#articleId"}


def suffix(iri: str, k: int, repeat: int) -> str | None:
    """The copy suffix of a resource IRI in copy k, or None for shared resources."""
    if iri.startswith(ARTICLES):
        return f"k{k}"
    if iri.startswith(EVENTS):
        return f"e{k // repeat}"
    if iri.startswith(PEOPLE):
        return f"p{k // (4 * repeat)}"
    return None


def rename(term, k: int, repeat: int):
    if isinstance(term, ox.NamedNode):
        tail = suffix(term.value, k, repeat)
        return ox.NamedNode(f"{term.value}-{tail}") if tail else term
    return term


def copy(quad: ox.Quad, k: int, repeat: int) -> ox.Quad:
    obj = quad.object
    tail = suffix(quad.subject.value, k, repeat) if isinstance(quad.subject, ox.NamedNode) else None
    if isinstance(obj, ox.Literal) and quad.predicate.value in LABELS and tail:
        obj = ox.Literal(f"{obj.value} #{tail}", language=obj.language) if obj.language else \
            ox.Literal(f"{obj.value} #{tail}", datatype=obj.datatype)
    return ox.Quad(rename(quad.subject, k, repeat), quad.predicate, rename(obj, k, repeat),
                   rename(quad.graph_name, k, repeat))


def scale(source: Path, out: Path, triples: int, repeat: int) -> tuple[int, int]:
    """Write the scaled N-Quads; (quads written, distinct triples)."""
    quads = list(ox.parse(path=str(source), format=ox.RdfFormat.N_QUADS))
    shared = [q for q in quads if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value in SHARED_GRAPHS]
    varying = [q for q in quads if q not in set(shared)]
    distinct = {q.triple for q in shared}
    written = len(shared)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as f:
        ox.serialize(shared, f, format=ox.RdfFormat.N_QUADS)
        k = 0
        while len(distinct) < triples:
            batch = {copy(q, k, repeat) for q in varying}
            distinct |= {q.triple for q in batch}
            ox.serialize(batch, f, format=ox.RdfFormat.N_QUADS)
            written += len(batch)
            k += 1
    return written, len(distinct)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="about how many distinct triples")
    parser.add_argument("--repeat", type=int, default=3, help="articles reporting the same event or post")
    parser.add_argument("--build", type=Path, default=Path(__file__).resolve().parents[1] / "build")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out" / "scaled.nq")
    args = parser.parse_args(argv)
    source = args.build / "all.nq"
    if not source.is_file():
        print(f"scale.py: no {source}: run `edugraph build` first", file=sys.stderr)
        return 2
    quads, distinct = scale(source, args.out, args.triples, args.repeat)
    print(f"wrote {quads} quads ({distinct} distinct triples) to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
