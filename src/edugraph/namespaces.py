"""RDF namespaces of the EduGraph ontology and its resources as rdflib terms, and the binding of the one prefix map
(`prefixes`) on rdflib graphs."""

from rdflib import Namespace
from rdflib.namespace import ClosedNamespace

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


def bind_prefixes(graph) -> None:
    """Bind the project's prefixes on an rdflib graph or dataset."""
    for prefix, iri in PREFIX_IRIS.items():
        graph.bind(prefix, Namespace(iri), override=True)
