"""Canonical labels a reader recognises, in Russian and English.

Russian: the nominative standard form («Кванториум (Владикавказ)», «ГБОУ СОШ № 608 (Кировский район,
Санкт-Петербург)»); English: built from kind, number and place ("Kvantorium Vladikavkaz", "School No. 551,
Kirovsky District, Saint Petersburg"), else the glossary wording (`english.english_name`), else the ontology
class and place. Transliteration is kept for personal and proper names only.

>>> date_text("2023-12-21", "en"), date_text("2023-12-21", "ru"), date_text("2024", "en")
('21 Dec 2023', '21 декабря 2023', '2024')
"""

from __future__ import annotations

import functools
import re

from .. import gazetteer
from ..extract.actions import actions
from ..extract.names import (PATRONYMIC_END, PROPER_ADJECTIVE, _name_words, _person_parts, _surname_before_given,
                             genitive_phrase, nominative_phrase)
from .english import english_name, quoted_name
from ..text import fold, lemma, parses
from .places import ancestors, place_record
from .records import ActionRecord, InitiativeRecord, Labels

KINDS = {  # organisation key type -> (Russian, English) kind words
    "school": ("Школа", "School"), "kvantorium": ("Кванториум", "Kvantorium"), "it-cube": ("IT-куб", "IT-cube"),
    "imc": ("Информационно-методический центр", "Methodological Centre"), "college": ("Колледж", "College"),
    "ddyut": ("Дворец детского и юношеского творчества", "Palace of Children's and Youth Creativity"),
    "university": ("Университет", "University"),
}
NETWORK_CENTRES = ("kvantorium", "it-cube")
SCHOOL_KINDS = [(r"лице[йяюе]|lyceum", "Lyceum"), (r"гимнази|gymnasium", "Gymnasium")]  # else the kind word
CLASS_EN = {
    "School": "School", "University": "University", "College": "College", "GovernmentBody": "Government body",
    "SupplementaryEducationCentre": "Supplementary education centre", "MethodologicalCentre": "Methodological centre",
    "Association": "Association", "Company": "Company", "Organisation": "Organisation",
}
EVENT_EN = {"conference": "Conference", "meeting": "Meeting", "forum": "Forum", "session": "Session",
            "competition": "Competition", "opening": "Opening", "other": "Event"}
MONTHS_EN = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
MONTHS_RU = ("января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split(),
             "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь".split())
QUOTED = re.compile(r"«[^»]*»")
CYRILLIC = re.compile("[А-Яа-яЁё]")
DANGLING = frozenset(  # words that cannot end a name: a name cut before its object («… технопарков под», "… and»),
    # before «из» («победителя одного [из конкурсов]»), or at the verb after it («Совещание были [подведены итоги]»)
    "и или а в во на по под для с со к ко о об от из за при перед and or into of for in on at to with by from the a "
    "одного одной одним одних был была было были".split())
BRACKETS = (("«", "»"), ("(", ")"))
PATRONYMIC = re.compile(r"[a-z](?:ovich|evich|ich|ovna|evna|ichna)$")  # a Russian patronymic in Latin letters


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def date_text(iso: str, lang: str) -> str:
    """A reader's date: "21 Dec 2023" / «21 декабря 2023», "Aug 2022" / «август 2022», "2024"."""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        month = MONTHS_EN[parts[1] - 1] if lang == "en" else MONTHS_RU[0][parts[1] - 1]
        return f"{parts[2]} {month} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS_EN[parts[1] - 1] if lang == 'en' else MONTHS_RU[1][parts[1] - 1]} {parts[0]}"
    return str(parts[0])


def place_chain(place_id: str | None) -> list[dict]:
    """A place and the places enclosing it up to its city (or federal subject): the part a reader needs."""
    chain = []
    for record in ancestors(place_record(place_id) if place_id else None):
        chain.append(record)
        if record["kind"] != "district":
            break
    return chain


