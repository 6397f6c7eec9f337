"""Russian mentions: natasha NER (PER/LOC/ORG) plus patterns for initials, districts, city adjectives
and organisation names (ГБОУ СОШ № N, ИМЦ, «центр «…»», Ассоциация …, Комитет по …)."""

from __future__ import annotations

import functools
import re

from edugraph import gazetteer
from edugraph.extract.mentions import Article, Mention
from edugraph.extract.names import nominative_phrase, normalise_person, person_key
from edugraph.text import lemma, morph

INITIALS_NAME = re.compile(r"(?<![\w.])([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)\s+([А-ЯЁ]\.\s?[А-ЯЁ]\.)|"
                           r"(?<![\w.])([А-ЯЁ]\.\s?[А-ЯЁ]\.)\s?([А-ЯЁ][а-яё]+)")
DISTRICTS = re.compile(r"(?<![\w-])((?:[А-ЯЁ][а-яё-]+(?:ого|ий|ом|ому|им)\s*,?\s*(?:и\s+)?)+)район(?:а|ов|е|ы|ом|ах)?(?!\w)")
ABBR_ORG = re.compile(
    r"(?<![\w-])(?:(?:Ф?ГБ|М[БА]|ГА|ГК|Ч|М?К)?(?:ОУ|ДОУ|ПОУ|У)(?:\s+(?:ДО|ДПО|ВО|СОШ|ООШ|ЦО|ДДЮТ|ЦДТ|ДДТ|ИМЦ|ЦППМСП|[А-ЯЁ]{2,6}))*"
    r"|СОШ|ИМЦ|ИТШ|ДДЮТ|ЦДТ|ДДТ|ЦДО|ЦО)(?![\w-])"
    r"(?:\s+«[^»]{1,80}»)?(?:\s*№\s*\d+)?(?:\s+имени(?:\s+[А-ЯЁ][\w.-]*){1,6}?)?"
    r"(?P<tail>(?:\s+(?:[А-ЯЁ][а-яё-]+(?:ого|ой|ых|ей|а|и|ы)|района|округа|города|области|края|республики|г\.\s?[А-ЯЁ][а-яё-]+)"
    r"(?=[\s,.;)]|$))*)")
HEAD_ORG = re.compile(
    r"(?<![\w-])(?:(?:[А-ЯЁ]?[а-яё-]+(?:ая|ой|ий|ый|ое|ого|ую|ей|ых)\s+){0,3})"
    r"(?:[Цц]ентр[а-я]*|[Шш]кол[а-я]*|[Аа]ссоциаци[а-я]*|[Кк]омитет[а-я]*|[Оо]тдел[а-я]*|[Мм]инистерств[а-я]*|[Уу]ниверситет[а-я]*"
    r"|[Ии]нститут[а-я]*|[Кк]олледж[а-я]*|[Гг]имнази[а-я]*|[Лл]ице[а-я]+|[Дд]епартамент[а-я]*|[Уу]правлени[а-я]+|[Аа]кадеми[а-я]+"
    r"|[Дд]ворц?[а-я]*\s+творчества|[Тт]ехнопарк[а-я]*)"
    r"(?:\s+«[^»]{1,80}»|\s*№\s*\d+|\s+(?:по|при)\s+[а-яё]+(?:\s+и\s+[а-яё]+)?"
    r"|\s+(?:[А-ЯЁ]?[а-яё]+(?:-[А-ЯЁа-яё]+)*(?:ого|ой|ых|ей|ий|ов|ия|ии|а|и|ы))(?=[\s,.;)»]|$))*")
GENERIC_HEADS = {"центр", "школа", "отдел", "комитет", "министерство", "университет", "институт", "колледж", "гимназия",
                 "лицей", "департамент", "управление", "академия", "технопарк", "ассоциация"}


@functools.lru_cache(maxsize=1)
def _ner_tagger():
    """natasha's news NER model, loaded once (lemmas and case forms come from pymorphy2, see edugraph.text)."""
    morph()  # applies the pymorphy2 compatibility patch before natasha imports it
    from natasha import NewsEmbedding, NewsNERTagger
    return NewsNERTagger(NewsEmbedding())


