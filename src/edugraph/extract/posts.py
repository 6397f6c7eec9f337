"""Posts (job titles) next to person mentions: the Russian grammar («директор ИМЦ … Хазова С.И.», «Вера Князева,
директор …», coordinated lists «руководители A X, B Y и C Z») and, for both languages, the resolution of a post's
organisation («директор технопарка» → the article's technopark). English titles are read with the names
(`english_persons`)."""

from __future__ import annotations

import re

from edugraph.extract.names import RUSSIA, genitive_phrase, nominative_phrase, trim_org_tail
from edugraph import gazetteer
from edugraph.extract.mentions import MAX_SENTENCE_CHARS, Mention
from edugraph.text import fold, lemma, parses

def _data_titles() -> str:
    """Russian post words listed in data/gazetteers/post_words.yaml (ru_titles; a line indented further continues the
    one before)."""
    titles = re.sub(r"\n\s+", "", gazetteer.load("post_words")["ru_titles"].strip())
    return "|".join(w.strip() + r"\w*" for w in titles.splitlines())


# «уполномоченный по правам ребенка при Президенте РФ»: the office a post is attached to belongs to the title
ATTACHED_TO = (r"(?:\s+при\s+(?:Президент|Губернатор|Глав|Правительств|Министерств)\w*"
               r"(?:\s+(?:" + RUSSIA + r"|(?-i:[А-ЯЁ][а-яё-]+)\s+(?:области|края)))?)?")

RU_POST = re.compile(
    r"(?<![\w-])(?:" + _data_titles() +
    r"|(?:заместител\w*|зам\.?|замдиректора|вице-)\s*(?:(?:врио|и\.\s?о\.)\s+)?"  # «заместитель врио губернатора»
    r"(?:директора|руководителя|начальника|председателя|министра|главы|"
    r"губернатора|мэра|премьера|ректора)?"
    r"(?:\s+по\s+[А-ЯЁA-Z]{2,5}(?![\w-])|\s+по\s+(?-i:[а-яё-]+)(?:\s+(?-i:[а-яё-]+)){0,2}?(?=\s+(?-i:[А-ЯЁ«])|\s*$))?"
    r"|начальник\w*(?:\s+(?:отдела|управления|департамента|сектора))?"
    r"|(?:(?:старш\w*\s+)?преподавател\w*|доцент\w*|профессор\w*|заведующ\w*)"
    r"(?:\s+кафедр\w*(?:\s+(?-i:[а-яё-]+)(?:,?\s+(?-i:[а-яё-]+))*)?)?"
    r"|(?:учител\w*|педагог(?:а|у|ом|е|и|ов|ам|ами|ах)?(?!\w))"
    r"(?:\s+(?-i:начальных\s+классов|дополнительного\s+образования|(?!школ|гимназ|лице|центр)[а-яё]+(?:\s+языка)?)"
    r"(?=\s+(?-i:[А-ЯЁ«])|\s*$))?"
    r"|(?:главн\w*|ведущ\w*)\s+специалист\w*|директор\w*|руководител\w*|президент\w*|председател\w*"
    r"|ректор\w*|проректор\w*|министр\w*|губернатор\w*|мэр(?:а|у|ом|е)?(?!\w)|методист\w*|координатор\w*"
    r"|глав(?:а|ы|е|у|ой|ою)(?=\s+(?:[А-ЯЁ]|город|округ|район|региона|муниципальн|администрац)))"
    + ATTACHED_TO, re.I)

def ru_post_title(phrase: str) -> str:
    """The title part of a Russian post phrase with its head word in the nominative singular
    («заведующей кафедрой …» → «заведующий кафедрой …»)."""
    first, _, rest = phrase.partition(" ")
    if re.fullmatch(r"[а-яё]+", first.lower()):
        parse = parses(first.lower())[0]
        head = parse.normal_form
        if {"PRTF", "ADJF"} & set(parse.tag.grammemes):
            form = parse.inflect({"nomn", "sing", "masc"})
            head = form.word if form else head
    else:
        head = first.lower()
    return (head + " " + rest).strip() if rest else head


def _head_word(match: re.Match) -> str:
    """The post word that declines: the first word, after «временно»."""
    words = match.group(0).lower().split()
    return words[1] if words[0] == "временно" and len(words) > 1 else words[0]


def _nominative_title(match: re.Match) -> bool:
    """A post word in the nominative («губернатор», «заместитель»), not «с губернатором»."""
    first = _head_word(match)
    if not re.fullmatch(r"[а-яё-]+", first) or first.endswith("-"):
        return True
    return any(p.tag.case == "nomn" for p in parses(first))


def _singular_title(match: re.Match) -> bool:
    """A post word that can be in the nominative singular («директор», «зам.»), not only a plural
    («директора школ», «педагоги»): an apposition agrees in number with the one person it follows."""
    first = _head_word(match)
    if not re.fullmatch(r"[а-яё-]+", first) or first.endswith("-"):
        return True
    return any(p.tag.case == "nomn" and p.tag.number != "plur" for p in parses(first))


def post_matches(text: str, any_case: bool = False) -> list[re.Match]:
    """RU_POST matches whose head word is in the nominative (in any case with `any_case`: a title right before
    the name agrees with it, «с министром образования Светланой Трусеневой»)."""
    return [m for m in RU_POST.finditer(text) if (any_case or _nominative_title(m))
            and not HONORARY.search(text[max(0, m.start() - 30):m.start()])
            and not ATTACHED_BEFORE.search(text[max(0, m.start() - 5):m.start()])]


ATTACHED_BEFORE = re.compile(r"(?<![\w-])при\s+$", re.I)  # «совет при Президенте»: the office, not a post
HONORARY_STEMS = r"(?:заслуженн|почетн|почётн|народн)"  # «заслуженный учитель РФ», «почётный работник …»
DEGREE_TITLE = r"(?:кандидат|доктор)\w*\s+[а-яё-]+\s+наук"  # «кандидат педагогических наук»
HONORARY = re.compile(HONORARY_STEMS + r"\w*\s+$", re.I)