def balanced(text: str, opening: str, closing: str) -> str:
    """`text` with each unmatched `closing` dropped and each unmatched `opening` closed at the end (one that opens
    the text is dropped instead).

    >>> balanced("Civic meeting «Leader", "«", "»"), balanced("Управления образования района»", "«", "»")
    ('Civic meeting «Leader»', 'Управления образования района')
    >>> balanced("(МОУ Романовской СОШ", "(", ")")
    'МОУ Романовской СОШ'
    """
    kept, depth = [], 0
    for char in text:
        if char == closing and not depth:
            continue
        depth += (char == opening) - (char == closing)
        kept.append(char)
    text = "".join(kept).strip()
    while depth and text.startswith(opening) and text.count(opening) == depth:  # all unmatched: no closing left
        text, depth = text[1:].strip(), depth - 1
    return text + closing * depth


def tidy(name: str) -> str:
    """A name a reader can read: words that cannot end it (prepositions, conjunctions, commas) dropped from its end,
    quotes and brackets balanced.

    >>> tidy("Единый Всероссийский день открытия детских технопарков под"), tidy("Детский сад № 69, и")
    ('Единый Всероссийский день открытия детских технопарков', 'Детский сад № 69')
    """
    words = name.split()
    while len(words) > 1 and (words[-1] in DANGLING or not re.search(r"\w|[»)]", words[-1])):
        words.pop()
    text = " ".join(words).rstrip(" ,;:-–—")
    for opening, closing in BRACKETS:
        text = balanced(text, opening, closing)
    return text


def _as_written(name: str, lang: str) -> Labels:
    """A name as the article writes it, transliterated for English when the article is Russian."""
    return Labels(ru=name, en=gazetteer.transliterate(name)) if lang == "ru" else Labels(en=name)


def person_labels(name: str, lang: str) -> Labels:
    """A person's name as the article gives it, transliterated for English. English news name a Russian by given
    name and surname, so the English form of a Russian article (the transliteration) is the one an English article
    gives without the patronymic: "Vladimir Vladimirovich Putin" is labelled "Vladimir Putin", as «Владимир Путин» is
    (the wording stays an altLabel).

    A Russian name with a patronymic, written either way («Ингрид Валерьевна Пильдес», «Мутина Елена
    Александровна»), keeps it in Russian and is given name + surname in English: "Yelena Mutina".

    >>> person_labels("Vladimir Vladimirovich Putin", "en").en, person_labels("Владимир Путин", "ru").en
    ('Vladimir Putin', 'Vladimir Putin')
    >>> person_labels("Мутина Елена Александровна", "ru"), person_labels("Ингрид Валерьевна Пильдес", "ru").en
    (Labels(ru='Мутина Елена Александровна', en='Yelena Mutina'), 'Ingrid Pildes')

    A Russian name written surname first before its initials or given name (a list of pupils or speakers) keeps
    that order in Russian and is given name (initials) + surname in English:

    >>> person_labels("Струговщикова Н.Ф.", "ru"), person_labels("Бурковский Максим", "ru").en
    (Labels(ru='Струговщикова Н.Ф.', en='N.F. Strugovshchikova'), 'Maksim Burkovsky')
    """
    words = name.split()
    if lang == "ru" and _surname_first(name):
        return Labels(ru=name, en=gazetteer.transliterate(" ".join([*words[1:], words[0]])))
    if len(words) != 3 or not all(word[:1].isupper() for word in words):
        return _as_written(name, lang)
    if lang == "en" and PATRONYMIC.search(words[1]):
        return Labels(en=f"{words[0]} {words[2]}")
    middle, last = (bool(PATRONYMIC_END.search(word)) for word in words[1:])
    if lang == "ru" and middle != last:  # «Имя Отчество Фамилия» or «Фамилия Имя Отчество»
        surname, (given, _) = _person_parts(words)
        return Labels(ru=name, en=gazetteer.transliterate(f"{given} {surname}"))
    return _as_written(name, lang)


INITIALS = re.compile(r"(?:[А-ЯЁ]\.\s?){1,2}")  # «Н.Ф.», «Е.»


