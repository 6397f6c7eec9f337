"""Federal bodies (data/gazetteers/federal_bodies.yaml): the names, abbreviations and English names of one federal
ministry made one identity key.

>>> find("Минпросвещения России", None).id == find("Ministry of Enlightenment of the Russian Federation", None).id
True
>>> find("Министерство просвещения Самарской области", None) is None
True
>>> find("Министерство образования Российской Федерации", 2003).id, find("Министерство образования РФ", 2023).id
('ministerstvo-obrazovaniye-rossiya', 'ministerstvo-prosveshcheniye-rossiya')
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .. import gazetteer
from ..extract.names import main_words

COUNTRY_WORDS = frozenset({"россия", "russia", "russian", "российский"})  # main_words already unify «РФ», "RF"…


@dataclass(frozen=True)
class Body:
    """One federal body: its key, canonical labels, and whether the name it was found by is `bare` (no country
    word: federal only when the article means no region's body)."""

    id: str
    ru: str
    en: str
    bare: bool = False


@functools.lru_cache(maxsize=1)
def _table() -> tuple[dict[frozenset[str], tuple[Body, bool]], list[tuple[int, int, Body]], set[frozenset[str]]]:
    """(body and bareness by the lemmas of each of its names; (first, last) school years per body; the lemmas of the
    names of the body in charge of schools)."""
    data = gazetteer.load("federal_bodies")
    by_words, schools = {}, []
    for row in data["bodies"]:
        body = Body(row["id"], row["ru"], row["en"])
        bare = {main_words(name) for name in row["bare"]}
        for name in row["names"]:
            by_words[main_words(name)] = (body, main_words(name) in bare)
        first, last = row["schools"]
        schools.append((first or 0, last or 9999, body))
    return by_words, schools, {main_words(name) for name in data["school_names"]}


def find(name: str, year: int | None) -> Body | None:
    """The federal body `name` denotes (at an article of `year`), with `bare` set when no country word makes it
    federal; None for any other name, a region's body among them («… Самарской области» has more words)."""
    words = main_words(name)
    rest = words - COUNTRY_WORDS
    by_words, schools, school_names = _table()
    if rest in by_words:
        body, bare = by_words[rest]
        if rest != words or bare:
            return Body(body.id, body.ru, body.en, rest == words)
    if rest != words and rest in school_names:
        year = year or 9999  # an undated article: the body in charge now
        return next(body for first, last, body in schools if first <= year <= last)
    return None


def year_of(date: str | None) -> int | None:
    """The year of an ISO date («2019-02-15», «2024»)."""
    match = re.match(r"\d{4}", date or "")
    return int(match.group()) if match else None
