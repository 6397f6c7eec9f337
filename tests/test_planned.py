"""Planned events told apart from held ones: facts key `planned` → eg:planned → the `planned` column."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from edugraph.articles import read_article
from edugraph.build import run_build, write_build
from edugraph.extract import extract_facts
from edugraph.sparql.store import open_built
from support.queries import select

DEV = Path(__file__).parent / "dev" / "articles"
SYNTHETIC = ("7 марта 2023 года в Томске прошёл региональный форум «Цифровая школа». "
             "Участниками форума стали 300 педагогов.\n\n"
             "9 марта 2023 года в Томске состоится конференция «Педагоги будущего».")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    root = tmp_path_factory.mktemp("planned")
    articles, curation = root / "articles", root / "curation"
    articles.mkdir()
    curation.mkdir()
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