NOT_ORGS = re.compile(r"^(?:[а-яё]+(?:ого|его|ой|ей)\s+)?"  # «председатель (Большого) жюри»
                      r"(?:жюри|конкурса|олимпиады|проекта|секции|направления|смены|экспертн\w+\s+совета)\b", re.I)
# a deputy's title: «(первый) заместитель», «зам.», «замглавы», «замдиректора»
DEPUTY = re.compile(r"(?:перв\w*\s+)?(?:заместител\w*\s|зам\.?\s|зам(?=[а-яё]))", re.I)
TERRITORY_HEADS = re.compile(r"^(?:губернатор|глава|мэр|" + DEPUTY.pattern + r"\s*"
                             r"(?:врио\s+)?(?:губернатора|главы|мэра)|вице-губернатор|вице-премьер|"
                             r"(?:временно\s+)?исполняющ\w*\s+обязанности\s+(?:губернатора|главы|мэра)|"
                             r"врио\s+(?:губернатора|главы|мэра)|"
                             r"(?:помощник|советник)\w*\s+(?:губернатора|главы|мэра|президента)|"
                             r"президент|председатель\s+правительства|премьер-министр)", re.I)


def _territory(org_text: str) -> bool:
    """«Томской области», «города Сургута», «Ханты-Мансийского автономного округа — Югры»: a place, not an
    organisation."""
    org_text = re.sub(r"(?<=[а-яё])\s+[-–]\s+(?=[А-ЯЁ])", "-", org_text)  # «Казачинско - Ленского»
    if re.fullmatch(r"(?:администрации\s+)?(?:[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*\s+)?"
                    r"(?:муниципальн\w+\s+|городск\w+\s+|сельск\w+\s+)?(?:района|округа|улуса|поселения)|"
                    + RUSSIA, org_text.strip()):
        return True  # «Ленинского муниципального района», «Хангаласского улуса», «Президент РФ»
    org_text = re.sub(r"^(?:администрации|нашего|вашего|этого|данного|родного)\s+", "", org_text.strip())
    bare = TERRITORY_KIND.sub("", org_text.strip())
    if bare != org_text.strip() and PROPER_NAME.fullmatch(bare):
        return True  # «городского округа Долгопрудный», «муниципального района Борский»: a territory by its name
    return bare.lower() in {"региона", "области", "края", "республики", "города", "района", "страны", "государства",
                            "муниципалитета", "округа", "поселения", "села", "поселка", "посёлка"} or \
        bool(gazetteer.find_place(bare)) or \
        bool(gazetteer.find_place(re.split(r"\s+[—–-]\s+", bare)[0]))


# the kind of a territory named after it («городского округа Долгопрудный», «сельского поселения «Ивановское»»)
TERRITORY_KIND = re.compile(r"^(?:города|района|региона|республики|улуса"
                            r"|(?:городского|муниципального)\s+(?:района|округа)"
                            r"|(?:сельского|городского)\s+поселения)\s+",
                            re.I)
PROPER_NAME = re.compile(r"(?:[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)*|«[^»]{1,40}»)")


# «глава администрации района» with no district named: the administration of the article's district (see resolve_org)
DISTRICT_ADMINISTRATION = re.compile(r"[Аа]дминистрации\s+района")
ADMINISTRATION = re.compile(r"[Аа]дминистраци[ия]\s+.+")


def _administration_of(title: str, body: str) -> bool:
    """The body of a territory's post is its administration, an organisation: a deputy head's («заместитель главы
    администрации Дзержинска» works in «администрация Дзержинска»; the head of a territory is its head, a place) or
    the unnamed district's («глава администрации района», see resolve_org)."""
    return bool(DISTRICT_ADMINISTRATION.fullmatch(body) or DEPUTY.match(title) and ADMINISTRATION.fullmatch(body))


HEADED_UNIT = re.compile(r"заведующ\w*\s+(?P<unit>(?:отдел|сектор)ом(?:\s+[а-яё]+)*)", re.I)
ACADEMIC_RANK = re.compile(r"(?:доцент|профессор)\w*$", re.I)
DEGREE = re.compile(r"\s*,\s*" + DEGREE_TITLE + r"\b", re.I)  # an academic degree
DEGREE_BEFORE = re.compile(DEGREE_TITLE + r"\s*,?\s*$", re.I)


def _academic_rank(segment: str, match: re.Match) -> bool:
    """«ректор …, кандидат педагогических наук, доцент Астапов»: «доцент» after a degree is a rank, not the post."""
    return bool(ACADEMIC_RANK.match(match.group(0).strip()) and DEGREE_BEFORE.search(segment[:match.start()]))


PORTFOLIO_WORDS = r"\s+[а-яё-]+(?:,?\s+[а-яё-]+)*"  # the lower-case words of a portfolio after «по»
LEADING_PORTFOLIO = re.compile(rf"(?P<portfolio>(?i:по){PORTFOLIO_WORDS})(?:\s+|$)(?=[А-ЯЁ«\"]|$)")  # up to a name


# a deputy's field of work: «по учебной работе», «по воспитательной работе», «по социальным вопросам», «по научной
# части», «по учебно-воспитательной работе и информатизации»; not a body's own «по делам молодёжи», «по образованию»
WORK_PORTFOLIO = re.compile(r"(?<![\w-])по\s+(?:[а-яё-]+\s+){0,3}?(?:работе|вопросам|части|направлению)"
                            r"(?:\s+и\s+[а-яё-]+(?:\s+[а-яё-]+)?"  # «… и информатизации» up to the body or the end
                            r"(?=\s*$|\s+(?-i:[а-яё]+(?:ого|ой|ых)\s|[А-ЯЁ«\d]|школ|гимн|лице|детск)))?")


