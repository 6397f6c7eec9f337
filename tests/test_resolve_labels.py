"""Labels an analyst reads, built by resolution from the facts of real articles: events named by whom was met,
persons named in English by given name and surname."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from edugraph.articles import read_article
from edugraph.build import article_facts
from edugraph.resolve import ResolvedArticle, resolve_article
from edugraph.resolve.records import Labels

ARTICLES = Path(__file__).parent / "dev" / "articles"


@functools.lru_cache(maxsize=None)
def real(ident: str) -> ResolvedArticle:
    article = read_article(ARTICLES / f"{ident}.txt")
    return resolve_article(article, article_facts(article, {}))


@pytest.mark.parametrize("ident, wording, expected", [
    ("real_ru_j_03_pudozh_karmazina_school_repairs", "Встреча с директорами школ Пудожа",
     Labels(ru="Встреча с директорами школ Пудожа", en="Meeting with directors of schools, Pudozh")),  # a known town
    ("real_ru_k_03_sakhalin_ministry_meets_grazhdanin_finalists",
     "Встреча с руководством регионального министерства образования", None),
    ("real_en_45_tukaevsky_shaikhraziev_tatar_teachers", "Meeting with teachers of the Tatar language",
     Labels(en="Meeting with teachers of the Tatar language")),
    ("real_en_43_kazan_adymnar_minnikhanov_shaimiev_visit", "Meeting with teachers of the educational complex",
     Labels(en="Meeting with teachers of the educational complex, 5 Oct 2020"))])
def test_a_meeting_is_labelled_by_whom_the_article_says_was_met(ident, wording, expected):
    """A meeting told by its verb («встретилась с директорами школ Пудожа») is named by the extractor from the words
    after it; the place its sentence names is not whom was met (it was labelled «Встреча с Пудожа», "Meeting with
    Malaya Shilna", «Встреча с Республики Татарстан», and «Встреча с» when no place was found)."""
    event = next(e for e in real(ident).events if e.wording == wording)
    assert event.action and event.action.kind == "meeting"
    if expected:
        assert event.labels == expected
    assert event.labels.ru in (None, wording) or event.labels.ru.startswith(f"{wording}, ")
    assert event.labels.en and not event.labels.en.startswith(("Meeting with Malaya", "Meeting with Tatarstan"))


@pytest.mark.parametrize("ident, key, ru, en", [
    ("real_ru_h_05_serpukhov_professionalitet_open_day", "lysikov-aleksandr", "Александр Иванович Лысиков",
     "Aleksandr Lysikov"),
    ("real_ru_b_05_polysaevo_teacher_awards", "polshinskaya-raisa", "Польшинская Раиса Владимировна",
     "Raisa Polshinskaya")])
def test_a_russian_name_with_a_patronymic_is_given_name_and_surname_in_english(ident, key, ru, en):
    """«Директор колледжа … Александр Иванович Лысиков», «Польшинская Раиса Владимировна»: the Russian label keeps the
    name as written; the English one was the transliteration of all three words, surname first when written so
    ("Polshinskaya Raisa Vladimirovna"), where an English article names her "Raisa Polshinskaya"."""
    person = next(p for p in real(ident).persons if p.key == key)
    assert person.labels == Labels(ru=ru, en=en)


@pytest.mark.parametrize("ident, key, ru, en", [
    ("real_ru_h_01_romanovsky_directors_meeting", "strugovshchikova-n-f", "Струговщикова Н.Ф.",
     "N.F. Strugovshchikova"),
    ("real_ru_i_02_isetskoe_regional_olympiad_closing", "burkovsky-maksim", "Бурковский Максим", "Maksim Burkovsky")])
def test_a_russian_name_written_surname_first_is_given_name_and_surname_in_english(ident, key, ru, en):
    """«директор МОУ Осиновская СОШ Струговщикова Н.Ф.», «Суслова Юлия и Бурковский Максим стали призерами»: lists
    of speakers and pupils put the surname first; the English labels kept that order ("Strugovshchikova N.F.",
    "Burkovsky Maksim") beside "A.V. Kuskov" and "Maksim Astrakhantsev" of other articles."""
    person = next(p for p in real(ident).persons if p.key == key)
    assert person.labels == Labels(ru=ru, en=en)


@pytest.mark.parametrize("ident, wording, expected", [
    ("real_ru_a_14_donetsk_kvantorium", "Открытие", "Открытие центра «Кванториум», Донецк, 2026"),
    ("real_ru_i_03_drozhzhanovsky_august_meeting", "Посещение", "Посещение Дрожжановского района, август 2023")])
def test_an_event_named_by_the_action_word_alone_names_its_centre_and_place(ident, wording, expected):
    """«В 2026 году запланировано открытие "Кванториума" в Донецке»: an event extraction named «Открытие» only, of the
    article's Kvantorium, was labelled «Открытие, 2026»; a visit named by its place does not name it twice."""
    assert next(e for e in real(ident).events if e.wording == wording).labels.ru == expected


@pytest.mark.parametrize("ident, wording, expected", [
    ("real_ru_d_09_sretensk_school_heads_council", "Совещание были", "Совещание, 22 декабря 2022"),
    ("real_ru_e_04_teacher_of_year_russia_2023", "Торжественная церемония объявления победителя одного",
     "Торжественная церемония объявления победителя, 5 октября 2023")])
def test_a_name_cut_short_does_not_end_on_a_verb_or_before_its_of(ident, wording, expected):
    """«В рамках совещания были подведены итоги», «церемония объявления победителя одного из главных … конкурсов
    страны»: extraction cut the names there; the labels ended on «были» and «одного»."""
    assert next(e for e in real(ident).events if e.wording == wording).labels.ru == expected


def test_a_legal_form_and_a_regions_old_name_are_not_translated_as_words():
    """real_ru_c_10 «ректор ФГБОУ ВО «Кубанский государственный университет» Астапов Михаил Борисович»: the English
    label was "FGBOU in «Krasnodar State University»" — the legal form spelt, its «ВО» (higher education) read as the
    preposition «во», and «Кубанский» as the region Кубань is another name of."""
    found = next(o for o in real("real_ru_c_10_sochi_ecology_olympiad_final").organisations
                 if "kubansky" in o.key)
    assert found.labels.en == "«Kuban State University»"
