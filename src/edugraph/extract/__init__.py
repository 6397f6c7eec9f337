"""Extraction: article text in, facts dict out (see data/facts.schema.json and docs/EXTRACTION.md)."""

from __future__ import annotations

import re
from collections import Counter

from edugraph import gazetteer
from edugraph.articles import detect_language as detect_lang
from edugraph.extract import english, russian
from edugraph.extract.dates import publication_date, reference_year
from edugraph.extract.events import extract_events, not_at_main_event
from edugraph.extract.initiatives import find_initiatives
from edugraph.extract.mentions import (Article, before_cut, cut_word_start, split_sentences, unique,
                                      wide_place_of_a_title)
from edugraph.extract.names import main_words, normalise_person, organisation_key, same_organisation
from edugraph.extract.posts import attach_posts, bodies_in_titles, of_article_region
from edugraph.extract.sources import news_sources
from edugraph.text import clean_text, fold, lemma

WORD = re.compile(r"\w+")

__all__ = ["extract_facts", "detect_lang", "normalise_person", "organisation_key"]


def extract_facts(text: str, lang: str | None = None, meta: dict | None = None) -> dict:
    """Facts of one article: persons with posts, organisations, places, initiatives, events, topics."""
    clean = clean_text(text)
    lang = detect_lang(clean) if lang in (None, "", "auto") else lang
    published = str((meta or {}).get("date") or "") or publication_date(clean)
    article = Article(clean, lang, reference_year(meta), split_sentences(clean), published=published or None,
                      place=(meta or {}).get("place") or None)
    (russian if lang == "ru" else english).analyse(article)
    article.cut = cut_word_start(clean)
    article.places, article.orgs = before_cut(article, article.places), before_cut(article, article.orgs)
    abbreviations = _defined_abbreviations(article)
    for mention in article.orgs:
        mention.value = abbreviations.get(mention.value, mention.value)
    posts = attach_posts(article)
    events = extract_events(article)
    referred = not_at_main_event(article, events[0]["date"] if events else None)
    if events and referred:  # the main event's people are the article's (resolve/article.py), less those referred to
        events[0]["participant_persons"] = unique(p.value for p in article.persons if p.value not in referred)
    # a named event's name may hold an organisation's («Открытие центра «Точка роста» X»: the event, not X); an event
    # named by its action word («Открытие X») names an organisation X, which stays one
    named = [fold(e["name"]) for e in events if not e.pop("_action", False) and not e.get("action")]
    article.orgs = [o for o in article.orgs if not any(fold(o.value) in name for name in named)]
    organisations = _organisations(article, posts, abbreviations)
    for centre in filter(None, map(_opened_centre, events)):  # one centre opened, then visited, is one
        if not any(same_organisation(centre, o) for o in organisations):
            organisations.append(centre)
    organisations += [s for s in news_sources(article) if not any(same_organisation(s, o) for o in organisations)]
    facts = {
        "persons": [{"name": name, "posts": value} for name, value in posts.items()],
        "organisations": organisations,
        "places": _places(article),
        "initiatives": find_initiatives(clean),
        "events": events,
        "topics": gazetteer.find_topics(clean),
    }
    towns = _marked_towns(article, facts["places"])
    if towns:
        facts["towns"] = towns
    if meta and meta.get("id"):
        facts = {"article": meta["id"], **facts}
    return facts


# "Dorji Banzarov Buryat State University (BSU)", «… институте (национальном исследовательском университете) (МФТИ)»:
# an organisation's name, at most one bracket of its own, then its abbreviation (two capitals or more) in brackets
ABBREVIATION_DEFINED = re.compile(r"\s*(?:\([^()\n]{1,80}\)\s*)?\("  # one bracket of the name's own
                                  r"(?P<abbr>(?=(?:[^)]*?[A-ZА-ЯЁ]){2})"  # two capitals or more
                                  r"[A-ZА-ЯЁ][\w-]{1,9}(?:\s[A-ZА-ЯЁ][\w-]{0,9}){0,3})\)")


def _defined_abbreviations(article: Article) -> dict[str, str]:
    """Abbreviation -> the organisation name it was defined after; a later mention or post organisation written as
    the abbreviation ("Rector of BSU") is that organisation.

    >>> from edugraph.extract.mentions import Mention
    >>> text = "Buryat State University (BSU) held events. The BSU rector spoke."
    >>> article = Article(text, "en", None, orgs=[Mention(0, 23, "Buryat State University")])
    >>> _defined_abbreviations(article)
    {'BSU': 'Buryat State University'}
    """
    out: dict[str, str] = {}
    for mention in article.orgs:
        m = ABBREVIATION_DEFINED.match(article.text, mention.end)
        if m and m.group("abbr") != mention.value:
            out.setdefault(m.group("abbr"), mention.value)
    return out