def _work_portfolio(title: str, org_text: str) -> tuple[str, str]:
    """The post's field of work moved from its body to its title, where it opens the body, follows a name or ends a
    deputy's body («замдиректора по учебной работе школы № 5», «заместитель директора школы № 5 по воспитательной
    работе», «заместитель главы администрации по социальным вопросам»); else both as they are."""
    found = WORK_PORTFOLIO.search(org_text)
    if not found:
        return title, org_text
    before = org_text[:found.start()].rstrip()
    if before and not DEPUTY.match(title) \
            and not re.search(r"(?:[\d»\"]|(?<![\w-])(?-i:[А-ЯЁ][\w-]*)|[А-ЯЁ]{2,})$", before):
        return title, org_text  # «председатель комиссии по социальным вопросам»: the commission's own name
    return f"{title} {found.group(0)}", (before + " " + org_text[found.end():].strip()).strip()


TERRITORY_PORTFOLIO = re.compile(rf"(?P<territory>.+?)\s+(?P<portfolio>по{PORTFOLIO_WORDS})")


def ru_split_post(segment: str, any_case: bool = False) -> tuple[str, str | None] | None:
    """(post title, organisation or None) from a segment that contains a post word, else None.
    The last nominative post word of the segment is used («Вместе с губернатором … заместитель губернатора X»)."""
    matches = post_matches(segment, any_case)
    if not matches:
        return None
    # «начальник Управления президента РФ»: not «президент»; «Глава Хакасии произнес слова … президента страны X»:
    # a nominative title followed by a finite verb is the subject of its own clause, not X's title
    nominative = [m for m in matches if _nominative_title(m) and not _has_verb(segment[m.end():])]
    posts = [m for m in nominative or matches if not _academic_rank(segment, m)] or nominative or matches
    match = posts[-1]
    title = ru_post_title(match.group(0).strip())
    if re.match(r"начальник\w*\s+\w+", match.group(0), re.I):
        org_text = segment[match.start() + len(match.group(0).split()[0]):]
    else:
        org_text = segment[match.end():]
        unit = HEADED_UNIT.match(match.group(0))
        if unit and re.match(r"\s+(?-i:[А-ЯЁ«]|[а-яё]+(?:ой|ого)\s+[А-ЯЁа-яё])", org_text):  # «заведующий отделом
            org_text = unit.group("unit") + org_text  # образования X района»: the post is in «Отдел образования X»
    org_text = DEGREE.split(org_text)[0]  # «ректор КубГУ, кандидат педагогических наук, доцент»
    if re.match(r"\s*,", org_text):  # «Иван Петров, директор, посетил школу»: the title ends its apposition
        org_text = ""
    if "кафедр" in title.lower() and not re.match(r"\s+[А-ЯЁ«]", org_text):  # the department of an unnamed university
        org_text = ""
    subject = _subject(title, org_text)
    if subject is not None:
        title, org_text = (title.split()[0] + " " + subject[0]).strip(), subject[1]
    org_text = re.sub(r"\s*\([^)]*\)\s*$", "", org_text).strip(" ,–—-")
    leading = LEADING_PORTFOLIO.match(org_text)
    if leading:  # «заместитель руководителя по работе с федеральной сетью «IT-куб»»: the portfolio is the title's
        title, org_text = title + " " + leading.group("portfolio"), org_text[leading.end():]
    if not leading:
        title, org_text = _work_portfolio(title, org_text)
    territory_portfolio = TERRITORY_PORTFOLIO.fullmatch(org_text) if TERRITORY_HEADS.match(title) else None
    if territory_portfolio and _territory(territory_portfolio.group("territory")):
        title, org_text = title + " " + territory_portfolio.group("portfolio"), territory_portfolio.group("territory")
        # «заместитель губернатора Томской области по цифровой трансформации»: the portfolio is the post's; the next
        # line tells the region (a place) from a district's administration (an organisation)
    trimmed = trim_org_tail(org_text.rstrip(" :;,"))  # «мэр Дзержинска, поздравил …»: up to the clause
    body = trimmed.rstrip(".")
    if NOT_ORGS.match(org_text) or TERRITORY_HEADS.match(title) and body and _territory(body) \
            and not _administration_of(title, body):
        trimmed = ""  # «председатель жюри», «губернатор Томской области»: the region is a place, not an organisation
    # the sentence's full stop, a colon before a quote
    org_text = re.sub(r"(?:(?<=[\d»])|(?<=[а-яё]{3}))\.$", "", trimmed)
    head = title.split(" по ")[0]
    minister = re.search(r"министр(?:а)?$", head, re.I)
    if minister and MINISTRY_PORTFOLIO.match(org_text):
        return title, "Министерство " + org_text  # «министр образования Курской области» → «Министерство образования …»
    if minister and head == title and TERRITORY_PORTFOLIO_TAIL.fullmatch(org_text) \
            and not _FEDERAL_TAIL.search(org_text):
        return title, "Министерство " + org_text  # «министр молодёжной политики Курской области»: that ministry
    if minister and head == title and re.match(r"(?-i:[а-яё])", org_text):
        # «министр промышленности и торговли России»: a portfolio outside education belongs to the title
        return f"{title} {org_text.rstrip('.')}", None
    if re.search(r"председател\w*$", title, re.I) and FEDERAL_GOVERNMENT.fullmatch(org_text):
        # «(заместитель) председателя правительства России»: the country's (deputy) prime minister, like
        # «премьер-министр» and «вице-премьер», holds an office of the country, not a post in an organisation
        return f"{title} {org_text}", None
    return title, (nominative_phrase(org_text) if org_text else None)


FEDERAL_GOVERNMENT = re.compile(r"(?i:правительства)\s+" + RUSSIA)