def _surname_first(name: str) -> bool:
    """True for a Russian name written surname first: before initials only («Струговщикова Н.Ф.», «Зенченко В. А.»)
    or before a given name that the surname is not («Бурковский Максим», as `names.person_identity` reads it)."""
    words = name.split()
    if len(words) > 1 and all(INITIALS.fullmatch(word) for word in words[1:]):
        return True
    return _surname_before_given(_name_words(name))


def place_labels(name: str, lang: str) -> Labels:
    """Labels of a place the gazetteer lacks: its name, transliterated for English."""
    return _as_written(name, lang)


def programme_labels(name: str, lang: str) -> Labels:
    """Labels of a programme the gazetteer lacks: its name; in English by the glossary, else transliterated when
    every word is capitalised (a proper name), else none (a transliterated common noun is no English).

    >>> [programme_labels(n, "ru").en for n in ("Развитие образования", "ТехноАрт Чайковский", "Модернизация школ")]
    ['Development of education', 'TekhnoArt Chaykovsky', None]
    """
    if lang != "ru":
        return Labels(en=name)
    proper = all(word[:1].isupper() for word in name.split())
    return Labels(ru=name, en=english_name(name) or (gazetteer.transliterate(name) if proper else None))


def _proper_names(wording: str) -> str:
    """The quoted names of a Russian name in English («Точка роста» -> " «Point of Growth»")."""
    return "".join(f" {quoted_name(q)}" for q in QUOTED.findall(wording))


def place_english(ru: str | None, en: str) -> str:
    """The English name of a place in an organisation's label: a place the gazetteer lacks, whose English name is
    only its Russian transliterated, is worded by the glossary («Полысаевский городской округ»: "Polysayevsky Urban
    Okrug", not "Polysayevsky gorodskoy okrug").

    >>> place_english("Акушинский район", "Akushinsky rayon"), place_english("Москва", "Moscow")
    ('Akushinsky District', 'Moscow')
    """
    if not ru or en != gazetteer.transliterate(ru):
        return en
    return english_name(ru, title=True, spell=True) or en


def organisation_labels(wording: str, lang: str, key: str, place_ids: tuple[str, ...], cls: str) -> Labels:
    """Canonical labels of an organisation from its identity key, places and wording."""
    kind, _, rest = key.partition("|")
    number = rest.split("|")[0] if rest.split("|")[0].isdigit() else None
    chain = place_chain(place_ids[0] if place_ids else None)
    where_ru = ", ".join(r["ru"] for r in chain if r["ru"])  # a district named only in English has no Russian name
    where_en = ", ".join(place_english(r["ru"], r["en"]) for r in chain)
    if kind in KINDS and number:
        head = wording.split("№")[0].strip(" «»") if lang == "ru" and "№" in wording else KINDS[kind][0]
        head = head.replace("«", "") if head.count("«") > head.count("»") else head
        ru = f"{capitalised(nominative_name(head))} № {number}" + (f" ({where_ru})" if where_ru else "")
        kind_en = next((en for pattern, en in SCHOOL_KINDS if re.search(pattern, wording, re.I)), KINDS[kind][1])
        own = "".join(f"{gazetteer.transliterate(gazetteer.morph_adjective(word))} "
                      for word in own_adjectives(wording))
        return Labels(ru=ru, en=", ".join(filter(None, [f"{own}{kind_en} No. {number}", where_en])))
    if kind in NETWORK_CENTRES and chain:
        return Labels(ru=f"{KINDS[kind][0]} ({chain[-1]['ru']})", en=f"{KINDS[kind][1]} {chain[-1]['en']}")
    wording = unquoted(tidy(wording))
    if lang == "en":
        return Labels(en=english_numbers(wording))
    english = english_name(wording, title=True) or english_name(nominative_name(wording), title=True, spell=True)
    if english is None:
        english = f"{CLASS_EN.get(cls, 'Organisation')}{_proper_names(wording)}" + (f", {where_en}" if where_en else "")
    return Labels(ru=capitalised(nominative_name(wording)), en=english)


LEGAL_FORM = re.compile(r"(?:ф?г|м|ог)[бак]?(?:д?о)?у|моу|гоу|ано|ооо|оао|зао|пао")  # МБОУ, ФГАУ, ГБУ, АНО …
LEGAL_FORM_TAILS = frozenset({"во", "до", "дпо", "спо"})  # «ФГБОУ ВО», «МБУ ДО»: the level of education it runs


