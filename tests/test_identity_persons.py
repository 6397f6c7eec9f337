"""One person, one node, and two people never one: person keys across articles and languages, the label of a
person, and the keys of openings and visits — on small articles through extraction and resolution (and one build)."""

from __future__ import annotations

import json

from rdflib.namespace import SKOS

from edugraph import gazetteer
from edugraph.articles import Article
from edugraph.build import article_facts, run_build
from edugraph.extract.names import PATRONYMIC_END, person_identity
from edugraph.namespaces import ID
from edugraph.resolve import resolve_article
from support.corpus import corpus

AYSEN = "Глава Якутии Айсен Николаев открыл новую школу в Якутске. Он поздравил учеников."
PUPIL = "В финальный этап олимпиады прошли Александр Николаев, Юрий Жиляков и Анастасия Павлова."
AYSEN_EN = "Head of Yakutia Aysen Nikolayev opened a new school in Yakutsk."


def resolved(text: str, language: str = "ru", ident: str = "a1", date: str | None = "2023-10-30"):
    article = Article(id=ident, text=text, title="Новости", language=language, date=date)
    return resolve_article(article, article_facts(article, {}))


def person_keys(text: str, language: str = "ru") -> dict[str, str]:
    """Wording -> key of the persons an article names."""
    return {person.wording: person.key for person in resolved(text, language).persons}


def test_two_given_names_are_two_persons_and_one_name_joins_across_languages():
    aysen, pupil = person_keys(AYSEN)["Айсен Николаев"], person_keys(PUPIL)["Александр Николаев"]
    assert aysen != pupil
    assert person_keys(AYSEN_EN, "en")["Aysen Nikolayev"] == aysen


def test_initials_tell_a_namesake_apart_and_join_a_public_person():
    director = person_keys("Слово было предоставлено директору школы А. М. Воробьеву.")
    governor = person_keys("Губернатор Московской области Андрей Воробьев вручил премии учителям.")
    assert director["А.М. Воробьёв"] != governor["Андрей Воробьев"]
    minister = person_keys("Министр просвещения С. С. Кравцов посетил школу в Курске.")["С.С. Кравцов"]
    assert minister == person_keys("Министр просвещения Сергей Кравцов посетил школу в Курске.")["Сергей Кравцов"]
    assert minister == person_keys("Minister of Education Sergei Kravtsov visited a school in Kursk.", "en")[
        "Sergei Kravtsov"]


def test_one_article_still_merges_initials_with_the_full_name():
    found = resolved("Министр просвещения Сергей Кравцов посетил школу. С. Кравцов отметил успехи учеников.")
    assert [p.wording for p in found.persons] == ["Сергей Кравцов"]


def test_one_article_never_merges_two_people_who_share_a_surname_and_an_initial():
    found = resolved("Губернатор Московской области Андрей Воробьев открыл школу. Слово было предоставлено "
                     "директору школы А. М. Воробьеву.")  # the governor is Андрей Юрьевич
    assert sorted(p.wording for p in found.persons) == ["А.М. Воробьёв", "Андрей Воробьев"]
    found = resolved("Директор школы Андрей Петров встретил гостей. Учитель Алексей Петров провёл урок.")
    assert sorted(p.wording for p in found.persons) == ["Алексей Петров", "Андрей Петров"]
    found = resolved("Директор школы Иван Петров встретил гостей. И. С. Петров рассказал о проекте.")
    assert [p.wording for p in found.persons] == ["Иван Петров"]  # nothing written contradicts: one person

def test_transliteration_variants_of_a_surname_are_one_person():
    english = person_keys("Moscow Region Governor Andrei Vorobyov opened a new school in Khimki.", "en")
    assert english["Andrei Vorobyov"] == person_keys("Губернатор Московской области Андрей Воробьёв открыл школу.")[
        "Андрей Воробьёв"]


def test_a_person_is_labelled_with_a_name_written_for_them(tmp_path):
    articles, curation = corpus(tmp_path, [])
    for ident, text in (("yakutia", AYSEN), ("olympiad", PUPIL)):
        (articles / f"{ident}.txt").write_text(text, encoding="utf-8")
        (articles / f"{ident}.json").write_text(json.dumps({"id": ident, "title": "Новости", "date": "2024-04-12",
                                                            "language": "ru"}), encoding="utf-8")
    graph = run_build(articles, curation, progress=False).asserted_graph
    aysen = next(person for person in graph.subjects(SKOS.prefLabel, None)
                 if str(person).startswith(str(ID["person/"])) and "Айсен Николаев" in map(str, graph.objects(person))
                 )
    assert {str(label) for label in graph.objects(aysen, SKOS.prefLabel)} == {"Айсен Николаев", "Aysen Nikolayev"}


def opening(where: str, ident: str = "a1") -> str:
    """The key of the opening of an IT-cube in 2019 that an article reports `where`."""
    text = f"В 2019 году{where} открылся центр «IT-куб». Директор центра Иван Петров рассказал о нём."
    events = resolved(text, ident=ident, date="2019-12-01").events
    return next(e.key for e in events if e.wording.startswith("Открытие"))


def test_openings_of_one_year_in_two_cities_are_two_events():
    assert opening(" в Миассе") != opening(" в Омске")
    assert opening(" в Омске", "a1") == opening(" в Омске", "a2")


def test_an_opening_without_place_or_day_is_the_article_s_own():
    assert opening("", "a1") != opening("", "a2")


def test_each_public_person_is_surname_given_name_and_patronymic_once():
    lines = gazetteer.load("public_persons")["persons"]
    assert all(len(line.split()) == 3 and PATRONYMIC_END.search(line.split()[2]) for line in lines)
    identities = [person_identity(" ".join(line.split()[1::-1])) for line in lines]  # «Сергей Кравцов»
    assert len(set(identities)) == len(lines)