def bodies_in_titles(person_posts: list[dict]) -> list[str]:
    """The bodies a title without an organisation names: the country's government of its (deputy) chairman.

    >>> bodies_in_titles([{"post": "заместитель председателя правительства России", "org": None}])
    ['правительство России']
    """
    return [nominative_phrase(found.group()) for post in person_posts if not post["org"]
            for found in [FEDERAL_GOVERNMENT.search(post["post"])] if found]


# a minister's portfolio that names his ministry wherever it is («министр спорта России» → «Министерство спорта России»)
MINISTRY_PORTFOLIO = re.compile(r"(?:образования|просвещения|науки|культуры|цифрового|труда|спорта|здравоохранения|"
                                r"экономического|финансов)")
# any other portfolio of a territory's minister («министр молодёжной политики Курской области»)
TERRITORY_PORTFOLIO_TAIL = re.compile(r"(?-i:[а-яё][а-яё, -]+?)\s+(?:(?-i:[А-ЯЁ])\S*\s+)?"
                                      r"(?:области|края|республики|округа|(?-i:[А-ЯЁ])\S+)")
# a federal minister's other portfolio is his title's («министр молодёжной политики России»); MINISTRY_PORTFOLIO's
# are ministries even so
_FEDERAL_TAIL = re.compile(RUSSIA + "$")


def _vocabulary(key: str) -> tuple[str, ...]:
    return tuple(gazetteer.load("post_words")[key].split())


def _subject(title: str, org_text: str) -> tuple[str, str] | None:
    """(subject, rest) after a subject title: «учитель» + « русского языка и литературы школы № 35» →
    («русского языка и литературы», «школы № 35»); «из Магнитогорска», «по английскому языку» are no organisation."""
    if " " in title or not title.lower().startswith(_vocabulary("ru_subject_titles")):
        return None
    words = org_text.split()
    taken = []
    for word in words:
        bare = word.strip(",;")
        if not re.fullmatch(r"[а-яё-]+", bare) or bare.startswith(_vocabulary("ru_org_heads")) or \
                bare in {"из", "в", "во"}:
            break
        taken.append(bare)
        if word.endswith((",", ";")):
            break
    if len(taken) < len(words) and words[len(taken)].startswith(_vocabulary("ru_org_heads")):
        while taken and _genitive_adjective(taken[-1]):  # «английского языка лингвистической гимназии», «средней»:
            taken.pop()  # the adjectives before the organisation's head word are the organisation's
    rest = " ".join(words[len(taken):])
    place = re.match(r"(?:из|в|во)\s+", rest)
    if place and rest[place.end():].startswith(_vocabulary("ru_org_heads")):
        rest = rest[place.end():]  # «учитель физики из школы № 1520»: the organisation
    elif place:
        rest = ""  # «учительница из Магнитогорска»: a place, not an organisation
    if taken and taken[0] == "по":
        return " ".join(taken), rest if rest[:1].isupper() or rest.startswith(_vocabulary("ru_org_heads")) else ""
    return " ".join(taken), rest


def _genitive_adjective(word: str) -> bool:
    """«лингвистической», «начальной»: an adjective in the genitive, not the noun «языка»."""
    return any({"ADJF", "gent"} <= set(p.tag.grammemes) for p in parses(word.lower())) and \
        not any("NOUN" in p.tag for p in parses(word.lower()))


def attach_posts(article) -> dict[str, list[dict]]:
    """Posts of every person mention: title before the name (with coordinated lists) or apposition after it."""
    posts: dict[str, list[dict]] = {}
    previous = None  # (person mention, post title) of the last pre-positioned post
    persons = article.persons  # in text order, none overlapping: its neighbours are the persons before and after
    for before, person, after in zip([None] + persons[:-1], persons, persons[1:] + [None]):
        if article.lang == "en":
            found = [dict(p) for p in person.extra.get("posts", [])]
        else:
            titled = _ru_before(article, person, previous, before)
            found = titled + (_posts_after(article, person, after, title_first=bool(titled))
                              or _predicate_post(article, person) or _heading_post(article, person))
        if article.lang == "ru" and found:
            previous = (person, found[0]["post"])
        for post in found:
            post["org"] = resolve_org(article, person, post["post"], _before_cut(article, post["org"]))
            if post["org"]:
                article.post_orgs.append(Mention(person.start, person.end, post["org"]))
            if post not in posts.setdefault(person.value, []):
                posts[person.value].append(post)
        posts.setdefault(person.value, [])
    return {name: _without_head_synonym(found) for name, found in posts.items()}


OFFICE_HEADS = {"governor", "acting-head", "minister", "president"}  # role ids a «глава» of that office holds


def _without_head_synonym(posts: list[dict]) -> list[dict]:
    """A person's posts without «глава»/"head" of a territory where another of them names that office: «Глава
    Калининградской области» is the governor («Губернатор Антон Алиханов»; a_04, f_05, j_04). The head of a ministry
    is its minister by `gazetteer.find_role`.

    >>> _without_head_synonym([{"post": "глава", "org": None}, {"post": "губернатор", "org": None}])
    [{'post': 'губернатор', 'org': None}]
    """
    roles = [gazetteer.find_role(post["post"], post["org"])["id"] for post in posts]
    if not OFFICE_HEADS.intersection(roles):
        return posts
    return [post for role, post in zip(roles, posts)
            if role != "head" or post["org"] and not gazetteer.find_place(post["org"])]


def _before_cut(article, org: str | None) -> str | None:
    """A post's organisation that ends in the cut word of a cut excerpt (`Article.cut`) without it, if what is left
    still ends in a capitalised word («депутат Московской областной Думы Миха» → «Московская областная Дума»); else
    none («… мэра Казачинско - Ленского муниципального ра», "a teacher at the Presidential Physics and Mat")."""
    if not org or article.cut is None or not org.endswith(" " + article.text[article.cut:]):
        return org
    left = org[:-len(article.text[article.cut:])].rstrip()
    return left if re.search(r"(?:^|\s)[А-ЯЁA-Z]\w+$", left) and not re.search(r"\s(?:and|of|for|the)$", left) else None


