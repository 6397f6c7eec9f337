"""Federal districts named in an article («в Центральном федеральном округе», "the Volga Federal District"): places of
their own name, as the gazetteer has no record for them (`data/gazetteers/federal_districts.yaml`)."""

from __future__ import annotations

import functools
import re

from edugraph import gazetteer
from edugraph.extract.mentions import Mention, inside_quoted_name
from edugraph.text import fold


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    rows = gazetteer.load("federal_districts")["districts"]
    russian = "|".join(row["ru"] for row in rows)
    english = "|".join(sorted((name.replace(" ", r"\s+") for row in rows for name in row["en"]), key=len, reverse=True))
    return {"ru": re.compile(rf"(?<![\w-])(?P<adj>{russian})(?:ый|ий|ого|ому|ым|им|ом)\s+федеральн\w*\s+округ\w*"),
            "en": re.compile(rf"(?<![\w-])(?:{english})\s+Federal\s+District\b")}


def _nominative(match: re.Match) -> str:
    stem = match.group("adj")
    return stem + ("ий" if stem.endswith("к") else "ый") + " федеральный округ"


def federal_districts(text: str, lang: str) -> list[Mention]:
    """The federal districts the text names, in the nominative; one inside a quoted title («“Development of the North
    Caucasus Federal District”») has the id None: the title's, no place."""
    out = []
    for m in _patterns()[lang].finditer(text):
        name = _nominative(m) if lang == "ru" else " ".join(m.group(0).split())
        titled = inside_quoted_name(text, m.start())
        out.append(Mention(m.start(), m.end(), name, {"id": None if titled else "~" + fold(name), "record": None}))
    return out


def with_federal_districts(text: str, lang: str, places: list[Mention]) -> list[Mention]:
    """The places with the text's federal districts in place of what was found inside them ("Federal District")."""
    found = federal_districts(text, lang)
    kept = [p for p in places if not any(f.start <= p.start < f.end for f in found)]
    return sorted(kept + [f for f in found if f.extra["id"]], key=lambda m: m.start)
