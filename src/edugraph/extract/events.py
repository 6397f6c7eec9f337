"""Events: a keyword noun (конференция, совещание, session, forum…) with its modifiers and name,
merged across mentions, with date, place, participant count, organisers, venue, online platform, parent."""

from __future__ import annotations

import functools
import re

from edugraph import gazetteer
from edugraph.extract.actions import WITHIN_WORDS, action_events, actions, day_of_the_news
from edugraph.extract.dates import all_dates, find_dates, relative_dates, relative_outside
from edugraph.extract.english_persons import title_pattern
from edugraph.extract.mentions import LEAD_SENTENCES, Article, Mention, located_at, quotes_of, unique
from edugraph.extract.names import main_words, nominative_phrase
from edugraph.extract.sources import credit_lines
from edugraph.extract.status import after_publication, tells_future
from edugraph.text import fold, lemma, longest_first, parses



def _nouns(lang: str) -> list[tuple[str, str]]:
    """(noun regex, event type) pairs of data/gazetteers/events.yaml, in file order."""
    return [(gazetteer.unfolded(entry["noun"]), entry["type"]) for entry in gazetteer.load("events")[lang]]


RU_NOUN = re.compile(r"(?<![\w-])(?:" + "|".join(noun for noun, _ in _nouns("ru")) + r")[а-яё]*", re.I)
EN_NOUN = re.compile(r"(?<![\w-])(?:" + "|".join(noun for noun, _ in _nouns("en")) + r")s?"
                     r"(?:-\d{4})?(?![\w-])", re.I)  # "Forum-2021": the year attached
RU_MODS = r"(?:(?:[IVXLC]+|[А-ЯЁA-Z]?[а-яё-]+(?:ая|ое|ый|ий|ой|ую|ого|ей|ых|ие|ые|ом|ым)|\([^)]*\))\s+){0,4}$"
# words that make an unnamed English event one of its own: "the plenary session", "the second session of the meeting"
EN_QUALIFIERS = ("plenary", "panel", "strategic", "thematic", "first", "second", "third", "fourth")
EN_MODS = (r"(?:(?:[IVXLC]+|«[^«»]{2,80}»|[A-Z][\w.-]*(?<![a-z]{3}\.)['’]?|\d+(?:st|nd|rd|th)|[a-z]+-[A-Za-z]+|"
           r"international|annual|regional|national|" + "|".join(EN_QUALIFIERS) + ")"
           r"\s+(?:(?:(?:of|the|and)\s+)+(?=[A-Z]))?){0,8}$")
# "Director of the Year of Russia", "the 5th Class Teachers' Forum"; "… Region.\nThe forum": no word ending a sentence
TRIGGERS = re.compile(r"состоял|состоит?ся|состоятся|прош(?:ел|ёл|ла|ло|ли)|пройд[её]т|проход|собрал|открыл|организ|"
                      r"принял\w* участие|провел|провед|taking\s+place|take\s+place|holds?\s+(?:a|an|the)\s|"
                      r"was\s+held|will\s+be\s+held|will\s+hold|held|took\s+place|attended|opened|hosted", re.I)
NUMBER_WORDS = {  # round numbers written as words, any case form («более двухсот», "two hundred")
    r"ст[ао]": 100, r"двест[иа]|двухсот\w*": 200, r"трист[ао]|тр[её]хсот\w*": 300,
    r"четырест[ао]|четыр[её]хсот\w*": 400,
    r"пятьсот|пятисот\w*": 500, r"шестьсот|шестисот\w*": 600, r"семьсот|семисот\w*": 700,
    r"восемьсот|восьмисот\w*": 800, r"девятьсот|девятисот\w*": 900, r"тысяч[аиу]?": 1000,
    r"полтор[аы]\s+тысяч\w*": 1500, r"(?:двух|две)\s+тысяч\w*": 2000,
    r"(?:a|one)\s+hundred": 100, r"two\s+hundred": 200, r"three\s+hundred": 300, r"four\s+hundred": 400,
    r"five\s+hundred": 500, r"(?:a|one)\s+thousand": 1000, r"two\s+thousand": 2000,
}
THOUSANDS = r"(?P<thousands>\d{1,3}[.,]\d)\s+(?:тысяч\w*|тыс\.|thousand)"  # «1,5 тысяч школьников», "1.2 thousand"
_NUMBER = THOUSANDS + r"|\d{1,3}(?:[,\u00a0 ]\d{3})+|\d{2,6}|" + "|".join(sorted(NUMBER_WORDS, key=longest_first))
COUNT = {
    "ru": re.compile(r"(?:(?P<min>более|свыше|больше|около|порядка|почти)\s+)?(?<![\w-])(?P<n>" + _NUMBER + r")\s+"
                     r"(?:[а-яё-]+(?:ых|их)\s+)?"  # «200 юных участников»
                     r"(?:человек|участник|руководител|педагог|учител|специалист|школьник|представител|обучающ|учащ|"
                     r"делегат|гост|студент|эксперт|финалист|конкурсант|выпускник|директор)\w*"
                     r"(?:[\w\s,]{0,40}?\s+из\s+(?P<regions>\d+)\s+(?:регион|субъект))?", re.I),
    # one adjective before the noun: "100 senior pupils", "a thousand homeroom teachers"
    "en": re.compile(r"(?:(?P<min>more\s+than|over|about|nearly|around|some)\s+)?(?<![\w-])(?P<n>" + _NUMBER + r")\s+"
                     r"(?:(?!(?:of|and|or|from|in|the|to|at|for|with)\s)[a-z-]+\s+)?"
                     r"(?:people|participants|delegates|teachers|leaders|specialists|students|experts|guests|pupils|"
                     r"educators|schoolchildren|finalists|contestants|graduates|principals|residents)"
                     r"(?:\s+from\s+(?P<regions>\d+)\s+regions)?", re.I),
}


def count_value(number: str) -> int:
    """«1 300», "1,300", «двухсот», "two hundred", «1,5 тысяч», "1.2 thousand" as an integer.

    >>> [count_value(n) for n in ("1 300", "1,300", "двухсот", "полторы тысячи", "350", "1,5 тысяч", "1.2 thousand")]
    [1300, 1300, 200, 1500, 350, 1500, 1200]
    """
    thousands = re.match(THOUSANDS, number)
    if thousands:
        return round(float(thousands.group("thousands").replace(",", ".")) * 1000)
    digits = re.sub(r"[,\u00a0 ]", "", number)
    if digits.isdigit():
        return int(digits)
    return next(value for pattern, value in NUMBER_WORDS.items() if re.fullmatch(pattern, number.lower()))


PARTICIPATION = re.compile(RU_NOUN.pattern + "|" + EN_NOUN.pattern +
                           r"|участ|собрал|объединил|attend|gathered|brought\s+together", re.I)
ONLINE = re.compile(r"на\s+платформе\s+«([^»]+)»|(?:в|во)\s+(?:онлайн|дистанционн)\w*[- ]?\w*|видеоконференц\w*|"
                    r"on\s+the\s+«?([A-Z]\w+)»?\s+platform|online", re.I)


def _event_type(noun: str, lang: str) -> str:
    """The type of the event noun at the start of `noun` (followed by its context, for look-aheads)."""
    # the noun with its case kept (not folded), matched case-blind as by RU_NOUN and EN_NOUN: events.yaml's
    # case-bound nouns, (?-i:Readings) and (?-i:Last\s+Bell), work only so
    return next((t for pattern, t in _nouns(lang) if re.match(pattern, noun, re.I)), "other")


def _initiative_name(title: str) -> bool:
    """«Точка роста», «IT-куб»: the quoted title is an initiative's name (not an event title that mentions one)."""
    return any(e - s >= len(title) - 2 for s, e, _ in gazetteer.initiative_spans(f"«{title}»"))


def _has_verb(words: str, nouns: bool = True) -> bool:
    """A verb (or, with `nouns`, another event noun) among the words before a quoted title."""
    return any({"VERB", "PRTS"} & set(parses(w.lower())[0].tag.grammemes) or nouns and RU_NOUN.fullmatch(w)
               for w in re.findall(r"[а-яёА-ЯЁ-]+", words))


def _name_after(text: str, end: int, lang: str, stage: bool = False, session: bool = False) -> tuple[str, int]:
    """The name that follows an event noun: a quoted title, a Latin name or a short genitive tail (a stage
    takes the title of its competition: «финал областного конкурса «Учитель года»»; an English session, its whole's
    genitive: "the plenary session of a regional … conference")."""
    rest = text[end:end + 220]
    quoted = re.match(r"(?:,?\s+посвящ[её]нн\w+(?:\s+[а-яё-]+){1,4}?)?"  # «мероприятие, посвященное началу года «…»»
                      r"(?:\s+[А-ЯЁа-яёA-Za-z-]+){0,4}?\s*«([^»]{2,120})»", rest) if lang == "ru" else \
        re.match(r"(?:\s+of\s+[\w\s-]{0,60}?|\s*)«([^»]{2,80})»"
                 r"(?:[^\S\n]*(?!(?:that|which|who|where|when|was|were|is|are|will|has|have|had)\b)\w+)?",
                 rest)  # "the competition «X»", "the final of the … «X»" (not "«…» that held", "«…» was")
    if quoted and lang == "ru" and _has_verb(quoted.group(0)[:quoted.group(0).find("«")], nouns=not stage):
        quoted = None  # «форума состоялся круглый стол «…»»: the title belongs to a later noun
    if quoted and not _initiative_name(quoted.group(1)) or quoted and lang == "en":
        return quoted.group(0), end + quoted.end()
    latin = re.match(r"\s+[A-Z][A-Z0-9-]{1,20}(?!\w)", rest) if lang == "ru" else None
    if latin:
        return latin.group(0), end + latin.end()
    of_phrase = EN_OF_PHRASE.match(rest) if lang == "en" else None
    if session and lang == "en":
        of_phrase = EN_OF_WHOLE.match(rest) or of_phrase  # "the plenary session of a regional … conference"
    if of_phrase:  # "the meeting of regional education ministers": an English genitive names the event too
        return of_phrase.group(0), end + of_phrase.end()
    if lang == "ru":
        tail = re.match(r"(?:\s+[А-ЯЁ][а-яё-]+(?:ого|ой|ых|ей|ии|ия|а|и|ы)(?=[\s,.;]))+", rest)
        if tail:  # «этап Всероссийской олимпиады школьников»: the lower-case genitive goes on
            tail_end = tail.end() + _genitive_tail(rest[tail.end():])
            return rest[:tail_end], end + tail_end
        tail_end = _genitive_tail(rest)
        if tail_end:
            return rest[:tail_end], end + tail_end
    return "", end


