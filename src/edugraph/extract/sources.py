"""Who reported the news: a news agency or outlet named as the article's source is one of its organisations.

News conventions read here (vocabulary in data/gazetteers/media.yaml):
- a dateline's agency: «ПЕНЗА, 2 марта. /ТАСС/.», «НИЖНИЙ НОВГОРОД, 7 фев — РИА Новости.», "MOSCOW, March 2 (TASS)";
- a credit line: «Фото: Правительство Приморского края», «Фотографии: Дмитрий Куткин, Вечерний Челябинск»
  (the photographer's name is dropped), «ФОТО: официальный сайт правительства области» (the site's owner);
- an attribution: «сообщает издание «Ura.ru»», "As RusBusinessNews has been informed", "in the material of X", an outlet
  in the genitive or the dative named back in the nominative («в материале «БелПрессы»», «Об этом «ЧелябинскСегодня»
  сообщили …»);
- a listed agency anywhere, in any case («уточнили ТАСС», «передал корреспондент «Интерфакса»»);
- a dateline's outlet in one CamelCase word after the date: "Penza, 2 March 2018. PenzaNews. The Minister …".
A press service («пресс-служба губернатора») is a unit of another body, not an organisation of its own.
"""

from __future__ import annotations

import functools
import re

from edugraph import gazetteer
from edugraph.extract.mentions import Article
from edugraph.extract.names import nominative_phrase
from edugraph.text import fold, longest_first, parses

_CAPITALISED = r"[A-ZА-ЯЁ][\w.-]*(?:\s+[A-ZА-ЯЁ][\w.-]*){0,2}"  # «РИА Новости», "Realnoe Vremya", "Ura.ru"
_DATELINE = (r"(?m)^[^\S\n]*[A-ZА-ЯЁ][\w .-]{1,30},\s*"  # the city: «ПЕНЗА,», "MOSCOW,"
             r"(?:\d{1,2}\s+[A-Za-zА-Яа-яё]+\.?|[A-Za-z]+\.?\s+\d{1,2})(?:\s+\d{4})?(?:\s*г\.)?[.,]?\s*"  # the day
             rf"(?:/\s*(?P<slash>{_CAPITALISED})\s*/|\((?P<paren>{_CAPITALISED})\)"  # «/ТАСС/», "(TASS)"
             rf"|[–—-]\s*(?P<dash>{_CAPITALISED})\s*\."  # «— РИА Новости.»
             r"|(?P<dot>[A-ZА-ЯЁ][a-zа-яё]+[A-ZА-ЯЁ][\w-]*)\.(?=\s))")  # "2 March 2018. PenzaNews."
_DATELINE_GROUPS = ("slash", "paren", "dash", "dot")
_QUOTED = r"«[^»\n]{2,40}»"
_EN_NAME = r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}"
_NUMBER_GUARD = (r"(?!\s*[.,:]\d|\s+(?!(?:сообщ|рассказ|переда|пиш|информир|уточн|report|said|told|wrote)\w*)"
                 r"[a-zа-яё\d])")  # «Крым 24» is no channel in «Крым 24 февраля», «в Крым 24 школьника»


# the case endings of a one-word agency («корреспондент «Интерфакса»», «рассказали «Интерфаксу»»); English has none
_ONE_WORD_ENDINGS = {"ru": gazetteer.CASE_ENDINGS, "en": ""}