def nominative_name(name: str) -> str:
    """A Russian organisation's name in the nominative, after the legal form it opens with, which does not decline:
    «МОУ Романовской СОШ им. И.В. Серещенко» -> «МОУ Романовская СОШ им. И.В. Серещенко». A name whose first word
    after it may be a nominative singular already («МОУ М-Щербединская СОШ») is kept.

    >>> nominative_name("МБОУ средней образовательной школы"), nominative_name("РО профсоюза работников")
    ('МБОУ средняя образовательная школа', 'РО профсоюза работников')
    >>> nominative_name("МОУ М-Щербединская СОШ")
    'МОУ М-Щербединская СОШ'
    """
    words = name.split(" ")
    form = 0
    while form < len(words) - 1 and (LEGAL_FORM.fullmatch(words[form].lower()) or
                                     form and words[form].lower() in LEGAL_FORM_TAILS):
        form += 1
    if form and any(p.tag.case == "nomn" and p.tag.number == "sing" for p in parses(words[form].lower())):
        return name
    return " ".join(words[:form] + [nominative_phrase(" ".join(words[form:]))])


def unquoted(name: str) -> str:
    """A Russian name written whole inside quotes, in another case than the nominative, without them: the quotes were
    the sentence's, not the name's («директор «Фонда новых форм развития образования»»). A proper name in quotes
    («БелПресса»), already nominative, keeps them.

    >>> unquoted("«Фонда новых форм развития образования»"), unquoted("«БелПресса»")
    ('Фонд новых форм развития образования', '«БелПресса»')
    """
    inner = name[1:-1]
    if not (name.startswith("«") and name.endswith("»")) or "«" in inner or "»" in inner:
        return name
    return nominative_phrase(inner) if nominative_phrase(inner) != inner else name


NUMBER_MARK = re.compile(r"№|(?<![\w-])No\.?\s*\d", re.I)
KIND_ADJECTIVES = frozenset({"детский", "городской", "сельский", "советский", "российский", "кадетский"})  # a kind
PLACE_NOUN = re.compile(r"\s+(?:район|округ|област|кра[йяе]|республик)", re.I)


def own_adjectives(name: str) -> list[str]:
    """The lemmas of the proper adjectives before the number of a numbered organisation's name that name no place
    the gazetteer knows («Викуловская школа № 2»: "викуловский"): a part of its identity, not a word to drop.

    >>> own_adjectives("Викуловская школа №2"), own_adjectives("Казанская школа № 2"), own_adjectives("Детский сад № 2")
    (['викуловский'], [], [])
    >>> own_adjectives("Физико-математический лицей № 239"), own_adjectives("Детский технопарк «Кванториум»")
    ([], [])
    """
    parts = NUMBER_MARK.split(name)  # «… школа №2 имени Героя Советского Союза …»: after it, not its own
    found = (lemma(m.group().lower()) for m in PROPER_ADJECTIVE.finditer(parts[0])
             if not PLACE_NOUN.match(parts[0], m.end()))  # «Кировского района»: a place
    return sorted({word for word in found if not (word in KIND_ADJECTIVES or word.endswith("ческий") or
                                                  gazetteer.find_place(word))}) if len(parts) > 1 else []


def placed(names: Labels, where: Labels | None) -> Labels:
    """The labels of an organisation named without its place, with the place it was found in (an article's
    «Управление образования» is «Управление образования (Великие Луки)»), unless they give it already.

    >>> placed(Labels("Отдел образования", "Department of Education"), Labels("Гай", "Gay"))
    Labels(ru='Отдел образования (Гай)', en='Department of Education, Gay')
    """
    if where is None:
        return names
    where = Labels(ru=where.ru, en=place_english(where.ru, where.en) if where.en else where.en)
    ru = names.ru and (names.ru if where.ru and where.ru in names.ru else f"{names.ru} ({where.ru or where.en})")
    en = names.en and (names.en if where.en and where.en in names.en else f"{names.en}, {where.en or where.ru}")
    return Labels(ru=ru, en=en)


