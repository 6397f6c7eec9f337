"""Dates in Russian and English text: «30 октября 2023 года», «21.12.2023», «С 17 по 20 августа»,
"26 March 2021", "On March 26", «2024/2025 учебный год». Years are completed from the article date."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from edugraph.facts import is_real_date

RU_MONTHS = {"январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
             "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12}
EN_MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"])}
_RU_MONTH = r"(?P<{0}>январ[яь]|феврал[яь]|марта?|апрел[яь]|ма[яй]|июн[яь]|июл[яь]|августа?|сентябр[яь]|октябр[яь]|ноябр[яь]|декабр[яь])"
_EN_MONTH = r"(?P<{0}>" + "|".join(EN_MONTHS) + ")"
_YEAR = r"(?:\s+(?P<{0}>(?:19|20)\d\d)(?:\s*(?:года|год|г\.))?)?"
# the words of a year's part or season, absolute («в конце 2019 года», "in the spring of 2024") or relative to the
# present year («до конца года», «летом прошлого года», "at the end of last year")
_THIS = r"этого|текущего|нынешнего|прошлого|минувшего|предыдущего|следующего|будущего|наступающего"
_IN_RU = r"(?:в|во|к|до)"
_IN_EN = r"(?:in|at|by|until|before|towards?|from|since|during)"
_PART_RU = r"(?:конц[еау]|начал[еау]|середин[еуы]|(?:перв|втор)\w+\s+(?:половин|полугоди)\w+|" \
           r"(?:перв|втор|трет|четв[её]рт)\w+\s+квартал\w*)"
_PART_EN = r"(?:end|beginning|start|middle|(?:first|second)\s+half|(?:first|second|third|fourth)\s+quarter)"
_SEASON_RU = r"(?:осенью|весной|летом|зимой)"
_SEASON_EN = r"(?:spring|summer|autumn|fall|winter)"

# a day of the month in words, as an ordinal in the genitive or nominative: «с первого сентября», «Первое сентября»
_ORDINAL_STEMS = {stem: i + 1 for i, stem in enumerate((
    "перв", "втор", "трет", "четв[её]рт", "пят", "шест", "седьм", "восьм", "девят", "десят", "одиннадцат", "двенадцат",
    "тринадцат", "четырнадцат", "пятнадцат", "шестнадцат", "семнадцат", "восемнадцат", "девятнадцат"))}
_ORDINAL_STEMS.update({"двадцат": 20, "тридцат": 30})
_ORDINAL_END = r"(?:ого|ое|ье|ьего)"
_DAY_WORDS = rf"(?:(?P<tens>двадцать|тридцать)\s+)?(?P<unit>{'|'.join(_ORDINAL_STEMS)}){_ORDINAL_END}"
ORDINAL_DAY = re.compile(_DAY_WORDS + "$", re.I)


def ordinal_day(words: str) -> int | None:
    """The day a Russian ordinal names («первого» → 1, «двадцать пятого» → 25, «тридцатого» → 30), else None.

    >>> [ordinal_day(w) for w in ("первого", "Двадцать пятого", "третье", "тридцать первого", "тридцатого")]
    [1, 25, 3, 31, 30]
    """
    m = ORDINAL_DAY.match(words.strip())
    if not m:
        return None
    unit = next(v for stem, v in _ORDINAL_STEMS.items() if re.fullmatch(stem, m.group("unit"), re.I))
    tens = {"двадцать": 20, "тридцать": 30}.get((m.group("tens") or "").lower(), 0)
    day = tens + unit
    return day if day <= 31 and not (tens and unit > 9) else None


PATTERNS = [
    ("range", re.compile(r"(?<!\w)[сc]\s+(?P<d1>\d{1,2})(?:\s+" + _RU_MONTH.format("m1") + r")?\s+по\s+(?P<d2>\d{1,2})\s+"
                         + _RU_MONTH.format("m2") + _YEAR.format("y"), re.I)),
    ("range", re.compile(r"(?<!\d)(?P<d1>\d{1,2})\s*[-–—]\s*(?P<d2>\d{1,2})\s+" + _RU_MONTH.format("m2") + _YEAR.format("y"), re.I)),
    ("range", re.compile(r"(?<!\d)(?P<d1>\d{1,2})\s*[-–—]\s*(?P<d2>\d{1,2})\s+" + _EN_MONTH.format("m2") + r"(?:\s+(?P<y>(?:19|20)\d\d))?", re.I)),
    ("day", re.compile(r"(?<!\d)(?P<d1>\d{1,2})\s+" + _RU_MONTH.format("m2") + _YEAR.format("y"), re.I)),
    ("day", re.compile(r"(?<!\d)(?P<d1>\d{1,2})\s+" + _EN_MONTH.format("m2") + r"(?:,?\s+(?P<y>(?:19|20)\d\d))?", re.I)),
    ("day", re.compile(_EN_MONTH.format("m2") + r",?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?"
                       r"(?:,?\s+(?P<y>(?:19|20)\d\d))?(?!\d)",
                       re.I)),  # "March 26", "December, 6, 2016"
    ("day", re.compile(rf"(?<![\w-])(?P<dw>{_DAY_WORDS})\s+" + _RU_MONTH.format("m2") + _YEAR.format("y"), re.I)),
    ("day", re.compile(r"(?<![\d.])(?P<d1>\d{1,2})\.(?P<mn>\d{1,2})\.(?P<y>(?:19|20)\d\d)(?![\d.])")),
    ("day", re.compile(r"(?<![\d-])(?P<y>(?:19|20)\d\d)-(?P<mn>\d\d)-(?P<d1>\d\d)(?![\d-])")),
    ("school_year", re.compile(r"(?P<y>(?:19|20)\d\d)\s*[/–-]\s*(?:19|20)\d\d\s+учебн", re.I)),
    ("month", re.compile(r"(?<!\w)(?:в|во)\s+(?:(?:начале|конце|середине)\s+)?(?P<m2>январ[еья]|феврал[еья]|март[еа]|"
                         r"апрел[еья]|ма[еяй]|июн[еья]|июл[еья]|август[еа]|сентябр[еья]|октябр[еья]|ноябр[еья]|"
                         r"декабр[еья])"
                         r"(?:\s*[-–]\s*[а-я]+)?" + _YEAR.format("y") + r"(?!\w)", re.I)),  # «в октябре 2023 года»
    ("month", re.compile(r"(?<!\w)(?i:in|since|during|until|by)\s+(?:(?i:early|late|mid-?)\s*)?"
                         r"(?P<m2>January|February|March|April|May|June|July|August|September|October|November|"
                         r"December)"
                         r"(?:\s+(?P<y>(?:19|20)\d\d))?(?![\w-])")),  # "in October 2017", "in May"
    # «на сентябрь 2017 года», «к сентябрю 2023 года», «к концу сентября»: a month planned or a deadline month
    ("month", re.compile(r"(?<!\w)(?:на\s+(?P<m2>январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|"
                         r"ноябрь|декабрь)|к\s+(?:(?:концу|началу|середине)\s+" + _RU_MONTH.format("m3")
                         + r"|(?P<m4>январю|февралю|марту|апрелю|маю|июню|июлю|августу|сентябрю|октябрю|ноябрю|"
                         r"декабрю)))"
                         + _YEAR.format("y") + r"(?![\w-])", re.I)),
    ("year", re.compile(rf"(?:{_SEASON_RU}|(?<!\w){_IN_RU}\s+{_PART_RU}|"
                        rf"(?<!\w){_IN_EN}\s+(?:the\s+)?(?:{_SEASON_EN}|{_PART_EN})\s+of|"
                        r"(?<!\w)(?:in\s+)?(?:early|late|mid-?)\s*(?=(?:19|20)\d\d))"  # "in late 2019", "mid-2019"
                        r"\s*(?P<y>(?:19|20)\d\d)(?:\s*(?:года|г\.))?(?![\w/–-])", re.I)),
    ("school_year", re.compile(r"(?P<y>(?:19|20)\d\d)\s*[/–-]\s*(?:19|20)?\d\d\s+(?:academic|school)\s+year", re.I)),
    # «в 2020 году», "in 2020"; a target year: «к 2024 году», "by 2024"
    ("year", re.compile(r"(?<!\w)(?:(?:в|in|by)\s+(?P<y>(?:19|20)\d\d)(?:\s*(?:году|г\.)|(?![\w/–-]))|"
                        r"к\s+(?P<y2>(?:19|20)\d\d)\s*(?:году|г\.))", re.I)),
]


@dataclass(frozen=True)
class DateMention:
    """A date found in text: ISO `date`, optional ISO `end`, character span and kind (day|range|month: «в октябре
    2023 года»|school_year|year: «весной 2024 года», "in the spring of 2024")."""

    start: int
    end_pos: int
    date: str
    end: str | None
    kind: str


def _month(value: str | None) -> int | None:
    if not value:
        return None
    low = value.lower()
    if low in EN_MONTHS:
        return EN_MONTHS[low]
    return next((n for stem, n in sorted(RU_MONTHS.items(), key=lambda kv: -len(kv[0])) if low.startswith(stem)), None)


def _iso(year: int | None, month: int | None, day: int | None) -> str | None:
    if not month or not day or not 1 <= day <= 31 or not 1 <= month <= 12:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"????-{month:02d}-{day:02d}"


def reference_year(meta: dict | None) -> int | None:
    """Year of the article's publication date from metadata, if any."""
    match = re.match(r"(\d{4})", str((meta or {}).get("date") or ""))
    return int(match.group(1)) if match else None


