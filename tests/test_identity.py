"""One entity, one node: federal bodies by any of their names, generic events kept to their article, a numbered
school in the region the article writes it in — on the text of real articles."""

from __future__ import annotations

import re

from edugraph.articles import Article
from edugraph.build import article_facts
from edugraph.resolve import resolve_article
from support.articles import organisation, real, resolved

MINISTRY = re.compile(r"мин\w*(?:прос|обр)|министерств|ministry", re.I)
EDUCATION = "ministerstvo-prosveshcheniye-rossiya"
SCIENCE = "ministerstvo-nauka-obrazovaniye-rossiya"
EDUCATION_AND_SCIENCE = "ministerstvo-obrazovaniye-nauka-rossiya"  # until May 2018


def ministries(ident: str) -> dict[str, str]:
    """Wording -> identity key of the ministries a real article names."""
    found = real(ident)
    orgs = list(found.organisations) + [post.org for person in found.persons for post in person.posts if post.org]
    return {o.wording: o.key for o in orgs if MINISTRY.search(o.wording)}


def test_the_federal_education_ministry_is_one_node_whatever_its_name():
    names = {"real_ru_a_11_yakutia_point_of_growth": "Минпросвещения России",
             "real_ru_d_06_kaliningrad_kravtsov_selma": "Министерство просвещения России",
             "real_ru_e_04_teacher_of_year_russia_2023": "Министерство просвещения РФ",
             "real_ru_d_10_kaluga_kravtsov_shapsha": "Министерство просвещения Российской Федерации",
             "real_en_11_yakutia_new_education": "Ministry of Enlightenment of the Russian Federation",
             "real_en_40_spb_forum_modern_school_coordinators": "Ministry of Education of the Russian Federation",
             "real_ru_i_03_drozhzhanovsky_august_meeting": "Министерство образования Российской Федерации",  # 2023
             "real_ru_a_05_bryansk_kvantorium_forum": "Министерство просвещения"}  # bare, a federal contest
    for ident, name in names.items():
        assert ministries(ident)[name] == EDUCATION, ident
    ministry = next(o for o in real("real_en_11_yakutia_new_education").organisations if o.key == EDUCATION)
    assert ministry.labels.en == "Ministry of Education of the Russian Federation"


def test_the_science_ministry_is_one_node_and_a_regional_one_stays_regional():
    names = {"real_ru_b_01_ulyanovsk_livanov_visit": "Министерство образования и науки России",  # 2013
             "real_ru_a_13_penza_vasilyeva_kvantorium": "Министерство образования и науки РФ",  # 2018-03-02
             "real_en_27_kirov_vasilyeva_olympiad_winners": "Russian Ministry of Education and Science",
             "real_en_38_penza_vasilyeva_kvantorium_visit": "Ministry of Education and Science of Russia"}
    for ident, name in names.items():
        assert ministries(ident)[name] == EDUCATION_AND_SCIENCE, ident
    assert ministries("real_en_30_all_russian_pedagogical_congress")["Ministry of Education and Science"] == SCIENCE
    # 2025, «head … Falkov»: after May 2018 the name is the Ministry of Science and Higher Education's
    assert ministries("real_ru_a_14_donetsk_kvantorium")["Минобрнауки"] != SCIENCE  # «Минобрнауки ДНР»
    regional = ministries("real_en_18_murmansk_digital_education_hubs")  # "the regional Ministry of Education and …"
    assert regional["Ministry of Education and Science"] != SCIENCE
    assert ministries("real_ru_b_09_moscow_region_class_teachers_forum")["Минобразования"] not in (
        EDUCATION, SCIENCE, "ministerstvo-obrazovaniye-rossiya")  # «Минобразования Подмосковья»


def test_regional_ministries_keep_their_region():
    samara = "министерство просвещения Самарской области"
    assert organisation(samara).key not in (EDUCATION, SCIENCE)
    both = resolved({"organisations": [samara, "Министерство просвещения"]}).organisations
    assert both[1].key != EDUCATION  # the article means the region's ministry
    assert organisation("Министерство просвещения").key == EDUCATION


def test_the_ministry_of_each_time_keeps_its_own_label():
    old = organisation("Министерство образования Российской Федерации", date="2002-05-01")
    new = organisation("Министерство образования Российской Федерации", date="2020-05-01")
    assert old.key == "ministerstvo-obrazovaniye-rossiya" and new.key == EDUCATION
    assert old.labels.en != new.labels.en and old.labels.ru != new.labels.ru
    assert organisation("Министерство образования и науки РФ", date="2012-05-01").key == EDUCATION_AND_SCIENCE


