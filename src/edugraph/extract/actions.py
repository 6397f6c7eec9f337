"""Events reported by a verb or an action noun: openings («открыли технопарк», "the centre opened in 2020"),
visits («министр посетил школу», "visited the centre"), award ceremonies. The vocabulary is
data/gazetteers/actions.yaml; an event noun of the same sentence (events.py) takes precedence."""

from __future__ import annotations

import functools
import re

from edugraph import gazetteer
from edugraph.extract.dates import all_dates
from edugraph.extract.status import starts_future, tells_future
from edugraph.extract.mentions import Article, Mention, located_at
from edugraph.extract.names import main_words, nominative_phrase, same_organisation
from edugraph.text import fold, parses

NEAR = 90  # characters between a trigger and its object («открыли детский технопарк «Кванториум»»)


@functools.lru_cache(maxsize=1)
def actions() -> list[dict]:
    """Action records with compiled triggers {"ru": re.Pattern, "en": re.Pattern} (whole words) and, for the opening,
    its verbs of counted objects `counted` {"ru": …, "en": …} (bare: events.counted_openings bounds them)."""
    out = []
    for record in gazetteer.load("actions")["actions"]:
        triggers = {lang: re.compile(r"(?<![\w-])(?:" + gazetteer.unfolded(record[lang]) + r")(?![\w-])", re.I)
                    for lang in ("ru", "en")}
        counted = {lang: re.compile(r"(?:" + gazetteer.unfolded(record[f"counted_{lang}"]) + ")", re.I)
                   for lang in ("ru", "en") if f"counted_{lang}" in record}
        out.append({**record, "triggers": triggers, **({"counted": counted} if counted else {})})
    return out


def _objects(article: Article, s: int, e: int) -> list[Mention]:
    """Organisations, network centres and initiative names of a sentence, in text order."""
    found = article.in_span(article.orgs + article.generic_orgs, s, e)
    for start, end, ident in gazetteer.initiative_spans(article.text[s:e]):
        if not any(o.start <= s + start < o.end for o in found):
            name = gazetteer.initiative(ident)["ru" if article.lang == "ru" else "en"]
            found.append(Mention(s + start, s + end, name, {"initiative": ident}))
    return sorted(found, key=lambda m: m.start)


def _date(article: Article, s: int, e: int, at: int) -> tuple[str | None, bool]:
    """(date, stated): the sentence's date nearest to the trigger at `at` (a day, a year, or a date relative to
    the publication date: «вчера», «три года назад»); else, for an action told in the lead, the publication date
    (not stated)."""
    text = article.text[s:e]
    found = [d for d in all_dates(text, article.year, article.published)
             if d.kind in ("day", "range", "month", "year", "school_year")]
    if found:  # "Yesterday X visited the centre, which opened in 2020": the opening's date is 2020
        return min(found, key=lambda d: (abs(d.start - (at - s)), d.kind != "day")).date, True
    return day_of_the_news(article, (s, e), _future(text, at - s, article.lang)), False


def day_of_the_news(article: Article, sentence: tuple[int, int], future: bool) -> str | None:
    """The publication date for what a lead sentence tells as done (not `future`): news tell the day's happenings
    (a year- or month-only publication date gives that year or month); None for another sentence or without one."""
    if future or not article.published or sentence not in article.lead_sentences:
        return None
    return article.published[:10]


FUTURE = re.compile(r"(?i)(?:^|\s)(?:откро\w+|будет|будут|планиру\w+|намерен\w*|собира\w+|will|plans?\s+to|"
                    r"is\s+to|are\s+to|to\s+be)\s*$")


def _future(text: str, at: int, lang: str) -> bool:
    """«В Донецке откроют технопарк», «планируют открыть», «появится центр», "will open": an action still to come did
    not happen on the publication date."""
    return bool(FUTURE.search(text[max(0, at - 30):at]) or re.match(r"(?i)откро", text[at:])
                or starts_future(text[at:], lang))


# a place after «с»/«из»/"from"/"with" is where someone or something came from, not where the action was
# («Прямая связь с Москвой велась из тульского «Кванториума»»)
ELSEWHERE = re.compile(r"(?i)(?:^|\s)(?:с|со|из|изо|от|from|with)\s+$")