def _complete(iso: str | None, year: int | None) -> str | None:
    if iso and iso.startswith("????"):
        return iso.replace("????", str(year)) if year else None
    return iso


@functools.lru_cache(maxsize=4096)
def find_dates(text: str, year: int | None = None) -> list[DateMention]:
    """Date mentions in text order; a date without a year gets `year` (the article's year)."""
    found: list[DateMention] = []
    taken: set[int] = set()  # the characters of the dates found so far (a set, not a scan of them for each match)
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if not taken.isdisjoint(range(m.start(), m.end())):
                continue
            mention = _mention(kind, m, year)
            if mention:
                found.append(mention)
                taken.update(range(mention.start, mention.end_pos))
    return sorted(found, key=lambda d: d.start)


# a day or month without a year followed by the year relative to the article's: «1 сентября прошлого года»,
# «в июне текущего года», "on September 1 this year", "in March of last year"
YEAR_AFTER = re.compile(r",?\s+(?:(?:of\s+)?(?:the\s+)?(?P<en>this|last|next|current|previous|coming)\s+year|"
                        rf"(?P<ru>{_THIS})\s+года)(?!\w)", re.I)


def year_shift(word: str) -> int:
    """-1, 0 or +1: the year a qualifier points at from the present one («прошлого», "last" → -1; «следующего»,
    "next" → +1; «этого», «текущего», "this" → 0)."""
    low = word.lower()
    return -1 if re.match(r"прошл|минувш|предыдущ|last|previous", low) else \
        1 if re.match(r"следующ|будущ|наступающ|next|coming|upcoming", low) else 0


