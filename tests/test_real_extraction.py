"""Extraction on the real development corpus: published news articles with hand-written gold
(tests/dev/articles/real_*.txt, tests/dev/gold/real_*.json; metadata carries url and publication date).

Articles numbered 13 and above in the first collections (real_ru_a_13…, real_ru_b_13…, real_en_11…14) were held
out while the first two rounds of rules were written; the third round used all 46 for error analysis (general
rules only). The fresh slice (real_ru_c_…, real_en_15…) was collected and given gold by reading while that round
was written, and scored only after it (0.703 before the round, 0.720 after; one error class then seen in it,
a region name read as the surname before «Имя Отчество Фамилия», was fixed: 0.732). The fourth round fixed error
classes that recur in unseen news (programmes named after a qualified «проект»/"project", case forms of surnames
with initials, academic ranks, hashtags, openings told by «начала работать»): 0.799. Thresholds sit a little below
the scores measured when the rules were last changed (docs/EXTRACTION.md), so that a regression fails the test."""

import json
import re
from pathlib import Path

import pytest

from edugraph.evaluate import evaluate, format_table

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "dev"
TUNED = r"^real_(?:ru_[ab]_(?:0[1-9]|1[0-2])|en_(?:0[1-9]|10))_"
HELD_OUT = r"^real_(?:ru_[ab]_(?:1[3-9]|[2-9]\d)|en_1[1-4])_"
FRESH = r"^real_(?:ru_c_\d+|en_(?:1[5-9]|[2-9]\d))_"
TUNED_TARGETS = {"persons": 0.98, "posts": 0.92, "organisations": 0.87, "places": 0.9, "initiatives": 0.92,
                 "events": 0.88, "event_dates": 0.9, "event_places": 0.76, "overall": 0.9}
HELD_OUT_TARGETS = {"persons": 0.96, "posts": 0.85, "organisations": 0.85, "places": 0.87, "initiatives": 0.92,
                    "events": 0.66, "event_places": 0.87, "overall": 0.86}
FRESH_TARGETS = {"persons": 0.96, "posts": 0.64, "organisations": 0.73, "places": 0.87, "initiatives": 0.84,
                 "events": 0.64, "event_dates": 0.77, "overall": 0.78}


@pytest.fixture(scope="module")
def tuned():
    return evaluate(DEV / "gold", DEV / "articles", only=TUNED)


@pytest.fixture(scope="module")
def held_out():
    return evaluate(DEV / "gold", DEV / "articles", only=HELD_OUT)


def test_real_articles_are_published_news_with_url_and_date():
    metas = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((DEV / "articles").glob("real_*.json"))]
    assert len(metas) >= 30
    assert all(m.get("url", "").startswith("http") and re.match(r"\d{4}", str(m.get("date"))) for m in metas)
    assert sum(m["language"] == "en" for m in metas) >= 10


@pytest.fixture(scope="module")
def fresh():
    return evaluate(DEV / "gold", DEV / "articles", only=FRESH)


def test_slices_are_disjoint_and_real(tuned, held_out, fresh):
    assert not set(tuned["articles"]) & set(held_out["articles"])
    assert not (set(tuned["articles"]) | set(held_out["articles"])) & set(fresh["articles"])
    assert set(tuned["slices"]) == set(held_out["slices"]) == set(fresh["slices"]) == {"real"}
    assert len(tuned["articles"]) >= 30 and len(held_out["articles"]) >= 8 and len(fresh["articles"]) >= 16


@pytest.mark.parametrize("category", sorted(TUNED_TARGETS))
def test_tuned_real_scores(tuned, category):
    assert tuned[category]["f1"] >= TUNED_TARGETS[category], format_table(tuned)


@pytest.mark.parametrize("category", sorted(HELD_OUT_TARGETS))
def test_held_out_real_scores(held_out, category):
    assert held_out[category]["f1"] >= HELD_OUT_TARGETS[category], format_table(held_out)


@pytest.mark.parametrize("category", sorted(FRESH_TARGETS))
def test_fresh_real_scores(fresh, category):
    assert fresh[category]["f1"] >= FRESH_TARGETS[category], format_table(fresh)