def _ru_before(article, person, previous, before) -> list[dict]:
    text = article.text
    s, _ = article.sentence_of(person.start)
    chunk = text[s:person.start]
    cut = max(chunk.rfind(ch) for ch in ",;:\n") + 1
    earlier = [before] if before and s <= before.end <= person.start else []  # a person earlier in the sentence
    if earlier and earlier[-1].end - s > cut:
        cut = earlier[-1].end - s
    segment = chunk[cut:]
    degree = DEGREE.search(chunk[:cut]) if ACADEMIC_RANK.match(segment.strip()) else None
    if degree and not (earlier and earlier[-1].end - s > degree.start()):  # «ректор …, кандидат … наук, доцент X»
        cut = max(chunk.rfind(ch, 0, degree.start()) for ch in ",;:\n") + 1
        cut = max(cut, earlier[-1].end - s if earlier else 0)
        segment = chunk[cut:]
    if re.search(r"\S\s+и\s*$", segment):
        return []  # «X, учитель школы № 2 и Y»: the title before «и» is X's
    found = ru_split_post(segment, any_case=True)
    if found and _has_verb(segment[post_matches(segment, any_case=True)[-1].end():]):
        found = None  # «В Год педагога и наставника им стал Олег Янковский»: a verb between, no title of the name
    # «министр образования, науки и молодежной политики …»; not «X, учитель школы № 5, и Y», whose title is X's
    if not found and cut and re.match(r"\s*(?!(?:и|а\s+также)\s*$)(?-i:[а-яё])", segment):
        start = _portfolio_list_start(chunk, cut)  # (over several commas: «отдела образования, молодёжной политики,
        if start is not None and not (earlier and earlier[-1].end - s > start):  # физической культуры и спорта …»)
            cut, segment = start, chunk[start:]
            found = ru_split_post(segment)
    if not found and cut and not segment.strip() and chunk[cut - 1] == "," and not earlier:
        head = chunk[:cut - 1]  # «обратились Председатель комитета …, Ирина Синцова, …»: a title set off by a comma
        piece = head[max(head.rfind(ch) for ch in ",;:\n") + 1:]
        if post_matches(piece):
            segment, found = piece, ru_split_post(piece)
    if found and segment.strip():
        if found[1] is None and not TERRITORY_HEADS.match(found[0]):
            found = (found[0], _org_after(article, person))  # «учитель Валентина Шикер из гимназии № 6»
        result = [_post(*found)]
        head = chunk[:cut].rstrip(" ,")
        prev_seg = head[max(head.rfind(ch) for ch in ",;:\n") + 1:]
        listed = bool(earlier and previous and earlier[-1] is previous[0])  # a list of «title Name», see _posts_after
        if RU_POST.match(segment.strip()) and cut and chunk[cut - 1] == "," and \
                (not earlier or listed and earlier[-1].end - s < cut - 1 - len(prev_seg)):
            more = ru_split_post(prev_seg)
            if more:
                result.insert(0, _post(*more))
        return result
    coordinated = re.fullmatch(r"\s*(?:,|и)?\s*(.+?)\s*", segment)
    if previous and coordinated and coordinated.group(1).strip(" ,") and earlier and earlier[-1] is previous[0] \
            and len(segment) < 80 and not _own_role(text[earlier[-1].end:person.start]) \
            and not _has_verb(text[earlier[-1].end:person.start]):
        return [_post(previous[1], nominative_phrase(coordinated.group(1).strip(" ,")))]
    return []


def _portfolio_list_start(chunk: str, cut: int, most: int = 4) -> int | None:
    """Where the title starts whose body's name lists its portfolios with commas before `cut` («начальник отдела
    образования, молодёжной политики, физической культуры и спорта …»): the start of the nearest piece before it
    with a post word, going back over pieces that begin in lower case; None when there is none.

    >>> text = "глава района, начальник отдела образования, молодёжной политики, спорта района "
    >>> text[_portfolio_list_start(text, text.rindex(",") + 1):]
    ' начальник отдела образования, молодёжной политики, спорта района '
    """
    for _ in range(most):
        head = chunk[:cut - 1]
        start = max(head.rfind(ch) for ch in ",;:\n") + 1
        if post_matches(head[start:]):
            return start
        if not cut or chunk[cut - 1] != "," or not re.match(r"\s*(?-i:[а-яё])", head[start:]):
            return None
        cut = start
    return None


def _org_after(article, person) -> str | None:
    """The organisation named right after the person with «из» («… Шикер из гимназии № 6 города Солнечногорска»)."""
    m = re.match(r"\s+из\s+", article.text[person.end:person.end + 8])
    if not m:
        return None
    start = person.end + m.end()
    return next((o.value for o in article.orgs if o.start == start), None)


def _own_role(segment: str) -> bool:
    """«… и ветеран труда, Вооруженных сил … Татьяна Тимкина»: a lower-case noun in the nominative names the
    person's own role, so the list's title is not inherited (an inherited title's organisation is a genitive)."""
    first = re.match(r"[\s,]*(?:и\s+|а\s+также\s+)?([а-яё]+)", segment)
    best = parses(first.group(1))[0] if first else None
    return bool(best) and "NOUN" in best.tag and best.tag.case == "nomn" and best.tag.number == "sing"


def _has_verb(between: str) -> bool:
    """«Заместитель председателя X отметил, что … кавалера ордена Y»: a finite verb between two names ends the list
    whose title the second would share."""
    return any(parses(w)[0].tag.POS == "VERB" for w in re.findall(r"[а-яё]+", between.lower()))


