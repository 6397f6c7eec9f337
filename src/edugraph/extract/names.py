"""Name normalisation: persons to the nominative, organisation names to nominative and to matching keys."""

from __future__ import annotations

import functools
import os
import re
from difflib import SequenceMatcher

from edugraph import gazetteer
from edugraph.text import fold, lemma, parses

NAME_TAGS = {"Name", "Surn", "Patr"}
INITIALS = re.compile(r"^(?:[А-ЯЁA-Z]\.\s?){1,2}$")


def _network(ident: str) -> str:
    """The spellings of a centre network as one regex: the variants of its record in initiatives.yaml ("Kvantorium",
    "Quantorium", «IT-куб», "IT-kub"…)."""
    return "|".join(f"(?:{variant})" for variant in gazetteer.initiative(ident)["variants"])


_ORG_TYPES = [  # (type key, regex over the folded name) - the first match wins
    ("school", r"(?<!\w)(?:сош|оош|нош|школ\w*|гимнази\w*|лице\w*|school|gymnasium|lyceum|итш|sosh|oosh)(?!\w)"),
    ("kindergarten", r"детск\w*\s+сад|детсад|(?<!\w)(?:мб|мк|ма|г[бк]?)?доу(?!\w)|kindergarten"),
    # a bare «(детский) технопарк» refers back to a Kvantorium; one with a name of its own («Технопарк «Саров»»,
    # «Технопарк высоких технологий») is not one
    ("kvantorium", _network("kvantorium") + r"|технопарк\w*$"),
    ("it-cube", _network("it-cube")),
    ("imc", r"(?<!\w)имц(?!\w)|методическ\w* центр"),
    ("ddyut", r"ддют|дворец детского"),
    ("university", r"университет|university"),
    ("college", r"колледж|college"),
]
STOP_WORDS = {"и", "в", "во", "на", "по", "для", "с", "со", "из", "к", "о", "об", "от", "при", "имени", "им",
              "the", "of", "for", "and", "in", "at", "on", "a", "an", "to", "по", "№", "no", "г", "город", "city"}


def _case_word(original: str, new: str) -> str:
    """`new` with the capitalisation pattern of `original`."""
    if original.isupper() and len(original) > 1:
        return new.upper()
    if original[:1].isupper():
        return _hyphen_case(original, new[:1].upper() + new[1:])  # «Кирово-Чепецкая»
    return new


def _is_nominative_name(word: str, gender: str | None) -> bool:
    found = parses(word)
    declined = any(NAME_TAGS & set(p.tag.grammemes) and "Fixd" not in p.tag for p in found)
    return any(p.tag.case == "nomn" and p.tag.number != "plur" and NAME_TAGS & set(p.tag.grammemes)
               and not (declined and "Fixd" in p.tag)  # «Анне» is «Анна» declined before an indeclinable «Анне»
               and (gender is None or p.tag.gender in (gender, None) or "Ms-f" in p.tag) for p in found)


def _person_gender(words: list[str]) -> str | None:
    """Gender of a person: a first name in the nominative first («Сардана Павлова»), else the first word that
    parses as a first name or surname."""
    patronymic = [w for w in words if PATRONYMIC_END.search(w.lower())]
    if patronymic:  # «Петрова Людмила Анатольевна»: the patronymic tells the gender
        return "femn" if re.search(r"(?:на|ны|не|ну|ной)$", patronymic[0].lower()) else "masc"
    first = [p.tag.gender for p in parses(words[0]) if "Name" in p.tag and p.tag.case == "nomn"
             and p.tag.number == "sing" and p.tag.gender in ("masc", "femn")
             and p.score >= 0.05] if words else []  # not the rare «Дмитрия» (f.) of the genitive «Дмитрия»
    if len(set(first)) == 1:
        return first[0]
    for word in words:
        for parse in parses(word):
            if {"Name", "Surn"} & set(parse.tag.grammemes) and parse.tag.gender in ("masc", "femn"):
                return parse.tag.gender
    return None


MASC_SURNAME = re.compile(r"[А-ЯЁ][а-яё]+(?:ов|ев|ёв|ин|ын)$")
FEMN_SURNAME = re.compile(r"[А-ЯЁ][а-яё]+(?:ова|ева|ёва|ина|ына)$")
FEMN_OBLIQUE = re.compile(r"(?<=[А-ЯЁ][а-яё])([а-яё]*(?:ов|ев|ёв|ин|ын))(?:ой|ою|у)$")  # «Кирсанкиной» → «Кирсанкина»


