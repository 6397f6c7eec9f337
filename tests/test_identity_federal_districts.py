"""The eight federal districts are places of the gazetteer: a mention in any language, case or abbreviation is the one
node of its district, of the class eg:FederalDistrict, labelled in Russian and English, in Russia."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS

from edugraph.namespaces import EG, ID
from edugraph.resolve.places import resolve_place
from support.corpus import build_dev

TVER = "real_ru_n_05_tver_stepurino_school_opening"  # «… в Тверской области и Центральном федеральном округе»
LIPETSK = "real_ru_k_07_lipetsk_artamonov_point_of_growth_marathon"  # «ЦФО представляла Липецкая область»
DIMITROVGRAD = "real_en_72_dimitrovgrad_kvantorium_to_open"  # "… educational facilities of the Volga Federal District"
YAKUTIA = "real_en_25_yakutia_technopark_it_centers"  # "Presidential Envoy to the Far Eastern Federal District (FEFD)"


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Graph:
    """The asserted graph of `edugraph build` of the four real articles, without curation."""
    built = build_dev(tmp_path_factory.mktemp("federal-districts"), [TVER, LIPETSK, DIMITROVGRAD, YAKUTIA])
    return Graph().parse(built / "asserted.nt")


def _federal_districts(graph: Graph) -> set[str]:
    return {str(node).rpartition("/")[2] for node in graph.subjects(RDF.type, EG.FederalDistrict)}


def test_the_russian_name_and_its_abbreviation_are_one_node_labelled_in_both_languages(graph):
    """real_ru_n_05 writes «Центральном федеральном округе», real_ru_k_07 «ЦФО»: one node, not a transliterated
    "Tsentralny federalny okrug" of its own; labelled «Центральный федеральный округ» and "Central Federal District"."""
    central = ID["place/central-federal-district"]
    assert _federal_districts(graph) == {"central-federal-district", "volga-federal-district",
                                         "far-eastern-federal-district"}
    assert set(graph.objects(central, RDFS.label)) == {Literal("Центральный федеральный округ", lang="ru"),
                                                      Literal("Central Federal District", lang="en")}
    assert (central, EG.locatedIn, ID["place/russia"]) in graph
    mentioned = {str(s).rpartition("/")[2] for s in graph.subjects(EG.mentions, central)}
    assert {TVER, LIPETSK} <= mentioned
    assert not any("federal" in str(s).lower() and "okrug" in str(s).lower() for s in graph.subjects())


def test_an_english_article_names_the_node_of_the_russian_name(graph):
    """real_en_72 "the Volga Federal District" and real_en_25 "the Far Eastern Federal District" are the nodes that
    the Russian names of the same districts resolve to, labelled in Russian too (the corpus this side of the held-out
    sets has no Russian and English article of one district)."""
    for district, russian in (("volga-federal-district", "Приволжском федеральном округе"),
                              ("far-eastern-federal-district", "Дальневосточного федерального округа")):
        assert resolve_place(russian)["id"] == district
        node = ID[f"place/{district}"]
        assert {label.language for label in graph.objects(node, RDFS.label)} == {"ru", "en"}
    volga = ID["place/volga-federal-district"]
    assert Literal("Приволжский федеральный округ", lang="ru") in set(graph.objects(volga, RDFS.label))
    assert DIMITROVGRAD in {str(s).rpartition("/")[2] for s in graph.subjects(EG.mentions, volga)}
