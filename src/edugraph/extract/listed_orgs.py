"""Organisations listed under one plural head noun (Russian): «на базе Жуковской, Шаминской и Чебачинской школ»,
«в Озёрском и Сабуро-Покровском филиалах», «Новогоркинской, Шилыковской средних и Кукаринской основной школ»,
«на базе школ № 1 и № 2», «в школах №6 и 19» — each listed name with the head is one organisation."""

from __future__ import annotations

import re

from edugraph.extract.mentions import Mention
from edugraph.text import parses

HEADS = r"(?:школ|гимнази|лице|филиал|колледж|техникум)[а-яё]*"
NAME_ADJ = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*(?:ой|ом|ых|их|ая|ий|ый|ую|ого|ому|ей)"
KIND_ADJ = r"[а-яё]+(?:ой|ом|ых|их|ая|ий|ый|ую|ого|ому|ей|ие|ые)"  # «средних», «основной»
ITEM = rf"{NAME_ADJ}(?:\s+{KIND_ADJ}){{0,2}}"
ADJECTIVE_LIST = re.compile(rf"(?<![\w-])(?P<items>{ITEM}(?:,\s+{ITEM}){{0,10}}(?:,\s+|\s+и\s+){ITEM})"
                            rf"\s+(?P<head>{HEADS})(?![\w-])")
NUMBER = r"\d{1,3}(?![\d.,:]?\d)"
NUMBER_LIST = re.compile(rf"(?<![\w-])(?P<head>{HEADS})\s*(?P<items>№\s*{NUMBER}(?:(?:,\s*|\s+и\s+)(?:№\s*)?{NUMBER})+)"
                         r"(?!\s+(?:год|класс|[а-яё]+бр|января|февраля|марта|апреля|мая|июня|июля|августа))")


def _plural_head(word: str) -> tuple[str, str] | None:
    """(nominative singular, gender) of a plural head noun («школах» → («школа», "femn")), else None."""
    parse = next((p for p in parses(word.lower()) if "NOUN" in p.tag and p.tag.number == "plur"), None)
    return (parse.normal_form, parse.tag.gender) if parse and parse.tag.gender in {"femn", "masc"} else None


def _agree(adjective: str, gender: str) -> str:
    """An adjective in the nominative singular of `gender` («Шонгуйской» → «Шонгуйская»); a hyphenated one changes its
    last part («Сабуро-Покровском» → «Сабуро-Покровский»)."""
    head, dash, last = adjective.rpartition("-")
    parse = next((p for p in parses(last.lower()) if "ADJF" in p.tag), None)
    form = parse.inflect({"nomn", "sing", gender}) if parse else None
    word = form.word if form else re.sub(r"(?:ой|ая|ую|ого|ому|ом|им|ий|ый|ей)$",
                                         "ая" if gender == "femn" else "ий", last.lower())
    return head + dash + (word[:1].upper() + word[1:] if last[:1].isupper() else word)


def _items(listed: str) -> list[list[str]]:
    """The words of each listed name; a name without kind adjectives takes the plural ones of the next name that has
    them («Новогоркинской, Шилыковской средних … школ»: both are secondary schools)."""
    items = [m.group(0).split() for m in re.finditer(ITEM, listed)]
    for i, words in enumerate(items):
        if len(words) == 1:
            shared = next((later[1:] for later in items[i + 1:] if len(later) > 1), [])
            if shared and all(any(p.tag.number == "plur" for p in parses(w)) for w in shared):
                words += shared
    return items


def listed_organisations(text: str) -> list[tuple[int, int, list[Mention]]]:
    """(start, end, organisations) of each list of names under one plural head, the names in the nominative."""
    out = []
    for m in ADJECTIVE_LIST.finditer(text):
        head = _plural_head(m.group("head"))
        if head:
            names = [" ".join([_agree(w, head[1]) for w in words] + [head[0]]) for words in _items(m.group("items"))]
            out.append((m.start(), m.end(), [Mention(m.start(), m.end(), name) for name in names]))
    for m in NUMBER_LIST.finditer(text):
        head = _plural_head(m.group("head"))
        if head:
            names = [f"{head[0]} № {n}" for n in re.findall(r"\d+", m.group("items"))]
            out.append((m.start(), m.end(), [Mention(m.start(), m.end(), name) for name in names]))
    return out