def _nominative_name_word(word: str, gender: str | None) -> str:
    if re.search(r"[иы]х$", word) or gender == "femn" and re.search(r"[бвгджзклмнпрстфхцчшщ]$", word):
        return word  # «Плесовских», «Комарских», a woman's «Стефаник»: these surnames do not decline
    if INITIALS.match(word) or not re.search("[а-яё]", word, re.I) or _is_nominative_name(word, gender):
        return word
    if gender == "masc" and MASC_SURNAME.fullmatch(word) or gender == "femn" and FEMN_SURNAME.fullmatch(word):
        return word  # «Хасанов», «Павлова»: already a nominative surname of that gender
    if gender == "femn" and FEMN_OBLIQUE.search(word) and not _is_nominative_name(word, None):
        return FEMN_OBLIQUE.sub(r"\1а", word)  # a surname the dictionary does not know
    for parse in sorted(parses(word), key=lambda p: "Fixd" in p.tag):  # the declined «Анна» before «Анне»
        if NAME_TAGS & set(parse.tag.grammemes) and (gender is None or parse.tag.gender in (gender, None)):
            form = parse.inflect({"nomn", "sing"} | ({gender} if gender and "Surn" in parse.tag else set()))
            if form:
                return _case_word(word, form.word)
    return word


# a man's surname in -а declines like a noun: «Шапша», instrumental «Шапшой» (not adjectival «-ской», «-цкой»)
MASC_A_INSTRUMENTAL = re.compile(r"(?<=[а-яё]{2})(?<![сц]к)(?<![оыи])ой$")


def _instrumental_first_name(word: str) -> bool:
    """«Владиславом»: the word parses only as a first name in the instrumental."""
    found = [p for p in parses(word) if "Name" in p.tag]
    return bool(found) and all(p.tag.case == "ablt" for p in found)


@functools.lru_cache(maxsize=16384)
def normalise_person(name: str, nominative: bool = False, cases: frozenset[str] = frozenset()) -> str:
    """Nominative full name as given: «Веры Князевой» → «Вера Князева»; «Сизова М.Б.» stays as written. A name
    known to stand in the nominative (`nominative`) with a woman's surname is a woman's, her given name as written
    («Раджана Дымбрылова», not the genitive of «Раджан Дымбрылов»); one known to stand in an oblique case (`cases`,
    those of the title before it: «Губернатора … Александра Авдеева», «главы района А. Кузьмина») has the gender
    of its reading in that case («Александр Авдеев», «А. Кузьмин»)."""
    words = re.sub(r"\s+", " ", name or "").strip().split(" ")
    words = [w for w in re.split(r"\s+|(?<=\.)(?=[А-ЯЁA-Z])", " ".join(words)) if w]
    full = [w for w in words if not INITIALS.match(w)]
    gender = _person_gender(full) if len(full) > 1 else None  # «Сизова М.Б.»: gender unknown, keep as written
    gender = _oblique_gender(full, cases) or gender
    if nominative and len(full) > 1 and not any(PATRONYMIC_END.search(w.lower()) for w in full) and \
            any(_femn_surname(w) for w in full):
        gender = "femn"
    if any(re.search(r"[а-яё](?:ов|ев|ёв|ин|ын)ой$", w) for w in full) or not cases and _woman_surname_first(full):
        gender = "femn"  # «Ю. В. Медовой», «Алине Кирсанкиной»: only a woman's surname ends so (an oblique case)
    out = [_nominative_name_word(w, gender) for w in words]
    if gender == "masc" and any(_instrumental_first_name(w) for w in full[:1]):
        out = [MASC_A_INSTRUMENTAL.sub("а", w) if w in full[1:] and not _is_nominative_name(w, None) else w
               for w in out]  # «с губернатором Владиславом Шапшой» → «Владислав Шапша»
    text = " ".join(out)
    return re.sub(r"(?<=\.) (?=[А-ЯЁA-Z]\.)", "", text)


def _femn_surname(word: str) -> bool:
    """«Князева», «Ивина», «Вольская»: a word shaped as a woman's surname in the nominative."""
    return bool(FEMN_SURNAME.fullmatch(word) or re.fullmatch(r"[А-ЯЁ][а-яё]+[сц]кая", word))


def _woman_surname_first(full: list[str]) -> bool:
    """«Суслова Юлия», «Васенина Валерия»: a woman's surname, then a woman's given name in the nominative — the
    order of pupils' and award lists, which stand in the nominative (not the genitive of «Юлий Суслов»)."""
    if len(full) != 2 or not _femn_surname(full[0]):
        return False
    if any("Name" in p.tag for p in parses(full[0])):
        return False  # «Марина Ивина»: the given name comes first
    return any("Name" in p.tag and p.tag.case == "nomn" and p.tag.gender == "femn" and p.tag.number == "sing"
               for p in parses(full[1]))