@functools.lru_cache(maxsize=1)
def _patterns() -> dict:
    data = gazetteer.load("media")
    endings = {lang: f"{ending}?" if ending else "" for lang, ending in _ONE_WORD_ENDINGS.items()}
    agencies = {lang: re.compile(rf"(?<![\w-])(?P<agency>{_alternatives(data['agencies'][lang])}){endings[lang]}"
                                 r"(?![\w-])") for lang in ("ru", "en")}
    heads = {lang: re.compile(rf"(?<![\w-])(?:(?P<named>(?:{words['named']})\s+{_QUOTED})"
                              rf"|(?:{words['kinds']})\s+(?P<kind>{_QUOTED}))")
             for lang, words in data["outlet_heads"].items()}
    outlet = {lang: rf"(?:(?i:{data['outlet_words'][lang]})\w*\s+)" for lang in ("ru", "en")}
    reports_ru = r"(?:сообща\w+|сообщил[аио]?|пиш\w+|переда[её]т|передают|информиру\w+)\s+"
    attributions = {
        "ru": re.compile(rf"{reports_ru}{outlet['ru']}?(?P<name>{_QUOTED}|[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+)?)"
                         rf"|(?:по\s+данным|по\s+информации|со\s+ссылкой\s+на)\s+{outlet['ru']}(?P<name2>{_QUOTED})"
                         rf"|(?:в\s+материал\w*|по\s+материалам)\s+{outlet['ru']}?(?P<gent>{_QUOTED})"
                         rf"|(?<![\w-])[Оо]б\s+этом\s+(?P<datv>{_QUOTED})\s+(?:сообщил|рассказал)\w*"),
        "en": re.compile(rf"\bAs\s+(?P<name>{_EN_NAME})\s+(?:has|have)\s+(?:been\s+informed|learned|reported)"
                         rf"|\b(?:material|report|article|interview)s?\s+(?:of|by|to|for)\s+"
                         rf"(?P<name2>{_EN_NAME})\s*[.,]"
                         rf"|\b(?:told|according\s+to|reported\s+by)\s+(?:the\s+)?{outlet['en']}(?P<name3>{_EN_NAME})"
                         r"|(?m:^[^\S\n]*(?P<name4>[A-Z][\w.-]*[A-Z][\w.-]*)\s+reports?:)"),  # "CrimeaPRESS reports:"
    }
    credits = {lang: re.compile(rf"(?m)(?:^|(?<=[.!?] ))[^\S\n]*(?i:{data['credits'][lang]})\s*:"
                                rf"\s*(?P<credit>[^\n]+?)\s*$") for lang in ("ru", "en")}
    listed = {lang: [(name, re.compile(_name_pattern(name))) for name in data["agencies"][lang]]
              for lang in ("ru", "en")}
    return {"agencies": agencies, "listed": listed, "heads": heads, "attributions": attributions, "credits": credits,
            "not_sources": re.compile(rf"(?i)^(?:{data['not_sources']})")}


def _alternatives(names: list[str]) -> str:
    """A regex of listed names, the longest first («Известия Калмыкии» is not cut to «Известия»)."""
    return "|".join(_name_pattern(name) for name in sorted(names, key=longest_first))


def _name_pattern(name: str) -> str:
    """A listed name as a regex, white space matching any white space; a Russian name of several words in any case
    («Волжской коммуны»), a word of it with digits or Latin letters as written («Россия 24»: «России 24 школы» is no
    channel)."""
    words = name.split()
    if len(words) > 1 and all(re.fullmatch(r"[А-ЯЁа-яё-]+", w) for w in words):
        return r"\s+".join(map(_word_forms, words))
    return r"\s+".join(map(re.escape, words)) + (_NUMBER_GUARD if len(words) > 1 and words[-1].isdigit() else "")


@functools.lru_cache(maxsize=1024)
def _word_forms(word: str) -> str:
    """A Russian noun or adjective as a regex of its forms in its number (and gender), its first capital kept; another
    word (an abbreviation, an indeclinable, a word in capitals) as written."""
    parse = next((p for p in parses(word.lower()) if p.tag.case == "nomn" and {"NOUN", "ADJF"} & p.tag.grammemes
                  and "Fixd" not in p.tag), None) if len(word) > 2 and not word.isupper() else None
    if parse is None:
        return re.escape(word)
    forms = {f.word for f in parse.lexeme if f.tag.number == parse.tag.number and f.tag.gender == parse.tag.gender}
    forms = {_capitals_of(word, form) for form in forms | {word.lower()}}
    return "(?:" + "|".join(sorted(forms, key=longest_first)) + ")"


def _capitals_of(word: str, form: str) -> str:
    """`form` (lower case) with the capitals of `word` at the same places: «Волжская», «волжской» → «Волжской»."""
    return "".join(c.upper() if i < len(word) and word[i].isupper() else c for i, c in enumerate(form))


