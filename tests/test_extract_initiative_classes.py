"""Initiatives, round 20e: one test per class of initiative error fixed (docs/EXTRACTION.md, "Round 20e"), each a
sentence of a real article."""

from edugraph.extract import extract_facts


def _initiatives(text: str, lang: str) -> list[str]:
    return extract_facts(text, lang, {"date": "2024-09-02"})["initiatives"]


def test_the_national_project_named_without_quotes_before_its_kind():
    # real_en_66 (and en_44): as the quoted "the national “Education” project" the list already read
    text = "Educational institutions appeared in 3 cities and 12 districts within the framework of the national " \
           "Education project."
    assert _initiatives(text, "en") == ["National project Education"]


def test_the_federal_state_programme_development_of_education_in_any_case():
    # real_ru_o_07 (genitive inside the quotes), real_ru_m_04 («программы РФ»), real_ru_d_05
    for text in ("Новая школа №1 в Ачхой-Мартановском районе построена в рамках государственной программы «Развития "
                 "образования» и рассчитана на 720 посадочных мест.",
                 "Школа построена благодаря национальному проекту «Образование» государственной программы РФ «Развитие "
                 "образования».",
                 "Такая возможность появилась благодаря государственной программе «Развитие образования»."):
        assert "Development of Education" in _initiatives(text, "ru"), text


def test_a_regions_programme_of_the_same_words_is_not_the_federal_one():
    text = "Школу построили по государственной программе Свердловской области «Развитие образования»."
    assert "Development of Education" not in _initiatives(text, "ru")
