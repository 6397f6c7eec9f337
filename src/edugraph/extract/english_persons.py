"""English persons and their posts without a model: a grammar over capitalised words.

A person is a run of capitalised words ``First [Middle] Last`` whose first word is a known given name
(data/gazetteers/person_names.yaml) or whose last word has a surname shape (-ov, -eva, -sky, -enko…).
A post stands before the name ("the Governor of the Voronezh region Alexey Gordeev", "Moscow region Governor
Andrei Vorobyov", "Director of X, the Chairman of Y Boris Nesterov") or after it ("Ilsur Metshin, the Mayor of
Kazan, said"); its title words come from data/gazetteers/post_words.yaml.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from difflib import SequenceMatcher

from edugraph import gazetteer
from edugraph.text import longest_first
from edugraph.extract.mentions import Article, Mention, characters

# ---------------------------------------------------------------- vocabulary (data/gazetteers)


@functools.lru_cache(maxsize=1)
def _names() -> dict:
    data = gazetteer.load("person_names")
    return {"first": frozenset(data["first_names"].split()), "endings": tuple(data["surname_endings"].split()),
            "not": frozenset(data["not_names"].split())}


@functools.lru_cache(maxsize=1)
def _post_words() -> dict:
    data = gazetteer.load("post_words")
    lines = lambda block: [w.strip() for w in block.strip().splitlines() if w.strip()]  # noqa: E731
    return {"titles": sorted(lines(data["titles"]), key=longest_first), "modifiers": lines(data["modifiers"]),
            "subject": set(lines(data["subject_titles"])), "ranks": set(lines(data["rank_titles"])),
            "heading": dict(line.split(": ") for line in lines(data["heading_verbs"]))}


def _alternatives(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


@functools.lru_cache(maxsize=1)
def title_pattern() -> re.Pattern:
    """A post title with its modifiers: "acting head", "Deputy Prime Minister", "chairman of the board"."""
    words = _post_words()
    modifiers = rf"(?:(?:{_alternatives(words['modifiers'])})\s+)*"
    return re.compile(rf"(?<![\w-]){modifiers}(?:{_alternatives(words['titles'])})(?![\w-])", re.I)


# ---------------------------------------------------------------- names

NAME_WORD = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"  # "Viner-Usmanova"; "Shelkov's" stops before the apostrophe
RUN = re.compile(rf"(?<![\w.-]){NAME_WORD}(?:[ \t]+{NAME_WORD})*(?![\w-])")  # capitalised words on one line
PATRONYMIC = re.compile(r"[A-Z][a-z]+(?:ovich|evich|ich|ovna|evna|ichna)$")


def _surname_shape(word: str) -> bool:
    """A surname-like ending ("-ov", "-enko"), not a listed common word ("All-Russian", "Russian")."""
    part = word.split("-")[-1]
    low = part.lower()
    return len(low) > 3 and low.endswith(_names()["endings"]) and part not in _names()["not"]


def _is_first(word: str) -> bool:
    return word in _names()["first"]


def _is_last(word: str) -> bool:
    names = _names()
    return word not in names["not"] and not _is_first(word) or _surname_shape(word)


def _place_word(word: str) -> bool:
    record = gazetteer.find_place(word)
    return bool(record) and not _surname_shape(word)


def _persons_in_run(run: str, offset: int) -> list[Mention]:
    """Person mentions inside one run of capitalised words."""
    words = [(m.start(), m.group(0)) for m in re.finditer(r"\S+", run)]
    out, i = [], 0
    while i < len(words) - 1:
        first = words[i][1]
        size = 3 if i + 2 < len(words) and PATRONYMIC.match(words[i + 1][1]) else 2
        last = words[i + size - 1][1]
        known_first = _is_first(first)
        shaped = first not in _names()["not"] and not _place_word(first) and _surname_shape(last) and \
            not gazetteer.find_place(last)
        if (known_first and _is_last(last) and not _place_word(last)) or shaped:
            start, end = offset + words[i][0], offset + words[i + size - 1][0] + len(last)
            out.append(Mention(start, end, " ".join(w for _, w in words[i:i + size])))
            i += size
        else:
            i += 1
    return out


# "the village of Maya Megino-Kangalassky district": a name before a territory's kind is the territory's adjective
PLACE_KIND_AFTER = re.compile(r"\s+(?:district|ulus|region|area|okrug|municipal)\b", re.I)
# an institution's head words: a name before them, or initials right after them, name its namesake
NAMESAKE_HEADS = ("University", "Institute", "School", "Academy", "College", "Lyceum", "Gymnasium", "Museum", "Library")
NAMESAKE_OF = re.compile(r"\s+(?:[A-Z][a-z]+\s+){0,2}(?:" + "|".join(NAMESAKE_HEADS + ("Theatre", "Centre", "Center"))
                         + r")\b")  # "Afanasy Osipov Secondary School"


# initials and a surname ("head of the district F.M. Kamaev", "R.F.Adiev"), not a namesake ("the Museum after
# I. Shakirov", "University by M. Lomonosov", "named after P.P.Semenov", "State University H. M. Berbekov": the
# initials right after an institution's head word name its namesake, «имени» left out)
INITIALS_NAME = re.compile(r"(?<![\w.])(?<![A-Z]\.\s)(?<!after\s)(?<!by\s)"
                           + "".join(rf"(?<!{h}\s)" for h in NAMESAKE_HEADS)
                           + rf"(?:[A-Z]\.\s?){{1,2}}(?P<surname>{NAME_WORD})(?![\w-])")


def _initials_persons(text: str, found: list[Mention]) -> list[Mention]:
    """Persons named by initials and a surname-shaped word, outside the names already found; one whose surname a
    full name of the text has is that person («R. Minnikhanov» after "Rustam Minnikhanov")."""
    full = {p.value.split()[-1]: p.value for p in found}
    taken = characters(found)
    return [Mention(m.start(), m.end(), full.get(m.group("surname"), m.group(0)))
            for m in INITIALS_NAME.finditer(text) if _surname_shape(m.group("surname"))
            and not NAMESAKE_OF.match(text, m.end()) and m.start("surname") not in taken]


# "Sergey Nazarov noted, Deputy Minister of …": an apposition after the speech verb that follows the name
SPEECH_VERB = r"(?:said|says|noted|added|stressed|emphasi[sz]ed|explained|recalled|reported)"
# a surname alone as the speaker of a quote or a statement: "“…,” Yakimova said", "said Yakimova", "according to
# Yakimova" (news names a person in full once, but a text or excerpt may give the surname only)
_SPEECH = rf"(?:{SPEECH_VERB}|told|believes)"
SURNAME_SPEAKER = re.compile(rf"(?<![\w.-])(?P<a>{NAME_WORD})\s+{_SPEECH}(?![\w-])"
                             rf"|(?<![\w-])(?:{_SPEECH}|[Aa]ccording\s+to)\s+(?P<b>{NAME_WORD})(?![\w'’-])")
# a name word right after a capitalised word, whole or the part before its hyphen ("Anna Viner-Usmanova": both)
AFTER_CAPITAL = re.compile(r"\b[A-Z][a-z]+\s+(?=(?P<one>[A-Z][a-z]+)\b)(?=(?P<two>[A-Z][a-z]+-[A-Z][a-z]+)\b)?")


def _surname_speakers(text: str, found: list[Mention]) -> list[Mention]:
    """Surname-shaped words alone as speakers ("Yakimova said") whose surname no person found has, nor a place; not
    one spelt like the surname of a person named before it in its paragraph (a translation may spell that speaker's
    surname otherwise: "Sergei Zhvachkin said … «…,» said Gwatkin"; of the SPELLING_WINDOW named last: linear)."""
    known = {p.value.split()[-1] for p in found}
    taken = characters(found)
    after_capital = {word for m in AFTER_CAPITAL.finditer(text) for word in m.groups() if word}  # "Anna Yakimova"
    persons = sorted(found, key=lambda p: p.start)
    starts = [p.start for p in persons]  # bisected: not a scan of the persons for each speaker
    newlines = [m.start() for m in re.finditer("\n", text)]  # bisected: not a search back for each speaker
    out = []
    for m in SURNAME_SPEAKER.finditer(text):
        group = "a" if m.group("a") else "b"
        word, start = m.group(group), m.start(group)
        before = bisect.bisect_left(newlines, start)
        paragraph = newlines[before - 1] + 1 if before else 0
        first, last = bisect.bisect_left(starts, paragraph), bisect.bisect_left(starts, start)
        named = persons[max(first, last - SPELLING_WINDOW):last]
        if start not in taken and word not in known and _surname_shape(word) and not _is_first(word) \
                and not gazetteer.find_place(word) and word not in after_capital \
                and not any(_spelt_like(word, p.value.split()[-1]) for p in named):
            out.append(Mention(start, start + len(word), word))
    return out


SPELLING_WINDOW = 8  # the persons named last before a surname speaker whose surnames it is compared with
_FIRST_SOUND = re.compile(r"^(?:dzh|zh|j)")  # Ж and Дж, which a translation may write "G" ("Gwatkin" for Жвачкин)


@functools.lru_cache(maxsize=4096)
def _spelt_like(word: str, surname: str) -> bool:
    """Two spellings of one surname ("Zhvachkin", "Gwatkin"): the same first sound (zh, dzh, j and g one) and a
    difflib ratio of 0.8 or more, w read as v."""
    one, other = (_FIRST_SOUND.sub("g", w.lower()).replace("w", "v") for w in (word, surname))
    return one[0] == other[0] and SequenceMatcher(None, one, other).ratio() >= 0.8


def _surnames_again(text: str, found: list[Mention]) -> list[Mention]:
    """A full name's surname alone elsewhere in the text ("Governor Dyumin", "Dyumin, the head of the region,"):
    that person again (its mention's value the full name), so that the posts around it are read; not a namesake
    ("the Primakov Gymnasium")."""
    full = {p.value.split()[-1]: p.value for p in found if len(p.value.split()) > 1}
    if not full:
        return []
    taken = characters(found)
    pattern = re.compile(r"(?<![\w.-])(?:" + "|".join(map(re.escape, sorted(full, key=longest_first)))
                         + r")(?![\w-])")
    return [Mention(m.start(), m.end(), full[m.group(0)]) for m in pattern.finditer(text)
            if taken.isdisjoint(range(m.start(), m.end())) and not NAMESAKE_OF.match(text, m.end())
            and not PLACE_KIND_AFTER.match(text, m.end())]


def find_persons(text: str) -> list[Mention]:
    """Person mentions in text order; a later surname alone ("Metshin said") is not a new person; a name right
    before an institution's head word is its namesake, and one before a territory's kind a place, not a person of the
    news."""
    found = [p for m in RUN.finditer(text) for p in _persons_in_run(m.group(0), m.start())
             if not NAMESAKE_OF.match(text, p.end) and not PLACE_KIND_AFTER.match(text, p.end)]
    found = found + _initials_persons(text, found)
    found = sorted(found + _surname_speakers(text, found), key=lambda p: p.start)
    out, seen = [], {}
    for mention in found:
        key = re.sub(r"(?<=[oe]v|in)a$", "", mention.value.split()[-1])  # "Mingachyov" is a typo of "Mingachyova"
        if key in seen and len(mention.value) > len(seen[key]) and len(mention.value.split()) == len(seen[key].split()):
            for earlier in out:  # the feminine form, a letter longer, is the surname; the shorter one dropped its "a"
                earlier.value = mention.value if earlier.value == seen[key] else earlier.value
            seen[key] = mention.value
        seen.setdefault(key, mention.value)
        mention.value = seen[key]
        out.append(mention)
    return out


# ---------------------------------------------------------------- posts

_NAME_PART = (r"(?<![Ee]nvoy\s)(?<!Committee\s)(?<!Commission\s)(?<!Council\s)"  # "Committee on Education"
              r"(?<![Aa]ide\s)(?<![Aa]dviser\s)(?<![Aa]dvisor\s)(?<![Aa]ssistant\s)")  # "Aide to the President"
# "Vice-Rector for Research", "Agency for Strategic Initiatives", "Center for Pedagogical Excellence": a portfolio or
# a body's name goes on after a title or an organisation's head word
_PORTFOLIO = (r"(?<![Rr]ector\s)(?<![Dd]irector\s)(?<![Mm]inister\s)(?<![Hh]ead\s)(?<![Dd]ean\s)(?<![Cc]hief\s)"
              r"(?<![Cc]ommissioner\s)(?<![Ss]ecretary\s)(?<!Agency\s)(?<!Centre\s)(?<!Center\s)(?<!Department\s)"
              r"(?<!Ministry\s)(?<!Office\s)(?<!Service\s)(?<!Fund\s)(?<!Foundation\s)(?<!Institute\s)")
# a clause's end; not "School No. 5", "St. Petersburg", "State Secretary – Deputy Head"
_BOUNDARY = re.compile(r"(?<!\bNo)(?<!\bSt)\.|[;:!?\n()]|\s[–—]\s(?!(?:Deputy|First|Acting)\s)|"
                       rf"{_NAME_PART}\b(?:said|says|told|noted|added|when|where|while|after|before|that|with|"
                       r"by|from|to|in)\s+(?!the\s+\w+\s+(?:region|district)\b)|"
                       rf"{_NAME_PART}{_PORTFOLIO}\b(?:for|on)\s+(?!the\s+\w+\s+(?:region|district)\b)", re.I)
_ORG_STOP = re.compile(r",|\s+(?:said|says|told|noted|added|stressed|explained|presented|shared|delivered|announced|"
                       r"visited|opened|took|who|which|from|in|at|on|with|and\s+(?:the\s+)?(?=[a-z]))\b"
                       r"|(?<!\bNo)(?<!\bSt)[.;:!?()]\s|[.;:!?]$|\s+[—–-]\s")
_ARTICLE = r"(?:(?:the|a|an|our|its|his|her)\s+)?"


def _territory(org: str) -> bool:
    """"the Voronezh region", "Russia", "Kazan": a place, so the post belongs to its government (left empty)."""
    bare = re.sub(r"^the\s+|\s*\([^)]*\)$", "", org.strip(), flags=re.I)  # "Republic of Sakha (Yakutia)"
    return bool(gazetteer.find_place(bare)) or bool(TERRITORY_WORD.fullmatch(bare.lower()))


# "the district", "the rural settlement": a territory named by its kind alone
TERRITORY_WORD = re.compile(r"(?:(?:rural|urban|municipal)\s+)?(?:region|city|republic|district|country|settlement|"
                            r"village|town)")


def _post(title: str, org: str | None) -> dict:
    """A post dict: the title in lower case, the organisation or None."""
    title = re.sub(r"\s+", " ", title).strip().lower()
    org = re.sub(r"^the\s+", "", re.sub(r"\s+", " ", org).strip(" ,"), flags=re.I) if org else None
    if org and _territory(org):
        org = None
    if org and re.search(r"\bminister$", title, re.I) and not re.match(r"(?:the\s+)?ministry", org, re.I):
        org = "Ministry of " + re.sub(r"^the\s+", "", org)  # "Minister of Education of X" → "Ministry of …"
    before = title.split()[:-1]
    subject_told = any(word not in _post_words()["modifiers"] for word in before)  # "a mathematics teacher at X"
    if org and not subject_told and _taught_subject(title, org):
        return {"post": f"{title} of {_subject(org)}", "org": None}  # "a teacher of Chinese and English"
    return {"post": title, "org": org or None}


def _taught_subject(title: str, words: str) -> bool:
    """True when `words` after "<title> of" are the subject a subject title teaches ("teacher of mathematics"),
    not its workplace ("teacher of Lyceum No. 2": an organisation's head word)."""
    return title.split()[-1].lower() in _post_words()["subject"] and not _ORG_HEAD.search(words)


def _subject(words: str) -> str:
    """The school subject of "teacher of …", ending before a given name: "English Antonina G." → "English"."""
    names = _names()["first"]
    kept = []
    for word in words.split():
        if word.strip(".,") in names:
            break
        kept.append(word)
    return " ".join(kept) or words


# head nouns of English organisation names (organisation_words.yaml en_heads): "Academy", "Ministry", "School" …;
# "technopark" besides, which en_heads lacks (adding it there would also change english.ORG)
ORG_HEAD_WORDS = tuple(gazetteer.load("organisation_words")["en_heads"].split())
_ORG_HEAD = re.compile(rf"(?i)\b(?:{'|'.join(ORG_HEAD_WORDS)}|technopark)\b")


_PARENTHESIS = re.compile(r"\(([A-Z][\w-]*)\)")  # "the Republic of Sakha (Yakutia)": a name's part, not a break
_OPEN, _CLOSE = "\x00", "\x01"  # stand-ins for its brackets while the boundaries are found


def posts_before(text: str, start: int, boundary: int) -> list[dict]:
    """Posts written before a name that starts at `start`; the segment begins at `boundary`."""
    segment = _PARENTHESIS.sub(lambda m: _OPEN + m.group(1) + _CLOSE, text[boundary:start])
    segment = DEGREE.sub(lambda m: " " * len(m.group(0)), segment)  # "Candidate of Economic Sciences" is no post
    cut = [m.end() for m in _BOUNDARY.finditer(segment)]
    segment = segment[cut[-1]:] if cut else segment
    titles = list(title_pattern().finditer(segment))
    posts: list[dict] = []
    end = len(segment.rstrip())
    for m in reversed(titles):
        if m.end() > end:
            continue
        between = segment[m.end():end]
        of = re.fullmatch(r"\s+(?:of|at|(?P<to>to))\s+(.+?)\s*,?\s*", between, re.S)  # "Envoy to the …": no body
        portfolio = not of and PORTFOLIO_OF.fullmatch(between)
        if between.strip() and not of and not portfolio or re.search(r"\band\s*$", between):
            break
        head = segment[:m.start()]
        if between.rstrip().endswith(",") and UNKNOWN_NAME.search(head):
            break  # "Liisa Pohjolainen, the head of X, Vasilii Pavlov": the apposition of a name before it
        org = of.group(2).replace(_OPEN, "(").replace(_CLOSE, ")") if of and not of.group("to") else None
        org = org and re.sub(r"\s*\([A-Z]{2,}\)$", "", org)  # "the Agency for Strategic Initiatives (ASI)"
        governing = COMPLEMENT.search(head)  # "Aide to the President of Russia": the president is the aide's
        if governing:
            posts.insert(0, {"post": " ".join(segment[governing.start():end].split()).lower(), "org": None})
            break
        if portfolio:  # "Vice-Rector for Research at BSU"
            title, org = f"{m.group(0)} {portfolio.group('portfolio')}", portfolio.group("org")
        elif not org and _rank(m.group(0)):
            title = None  # "Doctor of Chemical Sciences, Professor Arsen Kharaev": an academic rank, not a post
        else:
            owner = _possessor(head)
            title, org = m.group(0), _of_territory(org, owner) or owner
        if title:
            posts.insert(0, _post(title, org))
        joined = re.search(rf"(?:,|\band)\s+{_ARTICLE}$", head, re.I)  # "Director of X, the Chairman of Y"
        if not joined:
            break
        end = joined.start()
    return posts


# "Aide to the President of Russia", "Aide to Tatarstan President": the president is the aide's
COMPLEMENT = re.compile(r"(?<![\w-])(?:aide|adviser|advisor|assistant|counsel+or)\s+to\s+(?:the\s+)?"
                        r"(?-i:[A-Z][\w-]*(?:['’]s)?\s+){0,2}$", re.I)
# "Vice-Rector for Research at BSU", "Director for social projects": the portfolio of a title and its body
PORTFOLIO_OF = re.compile(r"\s+(?P<portfolio>for\s+[^,]+?)(?:\s+(?:of|at)\s+(?P<org>(?:the\s+)?[A-Z].*?))?\s*,?\s*",
                          re.S)
PORTFOLIO_BEFORE_OF = re.compile(r"\s+for\s+[^,.;:()]{1,80}?(?=\s+(?:of|at)\s+(?:the\s+)?[A-Z])")
# "SC Rosatom's HR Director", "TENEX's Acting Director-General": the organisation that owns the title before it
# ("the school's Director"), and a territory right before it ("Tatarstan Minister of Education")
POSSESSOR = re.compile(r"(?<![\w-])(?P<owner>(?:[A-Z][\w-]*\s+){0,4}[A-Z][\w-]*|(?<=the\s)[a-z]+)['’]s\s+"
                       r"(?:[A-Z][\w-]*\s+){0,2}$")
# the heads of a body right before a title are fewer than ORG_HEAD_WORDS: "Address to the Federal Assembly President
# Vladimir Putin" (en_24) names no president of the Assembly, so no Assembly, Council, Government, Party …
ORGANISATION_BEFORE = re.compile(r"(?<![\w-])(?P<owner>(?:[A-Z][\w-]*\s+){0,4}(?:School|Lyceum|Gymnasium|University|"
                                 r"Institute|College|Academy|Centre|Center|Department|Ministry|Committee|Kvantorium|"
                                 r"Technopark|Foundation|Agency|Administration|Duma)(?:\s+No\.\s?\d+)?)\s+$")
TERRITORY_BEFORE = re.compile(r"(?<![\w-])(?P<owner>(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*)\s+$")


def _owner(possessive: re.Match | None) -> str | None:
    """The owner a possessive names ("Rosatom's", "the school's"): a capitalised word, or a lower-case
    organisation head word; else None."""
    owner = possessive and possessive.group("owner")
    return owner if owner and (owner[0].isupper() or _ORG_HEAD.fullmatch(owner)) else None


def _of_territory(org: str | None, owner: str | None) -> str | None:
    """A territory's possessive goes into the organisation: "Tatarstan's Minister of Education" → "Ministry of
    Education of Tatarstan"."""
    return f"{org} of {owner}" if org and owner and _territory(owner) and " of " not in org else org


def _possessor(head: str) -> str | None:
    """The owner of a title in a possessive right before it ("Rosatom's HR Director", "the school's principal"),
    a lower-case owner only an organisation's head word; else a territory right before the title; else None."""
    owner = _owner(POSSESSOR.search(head))
    if owner:
        return owner
    body = next(_bodies_before(head), None)  # "Kazan Federal University Rector Lenar Safin", "Rosobrnadzor head"
    if body:
        return body
    m = TERRITORY_BEFORE.search(head)
    owner = m and re.sub(r"^[Tt]he\s+", "", m.group("owner"))
    return owner if owner and _territory(owner) else None


def _body_before(words: str) -> str | None:
    """The organisation that capitalised words right before a title name, by its head word or as a listed
    institution ("Kazan Federal University", "Rosobrnadzor"); None for a territory or other words."""
    return next((body for body in _bodies_before(words) if body == words.strip()), None)


def _bodies_before(head: str) -> Iterator[str]:
    """The organisations whose name ends `head`, right before a title: one by its head word ("Kazan Federal
    University Rector"), then a listed institution ("Rosobrnadzor head", "MGIMO rector"); each looked for when
    asked."""
    m = ORGANISATION_BEFORE.search(head)
    if m:
        yield m.group("owner")
    listed = _institution_before(head)
    if listed:
        yield listed


def _institution_before(head: str) -> str | None:
    """A listed institution (institutions.yaml) whose name ends `head`, right before a title: "Rosobrnadzor head",
    "MGIMO Rector"; else None."""
    end = len(head.rstrip())
    spans = [(s, e) for s, e in gazetteer.find_institutions(head, "en") if e == end]
    return head[spans[0][0]:end] if spans else None


def _rank(title: str) -> bool:
    """A bare academic rank ("Professor", "Academician") before a name: a rank, not a post."""
    return " ".join(title.lower().split()) in _post_words()["ranks"]
UNKNOWN_NAME = re.compile(r"(?<![\w-])[A-Z][a-z]+\s+[A-Z][a-z]+,\s+(?:the\s+)?$")


def posts_after(text: str, end: int, next_start: int | None = None) -> list[dict]:
    """Posts in an apposition after a name: ", the Mayor of Kazan," ", head of the centre", several in a row
    (", State Secretary, Deputy Minister of X"). A post that runs into the next name (`next_start`) belongs to
    that name ("X, the Head of Finance Department Y")."""
    posts: list[dict] = []
    bare: list[bool] = []  # a title without "of …" ("the Governor of the region" has a place, so is not bare)
    while len(posts) < 4:
        found = _post_after(text, end, next_start)
        if found is None:
            break
        post, new_end = found
        posts.append(post)
        bare.append(not re.match(r"[^,]*?\s(?:of|at)\s", text[end:new_end]))
        end = new_end
    for i in range(len(posts) - 1):  # "State Secretary, Deputy Minister of X": one workplace
        if bare[i]:
            posts[i]["org"] = posts[i]["org"] or posts[i + 1]["org"]
    return posts


@functools.lru_cache(maxsize=1)
def _subject_title() -> re.Pattern:
    """A subject title after its subject: "biology teacher", "Russian language and literature teacher", "Chinese and
    English teacher" (the English order of «учитель биологии»): up to five words, none a function word."""
    subject = r"(?!(?:the|a|an|of|at|from|in|on|for|to|with|by|who|which|and)\s)[A-Za-z][a-z-]*\s+"
    titles = _alternatives(sorted(_post_words()["subject"], key=longest_first))
    return re.compile(rf"(?:{subject}(?:and\s+)?){{1,5}}?(?:{titles})(?![\w-])", re.I)


POSSESSIVE_AFTER = re.compile(r"(?P<owner>[a-z]+|(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)['’]s\s+")
CAPITALISED_WORD = re.compile(r"[A-Z][a-z]+\s+(?:[Rr]egion\s+)?")


def _post_after(text: str, end: int, next_start: int | None) -> tuple[dict, int] | None:
    """The first post of an apposition that starts at `end` and where it ends, or None."""
    m = re.match(rf"(?:,|\s+[—–-]|\s*\(|\s+{SPEECH_VERB}\s*,)\s*{_ARTICLE}", text[end:], re.I)
    if not m:
        return None
    heading = _heading(text, end + m.end(), next_start)
    if heading:
        return heading
    rest = text[end + m.end():end + m.end() + 200]
    owned = POSSESSIVE_AFTER.match(rest)  # ", the school's principal", ", Rosatom's HR Director"
    owner = _owner(owned)
    # "Kazan Mayor", "Education Minister", "Managing Director of X": capitalised words before the title
    starts = [owned.end() if owner else 0]
    while len(starts) < 4 and (word := CAPITALISED_WORD.match(rest, starts[-1])):
        starts.append(word.end())
    title = next(filter(None, (title_pattern().match(rest, at) for at in starts)), None)
    if title and not owner and title.start() > 0:  # ", Kazan Federal University Rector," ", Rosobrnadzor head,"
        owner = _body_before(rest[:title.start()])
    title = title or _subject_title().match(rest)  # "a biology teacher at Lyceum No. 5"
    if not title:
        return None
    title_end = title.end()
    second = re.match(r"\s+[–—-]\s+", rest[title_end:])  # "State Secretary – Deputy Head of X": one title
    second = second and title_pattern().match(rest, title_end + second.end())
    if second:
        title_end = second.end()
    portfolio = PORTFOLIO_BEFORE_OF.match(rest, title_end)  # "Pro-Rector for Academic Affairs of X"
    title_end = portfolio.end() if portfolio else title_end
    tail = rest[title_end:]
    title_text = rest[title.start():title_end]
    of = re.match(r"\s+(?:of|at)\s+", tail)
    taught = _taught_at(title_text, tail)  # "a teacher of mathematics at School No. 5"
    if taught:
        title_text, org, used = taught
        stop = end + m.end() + title_end + used
    else:
        org = _ORG_STOP.split(tail[of.end():], maxsplit=1)[0] if of else None
        stop = end + m.end() + title_end + (of.end() + len(org) if of else 0)
    if next_start is not None and (next_start <= stop + 1 or DEGREES.fullmatch(text, stop, next_start)):
        return None  # "Director of the Institute, Candidate of Economic Sciences Albert Shapsigov": the next name's
    org = _of_territory(org, owner)  # ", Russia's Minister of Education," → "Ministry of Education of Russia"
    return _post(title_text, org or owner or None), stop


SUBJECT_AT = re.compile(r"\s+of\s+(?P<subject>(?:[A-Za-z][a-z-]*\s+){0,4}?[A-Za-z][a-z-]*)\s+(?:at|of|in)\s+"
                        r"(?P<org>(?:the\s+)?[A-Z\"«“].*)", re.S)


def _taught_at(title: str, tail: str) -> tuple[str, str, int] | None:
    """A subject title's subject and workplace after it ("teacher of mathematics at School No. 5", "teacher of
    physics of Lyceum No. 2"): (title with its subject, the organisation, the characters of `tail` they take), or
    None."""
    m = SUBJECT_AT.match(tail)
    if not m or not _taught_subject(title, m.group("subject")):
        return None
    org = _ORG_STOP.split(m.group("org"), maxsplit=1)[0]
    if not _ORG_HEAD.search(org):
        return None
    return f"{title} of {m.group('subject')}", org, m.start("org") + len(org)


# academic degrees between a post and the name it belongs to
DEGREE = re.compile(r",?\s*(?:(?:Doctor|Candidate)\s+of\s+(?:[A-Z][a-z]+\s+(?:and\s+)?){1,3}Sciences|Ph\.\s?D\.|PhD)"
                    r"(?![\w-])")
DEGREES = re.compile(rf"(?:{DEGREE.pattern})*[\s,]*")
ORG_TAIL_WORD = r"(?:[A-Z\"«][\w\"«»’'.-]*|No\.|of|for|and|the|on)"
WHO_HEADS = re.compile(rf"who\s+(?P<verb>\w+)\s+(?P<org>(?:the\s+)?(?:[a-z][\w-]*\s+){{0,4}}?"
                       rf"[A-Z\"«][\w\"«»’'.-]*(?:\s+{ORG_TAIL_WORD})*)")


def _heading(text: str, at: int, next_start: int | None) -> tuple[dict, int] | None:
    """", who heads the Kazan Federal University": the post a verb of heading names (post_words.yaml
    heading_verbs), up to the organisation's last capitalised word."""
    m = WHO_HEADS.match(text, at)
    title = m and _post_words()["heading"].get(m.group("verb").lower())
    if not title:
        return None
    org = re.sub(r"(?:\s+(?:of|for|and|the|on))+$", "", m.group("org"))
    stop = m.start("org") + len(org)
    if next_start is not None and next_start <= stop + 1:
        return None
    return _post(title, org), stop


def analyse_persons(article: Article) -> None:
    """Fill article.persons; each mention carries its posts in extra["posts"]."""
    text = article.text
    persons = find_persons(text)
    persons = sorted(persons + _surnames_again(text, persons), key=lambda p: p.start)  # "Governor Dyumin"
    previous_end = 0
    for i, person in enumerate(persons):
        s, _ = article.sentence_of(person.start)
        following = persons[i + 1].start if i + 1 < len(persons) else None
        person.extra["posts"] = posts_before(text, person.start, max(s, previous_end)) + \
            posts_after(text, person.end, following)
        previous_end = person.end
    article.persons = persons
