"""English mentions without models: capitalised sequences, post appositions ("X, director of Y"),
organisation heads (Academy, Ministry, Committee, Department, Centre, School No. N…) and gazetteer places."""

from __future__ import annotations

import re

from edugraph import gazetteer
from edugraph.extract.mentions import Article, Mention, inside_quotes
from edugraph.extract.posts import EN_POST

CAP = r"(?:[A-Z][\w'’.-]*)"
CONNECT = r"(?:(?:\s+(?:of|for|and|the|on|in))+\s+|\s+|,\s+(?=[A-Z]\w+\s+(?:and|of)\b))"
ORG_HEADS = r"(?:Academy|Ministry|Committee|Department|Centre|Center|School|University|Institute|College|Association|" \
            r"Consortium|Agency|Administration|Government|Foundation|Fund|Kvantorium|Lyceum|Gymnasium|Council)"
ORG_WORDS = rf"(?:{CAP}\s+){{0,12}}?"  # at most 12 capitalised words before the head (unbounded: quadratic time)
ORG = re.compile(rf"(?<![\w«]){ORG_WORDS}{ORG_HEADS}(?:\s+No\.\s*\d+)?"
                 rf"(?:{CONNECT}(?:{CAP}|district|region)(?:\s+No\.\s*\d+)?)*")
PERSON_POST = re.compile(rf"(?P<name>[A-Z][a-z]+\s+[A-Z][a-z]+),\s+(?P<post>{EN_POST.pattern})", re.I)
POST_PERSON = re.compile(rf"(?:[Tt]he\s+)?(?P<post>{EN_POST.pattern})(?:\s+of\s+(?:the\s+)?(?P<org>[^,]{{2,120}}?))?,\s+"
                         r"(?P<name>(?-i:[A-Z][a-z]+\s+[A-Z][a-z]+)),", re.I)
NETWORK_CENTRE = re.compile(r"(?<![\w-])(?:IT-cube|Kvantorium)\s+(?:centre|center)(?!s)")
_TRIM = re.compile(r"(?:\s+(?:of|for|and|the|on|in))+$|^(?:The|In|At|On)\s+")


def analyse(article: Article) -> None:
    """Fill persons, places and organisations of an English article."""
    text = article.text
    article.persons = [Mention(m.start("name"), m.end("name"), m.group("name")) for m in PERSON_POST.finditer(text)
                       if m.group("name")[0].isupper()]
    for m in POST_PERSON.finditer(text):  # "The director of the centre, Albina Nurieva, presented …"
        if m.group("name")[0].isupper() and not any(p.start < m.end("name") and m.start("name") < p.end for p in article.persons):
            post = (m.group("post").lower(), m.group("org"))
            article.persons.append(Mention(m.start("name"), m.end("name"), m.group("name"), {"post_before": post}))
    article.persons.sort(key=lambda p: p.start)
    article.places = _places(text)
    article.orgs = _orgs(text, article)


def _places(text: str) -> list[Mention]:
    out = []
    found = re.finditer(r"(?<![\w.])(?:St\.\s+|Saint\s+)?[A-Z][a-z]+(?:\s+(?:[A-Z][a-z]+|district|Federation|Region|Oblast))?", text)
    found = list(found)
    context = list(dict.fromkeys(m.group(0) for m in found
                                 if (gazetteer.find_place(m.group(0)) or {}).get("kind") == "city"))
    for m in found:
        for candidate in (m.group(0), m.group(0).split()[0]):
            record = gazetteer.find_place(candidate, context)
            if record and not (out and out[-1].start <= m.start() < out[-1].end):  # matches come in order
                out.append(Mention(m.start(), m.start() + len(candidate), candidate, {"id": record["id"], "record": record}))
                break
    return out


def _orgs(text: str, article: Article) -> list[Mention]:
    out = [Mention(m.start(), m.end(), m.group(0)) for m in NETWORK_CENTRE.finditer(text)]  # "a new IT-cube centre"
    for m in ORG.finditer(text):
        value = _TRIM.sub("", m.group(0).strip(" ,").rstrip("."))
        value = _TRIM.sub("", value)
        if inside_quotes(text, m.start()) or gazetteer.find_initiative(value):
            continue
        for part in re.split(rf"\s+and\s+(?:the\s+)?(?=(?:[A-Z]\w+\s+){{0,3}}{ORG_HEADS})", value):
            if len(part.split()) > 1 or re.search(r"No\.", part):
                start = m.start() + m.group(0).find(part)
                out.append(Mention(start, start + len(part), part))
    return out
