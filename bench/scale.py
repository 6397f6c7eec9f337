"""Make a big graph with the shape of the seed build, for benchmarks.

    python bench/scale.py --triples 1000000 --out bench/out/scaled.nq [--build build]

Reads `<build>/all.nq` and writes N-Quads: the ontology and gazetteer graphs once, then as many copies of
everything else (article graphs, `egg:entities`, `egg:inferred`; quads about shared resources only once) as it takes to reach about --triples.
In copy k every article, person, organisation, event and post IRI gets a `-k<k>` suffix (article graphs
too) and their labels, titles and ids a ` #<k>` suffix; places, initiatives, roles and topics stay shared,
so classes, property shapes and the per-region/per-initiative fan-out stay realistic.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

import pyoxigraph as ox

ID = "https://w3id.org/edugraph/id/"
GRAPH = "https://w3id.org/edugraph/graph/"
COPIED = tuple(ID + kind + "/" for kind in ("article", "person", "org", "event", "post"))
SHARED_GRAPHS = {GRAPH + "ontology", GRAPH + "gazetteer"}
LABELS = {"http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#prefLabel",
          "http://purl.org/dc/terms/title", "https://w3id.org/edugraph/ontology#articleId"}


def rename(term, k: int):
    if isinstance(term, ox.NamedNode) and (term.value.startswith(COPIED) or term.value.startswith(GRAPH + "article/")):
        return ox.NamedNode(f"{term.value}-k{k}")
    return term


def copy(quad: ox.Quad, k: int) -> ox.Quad:
    obj = quad.object
    if isinstance(obj, ox.Literal) and quad.predicate.value in LABELS and quad.subject.value.startswith(COPIED):
        obj = ox.Literal(f"{obj.value} #{k}", language=obj.language) if obj.language else \
            ox.Literal(f"{obj.value} #{k}", datatype=obj.datatype)
    return ox.Quad(rename(quad.subject, k), quad.predicate, rename(obj, k), rename(quad.graph_name, k))


def scale(source: Path, out: Path, triples: int) -> int:
    quads = list(ox.parse(path=str(source), format=ox.RdfFormat.N_QUADS))
    # quads that a copy would leave unchanged (ontology, gazetteer, labels and inferences about shared places,
    # initiatives, roles, topics) are written once; the others once per copy
    shared = [q for q in quads if (isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value in SHARED_GRAPHS)
              or copy(q, 1) == q]
    shared_set = set(shared)
    varying = [q for q in quads if q not in shared_set]
    copies = max(1, math.ceil((triples - len(shared)) / max(1, len(varying))))
    out.parent.mkdir(parents=True, exist_ok=True)
    written = len(shared)
    with open(out, "wb") as f:
        ox.serialize(shared, f, format=ox.RdfFormat.N_QUADS)
        for k in range(copies):
            ox.serialize((copy(q, k) if k else q for q in varying), f, format=ox.RdfFormat.N_QUADS)
            written += len(varying)
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="about how many quads to write")
    parser.add_argument("--build", type=Path, default=Path(__file__).resolve().parents[1] / "build")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out" / "scaled.nq")
    args = parser.parse_args(argv)
    source = args.build / "all.nq"
    if not source.is_file():
        print(f"scale.py: no {source}: run `edugraph build` first", file=sys.stderr)
        return 2
    print(f"wrote {scale(source, args.out, args.triples)} quads to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