def _oblique_gender(full: list[str], cases: frozenset[str]) -> str | None:
    """The one gender of a name's first full word (a given name, else the surname) read in one of `cases`; None when
    it has no such reading («Ольга» is no genitive) or both («Саши»)."""
    if not cases or not full:
        return None
    tag = "Name" if len(full) > 1 else "Surn"
    genders = {p.tag.gender for p in parses(full[0]) if tag in p.tag and p.tag.case in cases
               and p.tag.number == "sing" and p.tag.gender in ("masc", "femn")}
    return genders.pop() if len(genders) == 1 else None


PATRONYMIC_END = re.compile(r"(?:ович|евич|ьич|овна|евна|ична|инична|ovich|evich|ovna|evna)$")


def _person_parts(words: list[str]) -> tuple[str, list[str]]:
    """(surname, the other words in order: given name, patronymic) of a person's name split into words: the
    surname comes last («Сергей Кравцов», «С. С. Кравцов») or first before initials («Сизова М.Б.») or before a
    given name and patronymic («Арутюнян Татьяна Семеновна»)."""
    initial_first = len(words) > 1 and len(words[0]) == 1
    surname_first = len(words) > 1 and all(len(w) == 1 for w in words[1:])
    if not initial_first and (surname_first or len(words) == 3 and PATRONYMIC_END.search(words[2])):
        return words[0], words[1:]
    return words[-1], words[:-1]


def _name_words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s.]+", fold(name)) if w]


def person_key(name: str) -> str:
    """Surname + first initial: the loose key that merges the mentions of one article («С. Кравцов» with «Сергей
    Кравцов») and compares persons in evaluation; the identity across articles is `person_identity`."""
    words = _name_words(name)
    if not words:
        return ""
    surname, rest = _person_parts(words)
    return f"{surname} {rest[0][0]}" if rest else f"{surname} {surname[0]}"


SPELLING_RULES = [(re.compile(pattern), replacement) for pattern, replacement in (  # in this order
    (r"x", "ks"),  # Alexey = Aleksey
    (r"j", "y"),  # Julia = Yulia, Tatjana = Tatyana
    (r"(?<![kzscg])h", "kh"),  # Hadiullin = Khadiullin
    (r"(?<=[aeou])y(?=[^aeiouy])", "i"),  # Aysen = Aisen, Shoygu = Shoigu, Zaytsev = Zaitsev
    (r"(?:iy|ii|yi|i)$", "y"),  # Dmitri = Dmitriy = Dmitrii = Dmitry, Sergei = Sergey; -ski = -skiy = -sky
    (r"y[eo]", "e"),  # Yevgeny = Evgeny, Nikolayev = Nikolaev, Fyodor = Fedor, Vorobyov = Vorobyev = Vorobev
    (r"(?<=[^aeiouy])ya|iya", "ia"),  # Natalya = Natalia = Nataliya, Tatyana = Tatiana
    (r"(?<=[^aeiouy])y(?=i)", ""),  # Ilyina = Ilina
    (r"(?<=and)er$|(?<=pet)er$", "r"),  # Alexander = Aleksandr, Peter = Petr
)]


@functools.lru_cache(maxsize=16384)
def spelling_key(word: str) -> str:
    """One form for the Russian and Latin spellings of a name word (each part of a hyphenated one): the one place
    where transliteration variants are told equal.

    >>> [spelling_key(w) for w in ("Воробьёв", "Vorobyov", "Vorobyev", "Сергей", "Sergei", "Aisen", "Айсен")]
    ['vorobev', 'vorobev', 'vorobev', 'sergey', 'sergey', 'aisen', 'aisen']
    >>> [spelling_key(w) for w in ("Alexander", "Наталья", "Nataliya", "Yuri", "Юрий", "Хож-Бауди")]
    ['aleksandr', 'natalia', 'natalia', 'yury', 'yury', 'khozh-baudy']
    """
    parts = []
    for part in gazetteer.slug(fold(word)).split("-"):
        for pattern, replacement in SPELLING_RULES:
            part = pattern.sub(replacement, part)
        parts.append(part)
    return "-".join(p for p in parts if p) or gazetteer.slug(word)


def _initial(word: str) -> str:
    """The Latin spelling of an initial as written («Ю» → yu, «С» → s)."""
    return gazetteer.slug(word[:1])


def _surname_before_given(words: list[str]) -> bool:
    """«Суслов Юлий»: two Russian words, the second a given name and the first none (the surname first)."""
    if len(words) != 2 or not all(re.fullmatch(r"[а-яё-]+", w) for w in words):
        return False
    return not _given_name(words[0]) and _given_name(words[1])


def _given_name(word: str) -> bool:
    return any("Name" in p.tag and p.tag.case == "nomn" and p.score >= 0.3 for p in parses(word))


