"""How many English organisation labels of a build still carry Russian: a case ending or an untranslated word.

A label is checked against its node's Russian prefLabel: a Russian word outside quotes whose transliteration is a
word of the English label is Russian left in it; it is a *case ending* when the word is in no nominative form
(«Акушинского» -> "Akushinskogo"), an *untranslated common word* when pymorphy knows it and it is no personal or
geographical name («основная» -> "Osnovnaya"). Proper names (quoted, personal, places) are meant to be
transliterated and are not counted.

Usage: python bench/labels_english.py BUILD_DIR [BUILD_DIR ...] (each with an asserted.nt); prints the counts and
a sample of 30 labels (seeded) per build.
"""

from __future__ import annotations

import random
import re
import sys
from collections import defaultdict
from pathlib import Path

from edugraph import gazetteer
from edugraph.text import parses, word_is_known

PREF_LABEL = "<http://www.w3.org/2004/02/skos/core#prefLabel>"
LABEL = re.compile(rf'^<([^>]*/org/[^>]*)> {re.escape(PREF_LABEL)} "((?:[^"\\]|\\.)*)"@(\w+) \.$')
PROPER = ("Name", "Surn", "Patr", "Geox", "Orgn", "Trad")
LOANWORDS = {"область", "край", "округ", "дума"}  # English writes Oblast, Krai, Okrug, Duma


def org_labels(build: Path) -> dict[str, dict[str, str]]:
    """Organisation node -> {"ru": …, "en": …} prefLabels of a build."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for line in (build / "asserted.nt").read_text(encoding="utf-8").splitlines():
        match = LABEL.match(line)
        if match:
            found[match[1]][match[3]] = match[2]
    return found


def russian_left(ru: str, en: str) -> tuple[list[str], list[str]]:
    """(words with a case ending, untranslated common words) of the English label `en` of the Russian `ru`."""
    english = {w.lower() for w in re.findall(r"[\w'-]+", re.sub(r"«[^»]*»", " ", en))}
    endings, common = [], []
    for word in re.findall(r"[А-Яа-яЁё-]+", re.sub(r"«[^»]*»", " ", ru)):
        if len(word) < 3 or word.isupper() or re.search("[а-яё][А-ЯЁ]", word) or word.lower() in LOANWORDS \
                or gazetteer.transliterate(word).lower() not in english:
            continue
        options = [p for p in parses(word.lower()) if {"NOUN", "ADJF", "PRTF"} & set(p.tag.grammemes)]
        if options and not any(p.tag.case == "nomn" for p in options):
            endings.append(word)
        elif word_is_known(word.lower()) and options and not word[:1].isupper() \
                and not any(t in options[0].tag for t in PROPER):
            common.append(word)
    return endings, common


def report(build: Path) -> None:
    labels = org_labels(build)
    english = {node: names for node, names in labels.items() if "en" in names}
    with_ending = with_common = 0
    for names in english.values():
        endings, common = russian_left(names.get("ru", ""), names["en"])
        with_ending += bool(endings)
        with_common += bool(common)
    shared = len(english) - len({names["en"] for names in english.values()})
    print(f"{build}: {len(english)} English organisation labels; {with_ending} with a Russian case ending, "
          f"{with_common} with an untranslated common word; {shared} shared by two nodes")
    for node in random.Random(3).sample(sorted(english), min(30, len(english))):
        print(f"  {english[node]['en']}   <- {english[node].get('ru', '')}")


if __name__ == "__main__":
    for folder in sys.argv[1:]:
        report(Path(folder))