def ner_spans(text: str) -> list[Mention]:
    """natasha NER spans as mentions: value = surface text, extra["type"] = PER/LOC/ORG."""
    return [Mention(s.start, s.stop, text[s.start:s.stop], {"type": s.type}) for s in _ner_tagger()(text).spans]


def analyse(article: Article) -> None:
    """Fill persons, places and organisations of a Russian article."""
    spans = ner_spans(article.text)
    by_type = {t: [s for s in spans if s.extra["type"] == t] for t in ("PER", "LOC", "ORG")}
    article.persons = _persons(article.text, by_type["PER"])
    article.places = _places(article.text, by_type["LOC"])
    article.orgs = _orgs(article.text, by_type["ORG"], article)


# ---------------------------------------------------------------- persons

def _persons(text: str, spans: list) -> list[Mention]:
    mentions = [Mention(m.start(), m.end(), re.sub(r"\.\s", ".", m.group(0))) for m in INITIALS_NAME.finditer(text)]
    for span in spans:
        if not any(m.start <= span.start < m.end for m in mentions):
            mentions.append(Mention(span.start, span.end, span.value))
    for mention in mentions:
        mention.value = normalise_person(mention.value)
    return _merge_persons(sorted(mentions, key=lambda m: m.start))


def _is_patronymic(word: str) -> bool:
    return any("Patr" in p.tag for p in morph().parse(word.lower()))


def _merge_persons(mentions: list[Mention]) -> list[Mention]:
    """Drop single words and «Имя Отчество» mentions that repeat a full name; unify names by key."""
    full = [m for m in mentions if len(m.value.split()) > 1 and not _is_patronymic(m.value.split()[-1])]
    canonical = {}
    for m in full:
        canonical.setdefault(person_key(m.value), m.value)
    out = []
    for m in mentions:
        words = m.value.split()
        if m in full:
            m.value = canonical[person_key(m.value)]
            out.append(m)
            continue
        same = [v for v in canonical.values() if lemma(words[0]) in {lemma(w) for w in v.split()}]
        if same:
            m.value = same[0]
            out.append(m)
    return out


# ---------------------------------------------------------------- places

PARENTHESIS = re.compile(r"\s*\([^)]*\)\s*$")  # «Республика Дагестан (РД)»


def _places(text: str, spans: list) -> list[Mention]:
    raw = [Mention(s.start, s.end, s.value) for s in spans if not _honorary(text, s.start) and not _bare_adjective(s.value)]
    for m in DISTRICTS.finditer(text):
        for adj in re.findall(r"[А-ЯЁ][а-яё-]+", m.group(1)):
            raw.append(Mention(m.start(), m.end(), f"{adj} район"))
    for m in re.finditer(r"(?<![\w-])([а-яё]+(?:ого|ий|ое|ая|ой|ым|ом|ую|их))(?=\s+(?:[«\"]|[а-яё]+\s+«|образование|центр))", text):
        if gazetteer.find_place(m.group(1)):
            raw.append(Mention(m.start(), m.end(), m.group(1)))
    context = [m.value for m in raw if not m.value.endswith("район")]
    out = []
    for mention in sorted(raw, key=lambda m: m.start):
        record = gazetteer.find_place(PARENTHESIS.sub("", mention.value), context)
        if record:
            out.append(Mention(mention.start, mention.end, record["ru"], {"id": record["id"], "record": record}))
    return out


def _bare_adjective(word: str) -> bool:
    """«Московского» alone is no place (districts and city adjectives are found by patterns)."""
    return " " not in word.strip() and any("ADJF" in p.tag for p in morph().parse(word.lower())[:1])


def _common_caps(word: str) -> bool:
    """An upper-case common word such as «НОВОСТИ» (a heading, not an abbreviation)."""
    return word.isupper() and len(word) > 4 and morph().word_is_known(word.lower())