def _opened_centre(event: dict) -> str | None:
    """The network centre an event opened or visited, as one organisation in the event's place («детский технопарк
    «Кванториум» (Саранск)»); None for other events."""
    centre = event.pop("_centre", None)
    return f"{centre} ({event['place']})" if centre and event["place"] else centre


def _places(article: Article) -> list[str]:
    """Place names, one per gazetteer id, in first-mention order."""
    seen, out = set(), []
    for mention in article.places:
        if wide_place_of_a_title(article.text, mention):
            continue
        if mention.extra["id"] not in seen:
            seen.add(mention.extra["id"])
            out.append(mention.value)
    return out


def _marked_towns(article: Article, places: list[str]) -> list[str]:
    """The names of `places` extraction took for a town named like a word (`gazetteer.find_settlement`: after a
    settlement word, «г. Гай»), the only ones resolution looks up as such."""
    return unique(m.value for m in article.places if m.extra.get("town") and m.value in places)


# «в администрации района», «работы правительства области»: the body of the article's territory, named by its kind
TERRITORY_BODY = re.compile(r"(?P<body>[Пп]равительств|[Аа]дминистраци)\w*\s+(?P<kind>области|края|республики|района)")


def _territory_bodies(article: Article) -> list[str]:
    """The government or administration of the article's region or district that the text names by its kind only
    («в администрации района» in an article from the Akusha district → «Администрация Акушинского района»)."""
    out = []
    for m in TERRITORY_BODY.finditer(article.text):
        before, after = article.text[max(0, m.start() - 1):m.start()], article.text[m.end():m.end() + 3]
        if re.match(r"[\w-]", before) or re.match(r"[\w-]|\s+[А-ЯЁ«№]", after):
            continue  # part of a longer word, or a name follows («администрации района «Сретенский район»»)
        body = "Правительство" if m.group("body").lower().startswith("п") else "Администрация"
        resolved = of_article_region(article, f"{body} {m.group('kind')}")
        if resolved and resolved not in out:
            out.append(resolved)
    return out


def _organisations(article: Article, posts: dict, abbreviations: dict[str, str]) -> list[str]:
    """Organisation names, one per organisation_key; post organisations resolved to fuller names, an abbreviation the
    article defines to its full name."""
    names = [m.value for m in article.orgs] + (_territory_bodies(article) if article.lang == "ru" else [])
    names = [of_article_region(article, n) or n if TERRITORY_BODY.fullmatch(n) else n for n in names]
    for person, person_posts in posts.items():
        names += bodies_in_titles(person_posts)
        for post in person_posts:
            if post["org"]:
                post["org"] = _resolve(abbreviations.get(post["org"], post["org"]), names)
                names.append(post["org"])
        posts[person] = _same_posts_once(unique(person_posts))
    quoted = {}  # the lemma of the first word -> the names with a quoted part that start with it
    for name in names:
        if "«" in name:
            quoted.setdefault(lemma(name.split()[0]), set()).add(name)
    names = [n for n in names if not _repeat_mention(n, quoted)]
    if article.lang == "ru":  # «Отдел образования Администрации X района»: the administration is named too
        names += [body for body in map(russian.parent_body, names) if body]
    kept: dict[int, str] = {}  # slot -> name, in first-seen order
    slots: dict[str, set[int]] = {}  # a block (see _blocks) -> the slots whose names have it
    for new_slot, name in enumerate(names):
        found = {slot for block in _blocks(name, lookup=True) for slot in slots.get(block, ())}
        candidates = sorted(slot for slot in found if slot in kept)
        same = [slot for slot in candidates if same_organisation(name, kept[slot])] or [new_slot]
        longest = max([name, kept.get(same[0], "")], key=len)
        kept[same[0]] = longest
        for block in _blocks(longest):
            slots.setdefault(block, set()).add(same[0])
        words = main_words(longest)  # a shorter repeat now covered by the longer name («Департамент образования»)
        for slot in same[1:]:
            if main_words(kept[slot]) <= words:
                del kept[slot]
    return _without_parts(list(kept.values()))