_EN_FUNCTION = (r"(?:of|the|a|an|in|on|at|to|with|for|by|from|and|or|that|which|who|was|were|is|are|be|held|will"
                r"|has|have)")
EN_OF_PHRASE = re.compile(rf"\s+of\s+(?:(?!{_EN_FUNCTION}\b)[a-z][\w-]*\s+){{0,3}}(?!{_EN_FUNCTION}\b)[a-z][\w-]*s"
                          r"(?=[\s,.;:]|$)")  # lower-case words ending in a plural noun: "of school principals"
# "of a regional education and science conference": the event a session is part of (lower-case words and «and»)
EN_OF_WHOLE = re.compile(rf"\s+of\s+(?:the\s+|an?\s+)?(?:(?!{_EN_FUNCTION}\b)[\w-]+\s+|and\s+){{0,6}}?"
                         r"(?:conference|forum|congress|meeting|council|collegium|convention|summit)(?![\w-])")
GENITIVE_TAIL_WORDS = 8  # «заседание совета по защите профессиональной чести и достоинства педагогических работников»


def _genitive_tail(rest: str) -> int:
    """End of the lower-case genitive phrase after an event noun («совещание руководителей школ района»;
    «по» + a dative noun and «и» may continue it); 0 when the next word is not in the genitive.

    >>> rest = " совета по защите чести и достоинства педагогов, а также"
    >>> rest[:_genitive_tail(rest)]
    ' совета по защите чести и достоинства педагогов'
    """
    at, done, case = 0, 0, "gent"
    for count, m in enumerate(re.finditer(r"\s+([а-яё-]+)", rest)):
        if m.start() != at or count >= GENITIVE_TAIL_WORDS:
            break
        word, at = m.group(1), m.end()
        if word in ("по", "и") and done:
            case = "datv" if word == "по" else "gent"
            continue
        if len(word) < 3 or not any(case in p.tag and p.tag.POS in ("NOUN", "ADJF", "PRTF") for p in parses(word)[:3]):
            break
        done, case = at, "gent"
    return done


def _opening_of_event(text: str, m: re.Match, noun_re: re.Pattern) -> bool:
    """«открытие олимпиады», "the opening of the forum": a part of that event, not an event of its own."""
    if not re.match(r"открыти|opening", m.group(0), re.I):
        return False
    nxt = re.match(r"\s+(?:of\s+(?:the\s+)?)?(?:[\w-]+\s+){0,2}?([\w-]+)", text[m.end():m.end() + 60])
    return bool(nxt and noun_re.fullmatch(nxt.group(1)) and not re.match(r"открыти|opening", nxt.group(1), re.I))


def _mentions(article: Article) -> list[dict]:
    """Every event-noun mention with modifiers, name and whether it is a distinct named event."""
    text, lang = article.text, article.lang
    noun_re, mods_re = (RU_NOUN, RU_MODS) if lang == "ru" else (EN_NOUN, EN_MODS)
    organisations = {fold(o.value) for o in article.post_orgs}  # bodies someone holds a post in
    found, quotes = [], quotes_of(text)
    for m in noun_re.finditer(text):
        before = text[max(0, m.start() - 80):m.start()]
        if quotes.inside_name(m.start()) or _opening_of_event(text, m, noun_re) or ROOM.search(before) \
                or before.endswith("#"):  # «#МарафонТР2020»: a hashtag, not a mention
            continue
        mods = re.search(mods_re, before)
        mod_text = _adjectives(mods.group(0)) if mods and lang == "ru" else mods.group(0) if mods else ""
        if lang == "en":
            mod_text = re.sub(r"^(?:The|At|In|On|During|Within|Of|Your|Our|Their|Its|His|Her|This|That|These|Those|"
                              r"Each|Every)\s+", "", mod_text)  # a determiner is no part of the name
            if m.group(0)[0].isupper() and re.search(rf"(?:{title_pattern().pattern})\s+of\s", mod_text, re.I):
                continue  # "the Executive Director of the Northern Forum": a post in an organisation named "… Forum"
        name_tail, end = _name_after(text, m.end(), lang, stage=bool(STAGE.match(m.group(0))),
                                     session=bool(re.search(r"\bsessions?$", m.group(0), re.I)))
        start = m.start() - len(mod_text)
        if fold(text[start:end]) in organisations:
            continue  # "the work of the Northern Forum" where its Executive Director is named: an organisation
        kind = _event_type(text[m.start():m.start() + 80], lang)
        named = name_tail if "«" in name_tail or lang == "ru" else mod_text + name_tail  # "the «X» contest"
        found.append({"start": start, "end": end, "noun": m.group(0), "type": kind,
                      "mods": mod_text.strip(), "raw": (mod_text + text[m.start():end]).strip(),
                      "quoted": "«" in named or bool(re.match(r"\s+[A-Z]{2,}", name_tail)),
                      "title": (re.search(r"«([^»]+)»", named) or re.search(r"([A-Z]{2,}\w*)", name_tail)
                                or [None, None])[1]})
        if found[-1]["quoted"] and _plural_noun(m.group(0), lang) and not STAGE.match(m.group(0)):
            found += _listed_titles(text, end, m.group(0), kind, lang)
    return found + _quoted_events(article)


# «конкурсов «Учитель года», «Воспитатель года» и «Сердце отдаю детям»»: one more title of the list after the first
LISTED_TITLE = re.compile(r"(?:\s*,\s*|\s+(?:и|а\s+также|and)\s+)«([^»]{2,120})»")


def _plural_word(word: str, lang: str, n: int) -> bool:
    """`word` in the plural: English ending in "s" but not "ss", Russian plural in each of its first `n` parses.

    >>> _plural_word("Olympiads", "en", 2), _plural_word("class", "en", 2)
    (True, False)
    """
    word = word.lower()
    if lang == "en":
        return word.endswith("s") and not word.endswith("ss")
    return all(p.tag.number == "plur" for p in parses(word)[:n])


def _plural_noun(noun: str, lang: str) -> bool:
    """«конкурсов», "competitions": an event noun in the plural, which a list of titles may follow."""
    return _plural_word(noun.split()[-1], lang, 2)


def _listed_titles(text: str, end: int, noun: str, kind: str, lang: str) -> list[dict]:
    """The titles listed after the first one of a plural event noun («конкурсов «Учитель года», «Мастер года»»,
    "the competitions «A» and «B»"): one competition (or other event of the noun's type) each, named by the noun in
    the singular and its title; an initiative's name («Точка роста») ends the list."""
    single = lemma(noun.split()[-1]) if lang == "ru" else noun.split()[-1].rstrip("s")
    out = []
    for listed in iter(lambda: LISTED_TITLE.match(text, end), None):
        if _initiative_name(listed.group(1)):
            break
        out.append({"start": listed.start(1) - 1, "end": listed.end(), "noun": single, "type": kind, "mods": "",
                    "raw": f"{single} «{listed.group(1)}»", "quoted": True, "title": listed.group(1)})
        end = listed.end()
    return out


ROOM = re.compile(r"(?<![\w-])зал\w*\s+$", re.I)  # «в зале заседаний»: a room, not a meeting


def _adjectives(mods: str) -> str:
    """Russian modifiers: the adjectives, participles, numerals or brackets right before the noun («участие
    стратегической» → «стратегической»; «пленарное заседание августовского» → «августовского»: a noun ends them)."""
    words = mods.split()
    start = len(words)
    while start and (not re.fullmatch(r"[а-яёА-ЯЁ-]+", words[start - 1])
                     or parses(words[start - 1].lower())[0].tag.POS in ("ADJF", "PRTF", "NUMR")):
        start -= 1
    return " ".join(words[start:]) + (" " if words[start:] else "")


def _quoted_events(article: Article) -> list[dict]:
    """Quoted titles that are themselves event names: «Технологический диктант»."""
    out = []
    for m in re.finditer(r"«([^»]{2,80})»", article.text):
        noun = (RU_NOUN if article.lang == "ru" else EN_NOUN).search(m.group(1))
        before = article.text[max(0, m.start() - 30):m.start()]
        if noun and not (RU_NOUN if article.lang == "ru" else EN_NOUN).search(before):
            kind = _event_type(m.group(1)[noun.start():], article.lang)
            out.append({"start": m.start(), "end": m.end(), "noun": noun.group(0), "type": kind,
                        "mods": "", "raw": m.group(1), "quoted": True, "title": m.group(1)})
    return out


SCOPE = re.compile(r"(?:всероссийск|международн|межрегиональн|республиканск|краев|областн|окружн|городск|районн|муниципальн|"
                   r"федеральн|августовск|регионал|перв|втор|трет|четв[её]рт)\w*$", re.I)  # «вторая сессия»


STAGE_LEVEL = re.compile(r"(?:муниципальн|региональн|заключительн|школьн)\w*(?=\s+этап|$)", re.I)
STAGE = re.compile(r"^(?:финал|этап|тур|final|stage|round|phase|qualifying|in-person|absentee|"
                   r"(?:муниципальн|региональн|заключительн|школьн)\w*\s+этап|"  # named by its level (STAGE_LEVEL)
                   r"(?:first|second|third|full-time|regional|all-russian|municipal)\s+(?:[\w-]+\s+)?"
                   r"(?:stage|round|phase))", re.I)


# an English proper name before a capitalised noun: capitalised words, the last one not a scope word
PROPER_NAME = re.compile(r"(?:[A-Z][\w-]*\s+(?:(?:and|of)\s+)?)*(?!(?:International|All-Russian|Regional|National|"
                         r"Annual|Russian)\b)[A-Z][a-z][\w-]*")


def _proper_name(mention: dict) -> str | None:
    """The folded proper name of an English competition mention ("the Asian Physics Olympiad" → "asian physics"),
    None for a plural, a lower-case or an unnamed mention."""
    if mention["type"] != "competition" or not re.fullmatch(r"[A-Z][a-z]+(?<!s)", mention["noun"]) or \
            not PROPER_NAME.fullmatch(mention["mods"]):
        return None
    return fold(mention["mods"])