def _mention(kind: str, m: re.Match, year: int | None) -> DateMention | None:
    groups = m.groupdict()
    end_pos = m.end()
    if kind in ("school_year", "year"):
        return DateMention(m.start(), end_pos, groups["y"] or groups.get("y2"), None, kind)
    after = YEAR_AFTER.match(m.string, m.end()) if not groups.get("y") and year else None
    if after:  # «в сентябре прошлого года»
        year, end_pos = year + year_shift(after.group("en") or after.group("ru")), after.end()
    y = int(groups["y"]) if groups.get("y") else year
    if kind == "month":
        month = _month(groups.get("m2") or groups.get("m3") or groups.get("m4"))
        return DateMention(m.start(), end_pos, f"{y:04d}-{month:02d}", None, kind) if y else None
    month = int(groups["mn"]) if groups.get("mn") else _month(groups.get("m2"))
    day = int(groups["d1"]) if groups.get("d1") else ordinal_day(groups["dw"])
    if not day:
        return None
    start = _complete(_iso(y, _month(groups.get("m1")) or month, day), y)
    end = _complete(_iso(y, month, int(groups["d2"])), y) if groups.get("d2") else None
    if not start or not is_real_date(start) or end and not is_real_date(end):  # «31 сентября»: a typo, no date
        return None  # (it failed the build: no xsd:date)
    return DateMention(m.start(), end_pos, start, end, kind)


