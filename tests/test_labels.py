"""Canonical labels of real articles read as an analyst reads them (the facts are extracted from the articles)."""

from __future__ import annotations

import re

from edugraph import gazetteer
from edugraph.articles import Article
from edugraph.build import article_facts
from edugraph.resolve import ResolvedArticle, resolve_article
from edugraph.resolve.labels import DANGLING, tidy
from edugraph.resolve.records import Labels
from edugraph.text import parses
from support.articles import real


def labels(resolved: ResolvedArticle, lang: str | None = None) -> list[str]:
    """Every canonical label (in `lang`) of the article's events and organisations."""
    records = [*resolved.events, *resolved.all_organisations()]
    return [text for record in records for code, text in record.labels.items() if lang in (None, code)]


def test_labels_of_names_cut_short_are_balanced_and_end_on_a_word():
    ids = ["real_en_03_voronezh_quantorium_meeting", "real_en_26_ulyanovsk_gaidar_forum",
           "real_en_40_spb_forum_modern_school_coordinators", "real_ru_a_03_murmansk_kvantorium",
           "real_ru_c_06_zimovniki_august_conference", "real_ru_e_07_uzhur_point_of_growth",
           "real_ru_h_08_romanovka_teacher_of_year_2024"]
    found = [text for ident in ids for text in labels(real(ident))]
    assert len(found) > 30
    for text in found:
        assert text.count("«") == text.count("»") and text.count("(") == text.count(")"), text
        assert text.split()[-1] not in DANGLING and re.search(r"[\w»)]$", text), text
    civic = next(e for e in real(ids[0]).events if e.wording.startswith("Civic meeting"))
    assert civic.labels.en == "Civic meeting «Leader»"  # a proper name, no longer generic: no date


def test_events_named_by_an_action_name_its_object_in_the_genitive_or_its_place():
    ids = ["real_en_02_tomsk_kvantorium", "real_en_32_sochi_sirius_putin_lukashenko_visit",
           "real_en_38_penza_vasilyeva_kvantorium_visit", "real_ru_a_07_chelyabinsk_itcube",
           "real_ru_a_11_yakutia_point_of_growth",
           "real_ru_d_02_murino_beglov_drozdenko", "real_ru_d_04_noginsk9_tochka_rosta",
           "real_ru_g_04_kursk_kravtsov_visit"]
    events = [e for ident in ids for e in real(ident).events
              if re.match(r"(Открытие|Посещение|Opening of|Visit to)\b", e.wording)]
    assert len(events) >= 7
    for event in events:
        assert re.match(r"(Opening of|Visit to) [\w«]", event.labels.en), event.labels
        if event.labels.ru:  # the word after the action (and a count) is a genitive (not «Открытие Точка роста»)
            word = next(w for w in event.labels.ru.split()[1:] if not w.isdigit()).strip("«,").lower()
            assert any(p.tag.case == "gent" for p in parses(word)), event.labels
    by_wording = {(e.wording, e.start): e.labels for e in events}
    assert by_wording["Открытие IT-куб", "2019"].ru == "Открытие центра «IT-куб», Миасс, 2019"  # keyed with its place
    assert by_wording["Открытие 66 центров «Точка роста»", "2023"] == Labels(  # a counted opening, as an action
        ru="Открытие 66 центров «Точка роста», Республика Саха (Якутия), 2023",
        en="Opening of 66 centres «Point of Growth», Sakha Republic (Yakutia), 2023")
    assert by_wording["Посещение Курская область", "2024-12-04"] == Labels(
        ru="Посещение Курской области, 4 декабря 2024", en="Visit to Kursk Oblast, 4 Dec 2024")
    assert by_wording["Visit to Sirius educational centre for gifted children", "2015-09-18"].en == \
        "Visit to Sirius educational centre for gifted children, 18 Sep 2015"  # the centre found (extraction round 13)


def test_a_person_is_named_alike_in_both_languages():
    english = next(p for p in real("real_en_21_moscow_teacher_of_year_2025").persons if p.key == "putin-vladimir")
    russian = [p for ident in ("real_ru_a_11_yakutia_point_of_growth", "real_ru_b_06_federal_putin_teacher_awards")
               for p in real(ident).persons if p.key == "putin-vladimir"]
    assert english.wording == "Vladimir Vladimirovich Putin" and len(russian) == 2
    for person in russian:  # the English label is the transliteration of the Russian one, whichever article it is
        assert english.labels.en == person.labels.en == gazetteer.transliterate(person.labels.ru)


def test_english_labels_write_numbers_the_english_way():
    found = [text for ident in ("real_en_20_spb_presidential_library_olympiad_awards",
                                "real_en_33_russia_76_new_schools_september") for text in labels(real(ident), "en")]
    assert "Opening of secondary school No. 41, 1 Sep 2017" in found  # "… №41" in the article
    assert not [text for text in found if "№" in text]


def test_a_name_of_unmatched_brackets_only_is_balanced_without_recursion():
    """One recursion per unmatched opening bracket: a name (a curated one, say) of a few thousand of them was a
    RecursionError, a traceback out of `edugraph build`."""
    assert tidy("(" * 5000 + "Лицей") == "Лицей" and tidy("«Лицей «Гимназия") == "Лицей «Гимназия»"


def test_openings_of_one_year_in_two_cities_are_labelled_apart():
    """An opening keyed with its place (`identity.event_key`) is labelled with it: two labels for two keys."""
    found = {}
    for city in ("Миассе", "Омске"):
        text = f"В 2019 году в {city} открылся центр «IT-куб». Директор центра Иван Петров рассказал о нём."
        article = Article(id=city, text=text, title="Новости", language="ru", date="2019-12-01")
        event = next(e for e in resolve_article(article, article_facts(article, {})).events
                     if e.wording.startswith("Открытие"))
        found[event.key] = event.labels
    assert len(found) == 2 and len({labels.ru for labels in found.values()}) == 2
    assert len({labels.en for labels in found.values()}) == 2
    assert {labels.ru for labels in found.values()} == {"Открытие центра «IT-куб», Миасс, 2019",
                                                      "Открытие центра «IT-куб», Омск, 2019"}
