"""Evaluation against the hand-written gold files."""

import copy
import json
from pathlib import Path

import pytest

from edugraph.evaluate import evaluate, evaluate_facts, format_table
from edugraph.extract.names import organisation_key, same_organisation

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
TARGETS = {"persons": 0.95, "places": 0.95, "initiatives": 0.95, "posts": 0.85, "organisations": 0.85, "events": 0.85,
           "event_dates": 0.8, "event_places": 0.8, "participant_counts": 0.8}


@pytest.fixture(scope="module")
def result():
    return evaluate(GOLD, ROOT / "data" / "articles")


@pytest.mark.parametrize("category", sorted(TARGETS))
def test_seed_scores_meet_targets(result, category):
    assert result[category]["f1"] >= TARGETS[category], format_table(result)


def test_all_gold_articles_evaluated(result):
    assert len(result["articles"]) == 5


def test_wrong_facts_score_lower():
    gold = json.loads(next(GOLD.glob("003_*.json")).read_text(encoding="utf-8"))
    wrong = copy.deepcopy(gold)
    wrong["persons"][0]["name"] = "Ирина Петрова"
    wrong["places"] = ["Томск"]
    wrong["events"][0]["date"] = "2020-01-01"
    wrong["events"][0]["type"] = "forum"
    perfect, bad = evaluate_facts([(gold, gold)]), evaluate_facts([(gold, wrong)])
    assert perfect["overall"]["f1"] == 1.0
    assert bad["persons"]["f1"] < 1.0 and bad["places"]["f1"] == 0.0 and bad["overall"]["f1"] < perfect["overall"]["f1"]


def test_school_608_forms_match():
    names = ["ГБОУ СОШ № 608 имени Героя Советского Союза Зины Портновой Кировского района Санкт-Петербурга",
             "ГБОУ СОШ №608 Кировского района Санкт-Петербурга", "школа № 608"]
    assert len({organisation_key(n) for n in names}) == 1
    assert not same_organisation("школа № 608", "ГБОУ СОШ № 551 Кировского района")
    assert not same_organisation("ИМЦ Кировского района", "ГБОУ СОШ № 551 Кировского района")


def test_format_table(result):
    table = format_table(result)
    assert table.splitlines()[0].startswith("category") and "overall" in table


def test_real_and_written_slices_reported_apart():
    from edugraph.evaluate import article_kind

    assert article_kind({"url": "https://example.org/news/1"}) == "real"
    assert article_kind({"source": "real: example.org"}) == "real"
    assert article_kind({"id": "dev01"}) == "written"
    dev = ROOT / "tests" / "dev"
    result = evaluate(dev / "gold", dev / "articles", only=r"^(?:dev0[12]|real_en_0[12])_")
    assert {k: len(v["articles"]) for k, v in result["slices"].items()} == {"real": 2, "written": 2}
    table = format_table(result)
    assert "real F1" in table.splitlines()[0] and "written F1" in table.splitlines()[0]
    assert table.splitlines()[-1] == "articles: 4 (real: 2, written: 2)"


def test_evaluate_command_rejects_a_bad_only_regex(capsys):
    from edugraph.cli import main

    assert main(["evaluate", str(GOLD), "--articles", str(ROOT / "data" / "articles"), "--only", "("]) != 0
    err = capsys.readouterr().err.strip()
    assert err.startswith("edugraph: error: --only (: not a regular expression") and "\n" not in err


def test_evaluate_command_reports_bad_input_in_one_line(tmp_path, capsys):
    from edugraph.cli import main

    dev = ROOT / "tests" / "dev"
    assert main(["evaluate", str(dev / "gold"), "--articles", str(tmp_path / "missing")]) == 2
    assert main(["evaluate", str(dev / "gold"), "--articles", str(dev / "articles"), "--only", "^nothing$"]) == 2
    (tmp_path / "dev01_tomsk_kvantorium.json").write_text("{broken", encoding="utf-8")
    assert main(["evaluate", str(tmp_path), "--articles", str(dev / "articles")]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert [line.split(":")[0] for line in lines] == ["edugraph"] * 3
    assert "no such articles folder" in lines[0] and "matches --only" in lines[1] and "not valid JSON" in lines[2]
