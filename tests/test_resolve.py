"""Entity resolution: one record (hence one IRI) per real entity, whatever the case form, language or article."""

from __future__ import annotations

import pytest
from support.articles import organisation, resolved


def person_iri(name: str, language: str = "ru"):
    return resolved({"persons": [{"name": name}]}, language=language).persons[0].iri


def test_people_merge_across_forms_and_languages():
    assert person_iri("Вера Князева") == person_iri("Князева Вера Владимировна")
    assert person_iri("Сергей Кравцов") == person_iri("Кравцов С.С.")  # initials of a public person
    assert person_iri("Сергей Кожевников") == person_iri("Sergey Kozhevnikov", "en")
    assert person_iri("Вера Князева") != person_iri("Елена Павлюченко")


def test_numbered_schools_are_told_apart_by_city():
    full = "ГБОУ СОШ № 608 имени Героя Советского Союза Зины Портновой Кировского района Санкт-Петербурга"
    assert organisation(full).iri == organisation("школа № 608", place="Санкт-Петербург").iri
    assert organisation("ГБОУ СОШ №608 Кировского района Санкт-Петербурга").iri == organisation(full).iri
    assert organisation("МБОУ «Средняя школа № 1» г. Казани").iri != organisation("школа № 1", place="Омск").iri
    assert organisation("школа № 1", place="Казань").iri != organisation("школа № 1", place="Омск").iri


def test_centres_merge_across_languages():
    english = organisation("Penza's Kvantorium", language="en")
    assert english.iri == organisation("пензенский «Кванториум»").iri
    assert english.labels.ru == "Кванториум (Пенза)"  # a Russian label for a centre first read in English


def test_centres_keep_their_own_city():
    assert organisation("моздокский «Кванториум»", place="Дагестан").iri == organisation("моздокский «Кванториум»").iri
    assert organisation("владикавказский «Кванториум»").iri != organisation("моздокский «Кванториум»").iri


def test_places_and_initiatives_by_gazetteer():
    ru = resolved({"initiatives": ["Кванториума", "ИТ-куб"], "places": ["Санкт-Петербурга"]})
    en = resolved({"initiatives": ["Kvantorium", "IT-cube"], "places": ["St. Petersburg"]}, language="en")
    assert [i.iri for i in ru.initiatives] == [i.iri for i in en.initiatives]
    assert ru.places[0].iri == en.places[0].iri and ru.places[0].known


def test_adjectival_places_locate_organisations():
    assert organisation("владикавказский «Кванториум»").place_ids == ("vladikavkaz",)
    assert organisation("моздокский «Кванториум»").place_ids == ("mozdok",)
    assert organisation("Penza's Kvantorium", language="en").place_ids == ("penza",)
    assert organisation("ГБОУ СОШ № 551 Кировского района", place="Санкт-Петербург").place_ids == \
        ("saint-petersburg-kirovsky-district",)
    assert organisation("Дагестанский государственный университет народного хозяйства").place_ids == ()


def test_a_numbered_school_is_placed_in_the_city_that_qualifies_it():
    school = organisation("School No. 619", language="en", place="St. Petersburg")
    assert school.key == "school-619-saint-petersburg" and school.place_ids == ("saint-petersburg",)


def test_canonical_labels_of_organisations():
    centre = organisation("владикавказский «Кванториум»")
    assert (centre.labels.ru, centre.labels.en) == ("Кванториум (Владикавказ)", "Kvantorium Vladikavkaz")
    school = organisation("ГБОУ СОШ № 608 имени Героя Советского Союза Зины Портновой Кировского района",
                          place="Санкт-Петербург")
    assert school.labels.ru == "ГБОУ СОШ № 608 (Кировский район, Санкт-Петербург)"
    assert school.labels.en == "School No. 608, Kirovsky District, Saint Petersburg"
    cube = organisation("центр «IT-куб» города Владикавказа")
    assert (cube.labels.ru, cube.labels.en) == ("IT-куб (Владикавказ)", "IT-cube Vladikavkaz")
    university = organisation("Дагестанский государственный университет народного хозяйства")
    assert university.labels.en == "Dagestan State University of National Economy"