def _place(article: Article, s: int, e: int) -> str | None:
    """Where the action happened: a place of the sentence after «в»/"in", else its first place (not a country) that
    is not after «с»/«из»/"from"."""
    places = article.event_places(s, e)
    located = [p for p in places if located_at(article.text, p.start, s)]
    here = [p for p in places if not ELSEWHERE.search(article.text[max(s, p.start - 6):p.start])]
    return (located or here)[0].value if located or here else None


AUTHORITY = re.compile(r"(?i)^(?:министерств|департамент|управлени|комитет|администраци|правительств|ministry|"
                       r"department|committee|administration|government)")  # not opened, not the visited place


PROGRAMME = re.compile(r"(?i)project|проект|программ|programme|program\b")  # a project is not opened or visited


def _plural(article: Article, target: Mention) -> bool:
    """«центры «Точка роста»», "60 Point of Growth centres": a network in general, not one place that opened."""
    value, text = target.value, article.text
    if re.search(r"\d\s*[«\"“]?\s*$", text[max(0, target.start - 4):target.start]):
        return True
    first = value.split()[0].lower()
    if article.lang == "en":
        after = text[target.end:target.end + 12]
        return bool(re.search(r"(?:centres|centers|schools|technoparks)\b", value + after, re.I))
    return bool(re.fullmatch(r"[а-яё]+", first)) and any("plur" in p.tag and p.tag.case in ("nomn", "accs", "gent")
                                                         for p in parses(first)[:1])


CONTINUATION = re.compile(r"\s*(?:Затем|Потом|Далее|После\s+этого|Позже|Then|After\s+that|Later|Next|"
                          r"Е[щ][её]\s+(?:одн|один)\w*|Another)\b,?\s")  # «Ещё одну школу открыли в …»: the same day
# «Также во время визита в Калугу министр посетила детский сад»: a visit of the trip told before, on its day
DURING_TRIP = re.compile(r"(?i)(?:во\s+время|в\s+ходе|в\s+рамках)\s+(?:рабоч\w+\s+|официальн\w+\s+)?"
                         r"(?:визит|поездк)|(?:during|in\s+the\s+course\s+of)\s+(?:the|his|her|a)\s+"
                         r"(?:working\s+|official\s+)?(?:visit|trip)")


def _trigger(action: dict, lang: str, text: str) -> re.Match | None:
    """The first trigger of an action in a sentence; for a visit its verb before a noun («В ходе визита глава
    … посетил школу»: the school is the verb's object)."""
    found = list(action["triggers"][lang].finditer(text))
    if action["kind"] == "visit" and lang == "ru":
        found = [m for m in found if parses(m.group(0).lower())[0].tag.POS == "VERB"] or found
    return found[0] if found else None


def _target(article: Article, s: int, e: int, at: int, generic: bool, after: bool = False) -> Mention | None:
    """The organisation or centre the action is about: the one nearest to the trigger at `at` (with `after`, one
    after it when there is one: the object of «посетил», not the visitor's body before it)."""
    objects = [o for o in _objects(article, s, e) if not gazetteer.find_place(o.value) and not AUTHORITY.match(o.value)
               and not PROGRAMME.search(o.value)]
    near = [o for o in objects if abs(o.start - at) <= NEAR or abs(o.end - at) <= NEAR]
    if not near and generic:  # «школа была открыта в 1970 году», "the new building of the school was opened"
        text = article.text[max(s, at - GENERIC_NEAR):min(e, at + GENERIC_NEAR)]
        offset = max(s, at - GENERIC_NEAR)
        near = [Mention(offset + m.start(), offset + m.end(), _nominative(article, m.group(0)))
                for m in GENERIC_OBJECT[article.lang].finditer(text)]
    near = [o for o in near if not _names_event(article, o)]
    if after:
        near = [o for o in near if o.start >= at] or near
    return min(near, key=lambda o: abs(o.start - at), default=None)


def _network_centre(article: Article, target: Mention) -> bool:
    """A children's technopark named by its network's name only («детский технопарк «Кванториум»», "Technopark
    «Kvantorium»"), not by one of its own («Кингисеппский «Кванториум»» is an organisation already): a centre with
    its own premises, so one organisation (a «Точка роста» or IT-cube centre is a part of its school or college)."""
    if not TECHNOPARK.search(target.value):
        return False
    return any(g.start == target.start for g in article.generic_orgs) or \
        not any(o.start == target.start for o in article.orgs) and gazetteer.find_initiative(target.value) is not None


TECHNOPARK = re.compile(r"(?i)кванториум|kvantorium|quantorium")