def _split_proper_names(groups: dict[str, list[dict]], lang: str) -> dict[str, list[dict]]:
    """An English group of competitions with two or more proper names («won the Romanian Physics Tournament …, a
    silver medalist at the Asian Physics Olympiad») is that many competitions; a mention without a name stays with
    the named one before it."""
    if lang != "en":
        return groups
    out: dict[str, list[dict]] = {}
    for key, mentions in groups.items():
        names = unique(n for n in map(_proper_name, mentions) if n)
        if len(names) < 2 or mentions[0]["quoted"]:
            out[key] = mentions
            continue
        current = names[0]
        for mention in mentions:
            current = _proper_name(mention) or current
            out.setdefault(f"{key}:{current}", []).append(mention)
    return out


def _distinct_key(mention: dict, lang: str) -> str:
    """Mentions with the same key are the same event; a stage («финал конкурса «…»», "the final stage of the
    Olympiad") is keyed "stage:<stage>:<key of its competition>"."""
    title = None
    if mention["quoted"] and mention["title"]:
        title = re.sub(r"\s*[-–—]?\s*(?:19|20)\d\d$", "", fold(mention["title"]))  # «РобоСевер-2024» = «РобоСевер»
    if STAGE.match(mention["noun"]):
        stage = lemma(mention["noun"].split()[0]) if lang == "ru" else " ".join(mention["noun"].lower().split())
        level = STAGE_LEVEL.match(mention["noun"]) or STAGE_LEVEL.search(mention["mods"])
        if lang == "ru" and level:  # «Региональный этап проходил …» is «региональный этап всероссийской олимпиады»
            stage = lemma(level.group(0)) + " этап"
        return f"stage:{stage}:{title or ''}"
    if title:
        return title
    base = lemma(mention["noun"]) if lang == "ru" else mention["noun"].lower().rstrip("s")
    if lang == "ru":
        scope = [lemma(w) for w in mention["mods"].split() if SCOPE.match(w)]
        return base + (":" + " ".join(scope) if scope else "")
    if lang == "en":
        qualifier = [w.lower() for w in mention["mods"].split() if w.lower() in EN_QUALIFIERS]
        return base + ":" + " ".join(qualifier)
    return base


def extract_events(article: Article, main_title: str | None = None) -> list[dict]:
    """Event records of an article (facts schema plus extension keys)."""
    groups: dict[str, list[dict]] = {}
    for mention in sorted(_mentions(article), key=lambda m: m["start"]):
        if _is_publication_line(article, mention["start"]):
            continue
        groups.setdefault(_distinct_key(mention, article.lang), []).append(mention)
    headline_end = article.sentences[0][1] if article.sentences else 0
    groups = _split_proper_names(_merge_unnamed(groups, article.lang, headline_end), article.lang)
    groups = {k: kept for k, g in groups.items()  # a bare plural is another mention of a named event, else no event
              if (kept := g if any(m["quoted"] or m["mods"] for m in g) else
                  [m for m in g if not _bare_plural(m, article.lang)])}
    if article.lang == "en":
        groups = {k: g for k, g in groups.items() if not all(_named_plural(m) for m in g)}
    events, by_key = [], {}
    only = _sole_reported(article, groups)
    for key, mentions in groups.items():
        if not _is_event(article, mentions) and key != only:
            continue
        events.append(_event(article, mentions))
        by_key[key] = events[-1]
    for key, event in by_key.items():  # a stage is part of its competition
        whole = by_key.get(key.split(":", 2)[2]) if key.startswith("stage:") else None
        if whole is not None and whole is not event:
            event["parent"] = whole["name"]
    if article.lang == "ru":
        events = _without_staged_wholes(events, [e for k, e in by_key.items() if k.startswith("stage:")])
    covered = {(event["type"], span) for event in events for span in event["_sentences"]}
    main_sentences = frozenset(events[0]["_sentences"] if events else ())
    _assign_main_details(article, events)
    events = _with_wholes_of_parts(article, events)  # before the parts below borrow a gathering's day as a parent's
    within = [event.pop("_sub", False) for event in events]  # «в рамках форума», «Программа форума включает»
    for part, sub in list(zip(events, within))[1:]:  # «пленарное заседание» of the forum, «церемония награждения»
        whole = next((e for e in events if e["type"] in ("forum", "conference") and e is not part), events[0])
        if (sub or PART.search(part["name"])) and not part.get("parent") and whole["type"] != part["type"]:
            part["parent"] = whole["name"]
            part["date"] = part["date"] or whole["date"]
            part["place"] = part["place"] or whole["place"]
    counted = counted_openings(article)  # «планируется открыть ещё два центра»: no action of one centre besides
    counted_spans = {("opening", span) for event in counted for span in event.pop("_sentences")}
    told = action_events(article, events, covered | counted_spans, main_sentences)
    if any(not e.get("parent") for e in told) and only is not None:
        # the lead's gathering is an action the article tells («открыли технопарк»)
        events = [e for e in events if e is not by_key.get(only)]
    events = _without_bare_repeats(events + told) + counted
    _dated_by_its_parts(events)
    other_day = any(len(e["date"] or "") == 10 and e["date"] != (article.published or "")[:10] for e in events)
    for event in events:
        _dated_as_news_of_the_day(article, event, other_day)
        event["place"] = _article_place(article, event["place"])
        named_year = NAMED_YEAR.search(event["name"])
        if not event.get("date") and named_year:
            event["date"] = named_year.group(0)
        if after_publication(event["date"], article.published):  # a date still to come: planned
            event["planned"] = True
    _dated_by_the_story(events)
    return events


DAY_PARTS = {"meeting", "session", "other"}  # a meeting, a session, an excursion, a concert, a ceremony: within a day


def _dated_by_the_story(events: list[dict]) -> None:
    """An undated meeting, session or other gathering of a day (an excursion, a concert, a ceremony, «встреча»), not
    to come, in an article that dates an event to a day happened on that day (the first such): a news item tells one
    day's story («15 мая открылся технопарк … Гости побывали на экскурсии»). Competitions, conferences, forums and
    openings have dates of their own; a whole named with its part («на пленарном заседании августовского совещания»)
    and the part, or a gathering in another town, are another gathering."""
    told = next((e for e in events if len(e["date"] or "") == 10), None)
    wholes = {e.get("parent") for e in events}  # a whole and its parts keep their own (none): another gathering
    for event in events if told else ():
        if not event["date"] and not event.get("planned") and event["type"] in DAY_PARTS and \
                not event.get("parent") and event["name"] not in wholes and _same_place(event["place"], told["place"]):
            event["date"] = told["date"]


def _dated_as_news_of_the_day(article: Article, event: dict, other_day: bool) -> None:
    """An undated event told in the lead and not to come happened on the publication date, as an action told there
    does («сообщил на пленарном заседании …», "the annual August conference of education workers"; a year- or
    month-only publication date gives that year or month). Not a competition: it runs for weeks, and the lead tells
    its results or a stage; nor when the text dates an event of the article to another day (`other_day`: «15 мая …
    открылся форум», then an August meeting named). `_first_sentence` is the sentence that tells the event first
    (absent for actions, which date themselves, and for counted openings, which the sentence alone dates)."""
    told = event.pop("_first_sentence", None)
    day = day_of_the_news(article, told, bool(event.get("planned")))
    if day and not event.get("date") and event["type"] != "competition" and not other_day:
        event["date"] = day


# «Пленарное заседание августовского совещания …», "Plenary session of a regional … conference": a part named with
# its whole, which is an event of its own
PART_OF_WHOLE = re.compile(r"(?:пленарн\w+\s+(?:заседани|част)\w*|plenary\s+session\s+of(?:\s+(?:the|an?))?)\s+"
                           r"(?P<whole>\S.*)", re.I)


def _with_wholes_of_parts(article: Article, events: list[dict]) -> list[dict]:
    """The events with the whole each plenary session is named with («пленарное заседание августовского совещания
    работников образования «…»» → «Августовское совещание работников образования «…»»): the event of the whole's kind
    and head noun the article tells, else a new one before the session; it is the session's parent and takes the
    session's day and place when it has none, and gives the session its day when the session has none or one before
    the whole's (a date the sentence tells of another event: «Пленарную часть предваряло обсуждение 22-24 августа»)."""
    noun_re = RU_NOUN if article.lang == "ru" else EN_NOUN
    out: list[dict] = []
    for event in events:
        part = PART_OF_WHOLE.fullmatch(event["name"]) if event["type"] == "session" else None
        noun = part and noun_re.search(part.group("whole"))
        kind = noun and _event_type(part.group("whole")[noun.start():], article.lang)
        if noun and kind != "session":
            head = lemma(noun.group(0).lower())
            whole = next((e for e in events + out if e["type"] == kind and head in main_words(e["name"])), None)
            if whole is None:
                name = part.group("whole")
                name = nominative_phrase(name) if article.lang == "ru" else name
                whole = {**event, "name": name[:1].upper() + name[1:], "type": kind}
                whole.pop("parent", None)
                whole.pop("_sub", None)  # «в рамках форума» placed the session, not its whole
                out.append(whole)
            event["parent"] = whole["name"]
            whole["date"] = whole["date"] or event["date"]
            whole["place"] = whole["place"] or event["place"]
            if not event["date"] or whole["date"] and event["date"] < whole["date"]:  # «после пленарной части»: on
                event["date"] = whole["date"]  # the whole's day; a part does not precede its whole (another's date)
                event.pop("end_date", None)
        out.append(event)
    return out


def _named_plural(mention: dict) -> bool:
    """An English event noun in the plural without a quoted title ("Strategic sessions", "International School
    Olympiads"): several events of a kind, not one (the "Readings" are one conference)."""
    noun = mention["noun"].split()[-1]
    return not mention["quoted"] and _plural_word(noun, "en", 1) and noun != "Readings"


def _without_staged_wholes(events: list[dict], stages: list[dict]) -> list[dict]:
    """Russian news names a stage by its competition («региональный этап всероссийской олимпиады школьников», «финал
    областного конкурса «Учитель года»»): the competition itself, a programme of many stages, is no event of the
    article besides the stage it reports (its other mentions, «в олимпиаде приняли участие», are that stage)."""
    staged = [e for e in events if e["type"] == "competition" and e not in stages and
              any(main_words(e["name"]) < main_words(s["name"]) for s in stages)]
    for stage in stages:
        if any(stage.get("parent") == whole["name"] for whole in staged):
            stage.pop("parent")
    return [e for e in events if e not in staged]


