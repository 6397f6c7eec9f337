"""RDF namespaces: the EduGraph ontology, its resources, and the vocabularies it reuses, as rdflib namespaces made
from the one prefix map (`prefixes`)."""

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD, ClosedNamespace

from .prefixes import PREFIX_IRIS
# The terms of ontology/edugraph.ttl (tests/test_mapping_vocabulary.py checks that the lists match it), so that a
# typo such as EG.locatedin raises instead of minting a term the ontology does not define.
ONTOLOGY_CLASSES = [
    "Agent", "Article", "Association", "CentreNetwork", "City", "CityProject", "College", "Company",
    "Competition", "Conference", "Country", "District", "EducationalOrganisation", "Event", "FederalDistrict",
    "FederalProject", "FederalSubject", "Forum", "GovernmentBody", "ITCubeCentre", "Initiative", "InnovationProgramme",
    "InnovationSite", "KvantoriumCentre", "Meeting", "MethodologicalCentre", "NationalProject", "Olympiad",
    "Opening", "Organisation", "OrganisationalUnit", "OtherEvent", "Person", "Place", "PointOfGrowthCentre",
    "Post", "Role", "School", "SchoolKvantoriumCentre", "Session", "SupplementaryEducationCentre", "Topic",
    "University", "VideoConference",
    "Evidence", "Extraction", "Resolution", "Curation",
]
ONTOLOGY_PROPERTIES = [
    "activeIn", "articleId", "asOf", "concernsInitiative", "endDate", "founder", "founderOf", "hasPart",
    "hasParticipant", "hasPost", "hasSubEvent", "hasSubOrganisation", "headedBy", "heads", "heldBy",
    "includesOrganisation", "iso3166Code", "locatedIn", "meets", "memberOf", "mentionedIn", "mentions",
    "onlinePlatform", "organisedBy", "organises", "partOf", "partOfInitiative", "participantCount",
    "participantCountIsMinimum", "participatesIn", "planned", "plannedForInitiative", "postIn", "postTitle",
    "regionCount", "role", "sourcePlace", "startDate", "subEventOf", "subOrganisationOf", "supportedBy",
    "takesPlaceIn", "topic", "venue", "worksFor",
    "sentenceText", "startOffset", "endOffset",
]
EG = ClosedNamespace(PREFIX_IRIS["eg"], ONTOLOGY_CLASSES + ONTOLOGY_PROPERTIES)
ID = Namespace(PREFIX_IRIS["egr"])
GRAPH = Namespace(PREFIX_IRIS["egg"])
SCHEMA = Namespace(PREFIX_IRIS["schema"])
ORG = Namespace(PREFIX_IRIS["org"])

PREFIXES = {
    "eg": EG, "egr": ID, "egg": GRAPH, "schema": SCHEMA, "org": ORG, "prov": PROV,
    "skos": SKOS, "dcterms": DCTERMS, "owl": OWL, "rdf": RDF, "rdfs": RDFS,
    "xsd": XSD, "foaf": FOAF,
}


def bind_prefixes(graph) -> None:
    """Bind the project's prefixes on an rdflib graph or dataset."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
