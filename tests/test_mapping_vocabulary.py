"""The closed `EG` namespace: exactly the terms the ontology defines, and a typo raises."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef

from edugraph.namespaces import EG, ONTOLOGY_CLASSES, ONTOLOGY_PROPERTIES
from edugraph.paths import ONTOLOGY


def test_eg_terms_are_the_ontology_terms():
    graph = Graph().parse(ONTOLOGY, format="turtle")
    base = str(EG)
    used = {str(t)[len(base):] for triple in graph for t in triple if isinstance(t, URIRef) and str(t).startswith(base)}
    assert set(ONTOLOGY_CLASSES) | set(ONTOLOGY_PROPERTIES) == used - {""}


def test_a_typo_raises():
    assert EG.locatedIn == URIRef("https://w3id.org/edugraph/ontology#locatedIn")
    with pytest.raises(AttributeError):
        EG.locatedin  # noqa: B018 - the attribute access is the test
    with pytest.raises(KeyError):
        EG["Kvantorium"]