# the year that ends a competition's quoted title: «Учитель года России – 2021», “Subjugate VOROBIEVY GORY”-2012”
TITLE_YEAR = re.compile(r"[-–—]\s*(?P<year>(?:19|20)\d\d)»$")  # inside the quotes, before the closing one
YEAR_AFTER_TITLE = re.compile(r"»[-–—](?P<year>(?:19|20)\d\d)(?!\d)")  # after them


def _title_year(text: str, end: int) -> str | None:
    """The year of a quoted title that ends at `end`.

    >>> _title_year("конкурса «Учитель года России - 2021» объявили", 37), _title_year("«GORY»-2012» in", 6)
    ('2021', '2012')
    """
    m = TITLE_YEAR.search(text, max(0, end - 9), end) or YEAR_AFTER_TITLE.match(text, max(0, end - 1), end + 6)
    return m.group("year") if m else None


CEREMONY = re.compile(r"церемони|закрыти|награждени|вручени|подведени\w*\s+итог|объявлени|closing|award|ceremony|"
                      r"announcement", re.I)  # the ceremony that ends a competition or one of its stages


def _dated_by_its_parts(events: list[dict]) -> None:
    """A competition (or a stage of one) runs for days or months: when the article reports the ceremony that ends it
    on a day (its closing, awarding, announcement of winners) or its own stage, that day is the ceremony's or the
    stage's, and the competition's date is the year its title ends with («конкурс «Учитель года России – 2021»»), else
    the ceremony's month («7 апреля прошла церемония закрытия регионального этапа конкурса» → April)."""
    for event in events:
        year = event.pop("_title_year", None)
        date = event.get("date") or ""
        if event["type"] != "competition" or len(date) != 10:
            continue
        same_day = [e for e in events if e is not event and e["type"] == "other" and e["date"] == date]
        stage = year and any(e is not event and e.get("parent") == event["name"] for e in events)
        if year and date.startswith(year) and (stage or same_day):
            event["date"] = year
        elif any(CEREMONY.search(e["name"]) for e in same_day):
            event["date"] = date[:7]
        else:
            continue
        event.pop("end_date", None)


NAMED_YEAR = re.compile(r"(?<=\w[-–—])(?:19|20)\d\d$|(?<=\w\s[-–—]\s)(?:19|20)\d\d$")  # "Forum-2021", «… — 2020»


def _article_place(article: Article, place: str | None) -> str | None:
    """The article's own place (metadata) for an event without a place, or when the event's place is a region
    that contains it («Ульяновская область» in an article from Димитровград) or the district named after that
    town; otherwise the event's place."""
    if not article.place or not place:
        return place or article.place
    record, own = gazetteer.find_place(place), gazetteer.find_place(article.place)
    if own and record and record["id"] in {r["id"] for r in gazetteer.ancestors(own)}:
        return article.place
    stem = fold(article.place)[:-1]  # «Гайский округ» around its town «Гай», «Конаковский район» around «Конаково»
    if re.search(r"(?:район|округ)$", place) and len(stem) >= 2 and fold(place).startswith(stem):
        return article.place
    return place


def _bare_plural(mention: dict, lang: str) -> bool:
    """An event noun in the plural with no name nor modifier ("Olympiads, round tables and meetings", «конкурсы»):
    activities listed, not one event (a Russian noun of two words, «родительские собрания», names its kind); kept
    as another mention of an event the same noun names («Учитель года» competition … "the competitions").

    >>> _bare_plural({"noun": "Olympiads", "raw": "Olympiads", "mods": "", "quoted": False}, "en")
    True
    """
    if mention["quoted"] or mention["mods"] or mention["raw"].lower() != mention["noun"].lower():
        return False
    words = mention["noun"].split()
    return (lang == "en" or len(words) == 1) and _plural_word(words[-1], lang, 3)


def _sole_reported(article: Article, groups: dict[str, list[dict]]) -> str | None:
    """When no event noun passes `_is_event` but the lead reports a dated gathering («… собрались в Бирюче
    4 октября»), the first event noun of the article («открывая торжественное мероприятие») names that event."""
    if not groups or any(_is_event(article, mentions) for mentions in groups.values()):
        return None
    reported = any(TRIGGERS.search(article.text[s:e]) and find_dates(article.text[s:e], article.year)
                   for s, e in article.lead)
    first = next(iter(groups))
    singular = "sing" in parses(groups[first][0]["noun"].split()[0].lower())[0].tag
    return first if reported and singular else None


def _without_bare_repeats(events: list[dict]) -> list[dict]:
    """Drop a one-word event («Заседание», «Совещание») when a fuller event of its type is reported on the same
    day, or (undated) one whose name has the same noun («Семинар-совещание»): a repeat, not another event.
    The catch-all type "other" (a concert, a fair) is no such repeat; but an undated event of any type named by
    some of the words of a longer one of its type is («На церемонии награждения» after «Торжественная церемония
    награждения лучших учителей»), and so is a bare «торжественное мероприятие» (solemn event, ceremony) of the day
    of an opening or a gathering."""
    def size(event):
        return len(re.split(r"[\s-]+", event["name"]))

    def fuller(event, other):
        if other is event or size(other) < 2 or other["type"] != event["type"] or event["type"] == "other":
            return False
        return other["date"] == event["date"] if event["date"] else lemma(event["name"]) in \
            {lemma(w) for w in re.split(r"[\s-]+", other["name"])}
    def anaphora(event):  # «… состоялось открытие Центра. Праздник открылся …»: the celebration is that event
        return size(event) == 1 and not event["date"] and lemma(event["name"]) in CELEBRATION_WORDS and \
            any(o is not event and o["date"] for o in events)
    def solemn(event):  # «открылось новое здание технопарка … В торжественном мероприятии приняли участие …»
        words = [lemma(w) for w in event["name"].split()]
        return len(words) == 2 and words[0] in SOLEMN_WORDS and words[1] in SOLEMN_NOUNS and \
            any(o is not event and o["type"] in GATHERINGS and o["date"] and event["date"] in (None, o["date"])
                for o in events)
    def shorter(event, other):  # «Торжественная церемония награждения учителей …», then «На церемонии награждения»
        words = main_words(event["name"])
        return other is not event and not event["date"] and other["type"] == event["type"] and \
            size(other) > size(event) and bool(words) and words < main_words(other["name"])
    return [e for e in events if (size(e) > 1 or not any(fuller(e, o) for o in events) and not anaphora(e))
            and not any(shorter(e, o) for o in events) and not solemn(e)]


CELEBRATION_WORDS = set(gazetteer.load("events")["celebration_words"])  # data/gazetteers/events.yaml
SOLEMN_WORDS = set(gazetteer.load("events")["solemn_words"])
SOLEMN_NOUNS = CELEBRATION_WORDS | set(gazetteer.load("events")["solemn_nouns"])
GATHERINGS = set(gazetteer.load("events")["gatherings"])  # not a competition: its award ceremony is an event


def _is_publication_line(article: Article, pos: int) -> bool:
    s, e = article.sentence_of(pos)
    return _is_date_line(article.text[s:e])


def _base(mention: dict, lang: str) -> str:
    return lemma(mention["noun"]) if lang == "ru" else mention["noun"].lower().rstrip("s")


def _merge_unnamed(groups: dict[str, list[dict]], lang: str, headline_end: int) -> dict[str, list[dict]]:
    """Unnamed mentions («участники конференции») join the first named event with the same noun; the headline's
    unnamed event joins the one later event of its noun whose scope holds the headline's («форуме классных
    руководителей», then «во Всероссийском форуме классных руководителей»)."""
    named = {k: g for k, g in groups.items() if g[0]["quoted"]}
    august = [k for k in groups if "августовский" in k.partition(":")[2].split()]
    out: dict[str, list[dict]] = {}
    for key, mentions in groups.items():
        if key in named:
            out.setdefault(key, []).extend(mentions)
            continue
        target = next((k for k, g in named.items() if _base(g[0], lang) == _base(mentions[0], lang)
                       and (lang == "ru" or not _qualifier(key))), None)
        if target is None and lang == "ru" and ":" not in key:  # «совещания» after «Августовское совещание»
            target = next((k for k, g in groups.items() if k != key and ":" in k and g[0]["start"] < mentions[0]["start"]
                           and _base(g[0], lang) == _base(mentions[0], lang)), None)
        if target is None and lang == "ru":  # «августовская конференция», then «районной конференции»
            target = next((k for k in august if _august_of_level(k, key)), None)
        if target is None and lang == "ru" and mentions[0]["start"] < headline_end:
            target = _told_in_full(groups, key)
        out.setdefault(target or key, []).extend(mentions)
    return {k: sorted(v, key=lambda m: m["start"]) for k, v in sorted(out.items(), key=lambda kv: min(m["start"] for m in kv[1]))}


def _told_in_full(groups: dict[str, list[dict]], key: str) -> str | None:
    """The one unnamed Russian group with the same noun and a scope that holds the headline's group `key`, told
    before the headline's noun comes again: the lead tells in full the event the headline names short (a later
    «Всероссийского совещания» after the lead's «провел совещание» is another meeting)."""
    base, _, scope = key.partition(":")
    told = [m["start"] for m in groups[key]]
    retold = told[1] if len(told) > 1 else float("inf")
    fuller = [k for k, g in groups.items() if k != key and not g[0]["quoted"] and k.partition(":")[0] == base
              and set(scope.split()) < set(k.partition(":")[2].split()) and told[0] < g[0]["start"] < retold]
    return fuller[0] if len(fuller) == 1 else None


# the levels of a local gathering: an August meeting is held by a district, a town or a region
LOCAL_LEVEL = set(gazetteer.load("events")["local_levels"])


def _august_of_level(august: str, key: str) -> bool:
    """Whether the unnamed Russian key `key` («конференция:районный») is the August gathering keyed `august`
    («конференция:августовский», «педсовет:августовский областной»): the same noun, its levels local and one set of
    levels within the other («августовская» tells when, «районная» who holds it). `august`'s scope holds
    «августовский» (the caller's choice); `key`'s does not, so it is never `august` itself."""
    base, _, scope = august.partition(":")
    other_base, _, other_scope = key.partition(":")
    levels, other = set(scope.split()) - {"августовский"}, set(other_scope.split())
    return base == other_base and "августовский" not in other and bool(other) and other <= LOCAL_LEVEL \
        and (levels <= other or other <= levels)