def _opens_event(article: Article, start: int, end: int) -> bool:
    """«Заседание открыла президент Ассоциации», "opened the forum": an event noun next to the verb (one word
    apart at most) — the event began, nothing was opened."""
    from edugraph.extract.events import EN_NOUN, RU_NOUN  # events.py builds on this module
    noun = RU_NOUN if article.lang == "ru" else EN_NOUN
    near = re.findall(r"[\w-]+", article.text[max(0, start - 40):start])[-2:] + \
        re.findall(r"[\w-]+", article.text[end:end + 40])[:2]
    return any(noun.fullmatch(word) for word in near)


def _names_event(article: Article, target: Mention) -> bool:
    """"the School Forum opened", «открылся Форум школьников»: the object is an event (its opening is the event
    itself), not an organisation that opened."""
    from edugraph.extract.events import EN_NOUN, RU_NOUN  # events.py builds on this module
    noun = RU_NOUN if article.lang == "ru" else EN_NOUN
    followed = article.text[target.end:target.end + 1] == " " and noun.match(article.text, target.end + 1)
    return bool(followed or noun.search(target.value.split()[-1]))


COLLEGIAL_BODY = re.compile(r"(?:совет|комисси|рабоч\w+\s+групп|ассоциаци|оргкомитет|жюри|council|commission|"
                            r"committee|association|working\s+group)", re.I)
GENERIC_NEAR = 40  # characters between a trigger and an unnamed object («открыта школа»)
GENERIC_OBJECT = {
    "ru": re.compile(r"(?<![\w-])(?:(?:нов|сельск|детск|средн)\w*\s+)?(?:школ[аыуе]|детск\w+\s+сад\w*|корпус\w*|"
                     r"здани[еяю]|гимнази[яию]|лице[йяю]|интернат\w*|технопарк\w*|центр\w*)(?![\w-])", re.I),
    "en": re.compile(r"(?<![\w-])(?:new\s+)?(?:school|kindergarten|building|centre|center|lyceum|gymnasium|"
                     r"technopark)(?![\w-])", re.I),
}


def _nominative(article: Article, phrase: str) -> str:
    return nominative_phrase(phrase) if article.lang == "ru" else phrase


def _compatible(a: str, b: str) -> bool:
    """Two dates that may be one day: equal, or one is the other's year or month («2023», «2023-10»)."""
    return a.startswith(b) or b.startswith(a)


def _key(action: dict, target: Mention | None, place: str | None, date: str, stated: bool, out: dict,
         whom: str | None = None) -> tuple:
    """The key of the event an action reports: one award ceremony per article; otherwise one event per object
    (the same organisation, or the same place when there is none) unless the two mentions are in different places
    or both state different dates («школа открыта в 1970 году», «детский сад — в 2007 году»)."""
    if action.get("once"):
        return (action["kind"],)
    for key, event in out.items():
        if key[0] != action["kind"] or (event["_target"] != (target is not None)):
            continue
        same = same_organisation(event["_what"], target.value) if target else \
            fold(event["_what"]) == fold(whom or place or "")  # the same place, or the same people met
        elsewhere = bool(place and event["place"] and place != event["place"])  # «IT-куб» in Миасс, then in Челябинск
        same_day = event["date"] == date and len(date) == 10
        other_date = stated and event["_stated"] and not _compatible(event["date"], date)
        if same and (same_day or not elsewhere and not other_date):
            return key
    return (action["kind"], target.value if target else whom or place, date)


def _retold_opening(key: tuple, event: dict, told: list[dict]) -> bool:
    """«В Пензенской области открылся первый мобильный технопарк» (the headline, dated by the publication) and «2
    сентября … открылся … мобильный технопарк «Квантотрак»»: an opening without a date of its own whose object's words
    are all in a dated opening's name is that opening told again."""
    words = main_words(event["_what"]) if key[0] == "opening" and event["_target"] and not event["_stated"] else None
    return bool(words) and any(o is not event and words <= main_words(o["name"]) for o in told)


def _undated_twin(events: list[dict], kind: str, place: str | None) -> dict | None:
    """The article's undated noun event of a specific type (an opening, not "other") in the same place: the event
    an action sentence elsewhere reports with its date."""
    return next((e for e in events if e["type"] == kind != "other" and not e["date"]
                 and (not place or not e["place"] or e["place"] == place)), None)