# a verb that names the post a person holds, before the title in the instrumental («Ольга Смирнова работает учителем
# математики в школе № 5», «назначена директором школы № 5», «является руководителем центра»)
HOLDING_VERB = re.compile(r"\s+(?:(?:уже|сейчас|теперь|ныне|сегодня|с\s+\d{4}\s+года|более\s+\d+\s+лет|\d+\s+лет)\s+)*"
                          r"(?:работа(?:ет|ла|л)|труди(?:тся|лась|лся)|явля(?:ется|лась|лся)|назначен[аоы]?|"
                          r"избран[аоы]?|служи(?:т|ла|л))\s+(?=\S)")


def _predicate_post(article, person) -> list[dict]:
    """The post a verb after the name names with a title in the instrumental («Ольга Смирнова работает учителем
    математики в школе № 5» → учитель математики, школа № 5); the place of work after «в» is its organisation, a town
    is none («работает учителем в Курске» → учитель)."""
    text = article.text
    verb = HOLDING_VERB.match(text, person.end)
    if not verb:
        return []
    _, sentence_end = article.sentence_of(person.start)
    clause = re.split(r"[,;:\n]|\s[—–-]\s", text[verb.end():sentence_end], maxsplit=1)[0].rstrip(" .!?")
    title = RU_POST.match(clause)
    if not title or not any(p.tag.case == "ablt" for p in parses(_head_word(title))):
        return []
    found = ru_split_post(clause, any_case=True)
    if not found:
        return []
    post, org = found
    words = post.split()
    if len(words) > 1 and _preposition(words[-1]):  # «работает учителем в Курске»: «в» opens the place of work
        post = " ".join(words[:-1])
    if org is None or re.match(r"(?:в|во)\s", org) or _preposition(org) or gazetteer.find_place(org):
        # «… в школе № 5»: the organisation the NER found after «в»; not a town («в Курске») nor a lone «в»
        place = re.search(r"(?<!\w)(?:в|во)\s+", clause[title.end():])
        start = verb.end() + title.end() + place.end() if place else -1
        org = next((o.value for o in article.orgs if o.start == start), None)
    return [_post(post, org)]


# «возглавил», «возглавит», «возглавляет»: a verb of heading between a person and the organisation he heads
HEADING_VERB = r"возглав(?:ил[аи]?|ит|ят|ля(?:ет|ют|л[аи]?))"
HEADED_BEFORE = re.compile(rf"\s+{HEADING_VERB}\s+(?:{DEGREE_TITLE}\s+)?$")  # «Министерство … возглавил Олег Русинов»
HEADED_AFTER = re.compile(rf"\s+(?:(?:уже|сейчас|теперь|ныне)\s+)?{HEADING_VERB}\s+")  # «Олег Русинов возглавил …»


def _heading_post(article, person) -> list[dict]:
    """The head of the organisation a verb of heading joins to the person, either order («школу № 11 возглавит
    Татьяна Кочеткова», «Министерство образования … возглавил Олег Русинов», «Иван Петров возглавил школу № 3»):
    its title is the head's of that kind of body (`post_words.yaml`, ru_heads_by_kind)."""
    text = article.text
    sentence_start, _ = article.sentence_of(person.start)
    before = HEADED_BEFORE.search(text, sentence_start, person.start)
    after = HEADED_AFTER.match(text, person.end)
    if before and before.end() == person.start:
        org = next((o for o in article.orgs if o.end == before.start()), None)
    elif after:
        org = next((o for o in article.orgs if o.start == after.end()), None)
    else:
        return []
    if org is None:
        return []
    return [_post(_head_title(org.value), org.value)]


# a body's kind word after its abbreviation («МБОУ») and adjectives («среднюю общеобразовательную»)
HEAD_KIND_PREFIX = (r"(?:(?-i:[А-ЯЁA-Z]{2,6})\s+)?"
                    r"(?:[а-яё-]+(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ую|юю|ей|ом|ем|ых|их)\s+)*")


def _head_title(org: str) -> str:
    """«директор» of a school, «ректор» of a university, «заведующий» of a kindergarten, else «руководитель» (which
    `find_role` reads as a minister of a ministry)."""
    for title, kinds in gazetteer.load("post_words")["ru_heads_by_kind"].items():
        if re.match(rf"(?i:{HEAD_KIND_PREFIX}(?:{kinds}))", org.strip()):
            return title
    return "руководитель"


def _preposition(word: str) -> bool:
    """«в», «на», «при»: a word the dictionary reads first as a preposition."""
    return bool(re.fullmatch(r"[а-яё]+", word.lower())) and parses(word.lower())[0].tag.POS == "PREP"


APPOSITION = re.compile(r",|\s+[—–-]\s+|\s*\(")  # «Иван Петров, директор …», «Иван Петров — директор …», «(директор …)»