def _blocks(name: str, lookup: bool = False) -> set[str]:
    """What two names `same_organisation` can call one must share: the key, the kind of a typed key («kvantorium»
    of «Кванториум» and of «Кванториум Томска»), or a main word. Comparing a name only with the names that share one
    keeps the merge linear on an article of thousands of organisations (each pair compared: «группа компаний
    «Мегион{i}»» × 40,000 characters, 14 s). A numbered name («школа № 5») is another typed name only by its key, so
    its words are blocks apart (`numbered:`) that only the names of no kind look up (`lookup`), and it looks up
    only theirs: the numbered schools of a long list are not all compared with each other."""
    key = organisation_key(name)
    kind, typed, rest = key.partition("|")
    words = main_words(name)
    if typed and rest.isdigit():
        return {"key:" + key, *(("word:" if lookup else "numbered:") + word for word in words)}
    blocks = {"key:" + key, *("word:" + word for word in words)}
    if typed:
        return blocks | {"kind:" + kind}
    return blocks | {"numbered:" + word for word in words} if lookup else blocks


def _without_parts(names: list[str]) -> list[str]:
    """The names but those found inside another one («Мегион» in «группа компаний «Мегион»», «СМИ» in «управление
    по информационной политике и связям со СМИ»): such a name is that organisation's mention, not one of its own.
    Each name is searched only in the names that have its rarest word (each in all the names joined: 3.5 s for
    14,000 numbered schools; a search per pair took 30 s for 1,600 organisations).

    >>> _without_parts(["Мегион", "группа компаний «Мегион»", "Мегионская школа"])
    ['группа компаний «Мегион»', 'Мегионская школа']
    """
    folded = [fold(name) for name in names]
    having: dict[str, list[int]] = {}  # a word -> the names that have it, in order
    for i, text in enumerate(folded):
        for word in set(WORD.findall(text)):
            having.setdefault(word, []).append(i)
    own, inside = Counter(names), {}
    for name, key in zip(names, folded):
        if name not in inside:
            words = WORD.findall(key)  # each a whole word of any name it is inside
            among = min((having[word] for word in words), key=len) if words else range(len(folded))
            pattern = re.compile(r"(?<!\w)" + re.escape(key) + r"(?!\w)")
            found = sum(len(pattern.findall(folded[i])) for i in among if key in folded[i])
            inside[name] = found > own[name]
    return [name for name in names if not inside[name]]


def _same_posts_once(posts: list[dict]) -> list[dict]:
    """One post per (title, organisation): «Департамент … Югры» and «Департамент … автономного округа — Югры» are one,
    and a title without an organisation is the same title held somewhere ("led by Rector X" … "X – Rector of BSU") or
    the same title again ("Rais (Head) of the Republic": one office glossed)."""
    roles = [gazetteer.find_role(post["post"], post["org"])["id"] for post in posts]  # once each: tries every pattern
    placed = {role for role, post in zip(roles, posts) if post["org"]}
    out: list[tuple[str, dict]] = []  # (role id, post)
    unplaced: set[str] = set()  # roles already kept without an organisation
    for role, post in zip(roles, posts):
        if not post["org"]:
            if role in placed or role in unplaced:
                continue
            unplaced.add(role)
        twin = next((o for o_role, o in out if o_role == role and o["org"] and post["org"]
                     and same_organisation(o["org"], post["org"])), None)
        if twin is None:
            out.append((role, post))
        elif len(post["org"]) > len(twin["org"]):
            twin["org"] = post["org"]
    return [post for _, post in out]


def _resolve(org: str, names: list[str]) -> str:
    """A post organisation that starts an organisation name of the article («Ассоциация»,
    "Centre for the Development of Creativity") becomes that fuller name."""
    head = org.lower()[:-1] if len(org.split()) == 1 else org.lower()
    longer = [n for n in names if n.lower().startswith(head) and len(n) > len(org)]
    return next((n for n in longer if "«" in n), longer[0] if longer else org)


def _repeat_mention(name: str, quoted: dict[str, set[str]]) -> bool:
    """«Ассоциация плодотворного года» after «Ассоциация … «Консорциум…»» (`quoted`: names with a quoted part by the
    lemma of their first word): a generic repeat, not a new organisation."""
    if re.search(r"[«№]|\s[А-ЯЁA-Z]", name):
        return False
    return bool(quoted.get(lemma(name.split()[0]), set()) - {name})
