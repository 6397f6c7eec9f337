"""Places named in free text: resolve a name (any case form) through the gazetteer, and walk up its hierarchy."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .. import gazetteer
from ..text import lemma, morph

WORD = re.compile(r"[A-Za-zА-Яа-яЁё][\w-]*")
MAX_WORDS = 3
RELATIVE_ADJECTIVE = ("ский", "цкий")  # «владикавказский», «моздокский»: the place an organisation belongs to
_DERIVED: dict[str, dict] = {}  # districts the gazetteer derives for cities without a district table, by id


@lru_cache(maxsize=100_000)
def nominative_word(word: str) -> str:
    """One Russian word in the nominative, memoised (organisation names repeat the same words)."""
    parse = morph().parse(word)[0]
    form = parse.inflect({"nomn"}) if parse.tag.case else None
    text = form.word if form else word
    return text.capitalize() if word[:1].isupper() else text


def nominative(words: list[str]) -> str:
    """Put a phrase of Russian words into the nominative («Кировского района» -> «Кировский район»)."""
    return " ".join(nominative_word(word) for word in words)


def resolve_place(name: str, context: list[str] | None = None) -> dict | None:
    """The gazetteer record for a place name as written or in the nominative."""
    record = gazetteer.find_place(name, context) or gazetteer.find_place(nominative(name.split()), context)
    if record and gazetteer.place(record["id"]) is None:
        _DERIVED[record["id"]] = record  # «Кировский район» of a city whose districts are not tabled
    return record


def place_record(ident: str) -> dict | None:
    """The place record with this id: the gazetteer's, or a district derived while resolving."""
    return gazetteer.place(ident) or _DERIVED.get(ident)


def ancestors(record: dict | None) -> Iterator[dict]:
    """The place itself, then every enclosing place up to the country, derived districts included."""
    return gazetteer.ancestors(record, place_record)


def _phrase_place(phrase: list[str], context: list[str] | None) -> dict | None:
    """The place a capitalised phrase names, or a lower-case relative adjective («моздокский») stands for."""
    if phrase[0][:1].isupper():
        return resolve_place(" ".join(phrase), context)
    if len(phrase) == 1 and lemma(phrase[0]).endswith(RELATIVE_ADJECTIVE):
        return gazetteer.find_place(phrase[0], context)
    return None


def organisation_places(name: str, context: list[str] | None = None) -> list[dict]:
    """The most specific places named inside an organisation's name: «… Кировского района Санкт-Петербурга»,
    «владикавказский «Кванториум»», "Penza's Kvantorium". A city the name gives decides its districts."""
    found = _named_places(name, context)
    cities = [r["ru"] for r in found if r["kind"] == "city"]
    return _named_places(name, cities + list(context or [])) if cities else found


def _named_places(name: str, context: list[str] | None) -> list[dict]:
    words = WORD.findall(name)
    found: dict[str, dict] = {}
    i = 0
    while i < len(words):
        for size in range(min(MAX_WORDS, len(words) - i), 0, -1):
            record = _phrase_place(words[i:i + size], context)
            if record:
                found[record["id"]] = record
                i += size - 1
                break
        i += 1
    enclosing = {r["id"] for place in found.values() for r in list(ancestors(place))[1:]}
    return [r for r in found.values() if r["id"] not in enclosing]


def city_of(record: dict | None) -> str | None:
    """The city (or, failing that, the federal subject) a place lies in, as a gazetteer id."""
    chain = list(ancestors(record))
    city = next((r for r in chain if r["kind"] == "city" or r.get("also_federal_subject")), None)
    subject = next((r for r in chain if r["kind"] == "federal_subject"), None)
    return (city or subject or {}).get("id")


def subject_of(ident: str | None) -> str | None:
    """The federal subject the place `ident` lies in (a city of federal significance is its own), as a gazetteer id.

    >>> subject_of("vladikavkaz"), subject_of("russia"), subject_of(None)
    ('north-ossetia-alania', None, None)
    """
    chain = ancestors(place_record(ident)) if ident else ()
    return next((r["id"] for r in chain if r["kind"] == "federal_subject" or r.get("also_federal_subject")), None)


def main_city(names: list[str], context: list[str] | None = None) -> str | None:
    """The first city (else federal subject) among an article's place names."""
    cities = [city_of(resolve_place(name, context)) for name in names]
    return next((city for city in cities if city), None)