@functools.lru_cache(maxsize=16384)
def person_identity(name: str) -> str:
    """The identity of a person across articles and languages: surname + given name, each by `spelling_key`
    («Сергей Кравцов» = "Sergei Kravtsov"), so that two given names stay two persons; when only initials are
    written, surname + initials («А. М. Воробьёв»: a different patronymic initial, a different person), unless a
    public person of data/gazetteers/public_persons.yaml has that surname and both initials («С. С. Кравцов» =
    «Сергей Кравцов»). A patronymic other than the public person's of that name tells a namesake apart.

    >>> person_identity("С. С. Кравцов") == person_identity("Sergey Kravtsov") == person_identity("Кравцов Сергей")
    True
    >>> person_identity("Айсен Николаев"), person_identity("Александр Николаев"), person_identity("А. М. Воробьёв")
    ('nikolaev aisen', 'nikolaev aleksandr', 'vorobev a m')
    """
    words = _name_words(name)
    if not words:
        return ""
    if _surname_before_given(words):
        words = words[::-1]
    surname, rest = _person_parts(words)
    surname = spelling_key(surname)
    if not rest:
        return surname
    given, patronymic = rest[0], (rest[1:] or [""])[0]
    initials = " ".join(_initial(w) for w in rest[:2])
    if len(given) == 1:
        return _public_persons()["initials"].get((surname, initials), f"{surname} {initials}")
    key = f"{surname} {spelling_key(given)}"
    known = _public_persons()["patronymic"].get(key)
    return f"{key} {_initial(patronymic)}" if patronymic and known and known != _initial(patronymic) else key


@functools.lru_cache(maxsize=1)
def _public_persons() -> dict[str, dict]:
    """The public persons' identities by surname + initials, and their patronymic initials by identity."""
    by_initials, patronymics = {}, {}
    for line in gazetteer.load("public_persons")["persons"]:
        surname, given, patronymic = fold(line).split()
        key = f"{spelling_key(surname)} {spelling_key(given)}"
        by_initials[(spelling_key(surname), f"{_initial(given)} {_initial(patronymic)}")] = key
        patronymics[key] = _initial(patronymic)
    return {"initials": by_initials, "patronymic": patronymics}


# ---------------------------------------------------------------- organisations

ORG_TAIL = re.compile(  # what follows a name without being part of it
    r"\s+(?:в|во|на)\s+(?:[А-ЯЁ][а-яё-]+\s+)?(?:област\w*|кра[еяю]\w*|республик\w*|округ\w*|район\w*|город\w*|г\.)"
    r"(?:\s+[А-ЯЁ][\w-]+)?$"  # «… в Тюменской области»
    r"|\s+(?:в|во|из)\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]*)*$"  # «… в Москве», «… в Улан-Удэ», «… из Казани»
    r"|\s+(?:по|при)\s+(?:инициативе|поручению|приглашению|словам|данным|поддержке|участии|содействии)\b.*$"
    r"|(?:(?<=ОШ)|(?<=СШ)|(?<=»))\s+(?:с|со|по)\s+(?!углубл|изучени|ограниченн)[а-яё]+(?:ой|ом|ем|ей|ами|у|е)\s.*$")
# (the last but one: «… по инициативе губернатора …», «… при поддержке Фонда …»; the last: a school's name ends at
# its abbreviation or quoted name, what follows with «с»/«по» is what was told of it: «МБОУ Кощинской СШ с защитой
# проекта …», «МБДОУ д/с «Солнышко» с представлением материалов …»; not «… с углублённым изучением …»)


def trim_org_tail(value: str) -> str:
    """An organisation name without a trailing location or circumstance: «гимназия № 53 в Пензенской области»
    → «гимназия № 53»; «Технопарк «Саров» по инициативе губернатора …» → «Технопарк «Саров»»; «школа …,
    Исламская Республика Иран» → «школа …» (a place after a comma)."""
    value = _before_clause(value)
    if value.startswith("("):  # «учитель (МОУ … СОШ им. И.В. Серещенко).»: the organisation in brackets
        value = value[1:].rstrip(" .;,").removesuffix(")")
    after_comma = re.search(r",\s+([А-ЯЁA-Z][^,]*)$", value)
    if after_comma and gazetteer.find_place(after_comma.group(1).rstrip(" .;")):
        value = value[:after_comma.start()]
    return ORG_TAIL.sub("", value)


CLAUSE_WORD = re.compile(r"\s*(?:котор[а-яё]+|где|куда|когда|чтобы|что)(?![\w-])|\s*(?:и|а|но)\s*$")


