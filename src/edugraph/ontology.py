"""The EduGraph OWL ontology, its SKOS concept schemes and SHACL shapes, read from `ontology/`; and two
views of them for OWL tools: an OWL 2 DL view of ontology + data (dates HermiT and Protégé accept) and the
documentation page (pyLODE).

Run `python -m edugraph.ontology owl2 --build build --out edugraph-owl2.ttl` to write the OWL 2 view of a
build, `python -m edugraph.ontology docs --out docs/ontology` (or `make docs`) to write the pages.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rdflib import OWL, RDF, XSD, Graph, Literal, URIRef

from .errors import EduGraphError
from .namespaces import EG, GRAPH, bind_prefixes
from .paths import ONTOLOGY, SCHEMES, SHAPES
from .turtle import add_turtle_file
from .xmlchars import UnwritableCharacter

ONTOLOGY_IRI = URIRef("https://w3id.org/edugraph/ontology")
DOC_LANGUAGES = ("en", "ru")
DECLARATION_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}


def read_turtle(path: Path, what: str, identifier=None, into: Graph | None = None) -> Graph:
    """Parse a Turtle file (into `into` when given); one-line errors for a missing, broken or empty file, for one
    bigger than `MAX_ONTOLOGY_BYTES`, for a folder, pipe or device, and (`FILE:LINE`) for a literal holding a
    character no XML output can hold."""
    path = Path(path)
    if not path.exists():
        raise EduGraphError(f"{path}: the {what} is missing")
    graph = Graph(identifier=identifier) if into is None else into
    before = len(graph)
    try:  # a folder, pipe or device is named as such, unread; pyoxigraph's reader: rdflib's is quadratic on escapes
        add_turtle_file(graph, path, what)
    except UnwritableCharacter as err:
        raise EduGraphError(f"{err.where(path)}: the {what}: {err}") from None
    except ValueError as err:
        raise EduGraphError(f"{path}: the {what} is not valid Turtle: {err}") from None
    if len(graph) == before:
        raise EduGraphError(f"{path}: the {what} is empty")
    return graph


def load_ontology(path: Path = ONTOLOGY, schemes: Path | None = SCHEMES) -> Graph:
    """The graph `egg:ontology`: the ontology file and the SKOS concept schemes (`None`: leave them out)."""
    graph = read_turtle(path, "ontology", GRAPH["ontology"])
    if schemes is not None:
        read_turtle(schemes, "SKOS concept schemes file", into=graph)
    return graph


def load_shapes(path: Path = SHAPES) -> Graph:
    return read_turtle(path, "SHACL shapes file")


# ---------------------------------------------------------------- OWL 2 DL view (HermiT, Protégé)
def owl2_literal(literal: Literal) -> Literal:
    """A literal whose datatype is in the OWL 2 datatype map.

    The graph keeps `xsd:date`, `xsd:gYearMonth` and `xsd:gYear` (what SPARQL compares and the articles state),
    but OWL 2 reasoners reject them. A day becomes the `xsd:dateTime` of its midnight; a month or a year,
    whose precision no OWL 2 datatype keeps, becomes its text as `xsd:string`.

    >>> owl2_literal(Literal("2023-10-30", datatype=XSD.date)).n3()
    '"2023-10-30T00:00:00"^^<http://www.w3.org/2001/XMLSchema#dateTime>'
    >>> owl2_literal(Literal("2023", datatype=XSD.gYear)).n3()
    '"2023"^^<http://www.w3.org/2001/XMLSchema#string>'
    """
    if literal.datatype == XSD.date:
        return Literal(f"{literal}T00:00:00", datatype=XSD.dateTime)
    if literal.datatype in (XSD.gYear, XSD.gYearMonth):
        return Literal(str(literal), datatype=XSD.string)
    return literal


def owl2_view(*graphs: Graph) -> Graph:
    """One graph of ontology and data whose literals all use OWL 2 datatypes (see `owl2_literal`)."""
    view = Graph()
    bind_prefixes(view)
    for graph in graphs:
        for s, p, o in graph:
            view.add((s, p, owl2_literal(o) if isinstance(o, Literal) else o))
    return view


def build_owl2_view(build_dir: Path) -> Graph:
    """The OWL 2 view of a build: its ontology graph and every asserted graph (the inferred one is left out)."""
    from .output.read import load_dataset
    dataset = load_dataset(build_dir)
    return owl2_view(*(g for g in dataset.graphs() if g.identifier != GRAPH["inferred"]))


# ---------------------------------------------------------------- documentation (pyLODE)
def docs_graph(ontology: Graph, language: str) -> Graph:
    """The ontology as its documentation page shows it: texts in one language, only the project's own terms.

    Labels and comments in other languages are left out (pyLODE would run them together), and so are the
    entity-kind declarations of reused external terms (they would be listed before the project's classes).
    """
    external = {s for s, o in ontology.subject_objects(RDF.type)
                if o in DECLARATION_TYPES and isinstance(s, URIRef) and not str(s).startswith(str(EG))
                and len(set(ontology.predicate_objects(s))) == 1}
    page = Graph()
    bind_prefixes(page)
    for s, p, o in ontology:
        if s in external or isinstance(o, Literal) and o.language not in (None, language):
            continue
        page.add((s, p, o))
    return page


def write_docs(out_dir: Path, ontology_path: Path = ONTOLOGY) -> list[Path]:
    """`index.html` (English) and `ru.html` (Russian) documentation pages of the ontology alone."""
    try:
        from pylode import OntPub
    except ImportError:
        raise EduGraphError("pyLODE is not installed: run `pip install -e '.[docs]'` (or `make docs`)") from None
    ontology = load_ontology(ontology_path, schemes=None)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for language, name in zip(DOC_LANGUAGES, ("index.html", "ru.html")):
        page = OntPub(ontology=docs_graph(ontology, language), sort_subjects=True)
        written.append(out_dir / name)
        page.make_html(destination=written[-1])
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m edugraph.ontology", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    owl2 = commands.add_parser("owl2", help="write the OWL 2 view of a build (ontology + asserted data)")
    owl2.add_argument("--build", type=Path, default=Path("build"))
    owl2.add_argument("--out", type=Path, required=True, help="Turtle file to write")
    docs = commands.add_parser("docs", help="write the ontology documentation pages (pyLODE)")
    docs.add_argument("--out", type=Path, default=Path("docs/ontology"))
    args = parser.parse_args(argv)
    try:
        if args.command == "owl2":
            build_owl2_view(args.build).serialize(args.out, format="turtle")
            print(f"wrote {args.out}", file=sys.stderr)
        else:
            for path in write_docs(args.out):
                print(f"wrote {path}", file=sys.stderr)
    except (EduGraphError, OSError) as err:
        print(f"edugraph: error: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