def _posts_after(article, person, after, title_first: bool = False) -> list[dict]:
    """Appositions after the name. In a list whose names follow their titles («министр X Иван Петров, председатель
    жюри, ректор МГУ Пётр Сидоров») the titles after a name that run into the next name are that name's."""
    text = article.text
    rest = text[person.end:person.end + MAX_SENTENCE_CHARS]  # a clause ends within its sentence
    if not APPOSITION.match(rest):
        return []
    _, sentence_end = article.sentence_of(person.start)  # (initials and «им.» do not end it)
    clause = _apposition_end(re.split(r"[;\n]|:(?=\s)", rest[:max(0, sentence_end - person.end)], maxsplit=1)[0])
    nxt = [after.start - person.end] if after and after.start > person.end else []
    truncated = bool(nxt and nxt[0] < len(clause))
    if truncated:
        clause = clause[:nxt[0]]
    matches = post_matches(clause)
    if truncated and title_first and not re.search(r"\s(?:и|а\s+также)\s*$", clause):
        return []
    if truncated and not re.search(r"(?:\s(?:и|а\s+также)|,)\s*$", clause):
        # «…, директор X Хазова С.И.»: the last title belongs to the next person, and so does the title before
        # an academic rank («…, ректор X, кандидат наук, доцент Астапов»); one set off by a comma before the next
        # name is this person's («Елена Романова, воспитатель детского сада № 28, Вера Крашенинникова, …»)
        while matches:
            last, matches = matches[-1], matches[:-1]
            if not _academic_rank(clause, last):
                break
    clause = re.sub(r"\s+(?:и|а\s+также)\s*$", "", clause)  # «X, учитель школы № 2 и Y, …»: X's apposition ends
    plural = next((i for i, m in enumerate(matches) if not _singular_title(m)), len(matches))
    matches = matches[:plural]  # «Наталья Шпота, директора школ, педагоги …»: others present, not her posts
    distinctions = DISTINCTIONS.match(clause)  # «Ольга Смирнова, кандидат педагогических наук, директор школы № 5»
    if not matches or matches[0].start() - (distinctions.end() if distinctions else 0) > 20:
        return []
    out = []
    for i, m in enumerate(matches):
        stop = matches[i + 1].start() if i + 1 < len(matches) else len(clause)
        segment = clause[m.start():stop].strip(" ,")
        found = ru_split_post(segment)
        if found:
            out.append(_post(*found))
    for post, following in zip(out, out[1:]):  # «учитель математики, директор МКОУ …»: one workplace
        if post["org"] is None and following["org"] and not TERRITORY_HEADS.match(following["post"]) \
                and not TERRITORY_HEADS.match(post["post"]):  # a territory's deputy head works at no school
            post["org"] = following["org"]
    return out


# a degree or an honorary title before the post in an apposition: «, кандидат педагогических наук,», «, заслуженный
# учитель РФ,», «, почётный работник общего образования,»
DISTINCTIONS = re.compile(rf"(?:\s*,\s*(?:{DEGREE_TITLE}|(?:{HONORARY_STEMS}|отличник)\w*(?:\s+[^\s,]+){{1,6}}?)"
                          r"(?=\s*,))+", re.I)


def _apposition_end(clause: str) -> str:
    """The clause after a name up to the end of an apposition that brackets or dashes close («Иван Петров (директор
    школы № 3) рассказал», «Иван Петров — директор школы № 3 — рассказал»); else the whole clause.

    >>> _apposition_end(" — директор школы № 3 — рассказал о проекте")
    ' — директор школы № 3'
    """
    opener = APPOSITION.match(clause)
    if not opener or opener.group(0) == ",":
        return clause
    closer = re.compile(r"\)" if "(" in opener.group(0) else r"\s[—–-]\s").search(clause, opener.end())
    return clause[:closer.start()] if closer else clause


def _post(title: str, org: str | None) -> dict:
    return {"post": title, "org": org or None}


GENERIC_ORG = re.compile(r"^(?:(?:этого|нашего|данного|новой|нового|the|this|our)\s+|"
                         r"(?-i:[а-яё]+(?:ое|ого|ая|ой|ый|ий|ую|ом)\s+))*"  # «образовательного учреждения»
                         r"(?P<head>администраци\w*(?:\s+(?:района|округа|города))?|"
                         r"технопарк\w*|кванториум\w*|центр\w*|школ\w*|"
                         r"гимнази\w*|лице[йяюе]\w*|колледж\w*|университет\w*|вуз\w*|институт\w*|министерств\w*|департамент\w*|"
                         r"управлени\w*|учреждени\w*|организаци\w*|ведомств\w*|agency|"
                         r"centre|center|school|lyceum|gymnasium|university|college|ministry|"
                         r"department|institute|technopark|institution|organi[sz]ation|facility|establishment)$", re.I)
_KINDS = {  # the stem of a generic head word -> the words naming an organisation of that kind
    "технопарк": r"технопарк|кванториум|kvantorium|technology park",
    "кванториум": r"технопарк|кванториум|kvantorium",
    "школ": r"школ|сош|оош|гимнази|лице[йяюе]|school|lyceum|gymnasium",
    "гимнази": r"гимнази",
    "лице": r"лице[йяюе]",
    "центр": r"центр|centre|center|куб|cube|кванториум",
    "учреждени": r"школ|сош|гимнази|лице|центр|технопарк|колледж|детск\w+\s+сад",
    "организаци": r"школ|сош|гимнази|лице|центр|технопарк|колледж|университет",
    "министерств": r"министерств|ministry",
    "администраци": r"администраци",
    "colleg": r"college|колледж",
    "колледж": r"колледж",
    "университет": r"университет|university",
    "вуз": r"университет|институт|академи|^[А-ЯЁ]{1,5}У\b",  # a university abbreviation: «МГУ им. …»
    "институт": r"институт",
    "департамент": r"департамент",
    "управлени": r"управлени",
    "centre": r"centre|center|куб|cube|kvantorium",
    "center": r"centre|center|cube|kvantorium",
    "school": r"school|lyceum|gymnasium",
    "lyceum": r"lyceum",
    "gymnasium": r"gymnasium",
    "university": r"university",
    "ministry": r"ministry",
    "department": r"department",
    "institute": r"institute",
    "technopark": r"technopark|technology park|kvantorium",
    "institution": r"school|lyceum|gymnasium|centre|center|cube|kvantorium|technopark|college|kindergarten",
    "organi": r"school|lyceum|gymnasium|centre|center|cube|kvantorium|technopark|college|university",
    "facility": r"centre|center|cube|kvantorium|technopark",
    "establishment": r"school|lyceum|gymnasium|college",
}
_FEDERAL = re.compile(RUSSIA + r"|Russian\s+Federation|of\s+Russia|просвещения|Enlightenment", re.I)


