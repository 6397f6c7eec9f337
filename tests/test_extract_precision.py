"""Precision defects an analyst found in the graph of the real articles (analyst pass 4), one test per class,
each on a synthetic sentence in the construction's form."""

import pytest

from edugraph import gazetteer
from edugraph.extract.names import organisation_key, same_organisation
from edugraph.resolve.identity import function_level


@pytest.mark.parametrize("post, role", [
    ("Presidential Envoy to the Far Eastern Federal District", "envoy"),  # not a president
    ("полномочный представитель Президента РФ в Сибирском федеральном округе", "envoy"),
    ("Deputy Prime Minister", "deputy-prime-minister"),  # not a minister
    ("вице-премьер", "deputy-prime-minister"),
    ("President of Belarus", "president"),
    ("Minister of Education", "minister"),
])
def test_envoy_and_deputy_prime_minister_are_roles_of_their_own(post, role):
    assert gazetteer.find_role(post)["id"] == role


@pytest.mark.parametrize("name", [
    "Finance Department of the region",
    "Property and Land Relations Department of the region",
    "Департамент финансов",
    "Министерство физической культуры и спорта",
    "департамент имущественных и земельных отношений",
])
def test_finance_property_land_and_sport_bodies_are_function_bodies(name):
    # a body named by its function only is the body of the article's territory, never one node for all regions
    assert function_level(name) is not None


def test_a_named_technopark_is_no_kvantorium():
    assert not organisation_key("Технопарк «Саров»").startswith("kvantorium")
    assert not organisation_key("Технопарк высоких технологий").startswith("kvantorium")
    assert not same_organisation("Технопарк «Саров»", "детский технопарк «Кванториум Саров»")
    # a bare technopark refers back to the article's Kvantorium
    assert organisation_key("детский технопарк").startswith("kvantorium")
    assert same_organisation("благовещенский технопарк", "благовещенский технопарк «Кванториум»")


def _main_event_people(text: str, lang: str, date: str) -> list[str]:
    from edugraph.extract import extract_facts
    facts = extract_facts(text, lang, {"date": date})
    event = facts["events"][0]
    return event.get("participant_persons") or [p["name"] for p in facts["persons"]]


@pytest.mark.parametrize("text, lang, present, absent", [
    # an initiator («по поручению», "declared by", "on the instructions of") is not at the event
    ("On 5 March, Minister of Education Sergey Kravtsov held a meeting with regional ministers in Moscow. He "
     "spoke of the Year of the Teacher declared by President Vladimir Putin.", "en",
     "Sergey Kravtsov", "Vladimir Putin"),
    # a namesake, at any of its mentions
    ("On 1 September, Governor Andrei Vorobyov opened a school named after Yevgeny Primakov in Odintsovo. "
     "Yevgeny Primakov headed the Foreign Ministry in 1996-1998.", "en", "Andrei Vorobyov", "Yevgeny Primakov"),
    # a credit line's photographer
    ("1 сентября в Челябинске министр образования Яна Ершова открыла центр «IT-куб».\n\n"
     "Фотографии: Дмитрий Куткин, Вечерний Челябинск", "ru", "Яна Ершова", "Дмитрий Куткин"),
    # a person named only in sentences dated to another day than the main event's
    ("On 7 October, Governor Sergey Morozov held a meeting with teachers in Ulyanovsk. On 5 October, the teacher "
     "received an award from Olga Golodets in Moscow.", "en", "Sergey Morozov", "Olga Golodets"),
])
def test_persons_only_mentioned_are_no_participants(text, lang, present, absent):
    people = _main_event_people(text, lang, "2024-10-08")
    assert present in people and absent not in people
