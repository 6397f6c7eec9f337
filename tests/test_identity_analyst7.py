"""The defects of the seventh analyst pass that resolution made, on the text of real articles: a region's municipal
district taken for a district of the article's town, a numbered school named by its town's adjective placed in
the article's city, a district's adjective read as a town of another region, a district's bodies put in a town of
no region the article gives or in the first of a region's villages, and districts named only in English labelled
in half-Latin Russian."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, RDFS

from edugraph.resolve.places import subject_of
from edugraph.sparql.store import open_built
from support.articles import real
from support.corpus import build_dev
from support.queries import select

SAFONOVO = "real_ru_u_07_safonovo_points_of_growth_preparation"  # «МКОУ «Прудковская СОШ» Сафоновского района»
KURGAN = "real_ru_t_01_kurgan_august_conference_2022"  # «учитель … МКОУ «Далматовская СОШ №2»» of a Kurgan article
NIKIFOROVKA = "real_ru_p_01_nikiforovka_fifth_point_of_growth"  # «Никифоровский район»; «В Озёрском … филиалах»
SEVERSKY = "real_ru_l_05_severskiy_district_august_conference_2018"  # «… муниципального образования Северский район»
LAZO = "real_ru_r_04_lazo_district_minister_khlebnikova_trip"  # Khabarovsk Krai; «школы р.п. Мухен, №1 …»
ULYANOVSK = "real_en_89_ulyanovsk_russkikh_annual_report_education"  # "Lyceum No. 100 in the Zasviyazhsky district"
LATIN = re.compile("[A-Za-z]")


def test_a_district_named_after_a_town_of_the_region_is_the_regions():
    """real_ru_u_07 (Safonovo): «муниципального образования «Смоленский район» Смоленской области» and «Сафоновского
    района» were districts of the town Safonovo; they are Smolensk Oblast's municipal districts."""
    districts = {p.wording: p.key for p in real(SAFONOVO).places if p.wording.endswith("район")}
    assert set(districts) == {"Смоленский район", "Сафоновский район"}
    assert all(not key.startswith("safonovo-") and subject_of(key) == "smolensk-oblast" for key in districts.values())


def test_a_school_named_by_its_towns_adjective_is_in_that_town():
    """real_ru_t_01 (Kurgan): «МКОУ «Далматовская СОШ №2»» was Kurgan's school No. 2; it is Dalmatovo's."""
    keys = {o.key for o in real(KURGAN).all_organisations() if "Далматовская" in o.wording}
    assert keys and all(key.endswith("-dalmatovo") for key in keys)


def test_a_district_of_the_article_is_no_district_of_a_town_of_no_region_it_gives():
    """real_ru_p_01 (a Tambov district, no region named): «Никифоровский район» was made a district of Chelyabinsk
    Oblast's town Ozyorsk (read from «В Озёрском … филиалах»), and its administration and school No. 2 put there."""
    article = real(NIKIFOROVKA)
    district = next(p for p in article.places if p.wording == "Никифоровский район")
    assert not district.known and subject_of(district.key) is None
    bodies = {o.wording: o.place_ids for o in article.all_organisations()}
    for name in ("Администрация Никифоровского района", "отдел образования администрации Никифоровского района",
                 "школа № 2"):
        assert not any(subject_of(place) == "chelyabinsk-oblast" for place in bodies[name]), name


def test_a_district_named_like_a_town_is_not_that_towns_when_the_article_names_no_region():
    """real_ru_l_05 (Krasnodar Krai's Seversky district, no region named): its «управление образования администрации
    муниципального образования Северский район» was placed in Tomsk Oblast, the region of the town Seversk."""
    places = {place for o in real(SEVERSKY).all_organisations() for place in o.place_ids}
    assert "Северский район" in {p.wording for p in real(SEVERSKY).places}
    assert not any(subject_of(place) == "tomsk-oblast" for place in places)


def test_a_regions_news_of_several_villages_puts_its_unplaced_body_in_none_of_them():
    """real_ru_r_04 (Khabarovsk Krai; the schools of Mukhen, Pereyaslavka and Khor): the district's «Управление
    образования» was the village Mukhen's."""
    bodies = [o for o in real(LAZO).all_organisations() if o.wording == "Управление образования"]
    assert bodies and all(o.place_ids == ("khabarovsk-krai",) and "mukhen" not in o.key for o in bodies)


def test_a_district_named_only_in_english_has_no_half_latin_russian_name():
    """real_en_89 (Ulyanovsk): "Zasviyazhsky district", "Novospassky district" were «Zasviyazhsky район»,
    «Novospassky район», and Lyceum No. 100 «Школа № 100 (Zasviyazhsky район, Ульяновск)»."""
    article = real(ULYANOVSK)
    districts = [p for p in article.places if p.wording.endswith("district")]
    assert len(districts) == 2 and all(p.known and p.labels.en.endswith("District") for p in districts)
    assert all(p.labels.ru is None or not LATIN.search(p.labels.ru) for p in districts)
    lyceum = next(o for o in article.all_organisations() if "Lyceum No. 100" in o.wording)
    assert lyceum.labels.ru and not LATIN.search(lyceum.labels.ru)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """`edugraph build` of the real articles of these defects, without curation."""
    return build_dev(tmp_path_factory.mktemp("analyst7"), [SAFONOVO, KURGAN, NIKIFOROVKA, SEVERSKY, LAZO, ULYANOVSK])


def test_organisations_by_place_puts_the_schools_in_their_towns(built):
    """organisations-by-place listed the Prudki school in the town of Safonovo and Dalmatovo's school in Kurgan."""
    rows = select(open_built(built), "organisations-by-place")
    prudki = {row["placeIri"].rpartition("/")[2] for row in rows if "Прудковская" in row["orgLabel"]}
    dalmatovo = {row["placeIri"].rpartition("/")[2] for row in rows if "Далматовская" in row["orgLabel"]}
    assert "safonovo" not in prudki and {"smolensk-oblast", "smolensk-oblast-safonovsky-district"} <= prudki
    assert "kurgan" not in dalmatovo and {"dalmatovo", "kurgan-oblast"} <= dalmatovo


def test_organisations_by_place_puts_no_district_body_in_another_regions_town(built):
    """organisations-by-place listed the Nikiforovsky district's bodies in Ozyorsk and Chelyabinsk Oblast, the Seversky
    district's in Tomsk Oblast, the Lazo district's «Управление образования» in Mukhen."""
    rows = select(open_built(built), "organisations-by-place")
    places = {}
    for row in rows:
        places.setdefault(row["orgLabel"], set()).add(row["placeIri"].rpartition("/")[2])
    nikiforovsky = set().union(*(p for label, p in places.items() if "Никифоровского района" in label))
    seversky = set().union(*(p for label, p in places.items() if "Северский район" in label))
    lazo = set().union(*(p for label, p in places.items() if label.startswith("Управление образования (")))
    assert nikiforovsky.isdisjoint({"ozersk", "chelyabinsk-oblast"})
    assert "tomsk-oblast" not in seversky
    assert "khabarovsk-krai" in lazo and "mukhen" not in lazo


def test_no_place_of_the_graph_has_a_half_latin_russian_label(built):
    """The districts of the English Ulyanovsk article had Russian labels «Zasviyazhsky район», «Novospassky район»."""
    graph = Graph().parse(built / "asserted.nt")
    russian = [str(o) for s, o in graph.subject_objects(RDFS.label) if getattr(o, "language", None) == "ru"
               and str(s).rpartition("/")[2].startswith("ulyanovsk-")]
    assert russian and not any(LATIN.search(label) for label in russian)
