"""Places named in free text: resolve a name (any case form) through the gazetteer."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import gazetteer
from ..text import morph

WORD = re.compile(r"[A-Za-zА-Яа-яЁё][\w-]*")
MAX_WORDS = 3


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
    return gazetteer.find_place(name, context) or gazetteer.find_place(nominative(name.split()), context)


def organisation_places(name: str, context: list[str] | None = None) -> list[dict]:
    """The most specific places named inside an organisation's name («… Кировского района Санкт-Петербурга»)."""
    words = WORD.findall(name)
    found: dict[str, dict] = {}
    i = 0
    while i < len(words):
        for size in range(min(MAX_WORDS, len(words) - i), 0, -1):
            phrase = words[i:i + size]
            if not phrase[0][:1].isupper():
                continue
            record = resolve_place(" ".join(phrase), context)
            if record:
                found[record["id"]] = record
                i += size - 1
                break
        i += 1
    ancestors = {r.get("parent") for r in found.values()}
    return [r for r in found.values() if r["id"] not in ancestors]


def city_of(record: dict | None) -> str | None:
    """The city (or, failing that, the federal subject) a place lies in, as a gazetteer id."""
    subject = None
    while record:
        if record["kind"] == "city" or record.get("also_federal_subject"):
            return record["id"]
        if record["kind"] == "federal_subject" and subject is None:
            subject = record["id"]
        record = gazetteer.place(record["parent"]) if record.get("parent") else None
    return subject


def main_city(names: list[str], context: list[str] | None = None) -> str | None:
    """The first city (else federal subject) among an article's place names."""
    cities = [city_of(resolve_place(name, context)) for name in names]
    return next((city for city in cities if city), None)
