"""Planned events told apart from held ones: facts key `planned` → eg:planned → the `planned` column."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from edugraph.articles import read_article
from edugraph.build import run_build, write_build
from edugraph.extract import extract_facts
from edugraph.sparql.store import open_built
from support.corpus import corpus
from support.queries import select

DEV = Path(__file__).parent / "dev" / "articles"
SYNTHETIC = ("7 марта 2023 года в Томске прошёл региональный форум «Цифровая школа». "
             "Участниками форума стали 300 педагогов.\n\n"
             "9 марта 2023 года в Томске состоится конференция «Педагоги будущего».")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    root = tmp_path_factory.mktemp("planned")
    articles, curation = corpus(root, [])
    (articles / "tomsk.txt").write_text(SYNTHETIC, encoding="utf-8")
    (articles / "tomsk.json").write_text(json.dumps({"id": "tomsk", "title": "Новости", "date": "2023-03-07",
                                                     "language": "ru"}), encoding="utf-8")
    write_build(run_build(articles, curation, progress=False), root / "build")
    return open_built(root / "build")


@pytest.mark.parametrize("query", ["timeline", "events-in-range"])
def test_a_planned_and_a_held_event_are_told_apart(store, query):
    rows = select(store, query)
    planned = {row["eventLabel"]: row["planned"] for row in rows}
    assert any("форум" in label.lower() for label in planned), planned
    assert [flag for label, flag in planned.items() if "форум" in label.lower()] == ["false"]
    assert [flag for label, flag in planned.items() if "конференц" in label.lower()] == ["true"]


def planned_events(stem: str) -> list[tuple[str, str | None]]:
    article = read_article(next(DEV.glob(f"{stem}*.txt")))
    return [(e["name"], e["date"]) for e in extract_facts(article.text, article.language, article.meta())["events"]
            if e.get("planned")]


@pytest.mark.parametrize("stem, expected", [
    ("real_ru_k_08", [("Расширенное заседание коллегии", "2023-03-09"),
                      ("Церемония награждения педагогов области", "2023-03-09")]),  # «состоится» (of 7 March)
    ("real_ru_a_08", [("Открытие центр", "2023-09-01")]),  # «откроют» on 1 September (of 5 August)
    ("real_ru_a_14", [("Открытие", "2026")]),  # «запланировано открытие» in 2026
])
def test_real_planned_events_are_flagged(stem, expected):
    assert planned_events(stem) == expected


def test_a_held_event_is_not_flagged():
    facts = extract_facts("Вчера в Томске состоялся форум «Цифровая школа».", "ru", {"date": "2023-03-07"})
    assert facts["events"] and not any(e.get("planned") for e in facts["events"])


def test_an_opening_told_by_a_future_verb_in_the_publication_year_is_planned():
    facts = extract_facts("В этом году в Донецке откроют детский технопарк «Кванториум».", "ru", {"date": "2026-01-27"})
    assert [e.get("planned") for e in facts["events"] if e["type"] == "opening"] == [True]


def openings(text: str, lang: str, published: str = "2023-03-07") -> list[tuple[str, str | None, bool]]:
    facts = extract_facts(text, lang, {"date": published, "language": lang})
    return [(e["name"], e["date"], bool(e.get("planned"))) for e in facts["events"] if e["type"] == "opening"]


@pytest.mark.parametrize("text, lang, name, date, planned", [
    ("В 2024 году в Тюменской области планируется открыть ещё два центра «IT-куб».", "ru",
     "Открытие ещё два центра «IT-куб»", "2024", True),
    ("В 2023 году в республике открылись 52 центра «Точка роста».", "ru", "Открытие 52 центра «Точка роста»", "2023",
     False),
    ("С 2019 года в регионе открыто 248 центров «Точка роста».", "ru", "Открытие 248 центров «Точка роста»", None,
     False),  # a span since 2019 dates none
    ("В Псковской области завершён ввод в эксплуатацию пяти школ.", "ru", "Открытие пяти школ", None, False),
    ("In 2013 the Russian Federation opened 56 new schools.", "en", "Opening of 56 new schools", "2013", False),
    ("By 1 September 2024, 63 general education schools will be opened.", "en",
     "Opening of 63 general education schools", "2024-09-01", True),
])
def test_a_counted_or_planned_opening_is_an_event(text, lang, name, date, planned):
    assert openings(text, lang) == [(name, date, planned)]


def test_an_intended_opening_is_planned():  # «намерены»: a future marker of data/gazetteers/events.yaml
    assert openings("В Курской области намерены открыть ещё три центра «Точка роста».", "ru") == [
        ("Открытие ещё три центра «Точка роста»", None, True)]


@pytest.mark.parametrize("published", ["2013", "2013-10"])
def test_this_year_of_a_year_or_month_publication_date_dates_a_counted_opening(published):
    assert openings("В этом году в регионе открыто 12 центров «Точка роста».", "ru", published) == [
        ("Открытие 12 центров «Точка роста»", "2013", False)]


@pytest.mark.parametrize("text, lang", [
    ("В регионе работают 25 центров «Точка роста».", "ru"),  # existing centres: no opening
    ("В 2024 году откроются центры в 22 школах.", "ru"),  # no count of what opens
    ("The region has 89 educational centres.", "en"),
])
def test_a_count_of_existing_centres_is_no_opening(text, lang):
    assert openings(text, lang) == []