def _before_clause(value: str) -> str:
    """An organisation name ends at a comma that opens a clause: a relative word («, которые ознакомили …»), a
    finite verb before the next comma (««IT-куб» , рассказала родителям …») or a dangling conjunction («детский
    сад № 69, и»); a comma inside a name («образования, науки и молодёжной политики») is kept.

    >>> _before_clause("МУ «Методический центр» , которые ознакомили присутствующих")
    'МУ «Методический центр»'
    >>> _before_clause("Министерство образования, науки и молодежной политики Республики Коми")
    'Министерство образования, науки и молодежной политики Республики Коми'
    """
    parts = re.split(r"(\s*,)", value)  # name, comma, clause, comma, clause …
    for i in range(2, len(parts), 2):
        if CLAUSE_WORD.match(parts[i]) or any(_finite_verb(w) for w in re.findall(r"[а-яё]+", parts[i])):
            return "".join(parts[:i - 1])
    return value


def _finite_verb(word: str) -> bool:
    """«рассказала», «ознакомили»: the word's likeliest reading is a finite verb."""
    best = parses(word)[0]
    return best.tag.POS == "VERB" and best.score >= 0.5


def genitive_phrase(name: str) -> str:
    """A nominative place name in the genitive, the words up to its head noun declined.

    >>> genitive_phrase("Саратовская область"), genitive_phrase("Кирово-Чепецкий район")
    ('Саратовской области', 'Кирово-Чепецкого района')
    """
    out, words = [], name.split()
    for i, word in enumerate(words):
        parse = parses(word.lower())[0]
        form = parse.inflect({"gent"}) if {"NOUN", "ADJF"} & set(parse.tag.grammemes) else None
        out.append(_hyphen_case(word, form.word) if form else word)
        if "NOUN" in parse.tag:
            return " ".join(out + words[i + 1:])
    return " ".join(out)


def _hyphen_case(original: str, new: str) -> str:
    """`new` capitalised like `original`, part by part across hyphens («Кирово-Чепецкий» → «Кирово-Чепецкого»)."""
    old_parts, new_parts = original.split("-"), new.split("-")
    if len(old_parts) != len(new_parts):
        return new.capitalize() if original[:1].isupper() else new
    return "-".join(n.capitalize() if o[:1].isupper() else n for o, n in zip(old_parts, new_parts))


@functools.lru_cache(maxsize=16384)
def nominative_phrase(phrase: str, compound: bool = True) -> str:
    """Put the head of a Russian noun phrase in the nominative: leading adjectives and the first noun
    (and a quoted name right after leading adjectives) are inflected, the genitive tail is kept; with `compound`, so
    is the second part of a dashed compound («начальной школы - детского сада» → «начальная школа - детский сад»)."""
    tokens = re.findall(r"«[^»]*»|\S+", phrase.strip())
    out, (gender, number) = [], _head_agreement(tokens)
    for i, token in enumerate(tokens):
        bare = token.strip("«»,")
        if re.fullmatch(r"[IVXLC]+|\d+", bare) and not out:
            out.append(token)
            continue
        if not re.fullmatch(r"[а-яёА-ЯЁ-]+", bare) or (bare.isupper() and len(bare) > 1) or \
                fold(bare) in _abbreviations() or re.search(r"[а-яё][А-ЯЁ]", bare):
            out.extend(tokens[i:])  # («Минпросвещения России», «НовГУ», «КубГУ» do not decline)
            break
        parse = _best_parse(bare, bare.islower())  # a lower-case word names no person
        if parse is not None and "NOUN" in parse.tag and i + 1 < len(tokens):
            parse = _adjective_before_noun(bare, tokens[i + 1].strip("«»,")) or parse
        if parse is None:
            out.extend(tokens[i:])
            break
        if "NOUN" in parse.tag:
            number = parse.tag.number or "sing"
            out.append(token.replace(bare, _case_word(bare, _inflect(parse, {"nomn", number}))))
            tail = tokens[i + 1:]
            if compound and len(tail) > 1 and tail[0] in ("-", "–", "—") and _common_word(tail[1]):
                tail = [tail[0], nominative_phrase(" ".join(tail[1:]), compound=False)]  # one dash, not a chain
            out.extend(tail)
            break
        wanted = {"nomn", number} | ({gender} if gender and number == "sing" else set())
        out.append(token.replace(bare, _case_word(bare, _inflect(parse, wanted))))
    return " ".join(out)


def _adjective_before_noun(word: str, following: str):
    """The adjective reading of a word read first as a noun when the next word is a noun in that case («Главного
    управления»: главное is also a noun), else None."""
    if not re.fullmatch(r"[а-яёА-ЯЁ-]+", following):
        return None
    cases = {p.tag.case for p in parses(following.lower()) if "NOUN" in p.tag}
    return next((p for p in parses(word.lower()) if "ADJF" in p.tag and p.tag.case in cases), None)


def _common_word(word: str) -> bool:
    """A Russian noun or adjective that is no place or person name («детского», «Центра», not «Югры»)."""
    parse = _best_parse(word.lower()) if re.fullmatch(r"[а-яёА-ЯЁ]+", word) else None
    return parse is not None and not {"Geox", "Name", "Surn"} & set(parse.tag.grammemes)