def test_an_unknown_word_is_spelt_so_that_the_label_names_the_organisation():
    body = organisation("Комитет по благоустройству Кировского района", place="Санкт-Петербург")
    # spelt in the nominative (was "Blagoustroystvu": a Russian dative ending in an English label)
    assert body.labels.en == "Committee for Blagoustroystvo, Kirovsky District"
    assert body.labels.ru == "Комитет по благоустройству Кировского района"
    mipt, mfua = (organisation(name, place="Москва").labels.en for name in (
        "Московский физико-технический институт", "Московский финансово-юридический университет"))
    assert mipt != mfua and "University, Moscow" not in (mipt, mfua)


def test_generic_events_get_their_date():
    facts = {"events": [{"name": "Совещание", "date": "2023-12-21", "type": "meeting"}]}
    event = resolved(facts).events[0]
    assert (event.labels.ru, event.labels.en) == ("Совещание, 21 декабря 2023", "Meeting, 21 Dec 2023")
    assert event.key == "soveshchaniye-2023-12-21-t1"  # a generic name with no place: the article's own


def test_posts_are_dated_by_the_article():
    facts = {"persons": [{"name": "Светлана Макаренко", "posts": [{"post": "руководитель",
                                                                   "org": "владикавказский «Кванториум»"}]}]}
    old = resolved(facts, date="2022-08-23").persons[0].posts[0]
    new = resolved(facts, date="2024-05-01").persons[0].posts[0]
    assert (old.as_of, new.as_of) == ("2022-08-23", "2024-05-01")
    assert old.iri != new.iri and old.org.iri == new.org.iri and old.role.head


def test_the_city_in_a_name_decides_its_district():
    school = organisation("ГБОУ СОШ № 551 Кировского района Санкт-Петербурга", place="Пенза")
    assert school.place_ids == ("saint-petersburg-kirovsky-district",) and school.key == "school-551-saint-petersburg"
    local = organisation("МБОУ СОШ № 3 Ленинского района", place="Пенза")
    assert local.place_ids == ("penza-leninsky-district",)
    assert local.labels.en == "School No. 3, Leninsky District, Penza"


def test_quoted_initiatives_and_unknown_event_words_in_english():
    facts = {"events": [{"name": "Торжественное открытие центра «Точка роста»", "type": "opening"},
                        {"name": "Гала-концерт", "date": "2024-02-03", "type": "other"}]}
    opening, concert = resolved(facts).events
    assert opening.labels.en == "Ceremonial opening of centre «Point of Growth»"
    assert (concert.labels.ru, concert.labels.en) == ("Гала-концерт, 3 февраля 2024", "Event, 3 Feb 2024")


def test_a_town_named_like_a_word_that_extraction_took_for_a_place_is_the_gazetteers():
    # real_ru_u_08 names Гай (the gazetteer looks such towns up only as settlements: «в гайском филиале»)
    gai, region = resolved({"places": ["Гай", "Оренбургская область"], "towns": ["Гай"]}).places
    assert gai.known and str(gai.iri).endswith("/place/gay") and region.known
    assert not resolved({"places": ["Грязи", "Тыва"], "towns": ["Грязи"]}).places[0].known  # a Tuvan village
    assert not resolved({"places": ["Гай", "Оренбургская область"]}).places[0].known  # extraction left it a word


@pytest.mark.parametrize("text,place,known", [
    ("Делегация педагогов из Орши посетила технопарк.", "Орша", False),  # unlisted: not Tver Oblast's Orsha
    ("Директор школы г. Гай рассказала о проекте.", "Гай", True)])  # after a settlement word: the Orenburg town
def test_only_the_towns_extraction_marked_are_looked_up_as_towns_named_like_words(text, place, known):
    from edugraph.extract import extract_facts
    facts = extract_facts(text, "ru", {"id": "t", "date": "2024-05-01"})
    (record,) = [p for p in resolved(facts).places if p.wording == place]
    assert record.known is known
