"""Posts (job titles) next to person mentions, Russian and English: «директор ИМЦ … Хазова С.И.»,
«Вера Князева, директор …», coordinated lists «руководители A X, B Y и C Z», "X, director of Y"."""

from __future__ import annotations

import re

from edugraph.extract.names import nominative_phrase
from edugraph.text import lemma

RU_POST = re.compile(
    r"(?<![\w-])(?:(?:заместител\w*|зам\.?|замдиректора)\s*(?:директора|руководителя|начальника|председателя|министра|главы)?"
    r"(?:\s+по\s+[А-ЯЁA-Z]{2,5}|\s+по\s+[а-яё]+(?:\s+[а-яё]+)?\s+(?=[А-ЯЁ«]))?"
    r"|начальник\w*(?:\s+(?:отдела|управления|департамента|сектора))?"
    r"|(?:доцент\w*|профессор\w*|заведующ\w*)(?:\s+кафедр\w*(?:\s+[а-яё,\s-]+?)?(?=,\s*(?-i:[А-ЯЁ])|;|\.\s|\)|$))?"
    r"|(?:главн\w*|ведущ\w*)\s+специалист\w*|директор\w*|руководител\w*|президент\w*|председател\w*"
    r"|ректор\w*|проректор\w*|министр\w*|губернатор\w*|методист\w*|координатор\w*|глав[аы](?=\s+[А-ЯЁ]))",
    re.I)
EN_POST = re.compile(
    r"(?:deputy\s+director|deputy\s+head|deputy\s+minister|chief\s+specialist|leading\s+specialist|associate\s+professor"
    r"|head(?=\s+of\b)|director|president|chair(?:man|woman|person)?|rector|minister|governor|coordinator"
    r"|methodologist|professor|teacher)", re.I)
_ORG_END = re.compile(r"\s+(?:in|at|on|with|who|which|told|shared|said|delivered|presented|noted)\b|[,;.:!?()]\s")


def ru_post_title(phrase: str) -> str:
    """The title part of a Russian post phrase with its head word in the nominative singular."""
    first, _, rest = phrase.partition(" ")
    head = lemma(first) if re.fullmatch(r"[а-яё]+", first.lower()) else first.lower()
    return (head + " " + rest).strip() if rest else head


def ru_split_post(segment: str) -> tuple[str, str | None] | None:
    """(post title, organisation or None) from a segment that contains a post word, else None."""
    match = RU_POST.search(segment)
    if not match:
        return None
    title = ru_post_title(match.group(0).strip())
    if re.match(r"начальник\w*\s+\w+", match.group(0), re.I):
        org_text = segment[match.start() + len(match.group(0).split()[0]):]
    else:
        org_text = segment[match.end():]
    org_text = re.sub(r"\s*\([^)]*\)\s*$", "", org_text).strip(" ,–—-")
    if "кафедр" in title.lower():  # the department of an unnamed university: no organisation
        org_text = ""
    return title, (nominative_phrase(org_text) if org_text else None)


def en_split_post(segment: str) -> tuple[str, str | None] | None:
    """(post title, organisation or None) from "director of the Academy of …"."""
    match = EN_POST.match(segment.strip())
    if not match:
        return None
    rest = segment.strip()[match.end():]
    org_match = re.match(r"\s+(?:of|at)\s+(?:the\s+)?(.+)", rest)
    org = None
    if org_match:
        org = _ORG_END.split(org_match.group(1) + " ", maxsplit=1)[0].strip(" ,.")
    return match.group(0).lower(), org or None


def attach_posts(article) -> dict[str, list[dict]]:
    """Posts of every person mention: title before the name (with coordinated lists) or apposition after it."""
    posts: dict[str, list[dict]] = {}
    previous = None  # (person mention, post title) of the last pre-positioned post
    for person in article.persons:
        found = _posts_after(article, person) if article.lang == "en" else \
            _ru_before(article, person, previous) + _posts_after(article, person)
        if article.lang == "ru" and found:
            previous = (person, found[0]["post"])
        for post in found:
            if post not in posts.setdefault(person.value, []):
                posts[person.value].append(post)
        posts.setdefault(person.value, [])
    return posts


def _ru_before(article, person, previous) -> list[dict]:
    text = article.text
    s, _ = article.sentence_of(person.start)
    chunk = text[s:person.start]
    cut = max(chunk.rfind(ch) for ch in ",;:\n") + 1
    earlier = [p for p in article.persons if s <= p.end <= person.start and p is not person]
    if earlier and earlier[-1].end - s > cut:
        cut = earlier[-1].end - s
    segment = chunk[cut:]
    found = ru_split_post(segment)
    if found and segment.strip():
        result = [_post(*found)]
        head = chunk[:cut].rstrip(" ,")
        prev_seg = head[max(head.rfind(ch) for ch in ",;:\n") + 1:]
        if RU_POST.match(segment.strip()) and cut and chunk[cut - 1] == "," and not earlier:
            more = ru_split_post(prev_seg)
            if more:
                result.insert(0, _post(*more))
        return result
    coordinated = re.fullmatch(r"\s*(?:,|и)?\s*(.+?)\s*", segment)
    if previous and coordinated and earlier and earlier[-1] is previous[0] and len(segment) < 80:
        return [_post(previous[1], nominative_phrase(coordinated.group(1).strip(" ,")))]
    return []


def _posts_after(article, person) -> list[dict]:
    text = article.text
    rest = text[person.end:]
    if not rest.startswith(","):
        return []
    clause = re.split(r"[;\n]|\.\s+(?=[А-ЯЁA-Z])", rest, maxsplit=1)[0]
    nxt = [p.start - person.end for p in article.persons if p.start > person.end]
    truncated = bool(nxt and nxt[0] < len(clause))
    if truncated:
        clause = clause[:nxt[0]]
    pattern = RU_POST if article.lang == "ru" else EN_POST
    matches = list(pattern.finditer(clause))
    if truncated and article.lang == "ru":  # «…, директор X Хазова С.И.»: the last title belongs to the next person
        matches = matches[:-1]
    if not matches or matches[0].start() > 20:
        return []
    out = []
    for i, m in enumerate(matches):
        stop = matches[i + 1].start() if i + 1 < len(matches) else len(clause)
        segment = clause[m.start():stop].strip(" ,")
        found = ru_split_post(segment) if article.lang == "ru" else en_split_post(segment)
        if found:
            out.append(_post(*found))
    return out


def _post(title: str, org: str | None) -> dict:
    return {"post": title, "org": org or None}