def _head_agreement(tokens: list[str]) -> tuple[str | None, str]:
    """(gender, number) of the first noun of a phrase, for adjective agreement."""
    for i, token in enumerate(tokens):
        bare = token.strip("«»,")
        parse = _best_parse(bare, bare.islower()) if re.fullmatch(r"[а-яёА-ЯЁ-]+", bare) else None
        if parse is None:
            break
        adjective = i + 1 < len(tokens) and _adjective_before_noun(bare, tokens[i + 1].strip("«»,"))
        if "NOUN" in parse.tag and not adjective:
            return parse.tag.gender, parse.tag.number or "sing"
    return None, "sing"


@functools.lru_cache(maxsize=16384)
def _best_parse(word: str, common: bool = False):
    """The parse to inflect `word` by (an oblique case first); with `common`, no first name or surname when the word
    has another reading («викторина» is no genitive of «Викторин»)."""
    found = [p for p in parses(word) if {"NOUN", "ADJF", "PRTF"} & set(p.tag.grammemes)]
    if common:
        found = [p for p in found if not NAME_TAGS & set(p.tag.grammemes)] or found
    oblique = [p for p in found if p.tag.case in ("gent", "datv", "ablt", "loct", "accs", "nomn")]
    return (oblique or found or [None])[0]


def _inflect(parse, grammemes: set[str]) -> str:
    """The word in the wanted form, on its own stem: «Высшей» → «высшая», not another degree of the lexeme
    («высочайшая»)."""
    form = parse.inflect(grammemes) or parse.inflect({"nomn"})
    shared = lambda f: len(os.path.commonprefix([f.word, parse.word]))  # noqa: E731
    if form and "ADJF" in parse.tag and shared(form) < len(parse.word) - 2:
        form = max((f for f in parse.lexeme if grammemes <= set(f.tag.grammemes)), key=shared, default=form)
    return form.word if form else parse.word


def _org_number(folded: str) -> str | None:
    match = re.search(r"(?:№|#|no\.?|number|n)\s*(\d+)", folded)  # "School #5", "school number 5" too
    return match.group(1) if match else None


@functools.lru_cache(maxsize=16384)
def _org_place(name: str) -> str | None:
    """Id of the most specific place named in an organisation name."""
    found = None
    words = re.findall(r"[\w.-]+", name)
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            chunk = " ".join(words[i:i + size])
            if not re.match(r"[А-ЯЁA-Z]", chunk) and size > 1:
                continue
            record = gazetteer.find_place(chunk)
            if record and (found is None or record["kind"] in ("district", "city") and found["kind"] != "district"):
                found = record
    return found["id"] if found else None


@functools.lru_cache(maxsize=1)
def _abbreviations() -> dict[str, list[str]]:
    """Contracted body names and their words (data/gazetteers/organisation_words.yaml `ru_abbreviations`)."""
    table = gazetteer.load("organisation_words")["ru_abbreviations"]
    return {fold(short): fold(full).split() for short, full in table.items()}


@functools.lru_cache(maxsize=16384)
def main_words(name: str) -> frozenset[str]:
    """Content-word lemmas of a name (stop words and digits removed; «Минпросвещения» stands for «Министерство
    просвещения»; a listed institution's short name, as a whole name, for its full name).

    >>> sorted(main_words("Минпросвещения России")) == sorted(main_words("Министерство просвещения России"))
    True
    >>> main_words("ВолгГТУ") == main_words("Волгоградский государственный технический университет")
    True
    """
    full, _ = gazetteer.institution_index().get(fold(name), (None, None))
    if full and fold(full) != fold(name):
        return main_words(full)
    words = [part for w in re.findall(r"[\w-]+", fold(name)) for part in _abbreviations().get(w, [w])]
    lemmas = _one_country_word([lemma(w) for w in words if w not in STOP_WORDS and len(w) > 1 and not w.isdigit()])
    return frozenset(lemmas)


@functools.lru_cache(maxsize=1)
def _country_names() -> dict[tuple[str, ...], str]:
    """Lemma sequences naming the country, each with its key word (organisation_words.yaml `country_names`)."""
    table = gazetteer.load("organisation_words")["country_names"]
    return {tuple(lemma(w) for w in fold(phrase).split()): key for key, phrases in table.items() for phrase in phrases}


def _one_country_word(lemmas: list[str]) -> list[str]:
    """The lemmas with every name of the country («рф», «российский федерация», "russian federation") replaced by
    one key word.

    >>> _one_country_word(["министерство", "просвещение", "российский", "федерация"])
    ['министерство', 'просвещение', 'россия']
    >>> _one_country_word(["российский", "движение"])
    ['российский', 'движение']
    """
    out, i = [], 0
    while i < len(lemmas):
        for size in (2, 1):
            key = _country_names().get(tuple(lemmas[i:i + size]))
            if key:
                out.append(key)
                i += size
                break
        else:
            out.append(lemmas[i])
            i += 1
    return out


