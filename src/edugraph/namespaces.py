"""RDF namespaces: the EduGraph ontology, its resources, and the vocabularies it reuses."""

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, FOAF

BASE = "https://w3id.org/edugraph/"
EG = Namespace(BASE + "ontology#")
ONTOLOGY_IRI = BASE + "ontology"
ID = Namespace(BASE + "id/")
GRAPH = Namespace(BASE + "graph/")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")

PREFIXES = {
    "eg": EG, "egr": ID, "egg": GRAPH, "schema": SCHEMA, "org": ORG, "prov": PROV,
    "skos": SKOS, "dcterms": DCTERMS, "owl": OWL, "rdf": RDF, "rdfs": RDFS,
    "xsd": XSD, "foaf": FOAF,
}


def bind_prefixes(graph) -> None:
    """Bind the project's prefixes on an rdflib graph or dataset."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