AWARD_EVENT = re.compile(r"(?i)награжд|вручени|чествова|award|prize")
# awards by name (not «вручил сертификат», «вручил в подарок», "were awarded with the grant")
_AWARDS = (r"(?<![\w-])(?:наград|награжд)\w*|"
           r"(?<![\w-])(?:awarding|award\s+ceremony|presented\s+(?:the\s+)?awards?)(?![\w-])")
AWARDS_HANDED = re.compile(_AWARDS, re.I)


# what an award ceremony handed out: «вручил педагогам ведомственные награды» (the object of «вручить», accusative),
# «награждение победителей конкурса» (the genitive after the noun)
HANDED = re.compile(r"(?i)^(?:[а-яё]+\s+){0,3}?(?P<object>(?:[а-яё]+(?:ые|ие)\s+)?наград[ыу])(?![\w-])")
AWARDED = re.compile(r"(?i)^(?:\s+[а-яё-]+){1,6}")


def _award_name(text: str, trigger: re.Match) -> str | None:
    """The name of an award ceremony after what was handed: «вручил педагогам ведомственные награды» →
    «Вручение ведомственных наград», «состоялось награждение победителей конкурса» → «Награждение победителей
    конкурса» (the genitive words after the noun); None when the sentence names nothing handed.

    >>> import re; text = "Министр вручил педагогам ведомственные награды."
    >>> _award_name(text, re.search("вручил", text))
    'Вручение ведомственных наград'
    """
    word, rest = trigger.group(0).lower(), text[trigger.end():]
    if word.startswith("вруч"):
        handed = HANDED.match(rest.lstrip())
        if not handed:
            return None
        words = [_case_form(w, "accs", "gent") for w in handed.group("object").split()]
        return "Вручение " + " ".join(words)
    if word.startswith("награждени"):
        genitive = []
        for w in (AWARDED.match(rest) or [""])[0].split():
            if not any(p.tag.case == "gent" for p in parses(w.lower())):
                break
            genitive.append(w)
        return "Награждение " + " ".join(genitive) if genitive else None
    return None


def _case_form(word: str, case: str, new_case: str) -> str:
    """The word, read in `case`, declined into `new_case` (same number): «награды» (accusative) → «наград»."""
    parse = next((p for p in parses(word.lower()) if p.tag.case == case), None)
    form = parse.inflect({new_case, parse.tag.number}) if parse and parse.tag.number else None
    return form.word if form else word


# whom someone met: the words after «встретилась с» / "met with" up to a clause break, a relative word or a verb
# joined by «и»/"and" («с директорами школ, а также …», "with the winners who were …"); not a reception ("support")
_CLAUSE_WORD = r"(?:и|а|чтобы|где|которы\w+|and|to|where|who|which|that|on|in)\s"  # a word that ends the people met
WHOM = re.compile(rf"\s*(?P<whom>(?:(?!{_CLAUSE_WORD})[^\s,.;:!?()«»\"“”]+\s*){{1,10}})")
NOT_MET = re.compile(r"(?i)(?:the\s+)?(?:support|approval|criticism|resistance|success|understanding|одобрени|"
                     r"поддержк|пониманием|критик)")


def _whom(rest: str) -> str | None:
    """The people met, from the text after the trigger: «директорами школ Пудожа, а также …» → «директорами школ
    Пудожа»; None for "support" and the like.

    >>> _whom(" teachers of the Tatar language and literature in Kazan.")
    'teachers of the Tatar language'
    """
    found = WHOM.match(rest)
    if not found or NOT_MET.match(found.group("whom")):
        return None
    return found.group("whom").strip()


MEETING_LOOKUP = 60  # sentences searched for where a meeting was held (a news item tells it near its start)
MEETING_NOUN = re.compile(r"(?i)(?<![\w-])(?:meeting|встреч\w*)(?![\w-])")


def _meeting_place(article: Article, at: int, whom: str) -> str | None:
    """Where a meeting told elsewhere happened: the place nearest before «встреча»/"meeting" in another sentence that
    names the same people («Vasil Shaikhraziev met with teachers …» in the headline, "… went to the village of Malaya
    Shilna, where a meeting was held with teachers …" in the text)."""
    people = whom.split()[-1] if whom.split()[0].lower() == "the" else whom.split()[0]
    for s, e in article.body[:MEETING_LOOKUP]:
        text = article.text[s:e]
        noun = MEETING_NOUN.search(text)
        if s == at or not noun or not re.search(rf"(?<![\w-]){re.escape(people)}(?![\w-])", text[noun.end():]):
            continue
        before = [p for p in article.event_places(s, e) if p.end <= s + noun.start()]
        if before:
            return before[-1].value
    return None


