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
