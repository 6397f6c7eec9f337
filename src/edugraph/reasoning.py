"""OWL-RL reasoning with owlrl; the inferred triples are kept apart from the asserted ones."""

from __future__ import annotations

import owlrl
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import OWL, RDF, Namespace

from .namespaces import GRAPH, ID

TRIVIAL_TYPES = {OWL.Thing, OWL.NamedIndividual}
OWLRL_ERROR = Namespace("http://www.daml.org/2002/03/agents/agent-ont#").error


def is_data_fact(triple) -> bool:
    """Keep inferred triples about our own resources; drop OWL-RL bookkeeping."""
    s, p, o = triple
    if not isinstance(s, URIRef) or not str(s).startswith(str(ID)) or isinstance(o, BNode):
        return False
    if p == OWL.sameAs and s == o:
        return False
    if p == RDF.type and o in TRIVIAL_TYPES:
        return False
    return True


def inconsistencies(closure: Graph) -> list[str]:
    """The contradictions owlrl found (it records them as triples instead of raising)."""
    return sorted({str(message) for message in closure.objects(None, OWLRL_ERROR)})


def infer(asserted: Graph, ontology: Graph) -> tuple[Graph, list[str]]:
    """The OWL-RL closure of data + ontology, minus what was asserted: only new data facts,
    and the contradictions found on the way."""
    closure = Graph()
    for triple in ontology:
        closure.add(triple)
    for triple in asserted:
        closure.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False,
                           datatype_axioms=False).expand(closure)
    inferred = Graph(identifier=GRAPH["inferred"])
    for triple in closure:
        if triple not in asserted and is_data_fact(triple):
            inferred.add(triple)
    return inferred, inconsistencies(closure)