def excursions(ident: str) -> set[str]:
    return {e.key for e in real(ident).events if e.wording == "Экскурсия"}


def test_generic_undated_events_do_not_join_across_articles():
    genichesk = excursions("real_ru_d_08_genichesk_kirienko_kravtsov")
    balakhna = excursions("real_ru_a_12_balakhna_itcube_parents")
    assert genichesk and balakhna and not genichesk & balakhna


def test_generic_events_join_where_place_and_date_agree_and_named_ones_by_name():
    def key(name: str, ident: str, date: str | None, place: str | None) -> str:
        event = {"name": name, "type": "meeting", "date": date, "place": place}
        return resolved({"events": [event]}, ident=ident).events[0].key

    assert key("Совещание", "a1", "2024-05-01", "Казань") == key("Совещание", "a2", "2024-05-01", "Казани")
    assert key("Совещание", "a1", "2024-05-01", "Казань") != key("Совещание", "a2", "2024-05-01", "Омск")
    assert key("Открытый урок", "a1", None, "Казань") != key("Открытый урок", "a2", None, "Казань")
    assert key("Экскурсия", "a1", None, "Казань") != key("Экскурсия", "a1", None, "Омск")  # one article, two trips
    forum = "Форум «Территория смыслов»"
    assert key(forum, "a1", None, None) == key(forum, "a2", None, "Москва")


def test_a_numbered_school_lies_in_the_region_written_after_it():
    keys = {o.wording: o.key for o in real("real_ru_b_06_federal_putin_teacher_awards").organisations}
    assert keys["средняя общеобразовательная школа № 24 имени Малякова"] == "school-24-pskov-oblast"
    assert keys["гимназия № 53"] == "school-53-penza-oblast"


def test_two_regions_ministries_named_bare_stay_two():
    def key(text: str, place: str, ident: str) -> str:
        facts = {"organisations": ["министерство просвещения"], "places": [place]}
        article = Article(id=ident, text=text, title="", language="ru", date="2024-01-01")
        return resolve_article(article, facts).organisations[0].key

    samara = key("Региональное министерство просвещения провело конкурс в Самаре.", "Самара", "a1")
    ulyanovsk = key("Региональное министерство просвещения провело конкурс в Ульяновске.", "Ульяновск", "a2")
    togliatti = key("Региональное министерство просвещения провело конкурс в Тольятти.", "Тольятти", "a3")
    assert EDUCATION != samara != ulyanovsk != EDUCATION and samara == togliatti  # one per region, as its region


def test_a_federal_body_is_found_once_by_its_name_and_carried_with_its_key():
    from edugraph.resolve import identity

    federal = identity.organisation_key("Министерство просвещения РФ", [], "kazan", 2023)
    assert (federal.key, federal.city) == (EDUCATION, None)
    assert federal.body.ru == "Министерство просвещения Российской Федерации"
    school = identity.organisation_key("школа № 1", [], "kazan", 2023)
    assert (school.key, school.city, school.body) == ("school|1|kazan", "kazan", None)
    home = identity.Home("samara", "samara", "samara-oblast", "a1")
    regional = identity.organisation_key("Министерство просвещения", [], "samara", 2023, home=home)  # the region's
    assert regional.body is None and regional.key.endswith("|samara-oblast")


def test_two_undated_openings_named_only_by_the_noun_stay_two_by_their_object():
    from rdflib import RDF

    from edugraph.mapping import article_graph
    from edugraph.namespaces import EG

    text = "Открытие «Кванториума» состоялось. Открытие «IT-куба» тоже состоялось."  # extraction: one «Открытие»
    article = Article(id="two-openings", text=text, title="Новости", language="ru", date=None)
    openings = [{"name": "Открытие", "type": "opening", "initiatives": [name]} for name in ("Kvantorium", "IT-cube")]
    facts = article_facts(article, {"add": {"events": openings}})  # curated into two, shaped as extraction's
    found = resolve_article(article, facts)
    assert [e.key for e in found.events] == ["otkrytiye-kvantorium-two-openings", "otkrytiye-it-cube-two-openings"]
    assert len(set(article_graph(found).subjects(RDF.type, EG.Opening))) == 2
    alone = resolve_article(article, article_facts(article, {"add": {"events": openings[:1]}}))
    assert [e.key for e in alone.events] == ["otkrytiye-two-openings"]  # no other of its key: as before
