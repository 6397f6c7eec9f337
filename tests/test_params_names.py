"""How an entity parameter's value is resolved to an IRI (`params.resolve_entity`): by a query bound to the IRI
given, or by one whose labels the store filters by a run of the name, then folded and matched in Python; all the
labels are listed only for the closest matches of an error."""

from __future__ import annotations

import sys

import pyoxigraph as ox
import pytest

from edugraph.sparql.params import PLAIN, ParameterError, resolve_entity, store_lookup
from edugraph.text import fold

EX = "https://example.org/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
PREF = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
ALT = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
PERSON = ox.NamedNode("https://w3id.org/edugraph/ontology#Person")
ARTICLE = ox.NamedNode(EX + "graph/article")
PEOPLE = {"vera": ["Вера Князёва", "Vera Knyazeva"], "vera2": ["ВЕРА КНЯЗЕВА-ПЕТРОВА"], "school": ["Школа «Ёлочка»"]}


def people(graph=ox.DefaultGraph(), typed: bool = True) -> ox.Store:
    store = ox.Store()
    for name, labels in PEOPLE.items():
        iri = ox.NamedNode(EX + name)
        if typed:
            store.add(ox.Quad(iri, RDF_TYPE, PERSON, graph))
        for number, label in enumerate(labels):
            store.add(ox.Quad(iri, PREF if not number else ALT, ox.Literal(label), graph))
    return store


def resolve(store: ox.Store, value: str, cls: str = "eg:Person") -> str:
    try:
        return resolve_entity("person", value, cls, store_lookup(store))
    except ParameterError as err:
        return str(err)


def test_plain_characters_are_left_by_fold_and_come_from_no_other_character():
    """A run of PLAIN characters in a folded name is in the lowercase of any label whose folded form holds it:
    no character casefolds (as `fold` does) into one of them otherwise than it lowercases (as LCASE does)."""
    assert "е" not in PLAIN and "ё" not in PLAIN and fold(PLAIN) == PLAIN
    folded_otherwise = {char for code in range(sys.maxunicode + 1)
                        if chr(code).casefold() != chr(code).lower() for char in chr(code).casefold()}
    assert folded_otherwise & set(PLAIN) == set()


@pytest.mark.parametrize("value, iri", [("вера князева", "vera"), ("Вера Князёва", "vera"), ("VERA KNYAZEVA", "vera"),
                                        ("Князева-Петрова", "vera2"), ("школа \"елочка\"", "school"),
                                        ("Школа Ёлочка", "school"), (f"<{EX}vera2>", "vera2")])
def test_a_name_in_any_case_with_e_or_yo_and_any_quotes_is_found(value, iri):
    assert resolve(people(), value) == EX + iri


def test_the_exact_label_wins_over_labels_holding_it_and_a_part_of_two_is_ambiguous():
    store = people()
    assert resolve(store, "вера князева") == EX + "vera"  # also part of «вера князева-петрова»
    assert resolve(store, "Князев") == ("--param person: 'Князев' names 2 of the eg:Person entities "
                                        f"(<{EX}vera>, <{EX}vera2>…): give the IRI or a longer name")


def test_a_misspelt_name_or_iri_names_the_closest():
    store = people()
    assert resolve(store, "Вера Князевв") == ("--param person: no eg:Person named 'Вера Князевв' "
                                              "(closest: «вера князева», «вера князева-петрова»)")
    assert resolve(store, f"<{EX}ver>") == (f"--param person: no eg:Person <{EX}ver> in the graph "
                                            f"(closest: <{EX}vera>, <{EX}vera2>, <{EX}school>)")


def test_a_found_iri_or_name_costs_one_query_that_the_store_filters():
    store, asked = people(), []
    lookup = store_lookup(store)

    def counted(sparql: str):
        asked.append(sparql)
        return lookup(sparql)
    assert resolve_entity("person", f"<{EX}vera>", "eg:Person", counted) == EX + "vera"
    assert resolve_entity("person", "Князёва-Петрова", "eg:Person", counted) == EX + "vera2"
    assert len(asked) == 2 and f"VALUES ?iri {{ <{EX}vera> }}" in asked[0] and '"княз"' in asked[1]


def test_without_classes_every_labelled_entity_is_a_candidate():
    store = people(typed=False)
    assert resolve(store, "Ёлочка") == EX + "school"
    assert resolve(store, f"<{EX}vera>") == EX + "vera"
    assert resolve(store, "Ёлка") == "--param person: no entity named 'Ёлка' (closest: «школа елочка»)"


def test_the_default_graph_is_read_and_the_union_only_when_it_is_empty():
    """The build's default graph holds every triple once; a label only in a named graph is not the graph's."""
    store = people()
    store.add(ox.Quad(ox.NamedNode(EX + "other"), RDF_TYPE, PERSON, ARTICLE))
    store.add(ox.Quad(ox.NamedNode(EX + "other"), PREF, ox.Literal("Вера Князевааа"), ARTICLE))
    assert resolve(store, "Князеваа").startswith("--param person: no eg:Person named 'Князеваа'")
    assert resolve(people(ARTICLE), "Вера Князёва") == EX + "vera"
