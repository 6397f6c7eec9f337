"""The one prefix map: prefix → namespace IRI, as plain strings (no rdflib, so that `edugraph query` starts fast);
`namespaces` makes the rdflib namespaces from it."""

BASE = "https://w3id.org/edugraph/"
PREFIX_IRIS = {
    "eg": BASE + "ontology#", "egr": BASE + "id/", "egg": BASE + "graph/", "schema": "https://schema.org/",
    "org": "http://www.w3.org/ns/org#", "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#", "dcterms": "http://purl.org/dc/terms/",
    "owl": "http://www.w3.org/2002/07/owl#", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "xsd": "http://www.w3.org/2001/XMLSchema#",
    "foaf": "http://xmlns.com/foaf/0.1/",
}