@functools.lru_cache(maxsize=16384)
def organisation_key(name: str) -> str:
    """Matching key for an organisation: "type|number|place" when the name has a type and a number,
    otherwise "type|place|words…" or the sorted main-word lemmas."""
    folded = fold(name)
    org_type = next((key for key, pattern in _ORG_TYPES if re.search(pattern, folded)), None)
    number = _org_number(folded)
    if org_type and number:
        return f"{org_type}|{number}"
    if org_type in ("kvantorium", "it-cube"):
        return f"{org_type}|{_org_place(name) or ''}"
    return " ".join(sorted(main_words(name)))


@functools.lru_cache(maxsize=16384)
def same_organisation(a: str, b: str) -> bool:
    """True when two names denote one organisation: equal keys, or main words overlapping by 60 % or more."""
    key_a, key_b = organisation_key(a), organisation_key(b)
    if key_a == key_b:
        return True
    row_a, row_b = gazetteer.institution_index().get(fold(a)), gazetteer.institution_index().get(fold(b))
    if row_a and row_b:  # two listed institutions: "Russian Academy of Education" is not "… of Sciences"
        return row_a[1] == row_b[1]
    if "|" in key_a and "|" in key_b:
        type_a, place_a = key_a.split("|", 1)
        type_b, place_b = key_b.split("|", 1)
        return type_a == type_b and not (place_a and place_b) and not (place_a + place_b).isdigit()
    words_a, words_b = main_words(a) - _place_words(a), main_words(b) - _place_words(b)
    if not words_a or not words_b or _different_places(a, b) or _different_quoted_names(a, b) or \
            _unit_and_body(a, b) or _unit_and_body(b, a) or _numbered_and_named(a, b) or _numbered_and_named(b, a) or \
            _different_proper_adjectives(a, b):
        return False
    return len(words_a & words_b) / min(len(words_a), len(words_b)) >= 0.6 and \
        len(words_a & words_b) / max(len(words_a), len(words_b)) >= 0.5


QUOTED_PROPER = re.compile(r"«[^«»]*»")


def _quoted_proper_words(name: str) -> set[str]:
    """Lemmas of the capitalised, not all-capital words inside the quotes of a name («Нагорская» of «МКОУ «Нагорская
    СОШ»»), hyphenated parts apart («Кванториум-НЭЛ» → кванториум, нэл)."""
    quoted = " ".join(QUOTED_PROPER.findall(name))
    return {lemma(part.lower()) for w in re.findall(r"[А-ЯЁA-Z][\w-]*", quoted) if not w.isupper()
            for part in w.split("-") if len(part) > 1}


SINGULAR_ENDING = r"(?:ая|ий|ой|ое|ого|ую|ей|ом)"  # of a place adjective («Репинская», «Репинской», «Репинскую» …)
ADJECTIVE_ENDING = SINGULAR_ENDING[:-1] + r"|ие|их|им|ими)"  # and plural («Радьковские школы»)
# a place adjective anywhere in a name, singular (`_numbered_and_named`, `resolve.labels`); `PLACE_ADJECTIVE` below
# also reads hyphenated capitals and plurals and leaves out a district's
PROPER_ADJECTIVE = re.compile(r"(?<![\w-])[А-ЯЁ][а-яё-]+(?:ск|цк)" + SINGULAR_ENDING + r"(?![\w-])")


def _numbered_and_named(a: str, b: str) -> bool:
    """«школа № 10» and «Репинская школа», "school No. 5" and "school «Harmony»": one organisation named by its
    number, the other by a proper name (a quoted name, a place adjective) that the numbered one lacks.

    >>> _numbered_and_named("школа № 10", "Репинская школа")
    True
    >>> _numbered_and_named("Лежневская школа № 10", "Лежневская школа")
    False
    """
    if not _org_number(fold(a)) or _org_number(fold(b)):
        return False
    proper = _quoted_proper_words(b) | {lemma(w.lower()) for w in PROPER_ADJECTIVE.findall(b)}
    return bool(proper - main_words(a))


DISTRICT_NOUN = r"(?:района|район|округа|округ)(?!\w)"
PLACE_ADJECTIVE = re.compile(r"(?<![\w-])[А-ЯЁ][а-яё]*(?:-[А-ЯЁа-яё][а-яё]*)*(?:ск|цк)"
                             + ADJECTIVE_ENDING + r"(?![\w-])(?!\s+" + DISTRICT_NOUN + ")")


MAX_ADJECTIVE_STEMS = 8  # a name's first ones are compared for a misspelling: that is quadratic; names carry 1–2