DATE_LINE = re.compile(r"^[^\w\n]*\d{1,2}[\s.]+\S+[\s.]+(?:19|20)\d\d\b[^\n]{0,20}$", re.M)


def publication_date(text: str, language: str | None = None) -> str | None:
    """The publication date of an article without metadata: a dated line of its own
    («23 августа 2022 / 17:31», "26 March 2021"), else the latest full date, else a school year's start."""
    for line in DATE_LINE.finditer(text):
        found = [d for d in find_dates(line.group(0)) if d.kind == "day" and not d.date.startswith("?")]
        if found:
            return found[0].date
    dated = [d for d in find_dates(text) if d.kind in ("day", "range")]
    if dated:
        return max(d.date for d in dated)
    years = [d.date for d in find_dates(text) if d.kind == "school_year"]
    return min(years) if years else None


# ---------------------------------------------------------------- dates relative to the publication date

_DAY_OFFSETS = {"позавчера": -2, "вчера": -1, "накануне": -1, "сегодня": 0, "завтра": 1, "послезавтра": 2,
                "yesterday": -1, "today": 0, "tomorrow": 1, "the day before yesterday": -2,
                "the day after tomorrow": 2}
# a year told relative to the present one: «до конца года», «в начале следующего года», «этой осенью», «летом
# прошлого года», "by the end of the year", "at the end of last year", "early next year", "this autumn"
_YEAR_PHRASE = (
    rf"{_IN_RU}\s+{_PART_RU}\s+(?:(?P<q1>{_THIS})\s+)?года(?!\w)"
    rf"|(?P<q2>эт|прошл|следующ|будущ|нынешн|минувш)(?:ой|им)\s+{_SEASON_RU}(?!\w)"
    rf"|{_SEASON_RU}\s+(?P<q3>{_THIS})\s+года(?!\w)"
    rf"|{_IN_EN}\s+(?:the\s+)?{_PART_EN}\s+of\s+"
    rf"(?:(?P<q4>this|last|next|the\s+current|the\s+previous|the\s+coming)\s+|the\s+)year(?![\w-])"
    rf"|(?:(?:in|until|by|from)\s+)?(?:early|late|later|earlier|mid-?)\s*(?P<q5>this|last|next)\s+year(?![\w-])"
    rf"|(?:(?:in|during)\s+)?(?:the\s+)?{_SEASON_EN}\s+of\s+(?P<q6>this|last|next)\s+year(?![\w-])"
    rf"|(?<!for\s)(?<!of\s)(?P<q7>this|last|next)\s+{_SEASON_EN}(?![\w-])")
# a month relative to the present one: «в этом месяце», "next month"
_MONTH_PHRASE = r"в\s+(?P<m1>этом|текущем|прошлом|минувшем|следующем|будущем)\s+месяце|" \
                r"(?<!for\s)(?P<m2>this|last|next)\s+month"
_NUMBERS = {"один": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8,
            "девять": 9, "десять": 10, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10}