def _kind_pattern(head: str) -> str | None:
    low = head.lower()
    return next((pattern for stem, pattern in _KINDS.items() if low.startswith(stem)), None)


def resolve_org(article, person, title: str, org: str | None) -> str | None:
    """A generic post organisation («директор технопарка», «директор школы», "director of the centre") or a missing
    one of a ministry post («заместитель министра X») becomes the article's named organisation of that kind,
    the nearest one mentioned before the person (else the first after)."""
    candidates = article.orgs + article.generic_orgs + article.post_orgs
    pattern = None
    if org:
        region = re.match(r"^(?P<stem>Министерств\w*(?:,?\s+(?-i:[а-яё]+))+?)"
                          r"(?:\s+(?-i:региона|области|края|республики|"
                          r"округа))?$", org)  # «министр образования (региона)»: the article's ministry, else unknown
        region = region or re.match(r"^(?P<stem>Ministry\s+of\s+(?!the\s)[A-Z][\w\s,]*?)$", org)
        if region and re.search(r"Russia|Federation|\s(?:of|in)\s.*\s(?:of|in)\s", org):
            region = None  # "Minister of Education" names no ministry; "… of the Russian Federation" does
        generic = GENERIC_ORG.match(org.strip())
        if region:
            stem = region.group("stem").lower()
            same = [o for o in candidates if o.value.lower().startswith(stem)  # not «… и науки», "… and Science"
                    and not re.match(r",?\s+(?:и|and)\s", o.value[len(stem):])]
            if same:
                return _nearest(same, person).value
            return of_article_region(article, org) or _of_sentence_region(article, person, org)
        if not generic:
            return org
        pattern = _kind_pattern(generic.group("head"))
        if pattern is None:  # «руководитель ведомства», "head of the agency": a body of no kind the text names
            return None
    elif re.search(r"министр\w*$|minister$", title, re.I) and not re.search(r"prime|премьер", title, re.I):
        pattern = r"^(?:министерств|ministry)"
    elif SCHOOL_STAFF.match(title) and not _listed(article, person):
        # «Учитель математики Анна Петрова рассказала …» after the school was named; not in a list of people from
        # several places («учительница из Магнитогорска, …»)
        return _last_named_before(candidates, person, _KINDS["школ"])
    elif HEAD_STAFF.fullmatch(title.strip()) and not _listed(article, person):
        # «Руководитель Ольга Смирнова провела экскурсию», "The head … Denis Timirbaev": the head of the school,
        # centre or kindergarten the article named before him
        return _last_named_before(candidates, person, _KINDS["учреждени"] + "|" + _KINDS["institution"])
    if not pattern:
        return org
    same = [o for o in candidates if re.search(pattern, o.value, re.I) and not GENERIC_ORG.match(o.value.strip())]
    if org is None:
        same = [o for o in same if not _FEDERAL.search(o.value)] or same
    if same:
        return _nearest(same, person).value
    return of_article_region(article, org) if org else None  # «директор школы» of a school the article does not name


# school staff: a post of one school, named earlier in the article when the title names none
SCHOOL_STAFF = re.compile(r"(?:учител|учительниц|педагог|преподавател|воспитател|заместитель\s+директора|завуч|"
                          r"teacher\b|deputy\s+director)", re.I)


# the head of an institution, with no body in the title ("head" alone is also a territory's: "Head of Buryatia X")
HEAD_STAFF = re.compile(r"(?:директор|руководитель|заведующ(?:ий|ая)|director|principal)", re.I)


def _last_named_before(candidates: list, person, kinds: str) -> str | None:
    """The last organisation of one of these kinds (a regex) named before the person, generic names left out."""
    before = [o for o in candidates if o.start < person.start and re.search(kinds, o.value, re.I)
              and not GENERIC_ORG.match(o.value.strip())]
    return max(before, key=lambda o: o.start).value if before else None


def _listed(article, person) -> bool:
    """Another person named in the person's sentence, or the person comes from elsewhere («учитель физики из Миасса
    Дамир Байбурин», "a teacher from Omsk")."""
    s, e = article.sentence_of(person.start)
    around = article.text[max(s, person.start - 40):min(e, person.end + 20)]
    return bool(re.search(r"(?<!\w)(?:из|from)\s+[А-ЯЁA-Z]", around)) or \
        any(p is not person and s <= p.start < e and p.value != person.value for p in article.persons)


def of_article_region(article, org: str) -> str | None:
    """«Министерство образования области» in an article from the Saratov region → «Министерство образования
    Саратовской области» (the region of the article's metadata place, when its kind is the word's); «администрации
    района» in an article from a district → «администрация Кирово-Чепецкого района» (that district); else None."""
    word, region = org.split()[-1].lower(), article.region()
    if word == "района":
        region = {"ru": article.place} if re.search(r"\sрайон$", article.place or "") else None
    elif word not in ("области", "края", "республики"):
        return None
    if not region or lemma(word) not in fold(region["ru"]):
        return None
    return org[:-len(word)] + genitive_phrase(region["ru"])


def _of_sentence_region(article, person, org: str) -> str | None:
    """«Пензенскую область представляет первый заместитель министра образования Лилия Чащина»: a ministry named by
    its portfolio only, in a sentence that names one region (and no other place), is that region's ministry."""
    if not org.startswith("Министерств") or re.search(r"\s(?:региона|области|края|республики|округа)$", org):
        return None
    s, e = article.sentence_of(person.start)
    found = {m.extra["id"]: m.extra.get("record") for m in article.places if s <= m.start < e}
    records = list(found.values())
    if len(records) != 1 or not records[0] or records[0].get("kind") != "federal_subject":
        return None
    return f"{org} {genitive_phrase(records[0]['ru'])}"


def _nearest(orgs, person):
    before = [o for o in orgs if o.start < person.start]
    return max(before, key=lambda o: o.start) if before else min(orgs, key=lambda o: o.start)
