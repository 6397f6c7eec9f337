"""English labels of organisations read as English: glossary phrases, no Russian case endings, English word order.

Each example is a name from the real articles (tests/dev/articles/real_*) that the label code once gave half
translated, half transliterated ("Children's Sad No. 27, Polysayevsky gorodskoy okrug"); it goes through the whole
resolution (`support.articles.organisation`), not through the glossary alone.
"""

from __future__ import annotations

import re

import pytest

from support.articles import organisation

RUSSIAN_ENDING = re.compile(r"\b[A-Z]\w*(?:skogo|skoy|skoye|skikh|skomu|nogo|noy|nykh|ogo|ykh|ikh|omu)\b")

EXAMPLES = [  # (wording, place of the article, English label)
    ("Детский сад № 27", "Полысаевский городской округ", "Kindergarten No. 27, Polysayevsky Urban Okrug"),
    ("Администрация Акушинского района", "Республика Дагестан", "Administration of Akushinsky District"),
    ("Агентство стратегических инициатив", "Москва", "Agency for Strategic Initiatives"),  # a federal body
    ("Челябинская областная организация Профсоюза работников народного образования и науки", "Челябинск",
     "Chelyabinsk Regional Organisation of Trade Union of Workers of Public Education and Science"),
    ("Березовская основная общеобразовательная школа", "Пермский край", "Berezovsky Basic School"),
    ("Астраханский колледж вычислительной техники", "Астрахань", "Astrakhan College of Computer Engineering"),
    ("Ильинская средняя общеобразовательная школа имени Виталия Королева", "Курская область",
     "Ilyinsky Secondary School named after Vitaly Korolyov"),
    ("Кетовская средняя школа имени контр-адмирала В. Ф. Иванова", "Курганская область",
     "Ketovsky Secondary School named after Rear Admiral V. F. Ivanov"),
    ("Балахнинский техникум", "Нижегородская область", "Balakhninsky Technical College"),
]


@pytest.mark.parametrize("wording, place, english", EXAMPLES)
def test_a_russian_name_reads_as_english(wording, place, english):
    assert organisation(wording, place=place).labels.en == english


@pytest.mark.parametrize("wording, place, english", EXAMPLES)
def test_no_russian_case_ending_is_left(wording, place, english):
    label = organisation(wording, place=place).labels.en
    assert not RUSSIAN_ENDING.search(label), label


def test_a_word_outside_the_glossary_is_spelt_in_the_nominative():
    """A proper name the glossary cannot translate is transliterated whole, in the nominative."""
    label = organisation("Отдел образования Зимовниковского района", place="Ростовская область").labels.en
    assert label == "Department of Education of Zimovnikovsky District"


def test_labels_of_different_organisations_stay_distinct():
    names = ["Детский сад № 27", "Детский сад № 28", "Средняя общеобразовательная школа", "Основная школа"]
    labels = {organisation(name, place="Полысаевский городской округ").labels.en for name in names}
    assert len(labels) == len(names)
