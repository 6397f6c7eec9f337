"""SHACL validation of the built graph with pyshacl."""

from __future__ import annotations

from dataclasses import dataclass

import pyshacl
from rdflib import Graph
from rdflib.namespace import RDF, SH


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    text: str
    violations: int


def validate(data: Graph, shapes: Graph, ontology: Graph, inplace: bool = False) -> ValidationReport:
    """Validate asserted + inferred data (types already materialised) against the shapes.

    pyshacl adds the ontology's class and property axioms to the data before validating: to a copy of
    `data`, or, when `inplace`, to `data` itself (much faster on a large graph the caller throws away).
    """
    conforms, report_graph, text = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none", advanced=True, allow_warnings=True,
        inplace=inplace)
    violations = len(set(report_graph.subjects(RDF.type, SH.ValidationResult)))
    return ValidationReport(bool(conforms), text, violations)