@functools.lru_cache(maxsize=4096)
def _listed_name(lang: str, found: str) -> str:
    """The listed name (nominative) of an agency found in an oblique case, quoted or not: «Волжской коммуны» →
    Волжская коммуна; another name as found («Ura.ru» keeps its quotes)."""
    bare = found.strip("«»")
    ending = _ONE_WORD_ENDINGS[lang]  # «сообщили «Интерфаксу»»: a one-word agency takes the endings of its case
    return next((name for name, pattern in _patterns()["listed"][lang] if name != bare and
                 (pattern.fullmatch(bare) or " " not in name and re.fullmatch(re.escape(name) + ending, bare))),
                found)


def credit_lines(article: Article) -> list[re.Match]:
    """The credit lines of an article («Фото: …», "Photo: …"), their text after the colon in the group "credit"."""
    return list(_patterns()["credits"][article.lang].finditer(article.text))


def news_sources(article: Article) -> list[str]:
    """Names of the agencies and outlets that reported the article, in text order, without repeats."""
    patterns, text, lang = _patterns(), article.text, article.lang
    heads = list(patterns["heads"][lang].finditer(text))  # «ГТРК «Кубань»», «газета «…»»
    found: list[tuple[int, str]] = [(m.start(), m.group("kind") or (nominative_phrase(m.group("named"))
                                                                     if lang == "ru" else m.group("named")))
                                    for m in heads]
    named = {i for h in heads if h.group("named") for i in range(h.start("named"), h.end("named"))}
    found += [(m.start(), m.group("agency"))  # not «ИА «Регнум»»'s
              for m in patterns["agencies"][lang].finditer(text) if m.start() not in named]
    for m in re.finditer(_DATELINE, text):
        group = next(g for g in _DATELINE_GROUPS if m.group(g))
        found.append((m.start(group), m.group(group)))
    for m in patterns["attributions"][lang].finditer(text):
        group = next(g for g, value in m.groupdict().items() if value)
        name = m.group(group)
        found.append((m.start(group), _nominative(name, group) if group in ("gent", "datv") else name))
    for m in credit_lines(article):
        credit = _credit(article, m.start("credit"), m.group("credit"))
        if credit:
            found.append((m.start("credit"), credit))
    out: list[str] = []
    seen: set[str] = set()  # folded: «Ura.ru» and Ura.ru are one
    for _, name in sorted(found):
        name = _listed_name(lang, name.strip(" .,"))
        if _is_source(article, name) and fold(name) not in seen:
            seen.add(fold(name))
            out.append(name)
    return out


def _nominative(name: str, case: str) -> str:
    """A one-word outlet name in `case` put back in the nominative, its capitals kept; else as written.

    >>> _nominative("«БелПрессы»", "gent"), _nominative("«ЧелябинскСегодня»", "datv")
    ('«БелПресса»', '«ЧелябинскСегодня»')
    """
    word = name.strip("«»")
    parse = next((p for p in parses(word.lower()) if p.tag.case == case and p.tag.number == "sing"), None)
    form = parse.inflect({"nomn", "sing"}) if parse and " " not in word else None
    if form is None:
        return name
    return name.replace(word, _capitals_of(word, form.word))


def _credit(article: Article, start: int, credit: str) -> str | None:
    """The organisation of a credit line: its last comma part («Дмитрий Куткин, Вечерний Челябинск»), a site's
    owner («официальный сайт правительства …» → «правительство …»); None for a person alone."""
    part = credit.split(",")[-1].strip()
    offset = start + credit.rfind(part)
    if any(p.start < offset + len(part) and offset < p.end for p in article.persons):
        return None
    site = re.match(r"(?i)(?:официальн\w+\s+)?сайт\w*\s+(?P<owner>.+)$", part)
    if site:
        return nominative_phrase(site.group("owner")) if article.lang == "ru" else site.group("owner")
    return part


def _is_source(article: Article, name: str) -> bool:
    """A name that may be an outlet: not a press service or a person's channel, a place or a person."""
    if not name or _patterns()["not_sources"].match(name) or gazetteer.find_place(name):
        return False
    return not any(name in p.value or p.value in name for p in article.persons)
