"""The EduGraph OWL ontology and SHACL shapes, read from `ontology/`."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from .errors import EduGraphError
from .namespaces import GRAPH
from .paths import ONTOLOGY, SHAPES


def read_turtle(path: Path, what: str, identifier=None) -> Graph:
    path = Path(path)
    if not path.is_file():
        raise EduGraphError(f"{path}: the {what} is missing")
    graph = Graph(identifier=identifier)
    try:
        graph.parse(path, format="turtle")
    except Exception as err:  # rdflib raises many parser error types
        reason = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise EduGraphError(f"{path}: the {what} is not valid Turtle: {reason}") from None
    if len(graph) == 0:
        raise EduGraphError(f"{path}: the {what} is empty")
    return graph


def load_ontology(path: Path = ONTOLOGY) -> Graph:
    return read_turtle(path, "ontology", GRAPH["ontology"])


def load_shapes(path: Path = SHAPES) -> Graph:
    return read_turtle(path, "SHACL shapes file")