@functools.lru_cache(maxsize=16384)
def _proper_adjective_stems(name: str) -> tuple[str, ...]:
    """Stems of the place adjectives of a name outside its quotes and not of a district («Осиновск» of «МОУ
    Осиновская СОШ», not «Прохоровск» of «Прохоровского района», which `_district_words` compares), in any case
    and number, each once in the order of the name."""
    bare = QUOTED_PROPER.sub(" ", name)
    stems = dict.fromkeys(re.sub(ADJECTIVE_ENDING + "$", "", w.lower()) for w in PLACE_ADJECTIVE.findall(bare))
    return tuple(stems)


def _different_proper_adjectives(a: str, b: str) -> bool:
    """«МОУ Осиновская СОШ» vs «МОУ М-Щербединская СОШ», «Новогоркинская школа» vs «Шилыковская средняя школа»: two
    names told apart by their place adjectives, no one of which they share.

    >>> _different_proper_adjectives("Радьковская школа", "Радьковские школы Прохоровского района")
    False
    """
    stems_a, stems_b = _proper_adjective_stems(a), _proper_adjective_stems(b)
    if not stems_a or not stems_b or set(stems_a) & set(stems_b):
        return False
    return not _any_alike(stems_a[:MAX_ADJECTIVE_STEMS], stems_b[:MAX_ADJECTIVE_STEMS])


def _any_alike(words_a, words_b) -> bool:
    """Whether a word of one list is alike a word of the other (a misspelling: «Кирвоского» and «Кировского»), in
    either order: `SequenceMatcher` ratio ≥ 0.8 of the two sorted."""
    return any(SequenceMatcher(None, *sorted((x, y))).ratio() >= 0.8 for x in words_a for y in words_b)


def _different_quoted_names(a: str, b: str) -> bool:
    """«МКОУ «Нагорская СОШ»» vs «МКОУ «Раскатихинская СОШ»»: two quoted proper names with no word in common."""
    words_a, words_b = _quoted_proper_words(a), _quoted_proper_words(b)
    return bool(words_a and words_b and not words_a & words_b)


UNIT_HEADS = {"отдел", "управление", "комитет", "департамент", "сектор", "коллегия", "department", "committee"}
BODY_HEADS = {"администрация", "правительство", "министерство", "дума", "собрание", "мэрия", "administration",
              "government", "ministry"}


def _unit_and_body(a: str, b: str) -> bool:
    """«Отдел образования Администрации X района» and «Администрация X района»: a unit and the body it belongs to."""
    heads_a, heads_b = ({lemma(w) for w in fold(n).split()[:2]} for n in (a, b))  # «Государственная Дума»
    return bool(heads_a & UNIT_HEADS and heads_b & BODY_HEADS)


def _different_places(a: str, b: str) -> bool:
    """«… школа» Беловского района vs «… школа» Глушковского района: located in two places, neither inside the other."""
    district_a, district_b = _district_words(a), _district_words(b)
    if district_a and district_b and not _any_alike(district_a, district_b):
        return True  # (a misspelt «Кирвоского» still matches «Кировского»)
    place_a, place_b = _org_place(a), _org_place(b)
    if FEDERAL.search(a) and place_b not in (None, "russia") or FEDERAL.search(b) and place_a not in (None, "russia"):
        return True  # «Министерство образования РФ» and «Министерство образования Кировской области»
    if not place_a or not place_b or place_a == place_b:
        return False
    return place_a not in _ancestors(place_b) and place_b not in _ancestors(place_a)


RUSSIA = r"(?:РФ|России|Российской\s+Федерации)"  # the country in a Russian name («Министерство просвещения РФ»)
FEDERAL = re.compile(rf"(?<!\w)(?:{RUSSIA}|Russian|Russia|Russian\s+Federation)(?!\w)")


def _district_words(name: str) -> set[str]:
    return {lemma(w) for w in re.findall(r"([А-ЯЁ][а-яё-]+)\s+" + DISTRICT_NOUN, name)}


def _ancestors(ident: str) -> list[str]:
    """Ids of the places enclosing a place (up to the country)."""
    return gazetteer.ancestor_ids(gazetteer.place(ident))[1:]


PLACE_NOUNS = {"район", "округ", "город", "область", "край", "республика", "district", "region", "city",
               "republic", "oblast", "krai", "okrug"}  # English kind words as the Russian ones


@functools.lru_cache(maxsize=16384)
def _place_words(name: str) -> frozenset[str]:
    """Lemmas of a name that only locate the organisation («Кировского района», «Санкт-Петербурга»)."""
    out = set()
    for word in re.findall(r"[\w-]+", fold(name)):
        base = lemma(word)
        if base in PLACE_NOUNS or gazetteer.find_place(word) or gazetteer.find_place(word + " район"):
            out.add(base)
    return frozenset(out | (set(_country_names().values()) & main_words(name)))