def is_generic(wording: str) -> bool:
    """True for an event name a reader cannot tell apart without a date («Совещание», «Стратегическая сессия»)."""
    words = wording.split()
    return not QUOTED.search(wording) and not any(w[:1].isupper() or w[:1].isdigit() for w in words[1:])


def genitive(phrase: str) -> str:
    """A noun phrase in the nominative put in the genitive (the object of «Открытие …», «Посещение …»); one in
    another case, or opening with an abbreviation, a quote or a number, is kept.

    >>> genitive("Курская область"), genitive("детский технопарк «Кванториум»"), genitive("новой школы")
    ('Курской области', 'детского технопарка «Кванториум»', 'новой школы')
    >>> genitive("МКОУ «Нагорская СОШ»")
    'МКОУ «Нагорская СОШ»'
    """
    first = phrase.split()[0] if phrase.split() else ""
    if not re.fullmatch(r"[А-ЯЁа-яё-]+", first) or (first.isupper() and len(first) > 1):
        return phrase
    nominative = any(p.tag.case == "nomn" for p in parses(first.lower()) if {"NOUN", "ADJF"} & set(p.tag.grammemes))
    return genitive_phrase(phrase) if nominative else phrase


def object_labels(action: ActionRecord, lang: str, place: Labels | None = None) -> Labels:
    """Labels of the object of an action, from what extraction knew of it: a centre network is a centre («Точка
    роста» -> «центр «Точка роста»», "«Point of Growth» centre"), a place its labels (an English article keeps its
    wording); otherwise the wording (English by the glossary, or its quoted proper names), a Russian one only from a
    Russian article."""
    name = action.wording or ""
    if action.network:
        network = gazetteer.initiative(action.network)
        return Labels(ru=f"центр «{network['ru']}»", en=f"«{network['en']}» centre")
    if action.place and action.place.known and lang == "en":
        return Labels(ru=action.place.labels.ru, en=name)
    if action.place and lang == "ru":
        return action.place.labels
    if lang == "en":
        return Labels(en=english_numbers(name))
    english = english_name(name) or _proper_names(name).strip() or None
    lowered = english and name[:1].islower() and not CYRILLIC.search(english)
    return Labels(ru=name, en=english[:1].lower() + english[1:] if lowered else english)


def action_labels(action: ActionRecord, lang: str, place: Labels | None) -> Labels | None:
    """Labels of an event named by an action of data/gazetteers/actions.yaml and its object: the Russian object in
    the genitive («Открытие центра «Точка роста»»), the English one from it ("Opening of «Point of Growth» centre");
    a visit without an object is named by its `place` ("Visit to Sochi"). None for an action whose name is its word
    alone (label_only), whose name the extractor wrote from the words after the trigger (with_whom: «Встреча с
    директорами школ Пудожа», which its object, a place, would make «Встреча с Пудожа») or that the gazetteer
    lacks: the event is then labelled by its wording."""
    named = next((a for a in actions() if a["kind"] == action.kind), None)
    if named is None or named.get("label_only") or named.get("with_whom"):
        return None
    target = object_labels(action, lang, place) if action.wording else place if named["kind"] == "visit" else None
    target = target or Labels()
    ru = target.ru and f"{named['name_ru']} {genitive(target.ru)}"
    return Labels(ru=ru or (named["name_ru"] if lang == "ru" else None),
                  en=tidy(f"{named['name_en']} {target.en or ''}"))


PLACE_BOUND_ACTIONS = ("opening", "visit")  # actions of data/gazetteers/actions.yaml that happen at one place


@functools.lru_cache(maxsize=1)
def _place_bound_names() -> tuple[str, ...]:
    """The words that begin the name of an opening or a visit («Открытие», "Visit to"), folded."""
    return tuple(fold(action[f"name_{lang}"]) + " " for action in actions() if action["kind"] in PLACE_BOUND_ACTIONS
                 for lang in ("ru", "en"))