def _honorary(text: str, pos: int) -> bool:
    """True inside honorary titles such as «Заслуженный учитель РФ»."""
    return bool(re.search(r"(?:заслуженн|почетн|почётн|народн)\w*\s+(?:учител|работник|артист|врач|деятел|педагог|мастер|наставник)\w*\s*$", text[max(0, pos - 40):pos], re.I))


# ---------------------------------------------------------------- organisations

def _orgs(text: str, spans: list, article: Article) -> list[Mention]:
    found = [Mention(m.start(), m.end(), m.group(0).strip()) for m in ABBR_ORG.finditer(text)]
    found += [Mention(m.start(), m.end(), m.group(0).strip()) for m in HEAD_ORG.finditer(text)]
    for span in spans:
        end = _extend_org(text, span.end, span.value)
        if "\n" not in text[span.start:end] and not any(f.start < end and span.start < f.end for f in found):
            found.append(Mention(span.start, end, text[span.start:end]))
    for mention in found:
        cut = min([p.start for p in article.persons if mention.start < p.start < mention.end], default=mention.end)
        mention.end, mention.value = cut, _trim_tail(text[mention.start:cut].strip())
    out = []
    for mention in sorted(found, key=lambda m: (m.start, -(m.end - m.start))):
        if not mention.value or any(o.start <= mention.start and mention.end <= o.end for o in out):
            continue
        value = _clean_org(nominative_phrase(mention.value))
        if value and _is_named_org(value, article):
            out = [o for o in out if not (mention.start <= o.start and o.end <= mention.end)]
            out.append(Mention(mention.start, mention.end, value))
    return out


def _extend_org(text: str, stop: int, span_text: str) -> int:
    """Extend an ORG span over a genitive tail: capitalised words and «№ N» always, lower-case words
    only after a university-like head («… университета народного хозяйства»)."""
    lower = r"[а-яё]+(?:ого|ой|ых|ей|ия|ии|а|и|ы)|" if re.search(r"(?:университет|институт|академи|колледж)\w*$", span_text, re.I) else ""
    tail = re.match(r"(?:\s+(?:" + lower + r"[А-ЯЁ][а-яё-]+(?:ого|ой|ых|ей|ии|а|и|ы))(?=[\s,.;)]|$)|\s*№\s*\d+)*", text[stop:])
    return stop + (tail.end() if tail else 0)


def _trim_tail(value: str) -> str:
    """Drop trailing lower-case words that cannot be genitive (verbs, short forms: «… созданы»)."""
    words = value.split(" ")
    while len(words) > 1 and re.fullmatch(r"[а-яё-]+", words[-1]) and \
            not any(p.tag.case == "gent" for p in morph().parse(words[-1])):
        words.pop()
    return " ".join(words)


def _clean_org(value: str) -> str:
    value = re.sub(r"\s*\([^)]*\)?\s*$", "", value).strip(" ,.;:–—-")
    return re.sub(r"\s+", " ", value)


def _is_named_org(value: str, article: Article) -> bool:
    """An organisation mention names one organisation: not a bare generic word, an initiative, a person or place."""
    words = value.split()
    first = lemma(words[0].strip("«»"))
    if len(words) == 1 and (first in GENERIC_HEADS or value.islower() or _bare_adjective(value) or _common_caps(value)):
        return False
    if "«" not in value and any("ADJF" in p.tag for p in morph().parse(words[-1].lower())[:1]):
        return False
    if re.search(r"\bцентр\w*\s*$|школ\w*\s*$", value, re.I) and len(words) < 3:
        return False
    if re.fullmatch(r"[«»\w-]+", value) and (gazetteer.find_initiative(value) or gazetteer.find_place(value)):
        return False
    if words[0][0].islower() and lemma(words[0]) not in GENERIC_HEADS and not gazetteer.find_place(words[0]):
        return False
    if lemma(words[-1]) in {"школа", "центр"} and words[0][0].islower() and not re.search(r"[«№]", value):
        return False
    if value[0].islower() and not re.search(r"[«№]|\s[А-ЯЁA-Z]", value):
        return False
    if value[0].islower() and any("plur" in p.tag for p in morph().parse(words[0])[:1]):
        return False
    return not any(p.value in value or value in p.value for p in article.persons)