# «в рамках форума», «в ходе конференции», "as part of the meeting": what follows is a part of that event
WITHIN_WORDS = (r"(?:в\s+рамках|в\s+ходе|в\s+программе|as\s+part\s+of|within\s+the\s+framework\s+of|during)"
                r"\s+(?:the\s+)?")
AWARD_WITHIN = re.compile(rf"{WITHIN_WORDS}(?:[\w-]+\s+){{0,8}}?(?:{_AWARDS})", re.I)  # «в рамках X … награждение»


def _gathering(action: dict, events: list[dict], sentence: str, main_awarded: bool) -> dict | None:
    """The article's first event, when a sentence tells of awards handed out without a date of its own («На
    конференции вручили педагогам награды», "a solemn awarding of winners"): a ceremony that is a part of that
    event. None when an event of the article already is that ceremony, when the sentences that tell the first
    event tell of awards too (`main_awarded`) («состоялось награждение учителей, приуроченное к празднику»: the award is
    that event), or when the first event is a competition (its prizes are its own end)."""
    if not action.get("once") or not events or events[0]["type"] == "competition" or \
            not AWARDS_HANDED.search(sentence) or main_awarded or \
            any(AWARD_EVENT.search(e["name"]) for e in events):
        return None
    return events[0]


def _named_by(article: Article, action: dict, target: Mention | None, place: str | None) -> dict:
    """The event fact's extension key `action`: the action's kind and the object its name gives (the target's
    wording, kind and initiative id, else the place with its gazetteer id), so that no one looks them up again."""
    if target:
        ident = target.extra.get("initiative")
        kind = "initiative" if ident else "organisation"
        return {"kind": action["kind"], "object": {"name": target.value, "kind": kind, "id": ident}}
    if place:
        record = next((m.extra.get("record") for m in article.places if m.value == place), None)
        return {"kind": action["kind"], "object": {"name": place, "kind": "place", "id": record and record["id"]}}
    return {"kind": action["kind"], "object": None}