def _qualifier(key: str) -> str:
    """The qualifier of an English unnamed-event key ("session:plenary" → "plenary"); "" for other keys."""
    return key.split(":", 1)[1] if ":" in key else ""


def _is_event(article: Article, mentions: list[dict]) -> bool:
    """A group is an event when it is named (quoted, capitalised modifiers) or reported as happening."""
    for m in mentions:
        if article.lang == "en" and _qualifier(_distinct_key(m, "en")):
            return True  # "the plenary session", "the panel session"
        if PART.search(m["raw"]):
            return True  # «пленарное заседание», «церемония награждения»: a part of the reported event
        capital_mod = re.search(r"(?:^|\s)[А-ЯЁA-Z]", m["mods"] or "")  # «единый Всероссийский день открытия»
        if m["quoted"] or capital_mod or re.match(r"[А-ЯЁA-Z]", article.text[m["start"]:m["start"] + 1]):
            return True
        s, e = article.sentence_of(m["start"])
        if _reports_dated(article.text[s:e], article.year, article.lang):
            return True
        if m["type"] == "opening" and _reports_opening(article):
            return True  # "… attended the opening ceremony" in an article that reports "a centre opened on 1 September"
        if _lead_report(article, m["start"]) or _held(article, m):
            return True
        if _sub_event(article, m) or _of_organisation(article, m) or _took_part_in(article, m):
            return True
    return False


@functools.lru_cache(maxsize=4096)
def _reports_dated(sentence: str, year: int | None, lang: str) -> bool:
    """A sentence that reports a gathering with a date or a count of participants (once per sentence: every event
    noun of a sentence asks)."""
    return bool(TRIGGERS.search(sentence) and (find_dates(sentence, year) or COUNT[lang].search(sentence)))


# «в рамках форума», «в ходе конференции», «Программа форума включает …», "as part of the teachers' meeting":
# the sentence names a parent event, so another event noun of it is a part of that event
_PROGRAMME = r"(?:программ\w*|(?:the\s+)?program(?:me)?\s+of(?:\s+the)?)\s+"
_SOME_WORDS = r"(?:[\w'’-]+\s+){0,3}?"
WITHIN = {lang: re.compile(rf"{WITHIN_WORDS}{_SOME_WORDS}(?:{noun.pattern})|{_PROGRAMME}(?:{noun.pattern})\s+"
                           rf"(?:включа|includ)\w*", re.I) for lang, noun in (("ru", RU_NOUN), ("en", EN_NOUN))}


@functools.lru_cache(maxsize=4096)
def _within_spans(sentence: str, lang: str) -> tuple[tuple[int, int], ...]:
    """The spans of `WITHIN` in a sentence (found once per sentence, not once per event noun in it)."""
    return tuple(m.span() for m in WITHIN[lang].finditer(sentence))


AMONG = re.compile(r"^\W*(?:среди\s+них|в\s+(?:их\s+)?числе|among\s+them|these\s+include)", re.I)


def _sub_event(article: Article, mention: dict) -> bool:
    """An event noun in a sentence that places it inside another event («В рамках форума прошёл круглый стол»,
    "As part of the meeting there was organised an exhibition"), or in a list after «Программа форума включает …
    Среди них …»."""
    s, e = article.sentence_of(mention["start"])
    spans = [(s, e)]
    if AMONG.match(article.text[s:e]) and s > 0:
        spans.append(article.sentence_of(s - 1))
    for a, b in spans:
        for start, end in _within_spans(article.text[a:b], article.lang):
            if not a + start <= mention["start"] < a + end:
                mention["sub"] = True
                return True
    return False


