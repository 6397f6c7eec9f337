"""Events named by an action («Открытие …», "Visit to …") are labelled from what extraction knew of the action and
its object (the event fact's extension key `action`), never by looking the object up again by its name."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

from edugraph import gazetteer
from edugraph.articles import read_article
from edugraph.build import article_facts
from edugraph.facts import trim
from edugraph.resolve import labels, resolve_article
from edugraph.resolve.records import ActionRecord, Labels
from support.articles import resolved

ARTICLES = Path(__file__).parent / "dev" / "articles"
# an opening of a «Точка роста» centre, a visit to a region, a visit named by its place (the object not found), a
# counted opening («в 2023 году создано 66 центров «Точка роста»»)
REAL = ("real_ru_n_03_novosibirsk_points_of_growth_order", "real_ru_g_04_kursk_kravtsov_visit",
        "real_en_32_sochi_sirius_putin_lukashenko_visit", "real_ru_a_11_yakutia_point_of_growth")


@functools.lru_cache(maxsize=None)
def real_facts(ident: str) -> tuple:
    article = read_article(ARTICLES / f"{ident}.txt")
    return article, article_facts(article, {})


def opening(name: str, thing: dict | None) -> dict:
    return {"events": [{"name": name, "type": "opening", "date": "2023", "place": None,
                        "action": {"kind": "opening", "object": thing}}]}


def test_the_extractor_names_the_action_and_its_object_and_the_exchange_format_drops_them():
    article, facts = real_facts(REAL[0])
    event = next(e for e in facts["events"] if e["name"] == "Открытие Точка роста")
    assert event["action"] == {"kind": "opening",
                               "object": {"name": "Точка роста", "kind": "initiative", "id": "point-of-growth"}}
    assert all("action" not in e for e in trim(facts)["events"])
    record = next(e for e in resolve_article(article, facts).events if e.wording == "Открытие Точка роста")
    assert record.action == ActionRecord("opening", "Точка роста", network="point-of-growth")


def test_the_label_follows_the_identity_extraction_gave_not_the_wording():
    """The wording says «Точка роста», extraction resolved the object to the Kvantorium network: looking the wording
    up again (as labels once did) would name the other network."""
    event = resolved(opening("Открытие Точка роста", {"name": "Точка роста", "kind": "initiative",
                                                       "id": "kvantorium"})).events[0]
    assert event.labels == Labels(ru="Открытие центра «Кванториум», 2023", en="Opening of «Kvantorium» centre, 2023")
    place = resolved(opening("Открытие Кировский район", {
        "name": "Кировский район", "kind": "place", "id": "saint-petersburg-kirovsky-district"})).events[0]
    assert place.action.place.key == "saint-petersburg-kirovsky-district"
    assert place.labels.en == "Opening of Kirovsky District, 2023"


def test_an_event_without_the_action_key_is_labelled_by_its_wording():
    """A curated event («Открытие Точка роста» typed by hand) is a name like any other: no action is guessed from it."""
    event = resolved({"events": [{"name": "Открытие Точка роста", "type": "opening", "date": "2023"}]}).events[0]
    assert event.action is None and event.labels.ru == "Открытие Точка роста, 2023"


@pytest.mark.parametrize("action", [{"kind": 5}, {"kind": "opening", "object": ["x"]}, "opening",
                                    {"kind": "opening", "object": {"name": 3, "kind": "place", "id": ["x"]}},
                                    {"kind": "no-such-action", "object": {"name": "Точка роста"}}])
def test_a_malformed_action_key_is_ignored(action):
    event = resolved({"events": [{"name": "Открытие", "type": "opening", "date": "2023", "action": action}]}).events[0]
    assert event.labels.ru == "Открытие, 2023"


def test_labels_of_real_action_events_look_no_name_up(monkeypatch):
    """While the labels of an opening or a visit are built, finding an initiative or a place by name fails: the
    labels of the real articles' openings and visits come out as before, from the ids extraction gave. (The
    glossary's English wording of an organisation's name reads its place words and quoted names: not this case.)"""
    def refused(*args, **kwargs):
        raise AssertionError(f"a name looked up again while labelling: {args}")

    def guarded(wording, *args, **kwargs):
        action = args[4] if len(args) > 4 else kwargs.get("action")
        organisation = action and action.wording and not action.network and not action.place  # counted objects too
        if organisation or not re.match(r"(Открытие|Посещение|Opening of|Visit to)\b", wording):
            return event_labels(wording, *args, **kwargs)
        with monkeypatch.context() as patch:
            patch.setattr(gazetteer, "find_initiative", refused)
            patch.setattr(gazetteer, "find_place", refused)
            return event_labels(wording, *args, **kwargs)

    event_labels = labels.event_labels
    monkeypatch.setattr(labels, "event_labels", guarded)
    found = {}
    for ident in REAL:
        article, facts = real_facts(ident)
        for event in resolve_article(article, facts).events:
            if event.action:
                found[event.wording, event.start] = event.labels
    assert found["Открытие Точка роста", "2021-12-13"].ru == "Открытие центра «Точка роста», 13 декабря 2021"
    assert found["Открытие 66 центров «Точка роста»", "2023"] == Labels(  # labelled like an action, its year kept
        ru="Открытие 66 центров «Точка роста», Республика Саха (Якутия), 2023",
        en="Opening of 66 centres «Point of Growth», Sakha Republic (Yakutia), 2023")
    assert found["Посещение Курская область", "2024-12-04"] == Labels(
        ru="Посещение Курской области, 4 декабря 2024", en="Visit to Kursk Oblast, 4 Dec 2024")
    assert found["Visit to Sirius educational centre for gifted children", "2015-09-18"].en == \
        "Visit to Sirius educational centre for gifted children, 18 Sep 2015"  # the centre found (extraction round 13)