def action_events(article: Article, events: list[dict], covered: set[tuple],
                  main_sentences: frozenset = frozenset()) -> list[dict]:
    """New events for action sentences not already covered (`covered`: (type, sentence span) of the noun
    events) nor reported by an event of the same type and date. An unnamed noun event («Открытие») of that
    type and date takes the action's fuller name. An action needs a date; visits of one day are one visit;
    an award ceremony is reported once, and one told without a date outside `main_sentences` (the sentences of
    the first event) is a part of the first event."""
    dated = {(event["type"], event["date"]): event for event in events}
    main_awarded = any(AWARDS_HANDED.search(article.text[s:e]) and not AWARD_WITHIN.search(article.text[s:e])
                       for s, e in main_sentences)  # once, not per sentence; «в рамках открытия … награждение»: a part
    out: dict[tuple, dict] = {}
    last: dict[str, tuple] = {}  # kind -> (date, stated) of the last dated action of that kind
    for s, e in article.body:
        text = article.text[s:e]
        for action in actions():
            trigger = _trigger(action, article.lang, text)
            own_kind = action["kind"] == "visit"  # not the assembly or concert of its day («побывал на линейке»)
            if not trigger or not own_kind and (action["type"], (s, e)) in covered or \
                    action["kind"] == "opening" and _opens_event(article, s + trigger.start(), s + trigger.end()):
                continue
            whom = _whom(text[trigger.end():]) if action.get("with_whom") else None
            if action.get("with_whom") and not whom:
                continue  # "the plan met with support": nobody was met
            target = None if whom else _target(article, s, e, s + trigger.start(), generic=action["kind"] == "opening",
                                               after=action["kind"] == "visit")
            if action["kind"] == "opening" and target and COLLEGIAL_BODY.match(target.value):
                continue  # «создан Совет руководителей»: a body was formed, nothing was opened
            inside = article.event_places(target.start, target.end + 1) if target else []  # «школу села Филипповка»
            place = inside[-1].value if inside else _place(article, s, e) or \
                (article.dateline_place() if (s, e) in article.lead_sentences else None)
            if whom:  # the people's place («с директорами школ Пудожа»), else where the text says the meeting was
                among = article.event_places(s + trigger.end(), s + trigger.end() + len(whom) + 2)
                located = any(located_at(article.text, p.start, s) for p in article.event_places(s, e))
                place = among[-1].value if among else place if located else _meeting_place(article, s, whom) or place
            date, stated = _date(article, s, e, s + trigger.start())
            continued = CONTINUATION.match(text) or action["kind"] == "visit" and DURING_TRIP.search(text)
            # a meeting told after a visit («Затем … посетил школу, где встретился с учителями») is on the visit's day
            previous = last.get(action["kind"]) or (last.get("visit") if whom else None)
            if not stated and continued and previous:
                if action["kind"] == "visit" and not target:
                    continue  # "Then they visited the building on … street": a stop of the trip told, not a trip
                date, stated = previous  # «Затем делегация посетила …»: the same trip and day
            if date:
                last[action["kind"]] = (date, stated)
            whole = _gathering(action, events, text, main_awarded) if not stated else None
            if action.get("once") and not stated and events and not whole:
                continue  # the article's own event already is the award ceremony
            if whole:  # «На конференции вручили педагогам награды»: a part of the gathering, on its day
                date, place = whole["date"], whole["place"] or place
            twin = None if own_kind or whole else \
                dated.get((action["type"], date)) or _undated_twin(events, action["type"], place)
            if twin and not twin["date"] and date and not (target and _plural(article, target)):
                twin["date"] = date  # «открыт школьный технопарк» (dated) and «состоялось открытие технопарка»
            if twin and (target or whom) and len(twin["name"].split()) < 3:  # «Встреча» → «Встреча с педагогами»
                twin["name"] = f"{action['name_' + article.lang]} {target.value if target else whom}"
                twin["action"] = _named_by(article, action, target, None)
            if twin and target and action["kind"] == "opening" and _network_centre(article, target):
                twin["_centre"] = target.value
            if not date and not whole or twin or target and _plural(article, target) or \
                    action.get("object") and not target:
                continue
            key = _key(action, target, place, date, stated, out, whom)
            if key in out and (out[key]["_target"] or not target) and (out[key]["_stated"] or not stated):
                if stated and len(date) > len(out[key]["date"]) and _compatible(date, out[key]["date"]):
                    out[key]["date"] = date  # «в 2023 году», then «в октябре 2023 года»: the more precise date
                continue
            label = action["name_" + article.lang]
            if action["kind"] == "award" and article.lang == "ru":
                label = _award_name(text, trigger) or label
            what = whom or ("" if whole or action.get("label_only") else target.value if target else (place or ""))
            out[key] = {"name": f"{label} {what}".strip(), "type": action["type"], "date": date, "place": place,
                        "participants": None, "_target": target is not None, "_stated": stated, "_action": True,
                        "_what": what}
            if tells_future(text, article.lang):  # «в Донецке откроют технопарк»: still to come
                out[key]["planned"] = True
            if label == action["name_" + article.lang]:  # not «Вручение ведомственных наград»
                out[key]["action"] = _named_by(article, action, *((target, place) if what else (None, None)))
            if whole:
                out[key]["parent"] = whole["name"]
            if target and action["kind"] in ("opening", "visit") and _network_centre(article, target):
                out[key]["_centre"] = target.value  # «открылся детский технопарк «Кванториум»»: one centre
    if any(e["_target"] for k, e in out.items() if k[0] == "visit"):  # «посетил одну из школ» and «школу № 39»
        out = {k: e for k, e in out.items() if k[0] != "visit" or e["_target"] or e["_what"]}
    trips = [e for k, e in out.items() if k[0] == "visit" and not e["_target"]]
    for k, e in out.items():  # «посетила Калужскую область», then «посетила детский сад»: a visit of that trip
        if k[0] == "visit" and e["_target"] and trips and trips[0]["date"] == e["date"]:
            e["parent"], e["parent_action"] = trips[0]["name"], trips[0].get("action")  # the trip may be dropped
    if any(e["_stated"] for k, e in out.items() if k[0] == "visit"):  # the headline's visit is the dated one
        out = {k: e for k, e in out.items() if k[0] != "visit" or e["_stated"]}
    told = [e for k, e in out.items() if k[0] == "opening" and e["_stated"]] + \
        [e for e in events if e["type"] == "opening" and e["date"]]
    out = {k: e for k, e in out.items() if not _retold_opening(k, e, told)}
    for event in out.values():
        for key in ("_target", "_stated", "_what"):
            event.pop(key)
    return list(out.values())