SPEECH_WORDS = tuple(gazetteer.load("events")["speech_verbs"])  # «заявил», "said": stems, any ending follows
SPOKE_AT = tuple(gazetteer.load("events")["spoke_at_verbs"])  # «выступил», «доложил»: spoke at an event
_SPEECH = "(?:" + "|".join(SPEECH_WORDS) + r")\w*"
TOOK_PART_IN = re.compile(r"(?:(?:принял\w*\s+участие|участвовал\w*|took\s+part|participated)\s+(?:в|во|in)|"
                          r"(?:побывал\w*|присутствовал\w*|пришл[аи]|приехал\w*)\s+на|"  # «побывал на линейке»
                          rf"{_SPEECH}(?:\s+(?-i:[А-ЯЁ])[а-яё]+){{0,2}}\s+(?:на|at))\s+"  # «заявил на», "said at"
                          r"(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)


def _took_part_in(article: Article, mention: dict) -> bool:
    """«приняла участие в открытии новой школы», «побывал на линейке», "took part in the opening ceremony": a reported
    event (one took part in or attended)."""
    s, _ = article.sentence_of(mention["start"])
    return bool(TOOK_PART_IN.search(article.text[max(s, mention["start"] - 60):mention["start"]]))


SPECIFIC_TYPES = {"competition", "conference", "forum", "session"}


def _of_organisation(article: Article, mention: dict) -> bool:
    """«конкурс Министерства просвещения»: a competition, conference or forum named by the organisation that
    holds it is a specific event even without a reporting verb or a date."""
    if mention["type"] not in SPECIFIC_TYPES or article.lang != "ru":
        return False
    noun_end = article.text.find(mention["noun"], mention["start"]) + len(mention["noun"])
    return any(0 < o.start - noun_end <= 2 and o.value[:1].isupper() for o in article.orgs)


PART = re.compile("|".join([r"пленарн\w+\s+(?:заседани|част)|церемони\w+\s+награждени|plenary\s+session|"
                            r"award\s+ceremony"] + [gazetteer.unfolded(entry["noun"]) for lang in ("ru", "en")
                                                    for entry in gazetteer.load("events")[lang] if entry.get("part")]),
                  re.I)  # and the event nouns of data/gazetteers/events.yaml marked `part` («концерт»)


def _lead_report(article: Article, pos: int) -> bool:
    """True for a mention in the article's first sentences (the lead) whose sentence reports it happening
    («… принял участие в церемонии открытия …», "took part in the opening ceremony"): news of the day."""
    s, e = article.sentence_of(pos)
    return (s, e) in article.lead_sentences and bool(TRIGGERS.search(article.text[s:e])
                                                             or PARTAKE.search(article.text[s:e]))


# «провёл рабочую встречу», «состоялось награждение», "held a meeting": a verb of holding that governs the noun
# (three words apart at most, no punctuation between) reports the event as happening, dated or not
_TOOK_PLACE = r"состоял(?:ось|ся|ась)"  # the one that may also follow its noun: «награждение состоялось»
_HOLD = rf"(?:провел|провёл|провела|провели|{_TOOK_PLACE}|held|hosted)"
HELD_BEFORE = re.compile(rf"(?<![\w-]){_HOLD}\s+(?:[\w-]+\s+){{0,2}}$", re.I)
HELD_AFTER = re.compile(rf"^\s+(?:[\w-]+\s+){{0,2}}?{_TOOK_PLACE}(?![\w-])", re.I)


# «На совещании подвели итоги», «В ходе стратегической сессии участники обсудили», "During the meeting …,
# participants discussed": what was done at the event, in the past, tells that it was held
AT_EVENT = re.compile(r"(?:^|[^\w-])(?:на|в\s+ходе|во\s+время|at|during)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", re.I)
DONE_AT = re.compile(r"^[^.!?;]{0,100}?(?<![\w-])(?:подвел[аи]?\s+итоги|обсудил[аи]?|обсуждал[аи]?|рассмотрел[аи]?|"
                     r"проанализировал[аи]?|discussed|summed\s+up|reviewed)(?![\w-])", re.I)


# «— сообщила заместитель губернатора на оперативном совещании», «С докладом на заседании коллегии выступила министр»:
# a past verb of speaking in the sentence of «на <событии>» tells that someone spoke at it, so it was held — unless a
# subordinate clause parts them («рассказала, как … представляют на районной конференции»)
SPOKE = re.compile(rf"(?<![\w-])(?:{'|'.join(w for w in SPEECH_WORDS + SPOKE_AT if re.match('[а-яё]', w))})"
                   r"(?:а|и)?(?![\w-])", re.I)
SUBORDINATE = re.compile(r",\s+(?:как|что|где|когда|чтобы|если|котор\w+)(?![\w-])", re.I)


def _spoke_at(article: Article, mention: dict) -> bool:
    """Whether a past verb of speaking in the mention's sentence, in its clause, tells someone spoke at the event."""
    s, e = article.sentence_of(mention["start"])
    for verb in SPOKE.finditer(article.text, s, e):
        lo, hi = sorted((verb.start(), mention["start"]))
        if not SUBORDINATE.search(article.text, lo, hi):
            return True
    return False


def _held(article: Article, mention: dict) -> bool:
    """«В Калуге он провёл рабочую встречу с губернатором», «состоялось награждение»: the event is the object
    (or the subject) of a past verb of holding in its own clause, so it happened even without a stated date; so is
    the event at which something was discussed («На собрании обсудили …») or someone spoke («сообщила … на
    оперативном совещании»)."""
    s, e = article.sentence_of(mention["start"])
    before = article.text[max(s, mention["start"] - 60):mention["start"]]
    after = article.text[mention["end"]:e]
    return bool(HELD_BEFORE.search(before) or HELD_AFTER.search(after)
                or AT_EVENT.search(before) and (DONE_AT.search(after) or _spoke_at(article, mention)))


PARTAKE = re.compile(r"принял\w*\s+участие|took\s+part|take\s+part|participated", re.I)


OPENED = re.compile(r"(?<!\w)(?:opened|opens|открыл(?:ся|ась|ось|ись)|открыт[аоы]?(?!\w))", re.I)


def _reports_opening(article: Article) -> bool:
    """Whether a sentence of the article reports a dated opening; found once per article (asked for each opening
    mention, it read the whole article each time: quadratic)."""
    found = vars(article).get("_reports_opening")
    if found is None:
        found = vars(article)["_reports_opening"] = any(
            OPENED.search(article.text[s:e]) and find_dates(article.text[s:e], article.year)
            for s, e in article.sentences)
    return found


def _best(article: Article, mentions: list[dict]) -> dict:
    """The mention that names the event best: quoted, then capitalised in a reporting sentence, then first; a bare
    noun is never capitalised as a name is («заседание Совета директоров» over a later «Заседание провёл …»), and a
    heading in capitals («СОВЕЩАНИЕ») comes last."""
    def rank(m):
        s, e = article.sentence_of(m["start"])
        capital = bool(re.match(r"[А-ЯЁA-Z]", m["mods"] or m["raw"]))
        scoped = any(SCOPE.match(w) for w in (m["mods"] or "").split())  # «августовское совещание» over «Совещание»
        if len(m["raw"].split()) == 1:
            capital = False  # a bare noun is capitalised as a sentence start («Заседание провёл») or a heading
        return (not m["quoted"], not scoped, m["raw"].isupper(), not (capital and TRIGGERS.search(article.text[s:e])),
                not capital, m["start"])
    return min(mentions, key=rank)


def _event(article: Article, mentions: list[dict]) -> dict:
    best = _best(article, mentions)
    name = best["raw"]
    if article.lang == "ru":
        name = nominative_phrase(name)
    name = re.sub(r"\s+", " ", name).strip(" ,.")
    name = name[:1].upper() + name[1:]
    kind = "session" if re.search(r"пленарн|plenary", best["mods"], re.I) else best["type"]  # «пленарное заседание»
    event = {"name": name, "type": kind, "date": None, "place": None, "participants": None,
             "_sentences": unique(article.sentence_of(m["start"]) for m in mentions)}
    if any(m.get("sub") for m in mentions):
        event["_sub"] = True
    if kind == "competition" and not STAGE.match(best["noun"]):
        title_year = next(filter(None, (_title_year(article.text, m["end"]) for m in mentions)), None)
        if title_year:
            event["_title_year"] = title_year
    positions = {}
    for m in mentions:
        positions.setdefault(article.sentence_of(m["start"]), m["start"])
    for s, e in event["_sentences"]:
        _fill_from_sentence(article, event, s, e, positions.get((s, e)))
    first = article.sentence_of(mentions[0]["start"])  # the sentence that tells the event first
    event["_first_sentence"] = first
    if tells_future(article.text[first[0]:first[1]], article.lang):
        event["planned"] = True
    return event


# «победителем конкурса стала учитель из Иркутска», "the winner of the Director of the Year competition": the event
# named after its winner, whose town the sentence gives (not the event's)
WINNER_OF = re.compile(r"(?i)(?:победител|призер|призёр|лауреат|финалист|winner|laureate|finalist)\w*\s+"
                       r"(?:of\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}$")


def _fill_from_sentence(article: Article, event: dict, s: int, e: int, at: int | None = None) -> None:
    """Date, place, count, online platform, organisers and venue found in one sentence of the event
    (the date nearest to the event's mention at `at` when the sentence has several)."""
    text = article.text[s:e]
    found = find_dates(text, article.year)
    relative = relative_outside(text, found, article.published)
    # a relative day («вчера») comes before a month, a relative year («в этом году») after
    dates = [d for d in found if d.kind in ("day", "range") and not _deadline(text, d.start)] or \
        [d for d in relative if d.kind == "day"] or [d for d in found + relative if d.kind == "month"] or \
        [d for d in found + relative if d.kind == "year"]
    if at is not None and len(dates) > 1:
        dates = sorted(dates, key=lambda d: (_clause_gap(text, d.start, at - s), abs(d.start - (at - s))))
    if dates and not event["date"]:
        event["date"], end = dates[0].date, dates[0].end
        if end:
            event["end_date"] = end
    winners = at is not None and WINNER_OF.search(article.text, max(s, at - 40), at)
    places = [] if winners else article.event_places(s, e)  # «победитель конкурса из Иркутска»: the winner's town
    venue = _venue(article, s, e)
    if venue:
        event.setdefault("venue", venue)
    located = [p for p in places if located_at(article.text, p.start, s)]
    if located and (not event["place"] or event.get("_weak_place")):
        event["place"], event["_weak_place"] = located[0].value, False  # «в Новосибирске» before «… Новосибирской области»
    elif places and not event["place"]:
        event["place"], event["_weak_place"] = places[0].value, True
    count = COUNT[article.lang].search(text)
    if count and event["participants"] is None:
        event["participants"] = count_value(count.group("n"))
        if count.group("min"):
            event["participants_min"] = True
        if count.groupdict().get("regions"):
            event["regions"] = int(count.group("regions"))
    online = ONLINE.search(text)
    if online and "online" not in event:
        platform = online.group(1) or online.group(2)
        event["online"] = platform or ("онлайн" if article.lang == "ru" else "online")


def _clause_gap(text: str, a: int, b: int) -> int:
    """Number of clause breaks («, а», ", and", ";") between two positions of a sentence."""
    lo, hi = sorted((a, b))
    return len(re.findall(r",\s+(?:а|и|and|while|but)\s|;", text[lo:hi]))


def _deadline(text: str, pos: int) -> bool:
    """«до 1 февраля», "by 1 February": a deadline, not the event's date."""
    return bool(re.search(r"(?:\bдо|\bby|\buntil|\bне\s+позднее)\s*$", text[max(0, pos - 12):pos], re.I))


def _venue(article: Article, s: int, e: int) -> str | None:
    text = article.text[s:e]
    m = re.search(r"на\s+базе|on\s+the\s+basis\s+of", text) or re.search(
        r"(?:прош\w+|состоял\w*|проход\w+|пройд\w+|held|took\s+place)\s+(?:в|во|in|at)\s+(?:the\s+)?(?=[А-ЯЁA-Z])", text)
    if not m:
        return None
    orgs = [o for o in article.in_span(article.orgs, s + m.end(), e) if o.start - (s + m.end()) < 6]
    return orgs[0].value if orgs else None


DATELINE = re.compile(r"(?:^|\n)[^\S\n]*[А-ЯЁA-Z][\w.-]*(?:[ -][А-ЯЁA-Z][\w.-]*){0,2},\s*$")  # «ДОНЕЦК, 27 января»


def _assign_main_details(article: Article, events: list[dict]) -> None:
    """The first reported event gets the article's day dates, organisers and parent when its own sentences lack them."""
    if not events:
        return
    main = events[0]
    body = [(s, e) for s, e in article.sentences if not _is_date_line(article.text[s:e])]
    day_dates = [d for s, e in body for d in find_dates(article.text[s:e], article.year) if d.kind in ("day", "range")
                 and not re.search(r"(?:до|с|since|until)\s*$", article.text[max(0, s + d.start - 6):s + d.start], re.I)
                 and not DATELINE.search(article.text[max(0, s + d.start - 40):s + d.start])]
    if not day_dates:  # «Вчера … посетила министр»: the lead's relative day
        lead = [d for s, e in body[:LEAD_SENTENCES] for d in relative_dates(article.text[s:e], article.published)]
        day_dates = [d for d in lead if len(d.date) == 10][:1]
    if not day_dates and not main["date"]:  # «АКУШИНСКИЙ РАЙОН, 29 августа – РИА «Дагестан». В … прошло совещание»:
        day_dates = [d for s, e in body[:LEAD_SENTENCES] for d in find_dates(article.text[s:e], article.year)
                     if d.kind == "day" and DATELINE.search(article.text[max(0, s + d.start - 40):s + d.start])][:1]
    if day_dates and (not main["date"] or day_dates[0].date < main["date"]  # a year or month of the event's own
                      or len(main["date"]) < 10 and day_dates[0].date.startswith(main["date"])):  # sentence stays
        main["date"], main["end_date"] = day_dates[0].date, day_dates[0].end or main.get("end_date")
    if day_dates and main["date"] and not main.get("end_date"):
        later = [d.date for d in day_dates if d.date > main["date"] and d.date[:7] == main["date"][:7]]
        if later:
            main["end_date"] = max(later)
    if not main.get("end_date"):
        main.pop("end_date", None)
    held_at = False
    for s, e in body:
        _fill_roles(article, main, s, e)
        if main["participants"] is None and COUNT[article.lang].search(article.text[s:e]) and \
                PARTICIPATION.search(article.text[s:e]):
            _fill_from_sentence(article, main, s, e)
        held = HELD_IN.search(article.text[s:e])
        if held:
            places = [p for p in article.in_span(article.places, s + held.end(), e) if p.start - (s + held.end()) < 3] or \
                ([] if main["place"] else article.in_span(article.places, s, e))
            if places and (not main["place"] or main.get("_weak_place") or not held_at
                           or _within(places[0], main["place"])):
                main["place"], main["_weak_place"] = places[0].value, False  # «прошло в Новосибирске», "opened in Kazan"
                held_at = True  # the first «проходит в X» is where the event is, not a place its other sentences name
            if places and not main.get("venue"):
                main["venue"] = _venue(article, s, e)  # «Мероприятие прошло в Махачкале на базе …»
    if not main["place"]:
        main["place"] = article.dateline_place() or _lead_place(article, body)  # "Penza, 2 March 2018. …"
    if not main.get("initiatives"):
        lead = " ".join(article.text[s:e] for s, e in ([article.sentences[0]] + body)[:3])
        main["initiatives"] = [gazetteer.initiative(i)["en"] for i in gazetteer.find_initiatives(lead)]
    for key in ("venue", "initiatives"):
        if not main.get(key):
            main.pop(key, None)
    _link_parent(article, events)
    for event in events:
        event.pop("_sentences", None)
        event.pop("_weak_place", None)


# «подчеркнул, что Президент … Путин …», «как сказал Путин», «по словам губернатора», "according to": the person is
# the subject of what is reported, not someone at the event of the sentence
REFERRED = re.compile(rf"(?:{_SPEECH}\s*,?\s+(?:что|that)|(?:как|as)\s+(?:\w+\s+)?{_SPEECH}|по\s+(?:словам|поручению)|"
                      rf"according\s+to)[^.;:!?«»\"]{{0,60}}$", re.I)
REFERRED_CUES = SPEECH_WORDS + ("словам", "поручению", "according")  # a word REFERRED needs: a quick test first
# «Напомним, в конце 2018 года … губернатор Глеб Никитин сообщал», «Напомним, 28 августа Чувашию также посетил министр
# …», "Earlier on Friday, the Minister … told": a sentence opening with a recap tells of another time or visit
RECALLED = re.compile(r"\s*(?:Напомн(?:им|ю)|Ранее|Как\s+(?:ранее\s+|уже\s+)?сообщал\w*|Earlier|Previously|"
                      r"As\s+(?:previously\s+|earlier\s+)?reported)\b", re.I)


# «по поручению / по инициативе Президента …», "on the instructions of", "at the initiative of", "declared by",
# «объявленный Президентом …»: the person set something going, not one at the event (up to three title words between)
INITIATOR = (r"по\s+(?:инициативе|предложению)|объявленн\w*|on\s+the\s+(?:instructions?|initiative)\s+of|"
             r"at\s+the\s+(?:initiative|suggestion|request)\s+of|(?:declared|announced|initiated)\s+by")
REFERRED_AS = re.compile(rf"(?:{INITIATOR})\s+(?:[\w.-]+\s+){{0,3}}$", re.I)
INITIATOR_CUES = ("инициатив", "предложени", "объявленн", "instruction", "initiative", "suggestion", "request",
                  "declared", "announced", "initiated")  # a word REFERRED_AS needs: a quick test first
# «видеообращение министра просвещения РФ Сергея Кравцова», «зачитал приветствие Президента», "read out a greeting
# from President Vladimir Putin", "In his Address to the Federal Assembly President Vladimir Putin": the sender of a
# message read out or shown at the event, not one there (title words between, no verb: «Приветствие губернатора
# зачитал заместитель …» names the reader, who was)
SENDER = re.compile(r"(?:видеообращени|приветстви|видеопослани|послани|телеграмм|greeting|message|address)\w*\s+"
                    r"(?:(?:from|of|to|от)\s+)?(?P<title>(?:[\w.-]+\s+){0,5})$", re.I)
SENDER_CUES = ("обращени", "приветстви", "послани", "телеграмм", "greeting", "message", "address")


def _sender(before: str) -> bool:
    """True when the name after `before` sends a message read out or shown (see SENDER)."""
    found = SENDER.search(before) if any(cue in before.lower() for cue in SENDER_CUES) else None
    return bool(found) and not any(parses(word.lower())[0].tag.POS in ("VERB", "PRTS", "GRND") or
                                   re.fullmatch(r"(?i)was|were|is|are|has|have|had|by", word)
                                   for word in found.group("title").split())


# a namesake («школа имени контр-адмирала В. Ф. Иванова», "named after Yevgeny Primakov", "in honour of"; lower-case
# title words between, not «им. М.В. Ломоносова Виктор Садовничий») or one on whose behalf another speaks («от имени
# ректора С. М. Вдовина»): never at the event, whatever the other mentions say; a credit line («Фотографии: Дмитрий
# Куткин»): the photographer (the credit lines are those sources.py reads)
# «будет носить имя …», «присвоено имя …» say the same; so does a hero's title between, capitals and all («имени Героя
# Советского Союза Ефимова М. Е.», «имя Героя России Ильдара Суфиярова», "named after twice Hero of the Soviet Union")
HERO_TITLE = (r"(?:Геро[яйеи]\w*|Hero(?:es)?)\s+(?:of\s+(?:the\s+)?)?(?:Советского\s+Союза|Российской\s+Федерации|"
              r"России|Социалистического\s+Труда|Soviet\s+Union|Russian\s+Federation|Russia|Socialist\s+Labou?r)\s+")
NAMESAKE = re.compile(r"(?:(?<!\w)имени|(?<!\w)им\.|(?<!\w)(?:нос|присво)\w*\s+имя|named\s+after|"
                      r"in\s+hono(?:u)?r\s+of)\s+"
                      rf"(?-i:(?:[a-zа-яё][\w-]*\.?\s+){{0,2}})(?:{HERO_TITLE})?$", re.I)


def not_at_main_event(article: Article, date: str | None) -> set[str]:
    """Persons who are no participants of the main event (dated `date`): those `only_referred` to and those
    `dated_elsewhere`; none at all when together they would leave the main event with nobody."""
    absent = only_referred(article) | dated_elsewhere(article, date)
    return absent if {p.value for p in article.persons} - absent else set()


def only_referred(article: Article) -> set[str]:
    """Persons none of them taking part: every mention of whom is referred to in a reported clause (see REFERRED) or
    a recap (RECALLED), names an initiator (REFERRED_AS) or the sender of a message read out or shown (SENDER), and
    namesakes and photographers (NAMESAKE, a credit line) at any of their mentions. `not_at_main_event` keeps the main
    event from being left with nobody."""
    referred, present, namesakes = set(), set(), set()
    credits = [m.span("credit") for m in credit_lines(article)]
    for person in article.persons:
        s, _ = article.sentence_of(person.start)
        before = article.text[max(s, person.start - 160):person.start]  # a bounded window: the clause before the name
        if NAMESAKE.search(before) or any(a <= person.start < b for a, b in credits):
            namesakes.add(person.value)
        cue = any(word in before.lower() for word in REFERRED_CUES)  # a quick test before REFERRED
        initiator = any(word in before.lower() for word in INITIATOR_CUES)
        (referred if cue and REFERRED.search(before) or initiator and REFERRED_AS.search(before) or _sender(before)
         or RECALLED.match(article.text, s, person.start) else present).add(person.value)
    return (referred - present) | namesakes


def dated_elsewhere(article: Article, date: str | None) -> set[str]:
    """Persons every mention of whom is in a sentence dated to other days than the main event's `date` («On 5
    October, Anastasia received the award from Olga Golodets» in the news of a meeting on 7 October): at another
    event. The publication date (a dateline) dates no sentence."""
    if not date or len(date) != 10:
        return set()
    elsewhere, here = set(), set()
    for person in article.persons:
        s, e = article.sentence_of(person.start)
        days = {d.date for d in find_dates(article.text[s:e], article.year) if d.kind in ("day", "range")}
        days.discard(article.published)
        (elsewhere if days and date not in days else here).add(person.value)
    return elsewhere - here


# «прошло в Новосибирске», «Мероприятие проходит в Улан-Удэ», "opened in Kazan", "takes place in": where the article's
# event is or was held (not «пройдёт», "will take place": a later stage may be held elsewhere, en_08)
HELD_IN = re.compile(r"(?:прош|состоял|проход|открыл|taking\s+place|(?<!will\s)takes\s+place|held|opened)\w*"
                     r"\s+(?:в|во|in)\s", re.I)


def _lead_place(article: Article, body: list[tuple[int, int]]) -> str | None:
    """The first place named after «в»/"in" in the article's first sentences: where the news of the day happened."""
    for s, e in body[:LEAD_SENTENCES]:
        for place in article.event_places(s, e):
            if re.search(r"(?:^|\s)(?:в|во|in)\s+$", article.text[max(s, place.start - 4):place.start], re.I):
                return place.value
    return None


def _within(mention, place_name: str) -> bool:
    """True when a place mention lies inside the named place (Махачкала inside Республика Дагестан)."""
    outer = gazetteer.find_place(place_name)
    record = mention.extra.get("record") if mention.extra else None
    return bool(outer) and outer["id"] in gazetteer.ancestor_ids(record)[1:]


PUBLICATION_LABEL = re.compile(r"(?<!\w)(?:дата(?:\s+публикации)?|опубликовано|published)\s*:\s*"
                               r"\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d\d(?!\d)", re.I)


@functools.lru_cache(maxsize=4096)  # asked once per event mention, of the mention's sentence
def _is_date_line(sentence: str) -> bool:
    """A publication line: a date alone, after a rubric and a slash («Образование  /  2 сентября 2018»), or a
    numeric date after a publication label («Дата публикации: 23.05.2022», «… | Дата: 03.03.2013 | …»), a time beside
    the date («12 сентября 2022, 13:34», "12:44, 10 February 2026")."""
    if PUBLICATION_LABEL.search(sentence):
        return True
    sentence = re.sub(r"^[\w\s,-]{1,40}[/|]\s*(?=\d)", "", sentence.strip())
    return bool(re.fullmatch(r"[\s\d./:,–-]*(?:\d{1,2}\s+[A-Za-zА-Яа-яё]+\s+\d{4})?[\s\d./:,–-]*", sentence.strip())) \
        and any(ch.isdigit() for ch in sentence)


def _fill_roles(article: Article, event: dict, s: int, e: int) -> None:
    text = article.text[s:e]
    organiser = re.search(r"[Оо]рганизатор\w*\s+(?:мероприятия\s+|события\s+)?(?:выступил\w*|стал\w*|является|—|-|:)|"
                          r"organi[sz]er\s+of\s+the\s+event\s+is", text)
    if not organiser:
        return
    orgs = [o for o in article.in_span(article.orgs, s + organiser.end(), e)]
    support = re.search(r"(?:при\s+поддержке|with\s+the\s+support\s+of)", text)
    cut = s + support.start() if support else e
    event["organisers"] = unique(o.value for o in orgs if o.start < cut)
    if support:
        event["supporters"] = unique(o.value for o in orgs if o.start >= cut)


def _link_parent(article: Article, events: list[dict]) -> None:
    """«в рамках X» / "within the framework of X": the event named X is the parent of the event in that sentence."""
    for event in events[:1]:
        for m in re.finditer(r"(?:в\s+рамках|within\s+the\s+framework\s+of(?:\s+the)?)\s+", article.text):
            parent = next((p for p in events if p is not event and fold(article.text[m.end():m.end() + 120]).startswith(
                fold(p["name"])[:20].lower())), None)
            if parent:
                event["parent"] = parent["name"]
                return


# Counted or planned openings (docs/EXTRACTION.md, «Gold convention: counted and planned openings»): «откроются 12
# центров», «планируется открыть ещё два центра», «открыто 248 центров», «ввод в эксплуатацию пяти школ», "opened 56
# new schools", "63 schools will be opened". A count of existing centres («работают 25 центров») has no opening verb.
# The verbs are data: data/gazetteers/actions.yaml, the opening's `counted_ru` / `counted_en`.
OPENING = next(a for a in actions() if a["kind"] == "opening")
OPEN_VERB = OPENING["counted"]
# the numbers written as words that count what opens (any case form: «двух центров», «шестнадцати школ»), with their
# values; «несколько»/"several" is a count of no value
COUNT_WORDS = {"ru": {r"дв(?:а|е|ух)": 2, r"тр(?:и|[её]х)": 3, r"четыр(?:е|[её]х)": 4, r"пят(?:ь|и)": 5,
                      r"шест(?:ь|и)": 6, r"сем(?:ь|и)": 7, r"восем(?:ь|и)": 8, r"девят(?:ь|и)": 9, r"десят(?:ь|и)": 10,
                      r"одиннадцат(?:ь|и)": 11, r"двенадцат(?:ь|и)": 12, r"тринадцат(?:ь|и)": 13,
                      r"четырнадцат(?:ь|и)": 14, r"пятнадцат(?:ь|и)": 15, r"шестнадцат(?:ь|и)": 16,
                      r"семнадцат(?:ь|и)": 17, r"восемнадцат(?:ь|и)": 18, r"девятнадцат(?:ь|и)": 19,
                      r"двадцат(?:ь|и)": 20, r"нескольк\w+": None},
               "en": {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                      "ten": 10, "eleven": 11, "twelve": 12, "several": None}}
# each word its group, `count_<i>` (the i-th word), which `_count` reads the value of
_COUNT_WORD = {lang: "(?:" + "|".join(f"(?P<count_{i}>{word})" for i, word in enumerate(words)) + ")"
               for lang, words in COUNT_WORDS.items()}
_NOT_A_YEAR = r"(?!(?:19|20)\d\d(?!\d))"
# what opens, by kind: a count told again of the same kind is told of the same objects («6 центров» and «шести центров
# «Точка роста»», "12 sites" and "twelve digital education spaces"), not of «6 детских садов»
_OBJECTS = {"ru": (("centre", r"центр|«?точ\w+\s+рост|IT-куб"), ("school", r"школ"),
                   ("technopark", r"технопарк|кванториум"),
                   ("kindergarten", r"детск\w+\s+сад|сад(?:а|ов)\b"), ("institution", r"учреждени"),
                   ("space", r"площадк|пространств"), ("workshop", r"мастерск"), ("building", r"корпус"),
                   ("object", r"объект")),  # «ещё три таких объекта появятся»
            "en": (("centre", r"cent(?:re|er)s?|[“\"«]?(?:growth\s+points?|points?\s+of\s+growth)[”\"»]?"),
                   ("school", r"schools?"), ("technopark", r"technoparks?|kvantoriums?"),
                   ("kindergarten", r"kindergartens?"), ("institution", r"institutions?"), ("space", r"spaces|sites"))}
# each kind its group, `kind_<kind>`, which `_object_kind` reads
_OBJECT = {lang: r"(?P<object>" + "|".join(f"(?P<kind_{kind}>{p})" for kind, p in _OBJECTS[lang]) + ")" + end
           for lang, end in (("ru", r"\w*»?"), ("en", r"(?!\w)"))}
# «центры в 22 школах», "in 72 schools": the places where something opens, not a count of what opens
_NOT_AFTER_PREPOSITION = "".join(rf"(?<!(?<![\w-]){p}\s)" for p in ("в", "во", "на", "базе", "in", "at", "on", "of"))
_NOT_A_DAY = r"(?!\s+(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр|january|february|" \
             r"march|april|may|june|july|august|september|october|november|december))"  # «5 сентября»: a date
_FUNCTION_WORD = r"(?:the|a|an|of|in|on|at|to|for|в|во|на|по|с)\s"  # "opened 1 the first School": no count
_QUOTED_AFTER = r"(?:\s+(?:[\w-]+\s+){0,3}?[«“\"„][^«»“”\"„]{1,60}[»”\"“])?"  # «центров … «Точка роста»»


def _counted(lang: str) -> str:
    """The pattern of what a counted opening counts (the group ``what``: «ещё 14 центров «Точка роста»»), with the
    groups ``count`` and ``object``."""
    count = rf"(?:ещё\s+|еще\s+|another\s+|more\s+than\s+|over\s+|более\s+|свыше\s+|около\s+|порядка\s+)?" \
            rf"(?P<count>{_NOT_A_YEAR}(?!1(?!\d))\d{{1,4}}(?![\d.,:]\d){_NOT_A_DAY}|{_COUNT_WORD[lang]})"
    filler = rf"(?:(?!{_FUNCTION_WORD})[\w«»“”\"'’-]+\s+){{0,3}}?"  # «новых», "general education"
    return rf"(?P<what>{count}\s+{filler}{_OBJECT[lang]}{_QUOTED_AFTER})"


def _counted_opening_patterns(lang: str) -> tuple[re.Pattern, re.Pattern]:
    """(verb before count, count before verb) patterns of `lang`; the count phrase is the group ``what``."""
    what = _NOT_AFTER_PREPOSITION + _counted(lang)
    verb = rf"(?<![\w-]){OPEN_VERB[lang].pattern}(?![\w-])"
    before = re.compile(rf"{verb}\s+(?:[\w-]+\s+){{0,3}}?{what}", re.I)
    after = re.compile(rf"(?<![\w-]){what}[^.;,:!?]{{0,60}}?{verb}", re.I)
    return before, after


COUNTED_OPENING = {lang: _counted_opening_patterns(lang) for lang in ("ru", "en")}
# «в регионе», «в республике», "the region will set up": the article's region (its place), whatever towns follow
THE_REGION = re.compile(r"(?<![\w-])(?:(?:в|по)\s+(?:регион|республик|кра[еюя](?!\w)|област|округ)|"
                        r"the\s+(?:region|republic)(?![\w-]))", re.I)
# «Всего в регионе за пять лет создано 383 центра», "a total of 60 centres": a tally of years, not an opening
TALLY = re.compile(r"(?<![\w-])(?:всего|в\s+общей\s+сложности|за\s+(?:[\w-]+\s+){0,2}?(?:лет|года|годы)|"
                   r"in\s+total|a\s+total\s+of|over\s+(?:the\s+)?(?:past\s+|last\s+)?[\w-]+\s+years)(?![\w-])", re.I)
CLAUSE_BREAK = re.compile(r",\s+(?:а|и|но|and|while|but)\s|;")
SINCE = re.compile(r"(?:(?<!\w)с|since|за|in)\s*$", re.I)  # «с 2019 года», "since 2019": a span, dated by none


def counted_openings(article: Article) -> list[dict]:
    """Opening events of the sentences that report openings counted or planned, one per sentence (extension key
    `_sentences`: their spans). A count told again of the same kind of objects, in the same place (or none named, or
    one within the other) and on the same date, as in the headline and the text, is one opening; «в Бийске откроются
    6 центров» and «в Славгороде откроются 6 детских садов» are two."""
    events: list[dict] = []
    told_of: dict[tuple, list[dict]] = {}  # the events by count, kind of object and date
    before, after = COUNTED_OPENING[article.lang]
    for s, e in article.sentences:
        text = article.text[s:e]
        if not OPEN_VERB[article.lang].search(text):
            continue  # a quick test before the patterns
        m = before.search(text) or after.search(text)
        if not m or TALLY.search(text, max((b.end() for b in CLAUSE_BREAK.finditer(text, 0, m.start())), default=0),
                                 m.end()):
            continue
        what = re.sub(r"\s+", " ", m.group("what")).strip()
        name = f"{OPENING['name_' + article.lang]} {what}"
        dates = [d for d in all_dates(text, article.year, article.published)
                 if not SINCE.search(text[max(0, d.start - 6):d.start]) or d.kind == "day"]
        event = {"name": name, "type": "opening", "date": dates[0].date if dates else None,
                 "place": None if THE_REGION.search(text) else _common_place(article, article.event_places(s, e)),
                 "participants": None, "action": _counted_action(what), "_sentences": [(s, e)]}
        if tells_future(text, article.lang):  # «откроются», «планируем открыть»
            event["planned"] = True
        key = (_count(m, article.lang), _object_kind(m, article.lang), event["date"])
        told = next((t for t in told_of.get(key, ()) if _same_place(t["place"], event["place"])), None)
        if told:  # the headline and the text, "12 sites" and "twelve digital education spaces": one opening
            told["_sentences"].append((s, e))
            if len(name) > len(told["name"]):
                told["name"], told["action"] = name, event["action"]
            continue
        told_of.setdefault(key, []).append(event)
        events.append(event)
    return events


def _counted_action(what: str) -> dict:
    """The extension key `action` of a counted opening: an opening of what it counts («66 центров «Точка роста»»),
    which labels it like an opening named by its action."""
    return {"kind": "opening", "object": {"name": what, "kind": "count", "id": None}}


def _same_place(one: str | None, other: str | None) -> bool:
    """Whether two events' places may be one: the same, one of them none or lying in the other (the headline's
    «в Башкирии», the text's «в Уфе»)."""
    if not one or not other or one == other:
        return True
    chains = [gazetteer.ancestor_ids(gazetteer.find_place(p)) for p in (one, other)]
    return bool(chains[0] and chains[1]) and (chains[0][0] in chains[1] or chains[1][0] in chains[0])


def _count(m: re.Match, lang: str) -> int | str:
    """The value of a counted opening's count (its match `m`: «двух» → 2, «шестнадцати» → 16, "12" → 12), by the
    group of the word that matched; a count of no value («несколько», "several") is its word."""
    count = m.group("count")
    if count.isdigit():
        return int(count)
    value = next((n for i, n in enumerate(COUNT_WORDS[lang].values()) if m.group(f"count_{i}")), None)
    return value or count.lower()


def _object_kind(m: re.Match, lang: str) -> str | None:
    """The kind of what a counted opening opens (its match `m`: «центров», «точек роста», "centers" → "centre"), by
    the group of the kind that matched."""
    return next((kind for kind, _ in _OBJECTS[lang] if m.group(f"kind_{kind}") is not None), None)


def _common_place(article: Article, places: list[Mention]) -> str | None:
    """Where a counted opening is: the one place its sentence names, or the region all its places lie in («в
    Тобольске и Ишиме» → Тюменская область); none when only the country holds them all."""
    records = [m.extra.get("record") for m in places]
    if not places or len({m.value for m in places}) == 1 or not all(records):
        return places[0].value if places else None
    chains = [gazetteer.ancestor_ids(record) for record in records]
    common = next((i for i in chains[0] if all(i in chain for chain in chains[1:])), None)
    record = gazetteer.place(common) if common else None
    if not record or record.get("kind") == "country":
        return None
    return record["ru" if article.lang == "ru" else "en"]