_WEEKDAYS = {"понедельник": 0, "вторник": 1, "сред": 2, "четверг": 3, "пятниц": 4, "суббот": 5, "воскресень": 6,
             "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
RELATIVE = re.compile(
    r"(?<!\w)(?P<day>позавчера|вчера|сегодня|послезавтра|завтра|the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|"
    r"yesterday|today|tomorrow|накануне(?=\s*(?:[,.]|(?:в|во|на)\s)))(?!\w)"
    r"|(?<!\w)(?P<year_phrase>" + _YEAR_PHRASE + r")"
    r"|(?<!\w)(?P<month_phrase>" + _MONTH_PHRASE + r")(?![\w-])"
    r"|(?<!\w)(?:в|on|in)\s+(?:the\s+)?(?P<knowledge>День\s+знаний|Day\s+of\s+Knowledge|Knowledge\s+Day)"  # 1 September
    r"|(?P<school_start>(?<!\w\s)(?<!\w)(?:с|к)\s+(?:началом|началу)\s+(?:нового\s+)?учебного\s+года"
    r"|(?<!\w)(?:by|at|from)\s+the\s+(?:start|beginning)\s+of\s+the\s+(?:new\s+)?(?:school|academic)\s+year)"
    r"|(?<!\w)(?P<ago>\d{1,2}|один|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|one|two|three|four|five|six|"
    r"seven|eight|nine|ten)\s+(?:год|года|лет|years?)\s+(?:назад|тому\s+назад|ago)(?!\w)"  # «три года назад»
    r"|(?<!\w)(?P<school_year>(?:в|во|к)\s+(?P<sq1>нов|следующ|будущ|эт|текущ|нынешн|прошл|минувш|предыдущ)\w*\s+"
    r"учебн\w+\s+году|(?:in|by|during)\s+(?:the\s+)?(?P<sq2>new|next|this|current|last|previous|coming|upcoming)\s+"
    r"(?:school|academic)\s+year)(?![\w-])"  # «в новом учебном году», "by the new school year": its start year
    r"|(?<!\w)(?P<year>в\s+(?P<yq1>прошлом|этом|текущем|нынешнем|следующем|будущем|наступающем)\s+году|"
    r"(?P<yq2>last|this)\s+year|(?<!for\s)(?<!of\s)(?P<yq3>next)\s+year)(?!\w)"  # «в прошлом году», "next year"
    r"|(?<!\w)(?:в|on)\s+(?:the\s+)?(?P<teachers_day>День\s+учителя|Teacher['’]?s['’]?\s+Day)"  # 5 October
    r"|(?<!\w)(?:в|во|on|last)\s+(?:(?P<past>минувш\w+|прошл\w+|эт\w+|last)\s+)?"
    r"(?P<weekday>понедельник|вторник|сред[уа]|четверг|пятниц[уа]|суббот[уа]|воскресень[ея]|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)(?!\w)", re.I)


# «вчера, сегодня, завтра», "yesterday, today, tomorrow": past, present and future, no day (two day words listed
# are two days: «вчера и сегодня прошёл форум»)
_DAY_WORD = r"(?:вчера|сегодня|завтра|yesterday|today|tomorrow)"
DAYS_LISTED = re.compile(rf"(?<!\w){_DAY_WORD}(?:\s*(?:,|—|–|-|и|and|,\s*and)\s*{_DAY_WORD}){{2}}(?!\w)", re.I)


def _school_year_start(qualifier: str, published: str) -> int | None:
    """The start year of the school year a qualifier names from the ISO publication date: the new one starts (or
    started) in September of the publication year, the next one then too until August and a year later from
    September; this one is the year of the last September, the last one a year before it. None for all but «новом»
    when the publication date has no month.

    >>> [_school_year_start(q, "2021-01-22") for q in ("нов", "следующ", "эт", "прошл")]
    [2021, 2021, 2020, 2019]
    >>> [_school_year_start(q, "2021-10-05") for q in ("new", "next", "this", "last")]
    [2021, 2022, 2021, 2020]
    """
    year, month = int(published[:4]), int(published[5:7]) if len(published) >= 7 else None
    shift = year_shift(qualifier)
    if qualifier.lower().startswith(("нов", "new")):
        return year
    if month is None:
        return None
    current = year if month >= 9 else year - 1
    return current + 1 if shift > 0 else current + shift


def all_dates(text: str, year: int | None, published: str | None) -> list[DateMention]:
    """The dates of `find_dates`, then those of `relative_dates` that do not start inside one of them: "in March of
    last year" is one month, not also the year "last year".

    >>> [d.date for d in all_dates("in March of last year", 2023, "2023-05-01")]
    ['2022-03']
    """
    found = find_dates(text, year)
    return found + relative_outside(text, found, published)


def relative_outside(text: str, found: list[DateMention], published: str | None) -> list[DateMention]:
    """The dates of `relative_dates` that do not start inside one of the dates `found` in `text`."""
    return [r for r in relative_dates(text, published) if not any(d.start <= r.start < d.end_pos for d in found)]


def relative_dates(text: str, published: str | None) -> list[DateMention]:
    """«вчера», «в минувшую пятницу», "yesterday", "on Friday", «в День знаний», «в День учителя», «в этом году»,
    «в следующем году», "next year", «с началом учебного года» resolved against the ISO publication date (a weekday
    is the latest such day not after it; «минувшую»/"last" one strictly before it; the Day of Knowledge is 1 September
    of that year, Teacher's Day 5 October, the start of the school year the coming one). A publication date of only a
    year or a month ("2013-10") resolves the years alone.

    >>> [d.date for d in relative_dates("Вчера в минувшую пятницу, а три года назад", "2024-03-13")]
    ['2024-03-12', '2024-03-08', '2021']
    >>> [d.date for d in relative_dates("Вчера, в этом году", "2013-10")]
    ['2013']
    """
    import datetime

    if not published or not re.fullmatch(r"\d{4}(?:-\d\d){0,2}", published[:10]):
        return []
    year = int(published[:4])
    base = datetime.date.fromisoformat(published[:10]) if len(published[:10]) == 10 else None
    out = []
    listed = {i for m in DAYS_LISTED.finditer(text) for i in range(m.start(), m.end())}
    for m in RELATIVE.finditer(text):
        if m.group("day") and m.start() in listed:
            continue  # «вчера, сегодня, завтра», "yesterday, today, tomorrow": past, present and future, no day
        if m.group("year_phrase"):  # «до конца года», "early next year"
            qualifier = next((q for q in m.group("q1", "q2", "q3", "q4", "q5", "q6", "q7") if q), "")
            out.append(DateMention(m.start(), m.end(), str(year + year_shift(qualifier.split()[-1] if qualifier
                                                                             else "")), None, "year"))
            continue
        if m.group("month_phrase"):  # «в прошлом месяце», "next month": a month of the publication's year or next
            if len(published[:10]) < 7:
                continue
            month = int(published[5:7]) - 1 + year_shift(m.group("m1") or m.group("m2"))
            out.append(DateMention(m.start(), m.end(), f"{year + month // 12:04d}-{month % 12 + 1:02d}", None,
                                   "month"))
            continue
        if m.group("school_year"):
            start = _school_year_start(m.group("sq1") or m.group("sq2"), published)
            if start:
                out.append(DateMention(m.start(), m.end(), str(start), None, "year"))
            continue
        if m.group("year"):  # «пройдёт в следующем году», "last year"
            shift = year_shift(m.group("yq1") or m.group("yq2") or m.group("yq3"))
            out.append(DateMention(m.start(), m.end(), str(year + shift), None, "year"))
            continue
        if m.group("ago"):
            ago = m.group("ago")
            back = int(ago) if ago.isdigit() else _NUMBERS[ago.lower()]
            out.append(DateMention(m.start(), m.end(), str(year - back), None, "year"))
            continue
        if base is None:
            continue  # a day needs the day of publication
        if m.group("day"):
            day = base + datetime.timedelta(days=_DAY_OFFSETS[re.sub(r"\s+", " ", m.group("day").lower())])
        elif m.group("knowledge"):
            day = datetime.date(base.year, 9, 1)
        elif m.group("teachers_day"):
            day = datetime.date(base.year, 10, 5)
        elif m.group("school_start"):  # the coming 1 September
            day = datetime.date(base.year + (base.month > 9), 9, 1)
        else:
            weekday = next(n for stem, n in _WEEKDAYS.items() if m.group("weekday").lower().startswith(stem))
            back = (base.weekday() - weekday) % 7 or (7 if m.group("past") else 0)
            day = base - datetime.timedelta(days=back)
        out.append(DateMention(m.start(), m.end(), day.isoformat(), None, "day"))
    return out
