"""RDF -> networkx conversion on a small hand-made graph shaped like `edugraph.mapping` output."""

from __future__ import annotations

import pytest
from rdflib import Graph

from edugraph.analysis.network import local_name, simple, to_networkx
from edugraph.paths import ONTOLOGY
from support.netgraph import ID, sample_graph


@pytest.fixture(scope="module")
def net():
    return to_networkx(sample_graph(), Graph().parse(ONTOLOGY))


def test_nodes_are_entities_with_categories(net):
    categories = {local_name(n): a["category"] for n, a in net.nodes(data=True)}
    assert categories == {"ivanov-i": "Person", "petrova-a": "Person", "school-5": "Organisation",
                          "opening": "Event", "it-cube": "Initiative", "digital": "Initiative",
                          "spb": "Place", "ru": "Place"}  # no article, post or role node


def test_node_attributes(net):
    ivanov = net.nodes[ID + "person/ivanov-i"]
    assert ivanov["label_ru"] == "Иванов Иван Иванович"  # the longest preferred label
    assert ivanov["label_en"] == "Ivan Ivanov"
    assert ivanov["articles"] == ["a1"]
    assert ivanov["facts"] == {}
    assert ivanov["posts"] == [("директор", "director", ID + "org/school-5")]  # the role's English label
    school = net.nodes[ID + "org/school-5"]
    assert school["label_ru"] == "Школа № 5"  # skos:prefLabel wins over a longer rdfs:label
    assert school["label_en"] == "IT-kub shkoly No 5"  # no English prefLabel: rdfs:label in English
    assert school["cls"] == "ITCubeCentre" and school["cls_en"] == "IT-cube centre"
    event = net.nodes[ID + "event/opening"]
    assert event["facts"] == {"participantCount": ["200"], "startDate": ["2023-10-30"]}
    assert event["label_en"] == "Открытие IT-куба"  # no English label: falls back to Russian
    assert net.nodes[ID + "place/spb"]["cls"] in {"City", "FederalSubject"}
    assert net.graph["articles"]["a1"] == {"id": "a1", "title": "Открытие IT-куба", "date": "2023-10-30",
                                           "initiatives": [ID + "initiative/it-cube"], "topics": []}
    assert net.graph["terms"]["heads"] == ("возглавляет", "heads")
    assert "<script>" in net.nodes[ID + "person/petrova-a"]["label_ru"]  # kept raw; escaping is the page's job


def test_edges_are_asserted_object_properties(net):
    edges = {(local_name(u), k, local_name(v)) for u, v, k in net.edges(keys=True)}
    assert edges == {
        ("ivanov-i", "heads", "school-5"), ("ivanov-i", "worksFor", "school-5"),
        ("school-5", "partOfInitiative", "it-cube"), ("school-5", "locatedIn", "spb"),
        ("opening", "venue", "school-5"), ("opening", "takesPlaceIn", "spb"),
        ("opening", "hasParticipant", "ivanov-i"), ("opening", "hasParticipant", "petrova-a"),
        ("opening", "concernsInitiative", "it-cube"), ("spb", "locatedIn", "ru"), ("it-cube", "partOf", "digital"),
    }  # no meets (derived from the shared event), no mentions, no inferred chains
    assert all(data["label"] == k for _, _, k, data in net.edges(keys=True, data=True))


def test_simple_counts_parallel_relations(net):
    undirected = simple(net)
    assert undirected[ID + "person/ivanov-i"][ID + "org/school-5"]["weight"] == 2
    assert undirected.number_of_nodes() == net.number_of_nodes()


def test_regions_come_from_the_closure():
    inferred = Graph().parse(data=f"<{ID}initiative/it-cube> <https://w3id.org/edugraph/ontology#activeIn> "
                                  f"<{ID}place/spb> .", format="nt")
    net = to_networkx(sample_graph(), Graph().parse(ONTOLOGY), inferred)
    members = {local_name(n) for n in net.graph["regions"][ID + "place/spb"]}
    assert members == {"spb", "it-cube", "school-5", "opening", "ivanov-i", "petrova-a"}
    assert "regions" not in to_networkx(sample_graph(), Graph().parse(ONTOLOGY)).graph
