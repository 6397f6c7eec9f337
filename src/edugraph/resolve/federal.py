"""Federal bodies (data/gazetteers/federal_bodies.yaml): the names, abbreviations and English names of one federal
ministry made one identity key, each at the date of the article (a name two ministries bore in turn, such as
«Минобрнауки», is the one of its time).

>>> find("Минпросвещения России", None).id == find("Ministry of Enlightenment of the Russian Federation", None).id
True
>>> find("Министерство просвещения Самарской области", None) is None
True
>>> find("Министерство образования Российской Федерации", 2003).id, find("Министерство образования РФ", 2023).id
('ministerstvo-obrazovaniye-rossiya', 'ministerstvo-prosveshcheniye-rossiya')
>>> find("Минобрнауки России", "2018-03-02").id, find("Минобрнауки России", "2020-01-10").id
('ministerstvo-obrazovaniye-nauka-rossiya', 'ministerstvo-nauka-obrazovaniye-rossiya')
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace

from .. import gazetteer
from ..extract.names import main_words

COUNTRY_WORDS = frozenset({"россия", "russia", "russian", "российский"})  # main_words already unify «РФ», "RF"…
LATEST = "9999-12-31"  # an undated article: the body of its name now; no date is later (`Period.holds` includes it)


@dataclass(frozen=True)
class Body:
    """One federal body: its key, canonical labels, and whether the name it was found by is `bare` (no country
    word: federal only when the article means no region's body)."""

    id: str
    ru: str
    en: str
    bare: bool = False


@dataclass(frozen=True)
class Period:
    """A body's time (ISO dates, either end open): `first` <= an article's date <= `last`."""

    body: Body
    first: str
    last: str

    def holds(self, when: str) -> bool:
        return self.first <= when <= self.last


def _period(body: Body, span: list | None) -> Period:
    first, last = span or (None, None)
    return Period(body, str(first or "0000"), str(last or LATEST))


@functools.lru_cache(maxsize=1)
def _table() -> tuple[dict[frozenset[str], list[tuple[Period, bool]]], list[Period], set[frozenset[str]]]:
    """(the periods of the bodies of the lemmas of each name, with its bareness; the period each body was in charge
    of schools; the lemmas of the names of the body in charge of schools)."""
    data = gazetteer.load("federal_bodies")
    by_words, schools = {}, []
    for row in data["bodies"]:
        body = Body(row["id"], row["ru"], row["en"])
        bare = {main_words(name) for name in row["bare"]}
        period = _period(body, row.get("period"))
        for name in row["names"]:
            by_words.setdefault(main_words(name), []).append((period, main_words(name) in bare))
        if row.get("schools"):
            schools.append(_period(body, row["schools"]))
    return by_words, schools, {main_words(name) for name in data["school_names"]}


def day(when: str | int | None) -> str:
    """An article's date (ISO, or a year) as a string that compares with the gazetteer's dates; undated: now."""
    return str(when) if when else LATEST


def find(name: str, when: str | int | None) -> Body | None:
    """The federal body `name` denotes at an article of date `when` (ISO date or year), with `bare` set when no
    country word makes it federal; None for any other name, a region's body among them («… Самарской области» has
    more words)."""
    words = main_words(name)
    rest = words - COUNTRY_WORDS
    by_words, schools, school_names = _table()
    at = day(when)
    if rest in by_words:
        periods = by_words[rest]
        period, bare = next(((p, b) for p, b in periods if p.holds(at)), periods[-1])
        if rest != words or bare:
            return replace(period.body, bare=rest == words)
    if rest != words and rest in school_names:
        return next(period.body for period in schools if period.holds(at))
    return None