def action_word(name: str, initiatives: tuple[InitiativeRecord, ...]) -> ActionRecord | None:
    """The action an event named by an opening's or a visit's word alone («Открытие», "Opening") is when it names one
    centre network: real_ru_c_03 «Открытие» of a «Точка роста», labelled «Открытие, 10 сентября 2020» before. None
    for any other event.

    >>> action_word("Открытие", (InitiativeRecord("kvantorium", "Кванториум"),))
    ActionRecord(kind='opening', wording='Кванториум', network='kvantorium', place=None)
    >>> action_word("Открытие школы", (InitiativeRecord("kvantorium", "Кванториум"),))
    """
    networks = [i.key for i in initiatives if (gazetteer.initiative(i.key) or {}).get("cls") == "CentreNetwork"]
    word = fold(name.strip())
    named = next((a for a in actions() if a["kind"] in PLACE_BOUND_ACTIONS and word in (
        fold(a["name_ru"]), fold(a["name_en"].split()[0]))), None)
    if not named or len(set(networks)) != 1:
        return None
    return ActionRecord(named["kind"], gazetteer.initiative(networks[0])["ru"], networks[0])


def place_bound(name: str, date: str | None) -> bool:
    """An opening or a visit («Открытие IT-куба») not dated to the day: two cities' openings of one year are two."""
    return not (date and len(date) == 10) and f"{fold(name)} ".startswith(_place_bound_names())  # «Открытие» too


def event_labels(wording: str, lang: str, kind: str | None, start: str | None, place: Labels | None = None,
                 action: ActionRecord | None = None) -> Labels:
    """Canonical labels of an event: by the `action` that names it (`action_labels`; a counted opening's is what
    it counts), else by its wording. A generic name (or an English label that could only give the kind, or
    an action's: «Посещение …») gets its date; `place` (the event's) names a visit whose object was not found. An
    opening or a visit not dated to the day, which `identity.event_key` keys with its place, is qualified by it unless
    its label names it already: two cities' openings of one year are «Открытие центра «IT-куб», Омск, 2019» and «…
    Миасс, 2019»."""
    action = action and action_labels(action, lang, place)
    wording = tidy(wording)
    if action:
        ru, en, generic = action.ru, action.en, True
    elif lang == "ru":
        ru = capitalised(wording)
        en = english_name(wording)
        generic = is_generic(wording) or en is None
        en = en or f"{EVENT_EN.get(kind or 'other', 'Event')}{_proper_names(wording)}"
    else:
        ru, en, generic = None, english_numbers(wording), is_generic(wording)
    if place and place_bound(wording, start):
        ru = ru and _with_place(ru, place.ru)
        en = _with_place(en, place.en)
    if start and generic:
        ru = ru and f"{ru}, {date_text(start, 'ru')}"
        en = f"{en}, {date_text(start, 'en')}"
    return Labels(ru=ru, en=en)


def _with_place(label: str, place: str | None) -> str:
    """`label`, then `place` unless the label names it already (each word in any case: «в Омске» names «Омск»,
    «Посещение Дрожжановского района» names «Дрожжановский район»).

    >>> _with_place("Открытие IT-куба", "Омск"), _with_place("Открытие школы в Омске", "Омск")
    ('Открытие IT-куба, Омск', 'Открытие школы в Омске')
    >>> _with_place("Посещение Дрожжановского района", "Дрожжановский район")
    'Посещение Дрожжановского района'
    """
    if not place or all(fold(word)[:max(4, len(word) - 2)] in fold(label) for word in place.split()):
        return label
    return f"{label}, {place}"


def english_numbers(name: str) -> str:
    """An English name's numbers written the English way ("gymnasium №180" -> "gymnasium No. 180")."""
    return re.sub(r"№\s*(?=\d)", "No. ", name)


def role_labels(role: dict, title: str, lang: str, known: bool) -> Labels:
    """A role of the gazetteer, or an unknown post title in the article's wording (English by the glossary)."""
    if known:
        return Labels(ru=role["ru"], en=role["en"])
    return Labels(ru=title, en=english_name(title)) if lang == "ru" else Labels(en=title)
