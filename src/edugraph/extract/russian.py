"""Russian mentions: natasha NER (PER/LOC/ORG) plus patterns for initials, districts, city adjectives
and organisation names (ГБОУ СОШ № N, ИМЦ, «центр «…»», Ассоциация …, Комитет по …)."""

from __future__ import annotations

import bisect
import functools
import re
from difflib import SequenceMatcher

from edugraph import gazetteer
from edugraph.extract.institutions import institution_mentions
from edugraph.extract.listed_orgs import listed_organisations
from edugraph.extract.mentions import Article, Mention, characters, dateline_cities, inside_quotes, quotes_of, unlisted
from edugraph.extract.names import (NAME_TAGS, _person_parts, genitive_phrase, nominative_phrase, normalise_person,
                                    person_identity, spelling_key, trim_org_tail)
from edugraph.extract.posts import HONORARY_STEMS, _has_verb, _nominative_title, _singular_title, post_matches
from edugraph.text import fold, lemma, lemma_key, longest_first, morph, parses, word_is_known

# «Сизова М.Б.» or «М.Б. Сизова»; a name does not run over a line break («… Калинина Л.Г.\nНа снимках»)
INITIALS_NAME = re.compile(r"(?<![\w.])([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)\s+([А-ЯЁ]\.\s?[А-ЯЁ]\.)"
                           r"(?![ \t]?[А-ЯЁ][а-яё])|"
                           r"(?<![\w.])([А-ЯЁ]\.\s?[А-ЯЁ]\.)[ \t]?([А-ЯЁ][а-яё]+)")
SURNAME_BEFORE = re.compile(r"(?<![\w.])[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+$")
# A list of district adjectives before their head: «Кировского, Ленинского и Советского районов», «Нагорского и
# Раскатихинского сельсоветов», «Ленинского муниципального района». One separator per item (a comma or spaces, never
# both ways: «\s*,?\s*» matched a space two ways and doubled the work per word) and at most 12 items: linear.
# Read twice: listed districts («… района», `_places`) and unlisted municipalities in the plural (`_municipalities`).
# An adjective may be hyphenated, each part capitalised or not («Кош-Агачский», «Кирово-Чепецкого»).
DISTRICT_ADJ = r"[А-ЯЁ][а-яё]*(?:-[А-ЯЁа-яё][а-яё]*)*"
DISTRICT_LIST = re.compile(rf"(?<![\w-])(?P<adjs>(?:{DISTRICT_ADJ}(?:ого|ий|ом|ому|им)(?:\s*,\s*|\s+)"
                           r"(?:и\s+)?){1,12})"
                           r"(?P<kind>(?:муниципальн\w+\s+)?(?:район|округ|сельсовет)(?:а|ов|е|ы|ом|ах)?)(?!\w)")


def _republic_names() -> str:
    """The names of the republics after «Республики», which keep their nominative («Республики Татарстан», «Республики
    Саха (Якутия)», «Республики Северная Осетия – Алания»), from the gazetteer's federal subjects, as a regex."""
    names = {s["ru"].removeprefix("Республика ") for s in gazetteer.federal_subjects()
             if s["ru"].startswith("Республика ")}
    return "|".join(r"\s*[—–-]\s*".join(map(_words_pattern, re.split(r"\s*—\s*", name)))
                    for name in sorted(names, key=longest_first))


def _words_pattern(name: str) -> str:
    """The words of a name apart by any spaces, a bracketed word optional («Саха (Якутия)» or «Саха»)."""
    first, *rest = name.split()
    return re.escape(first) + "".join(rf"(?:\s+{re.escape(word)})?" if word.startswith("(") else
                                      r"\s+" + re.escape(word) for word in rest)


REPUBLIC_GENITIVE = r"[Рр]еспублики\s+(?:" + _republic_names() + r")"  # «Министерство … Республики Татарстан»
CAPITAL_WORD_GENITIVE = r"[А-ЯЁ][а-яё-]+(?:ого|ой|ых|ей|а|и|ы)"  # «Республики», «Краснодарского»
CAPITAL_GENITIVE = CAPITAL_WORD_GENITIVE + r"(?=[\s,.;)]|$)"
# a genitive tail's capitalised word, a republic with its nominative name first («Республики Саха (Якутия)»)
GENITIVE_NAME = rf"(?:{REPUBLIC_GENITIVE}|{CAPITAL_WORD_GENITIVE})"
ABBR_ORG = re.compile(
    r"(?<![\w-])(?:(?:Ф?ГБ|М[БА]|МО[БАК]?|ГА|ГК|Ч|Н|М?К)?(?:ОУ|ДОУ|ПОУ|У)"
    r"(?:\s+(?:ДО|ДПО|ВО|СОШ|ООШ|ЦО|ДДЮТ|ЦДТ|ДДТ|ИМЦ|ЦППМСП|[А-ЯЁ]{2,6}))*"
    r"|СОШ|ИМЦ|ИТШ|ДДЮТ|ЦДТ|ДДТ|ЦДО|ЦО)(?![\w-])"
    # a place adjective and a school's abbreviation after the legal form: «МБОУ Кощинская СШ» (one named after a person,
    # «МОУ Романовская СОШ им. И.В. Серещенко», is the NER's whole name)
    r"(?:\s+(?:[А-ЯЁ]-)?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)*(?:ая|ой|ую|ей)\s+(?:СОШ|ООШ|СШ|НОШ|ОШ)(?![\w-])"
    r"(?!\s+им(?:\.|ени\s)))?"
    r"(?:\s+«[^»]{1,80}»)?(?:\s*№\s*\d+)?(?:\s+имени(?:\s+[А-ЯЁ][\w.-]*){1,6}?)?"
    r"(?P<tail>(?:\s+(?:" + GENITIVE_NAME + r"|района|округа|города|"
    r"области|края|республики|г\.\s?[А-ЯЁ][а-яё-]+)(?=[\s,.;)]|$))*)")
NAMESAKE_ABBR_ORG = re.compile(  # «МГУ им. Н. П. Огарева», «ТГУ имени Г. Р. Державина»: an abbreviation named after
    r"(?<![\w-])[А-ЯЁ]{2,6}\s+им(?:\.|ени)\s*(?:[А-ЯЁ]\.\s?){1,2}[А-ЯЁ][а-яё]+(?![\w-])")
ORG_WORDS = gazetteer.load("organisation_words")

HEAD_STEMS = r"(?:" + "|".join(ORG_WORDS["ru_heads"].values()) + r")[а-я]*"  # «центр», «школы», «Министерства» …
# a settlement's kind in the genitive and its name, which keeps its own case («поселка Авдеево», «города Старая Русса»)
SETTLEMENT_NAME = (r"\s+(?:села|пос[её]лка|деревни|станицы|хутора|аула|города)\s+"
                   r"(?:[А-ЯЁ][а-яё]+(?:ая|ый|ий|ое|ые)\s+)?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)*(?=[\s,.;)»]|$)")
# a number without «№» that ends a name: «N7», «номер 4», or up to three digits before a preposition of place, a capital
# or a punctuation mark («школа 65 на улице», «школу 1 Генического округа»; not «школе 1 сентября», «школ 2021 года»)
NUMBER_ALONE = r"\d{1,3}(?![\d.,:]?\d)"  # up to three digits, not the start of a date or a longer number
BARE_NUMBER = r"\s+(?:N\s?|номер\s+)\d+|\s+" + NUMBER_ALONE + r"(?=[,;)]|\.(?!\d)|$|\s+(?:на|в|во|г\.|[А-ЯЁ]))"
ZERO_GENITIVES = r"искусств|наук|услуг|ремесел|ремёсел"  # genitive plurals without an ending («колледж искусств»)
HEAD_ORG = re.compile(
    r"(?<![\w-])(?:(?:[А-ЯЁ]?[а-яё-]+(?:ая|ой|ий|ый|ое|ого|ую|ей|ых|ым|ом|ому|ими|ыми)\s+){0,3})"  # adjectives before
    r"(?i:" + HEAD_STEMS + r")"
    r"(?:\s[-–—]\s(?:[а-яё]+(?:ой|ого|ей|его)\s+){0,2}(?i:" + HEAD_STEMS + r"))?"  # «начальной школы - детского сада»
    r"(?:\s+«[^»]{1,80}»|\s*№\s*\d+|\s+(?:по|при)\s+[а-яё]+(?:\s+и\s+[а-яё]+)?"  # «…», № N, «по образованию»
    r"|\s+при\s+(?!(?i:" + HEAD_STEMS + r"))[А-ЯЁ][а-яё]+[еи](?=[\s,.;)»]|$)"  # «комиссии при Президенте …»
    # (not «совет при Министерстве …»: that body is named on its own)
    r"|" + BARE_NUMBER +  # «школа 65 на улице …», «СОШ N7»
    r"|" + SETTLEMENT_NAME +  # «школы поселка Авдеево», «гимназии города Старая Русса»: a name in apposition
    r"|(?<=ния|тия|ции)\s+и\s+[а-яё]+(?:ния|тия|ции|ки)(?=[\s,.;)»]|$)"  # «центр выявления и поддержки …»
    r"|,?\s+и\s+(?:науки|искусств|искусства|молод[её]жной\s+политики|спорта|культуры|туризма|социальной\s+политики"
    r"|воспитания|развития|инноваций)"
    r"|\s+(?:" + REPUBLIC_GENITIVE + r"|[А-ЯЁ]?[а-яё]+(?:-[А-ЯЁа-яё]+|\s[-–]\s[А-ЯЁ][а-яё]+)*"
    r"(?:ого|ой|ых|ей|ий|ов|ия|ии|а|и|ы)|края)"
    r"(?=[\s,.;)»]|$))*")  # genitive tail («Казачинско – Ленского муниципального района»)
GENERIC_HEADS = set(ORG_WORDS["ru_heads"])
GENERIC_ABBREVIATIONS = set(ORG_WORDS["ru_generic_abbreviations"].split())  # a kind, not a name
GENERIC_ABBREVIATIONS |= set(ORG_WORDS["ru_subject_abbreviations"].split())  # a school subject or exam, not a body


@functools.lru_cache(maxsize=1)
def _ner_tagger():
    """natasha's news NER model, loaded once (lemmas and case forms come from pymorphy2, see edugraph.text)."""
    morph()  # applies the pymorphy2 compatibility patch before natasha imports it
    from natasha import NewsEmbedding, NewsNERTagger
    return NewsNERTagger(NewsEmbedding())


_CAPITAL_WORD = re.compile(r"(?<![\w-])[A-ZА-ЯЁ][\w-]*")
_NAME_TAGS = {"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr", "Trad"}


def may_name_entity(sentence: str) -> bool:
    """False for a sentence whose only capitalised word is a common word at its start («Итоги:», «По словам
    педагогов, …»), a date line or a bullet without capitals: the NER cannot find a name there."""
    caps = _CAPITAL_WORD.findall(sentence)
    if len(caps) != 1:
        return bool(caps)
    word = caps[0]
    first = re.match(r"[^\w]*([\w-]+)", sentence)
    if not first or first.group(1) != word or not re.fullmatch(r"[А-ЯЁ][а-яё-]+", word):
        return True
    return not (word_is_known(word.lower()) and not any(_NAME_TAGS & set(p.tag.grammemes) for p in parses(word.lower())))


NER_PIECE = 10_000  # characters the NER tags at once (longer than any article): its time grows faster than a text
NER_CONTEXT = 1_000  # characters tagged either side of a piece, so that a name at its edge is found as in one go
_SPACE = re.compile(r"\s")


def _piece_end(text: str, start: int) -> int:
    """Where the piece of `text` to tag from `start` ends: after its last line break, else its last space, within
    `NER_PIECE` characters (else there)."""
    if len(text) - start <= NER_PIECE:
        return len(text)
    for separator in "\n ":
        cut = text.rfind(separator, start + 1, start + NER_PIECE)
        if cut > start:
            return cut + 1
    return start + NER_PIECE


def _tagged(text: str) -> list[tuple[int, int, str]]:
    """natasha NER spans (start, stop, type) of `text`, tagged in pieces (`_piece_end`) with `NER_CONTEXT` around
    them (whole words), each span taken from the piece it starts in: the time of one sequence grows faster than its
    length (400,000 characters of one sentence took 4.6 times as long as 100,000)."""
    spans, start = [], 0
    while start < len(text):
        end = _piece_end(text, start)
        space = _SPACE.search(text, max(0, start - NER_CONTEXT), start) if start else None
        left = space.end() if space else start
        right = max(text.rfind(" ", end, end + NER_CONTEXT), end) if end < len(text) else end
        if text[left:right].strip():  # (natasha's NER fails on a text without tokens)
            spans += [(left + s.start, left + s.stop, s.type) for s in _ner_tagger()(text[left:right]).spans
                      if start <= left + s.start < end]
        start = end
    return spans


def ner_spans(text: str, sentences: list[tuple[int, int]] | None = None) -> list[Mention]:
    """natasha NER spans as mentions: value = surface text, extra["type"] = PER/LOC/ORG. With `sentences`, only
    the sentences that may name an entity are tagged (their concatenation, `_tagged`; offsets mapped back)."""
    if sentences is None:
        return [Mention(start, stop, text[start:stop], {"type": kind}) for start, stop, kind in _tagged(text)]
    parts, offsets, length = [], [], 0
    for start, end in sentences:
        if may_name_entity(text[start:end]):
            piece = text[start:end]
            parts.append(piece)
            offsets.append((length, start, len(piece)))
            length += len(piece) + 1
    reduced = "\n".join(parts)
    out = []
    bases = [base for base, _, _ in offsets]
    for span_start, span_stop, kind in _tagged(reduced):
        base, start, size = offsets[bisect.bisect_right(bases, span_start) - 1]
        if span_stop <= base + size:
            begin = start + span_start - base
            out.append(Mention(begin, begin + span_stop - span_start, text[begin:begin + span_stop - span_start],
                               {"type": kind}))
    return out


def analyse(article: Article) -> None:
    """Fill persons, places and organisations of a Russian article."""
    spans = ner_spans(article.text, article.sentences)
    by_type = {t: [s for s in spans if s.extra["type"] == t] for t in ("PER", "LOC", "ORG")}
    article.persons = _persons(article.text, by_type["PER"])
    article.places = _places(article.text, _before_persons(article.text, by_type["LOC"], article.persons))
    article.orgs = _orgs(article.text, by_type["ORG"], article)


def _before_persons(text: str, spans: list[Mention], persons: list[Mention]) -> list[Mention]:
    """NER locations cut before a person found inside them («города Старая Русса Ангелина Сидорова»: one span)."""
    out = []
    starts = sorted(p.start for p in persons)
    for span in spans:
        first = bisect.bisect_right(starts, span.start)  # the first person starting inside the span, if any
        if first < len(starts) and starts[first] < span.end:
            end = starts[first]
            span = Mention(span.start, span.start + len(text[span.start:end].rstrip()), text[span.start:end].strip(),
                           span.extra)
        out.append(span)
    return out


# ---------------------------------------------------------------- persons

NAME_SURNAME = re.compile(r"(?<![\w«-])(?=(?P<pair>([А-ЯЁ][а-яё]+)\s+([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?))(?![\w»-]))")
# (a lookahead: «… Иванова Юлия Стефаник» tries «Юлия Стефаник» too)
SURNAME_END = re.compile(r"(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ская|ский|цкая|цкий|ко|ук|юк|ич|ян|дзе|швили|ых|их)$")


def _named_after(text: str, pos: int) -> bool:
    """«имени М.К. Аммосова», «им. Зины Портновой», a span «им.М.М. Сперанского» that starts with the word: a name
    inside an organisation's name."""
    return bool(re.search(r"(?:имени|им\.)(?:\s+[а-яё-]+)?\s*$", text[max(0, pos - 30):pos]) or
                re.match(r"(?:имени|им\.)", text[pos:pos + 6]))


CAPS_SURNAME = re.compile(r"(?<![\w«-])([А-ЯЁ][а-яё]+)\s+([А-ЯЁ]{3,}(?:-[А-ЯЁ]{2,})?)(?![\w»-])")


def _first_name_pairs(text: str) -> list[Mention]:
    """«Ирина Грабцевич»: a known first name followed by a surname-like word (the NER misses rare surnames);
    «Анатолием АРТАМОНОВЫМ»: a surname in capitals after a first name (a regional news style), in title case."""
    out = [Mention(m.start(), m.end(), f"{m.group(1)} {m.group(2).title()}") for m in CAPS_SURNAME.finditer(text)
           if any("Name" in p.tag and p.score >= 0.3 for p in parses(m.group(1).lower()))
           and any("Surn" in p.tag for p in parses(m.group(2).lower()))]
    for m in NAME_SURNAME.finditer(text):
        first, last, end = m.group(2), m.group(3), m.end("pair")
        if inside_quotes(text, m.start()) or re.match(r"\s+[А-ЯЁ][а-яё]", text[end:]) or \
                not any("Name" in p.tag and p.score >= 0.1 for p in parses(first.lower())):
            continue
        last_parses = parses(last.lower())
        if any("Surn" in p.tag for p in last_parses) or SURNAME_END.search(last.lower()) and not any(
                {"Geox", "Name"} & set(p.tag.grammemes) for p in last_parses):
            out.append(Mention(m.start("pair"), end, m.group("pair")))
    return out


SURNAME_AFTER = re.compile(r"[ \t]+[А-ЯЁ][а-яё]+")
FULL_NAME = re.compile(r"(?<![\w«-])(?=([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+)(?![\w»-]))")


def _full_names(text: str) -> list[Mention]:
    """«Арутюнян Татьяна Семеновна», «Елена Григорьевна Березина»: three words with a first name and a
    patronymic next to each other (award lists and official reports put the surname first)."""
    out: list[Mention] = []
    for m in FULL_NAME.finditer(text):
        words = m.group(1).split()
        if out and m.start() < out[-1].end:
            continue
        first_name = lambda w: any("Name" in p.tag and p.score >= 0.05 for p in parses(w.lower()))  # noqa: E731
        name_first = first_name(words[0]) and _is_patronymic(words[1])
        surname_first = first_name(words[1]) and _is_patronymic(words[2])
        if surname_first and not name_first and SURNAME_AFTER.match(text, m.end(1)):
            continue  # «министр … Республики Коми Надежда Борисовна Дорофеева»: the surname follows the name
        if surname_first or name_first:
            if not _named_after(text, m.start()):
                out.append(Mention(m.start(1), m.end(1), m.group(1)))
    return out


def _initials_names(text: str) -> list[Mention]:
    """«Сизова М.Б.», «М.Б. Сизова»; initials before a word that is no surname («Ершов А.Н. Участники совещания
    …»: a new sentence) end the name of the surname before them."""
    out = []
    for m in INITIALS_NAME.finditer(text):
        start, end = m.span()
        if m.group(4) and not _may_be_surname(m.group(4)):
            before = SURNAME_BEFORE.search(text, max(0, start - 40), start)
            if not before:
                continue
            start, end = before.start(), m.end(3)
        out.append(Mention(start, end, re.sub(r"\.\s", ".", text[start:end])))
    return out


def _may_be_surname(word: str) -> bool:
    """False for a dictionary word that cannot be a surname: a preposition, conjunction or particle («На»), or a noun
    in the plural («Участники»)."""
    found = parses(word.lower())
    if not found or not word_is_known(word.lower()) or any({"Surn", "Name"} & set(p.tag.grammemes) for p in found):
        return True  # (a word the dictionary does not know, «Мольков», may be a surname)
    best = found[0].tag
    return not ({"PREP", "CONJ", "PRCL"} & set(best.grammemes) or best.POS == "NOUN" and best.number == "plur")


def _persons(text: str, spans: list) -> list[Mention]:
    mentions = [m for m in _initials_names(text) if not _named_after(text, m.start)]
    taken = characters(mentions)  # already in a name
    mentions += [m for m in _full_names(text) if taken.isdisjoint(range(m.start, m.end))]
    taken = characters(mentions)
    spans = [_after_named_after(text, s) for s in spans]
    for span in [s for s in _first_name_pairs(text) + spans if not _named_after(text, s.start)]:
        if taken.isdisjoint(range(span.start, span.end)):
            mentions.append(Mention(span.start, span.end, span.value))
            taken.update(range(span.start, span.end))
    mentions = sorted((m for m in mentions if not _namesake(text, m)), key=lambda m: m.start)
    cases: frozenset[str] = frozenset()
    for before, mention in zip([0] + [m.end for m in mentions], mentions):
        nominative = _after_nominative_title(text, mention.start)
        if not (cases and re.fullmatch(r"\s*(?:,|и)\s*", text[before:mention.start])):  # «В. Свешникова и Ф. Кузьмина»
            cases = frozenset() if nominative else _oblique_title_cases(text, before, mention)  # share their case
        mention.value = normalise_person(mention.value, nominative, cases)
    return _merge_persons(mentions)


WORD_BEFORE = re.compile(r"([а-яё]+)\s+$", re.I)
NAMED_AFTER_INSIDE = re.compile(r"(?<!\w)им(?:\.|ени\s)")


@functools.lru_cache(maxsize=1)
def _namesake_heads() -> frozenset[str]:
    """Lemmas of data/gazetteers/organisation_words.yaml `ru_namesake_heads`."""
    return frozenset(gazetteer.load("organisation_words")["ru_namesake_heads"].split())


def _namesake(text: str, mention: Mention) -> bool:
    """A person's name inside an organisation's name: a span that holds «им.»/«имени» («СОШ им.И.В. Серещенко»), or a
    name in the genitive right after a namesake head noun («Фонда Андрея Мельниченко», «Домом-усадьбой П.И.
    Чайковского»)."""
    if NAMED_AFTER_INSIDE.search(mention.value):
        return True
    head = WORD_BEFORE.search(text, max(0, mention.start - 40), mention.start)
    if not head or lemma(head.group(1).lower()) not in _namesake_heads():
        return False
    first = next((w for w in mention.value.replace(".", ". ").split() if len(w) > 2), "")
    readings = [p for p in parses(first.lower()) if {"Name", "Surn"} & set(p.tag.grammemes)]
    cases = {p.tag.case for p in readings}
    return "gent" in cases and "nomn" not in cases


NAMESAKE_ORG = re.compile(r"(?<![\w-])[А-ЯЁ][а-яё]+(?:-[а-яё]+)?\s+(?P<name>(?:[А-ЯЁ]\.\s?){1,2}[А-ЯЁ][а-яё]+|"
                          r"[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+)(?![\w-])")


def _namesake_orgs(text: str) -> list[Mention]:
    """«Фонда Андрея Мельниченко», «Домом-усадьбой П.И. Чайковского»: a capitalised namesake head noun and a
    person's name in the genitive name an organisation (`_namesake`)."""
    out = []
    for m in NAMESAKE_ORG.finditer(text):
        if _namesake(text, Mention(m.start("name"), m.end(), m.group("name"))):
            head = text[m.start():m.start("name")].split()[0]
            head = "-".join(_nominative_noun(part) for part in head.split("-"))  # «Домом-усадьбой» → «Дом-усадьба»
            out.append(Mention(m.start(), m.end(), f"{_capital(head)} {m.group('name')}"))
    return out


def _nominative_noun(word: str) -> str:
    form = parses(word.lower())[0].inflect({"nomn"})
    return form.word if form else word


def _after_nominative_title(text: str, start: int) -> bool:
    """«учитель английского языка гимназии № 3 Раджана Дымбрылова»: a name right after a title in the nominative
    singular (no verb or comma between) is in the nominative too."""
    clause = text[max(0, start - 150):start]
    clause = clause[max(clause.rfind(ch) for ch in ",;:\n") + 1:]
    titles = post_matches(clause, any_case=True)
    return bool(titles) and _nominative_title(titles[-1]) and _singular_title(titles[-1]) and \
        not _has_verb(clause[titles[-1].end():])


SENTENCE_END = re.compile(r"[.!?…]\s+(?=[А-ЯЁ«])(?<![А-ЯЁ]\.\s)")  # not after an initial
def _oblique_title_cases(text: str, before: int, mention: Mention) -> frozenset[str]:
    """The oblique cases the nearest title of the clause before a name (since the previous person, no verb or
    punctuation between) may stand in, which the name shares («под председательством Губернатора Владимирской
    области Александра Авдеева», «при участии главы администрации района А. Кузьмина»); empty after a title in the
    nominative singular."""
    clause = max(before, mention.start - 150)
    clause = max([clause] + [m.end() for m in SENTENCE_END.finditer(text, clause, mention.start)])
    titles = post_matches(text[clause:mention.start], any_case=True)
    if not titles or _singular_title(titles[-1]):
        return frozenset()
    between = text[clause + titles[-1].end():mention.start]
    if re.search(r"[,;:\n()]", between) or _has_verb(between):
        return frozenset()
    head = titles[-1].group(0).lower().split()[0]
    return frozenset(p.tag.case for p in parses(head) if p.tag.case not in (None, "nomn"))


NAMED_AFTER_HEAD = re.compile(r"(?:[А-ЯЁ]\.\s?){1,2}[А-ЯЁ][а-яё]+\s+(?=[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+)")


def _after_named_after(text: str, span: Mention) -> Mention:
    """«школы имени В. Ф. Иванова Юлия Стефаник» read as one name: the person is the part after the school's
    namesake."""
    head = NAMED_AFTER_HEAD.match(span.value)
    if not head or not _named_after(text, span.start):
        return span
    return Mention(span.start + head.end(), span.end, span.value[head.end():])


def _is_patronymic(word: str) -> bool:
    """«Петрович», «Сергеевна» (derived from a first name), not the surname «Грабцевич»."""
    low = word.lower()
    if not any("Patr" in p.tag for p in parses(low)):
        return False
    stem = re.sub(r"(?:ович|евич|ьич|ич|овна|евна|ична|инична)(?:а|у|ем|ом|е|ы|ой)?$", "", low)
    return any("Name" in p.tag for cand in (stem, stem + "й", stem + "а", stem + "я", stem + "ь",
                                                               stem.rstrip("ь") + "ий") for p in parses(cand))


def _name_and_patronymic(words: list[str]) -> bool:
    """«Иван Петрович» (no surname), not «Татьяна Кузьмич»: a man's patronymic after a woman's first name is her
    surname."""
    if not _is_patronymic(words[-1]):
        return False
    woman = any("Name" in p.tag and p.tag.gender == "femn" and p.score >= 0.5 for p in parses(words[0].lower()))
    return not (woman and words[-1].lower().endswith("ич"))


def _name_parts(value: str) -> tuple[str, list[str]]:
    """(surname, [given name, patronymic] as written: whole words or initials) of a person's name."""
    return _person_parts([w for w in re.split(r"[\s.]+", fold(value)) if w])


def _same_person(a: str, b: str) -> bool:
    """Whether two names of one article can be one person: the same surname, and nothing written in one
    contradicts the other (a different given name, a different patronymic initial), nor the patronymic of the
    public person one of them names («А. М. Воробьёв» is not «Андрей Воробьёв», who is Юрьевич).

    >>> _same_person("С. Кравцов", "Сергей Кравцов"), _same_person("А. М. Воробьёв", "Андрей Воробьёв")
    (True, False)
    >>> _same_person("Андрей Воробьёв", "Алексей Воробьёв"), _same_person("И. С. Петров", "Иван Петров")
    (False, True)
    """
    (surname_a, rest_a), (surname_b, rest_b) = _name_parts(a), _name_parts(b)
    if spelling_key(surname_a) != spelling_key(surname_b):
        return False
    for x, y in zip(rest_a, rest_b):
        if (spelling_key(x) != spelling_key(y)) if len(x) > 1 and len(y) > 1 else x[0] != y[0]:
            return False
    fullest = [max(pair, key=len) for pair in zip(rest_a, rest_b)] + (rest_a if len(rest_a) > len(rest_b) else rest_b)[
        len(min(rest_a, rest_b, key=len)):]
    return person_identity(" ".join(fullest + [surname_a])) in {person_identity(a), person_identity(b)}


def _fullness(value: str) -> tuple[int, int]:
    """How much of a name is written: whole words besides the surname, then letters."""
    rest = _name_parts(value)[1]
    return sum(len(w) > 1 for w in rest), sum(map(len, rest))


def _merge_persons(mentions: list[Mention]) -> list[Mention]:
    """Drop single words and «Имя Отчество» mentions that repeat a full name; a short form of a name («С. Кравцов»)
    takes the fullest form it can be (`_same_person`) when that is one person only."""
    full = [m for m in mentions if len(m.value.split()) > 2 or len(m.value.split()) > 1
            and not _name_and_patronymic(m.value.split())]
    persons = []  # lists of the names of one person, the fullest first
    by_surname = {}  # spelling key of a surname -> its persons (only they can be the same person: `_same_person`)
    for value in sorted(dict.fromkeys(m.value for m in full), key=_fullness, reverse=True):
        namesakes = by_surname.setdefault(spelling_key(_name_parts(value)[0]), [])
        same = [names for names in namesakes if all(_same_person(value, name) for name in names)]
        if len(same) == 1:
            same[0].append(value)
        else:
            namesakes.append([value])
            persons.append(namesakes[-1])
    canonical = {value: names[0] for names in persons for value in names}
    by_word = {}  # lemma of a word -> the first full name holding it
    for m in full:
        for word in canonical[m.value].split():
            by_word.setdefault(lemma(word), canonical[m.value])
    is_full = {id(m) for m in full}
    out = []
    for m in mentions:
        words = m.value.split()
        if id(m) in is_full:
            m.value = canonical[m.value]
            out.append(m)
            continue
        if lemma(words[0]) in by_word:
            m.value = by_word[lemma(words[0])]
            out.append(m)
    return out


# ---------------------------------------------------------------- places

PARENTHESIS = re.compile(r"\s*\([^)]*\)\s*$")  # «Республика Дагестан (РД)»


REGION_ADJECTIVE = {"областн": ("femn", "область"), "краев": ("masc", "край")}


def _region_of_adjective(adjective: str, after: str) -> str | None:
    """«Саратовского областного института»: a place adjective before «областной»/«краевой» names the region
    («Саратовская область»), not its capital."""
    kind = next((v for k, v in REGION_ADJECTIVE.items() if re.match(rf"\s+{k}", after, re.I)), None)
    parse = next((p for p in parses(adjective.lower()) if "ADJF" in p.tag), None) if kind else None
    form = parse.inflect({"nomn", "sing", kind[0]}) if parse else None
    name = f"{form.word.capitalize()} {kind[1]}" if form else None
    return name if name and gazetteer.find_place(name) else None


def _town_of_adjective(adjective: str) -> str | None:
    """The adjective when the gazetteer lists it as a place's (`adj` column: «благовещенского технопарка»); None for a
    town named like an adjective («Губкинского университета» is Gubkin University, not in the town Губкинский: a town
    is named before an organisation by its derived adjective, never by its own name)."""
    record = gazetteer.find_place(adjective)
    return adjective if record and lemma_key(record["ru"]) != lemma_key(adjective) else None


def _places(text: str, spans: list) -> list[Mention]:
    raw = [Mention(s.start, s.end, s.value) for s in spans if not _honorary(text, s.start) and not _bare_adjective(s.value)]
    raw += dateline_cities(text)
    for m in DISTRICT_LIST.finditer(text):
        if re.fullmatch(r"район(?:а|ов|е|ы|ом|ах)?", m.group("kind")):
            for adj in re.findall(DISTRICT_ADJ, m.group("adjs")):
                raw.append(Mention(m.start(), m.end(), f"{adj} район"))
    for m in re.finditer(r"(?<![\w-])([а-яёА-ЯЁ][а-яё]+(?:ого|ий|ое|ая|ой|ым|ом|ую|их|ый|ому|ой))(?=\s+(?:[«\"]|[а-яё]+\s+«|образование|центр|"
                         r"(?:[а-яё]+\s+){0,2}(?:университет|институт|колледж|техникум|лице|гимнази|технопарк"
                         r"|кванториум)|(?:[а-яё]+(?:ая|ой|ую|ей|ие|ых|их)\s+){0,2}школ))",  # «магнитогорской школе»
                         text):
        place = _region_of_adjective(m.group(1), text[m.end():m.end() + 14]) or _town_of_adjective(m.group(1))
        if place:
            raw.append(Mention(m.start(), m.end(), place))
    context = list(dict.fromkeys(m.value for m in raw if not m.value.endswith("район")))  # once each: linear time
    out = []
    for mention in sorted(raw, key=lambda m: m.start):
        record = gazetteer.find_place(PARENTHESIS.sub("", mention.value), context)
        if record:
            out.append(Mention(mention.start, mention.end, record["ru"], {"id": record["id"], "record": record}))
    regions = {r["id"] for m in out for r in gazetteer.ancestors(m.extra["record"]) if r["kind"] == "federal_subject"}
    covered = characters(out)  # the characters of `out`: not a scan of `out` for each mention
    kept: dict[int, dict[str, None]] = {}  # the names of `out` once each, by their folded length
    for o in out:
        kept.setdefault(len(fold(o.value)), {})[o.value] = None
    budget = [MAX_COMPARED]
    for mention in sorted(_municipalities(text) + _settlements(text, spans, regions), key=lambda m: m.start):
        if covered.isdisjoint(range(mention.start, mention.end)) and not _like_a_kept_name(mention.value, kept, budget):
            out.append(mention)  # (a misspelt «Кирвоский район» is the listed «Кировский район»)
            covered.update(range(mention.start, mention.end))
            kept.setdefault(len(fold(mention.value)), {})[mention.value] = None
    return sorted(out, key=lambda m: m.start)


MAX_COMPARED = 20_000  # pairs of place names compared for a typo per article at most: beyond (a hostile text), kept


def _like_a_kept_name(name: str, kept: dict[int, dict[str, None]], budget: list[int]) -> bool:
    """`name` is another of the `kept` names (by folded length) at most a typo apart (`_alike`; the same name named
    again is kept: events take the place of their sentence). Only names whose lengths are within 2/3 and 3/2 of each
    other can be alike; `budget[0]` pairs are compared at most (then no name is alike)."""
    size = len(fold(name))
    for length in range(-(-2 * size // 3), 3 * size // 2 + 1):
        for value in kept.get(length, ()):
            if value != name:
                if budget[0] <= 0:
                    return False
                budget[0] -= 1
                if _alike(value, name):
                    return True
    return False


@functools.lru_cache(maxsize=65536)
def _alike(one: str, other: str) -> bool:
    """Two place names at most a typo apart: a ratio of at least 0.8, which needs lengths within 2/3 and 3/2."""
    return SequenceMatcher(None, fold(one), fold(other)).ratio() >= 0.8


MUNICIPALITY = re.compile(  # «Ленинского муниципального района», «Полысаевского городского округа», «Гайского округа»
    r"(?<![\w-])(?P<adj>[А-ЯЁ][а-яё]+(?:\s*[-–]\s*[А-ЯЁ][а-яё]+)?(?:ого|ий|ый|ой|ом|ому|им))\s+"
    r"(?P<kind>(?:муниципальн\w+\s+|городск\w+\s+)?(?:район|округ|сельсовет|улус)(?:а|у|ом|е)?)(?![\w-])")
# of a `DISTRICT_LIST` in the plural, the singular adjectives joined by commas and «и» name one municipality each, in
# any case («Нагорского и Раскатихинского сельсоветов», «в Губкинском и Старооскольском округах», «Улаганский,
# Кош-Агачский … и Чойский районы»)
PLURAL_KIND = re.compile(r"(?:муниципальн\w+\s+)?(?:район|округ|сельсовет)(?:ов|ах|ам|ами|ы|а)")
_ITEM = DISTRICT_ADJ + r"(?:ого|ом|ому|им|ий|ый|ой)"
LISTED_ITEMS = re.compile(rf"(?<![\w-]){_ITEM}(?:,\s+{_ITEM}){{0,10}}(?:,\s+|\s+и\s+){_ITEM}\s+$")
# an adjective the dictionary reads only as a surname («Мартановском»): its masculine by the ending
ADJECTIVE_ENDING = re.compile(r"(?<=[сц]к)(?:ого|ому|ом|им|ий)$")
# a settlement's kind before its name, in any case and number: full words (a village's also capitalised, «Село
# Красный Яр»; not «сел», also the verb «сел») and abbreviations, lower-case only («С. Петров» is an initial)
SETTLEMENT_WORD = (r"(?:г\.|город\w*|с\.|сел[оаеу]\w*|сёл(?![\w-])|пос\.|пос[её]л\w*(?:\s+городского\s+типа)?|п\.|"
                   r"пгт\.?|п\.\s?г\.\s?т\.|р\.\s?п\.|рп(?![\w-])|деревн\w*|д\.|станиц\w*|ст\.|хутор\w*|х\.|аул\w*|"
                   r"слобод\w*|(?:С(?:ел(?:о|а|е|у|ом|ение|ения|ении)|[её]ла)|Деревн(?:я|и|е|ю|ей)|"
                   r"Пос[её]л(?:ок|ка|ке|ки|ках|ком)|Станиц(?:а|ы|е|у|ей|ах)|Хутор(?:а|е|у|ом)?|Аул(?:а|е|у|ом)?|"
                   r"Слобод(?:а|ы|е|у|ой))(?![\w-]))")


def _capital(word: str) -> str:
    return word[:1].upper() + word[1:]


def _masculine(adjective: str) -> str:
    """«муниципального» → «муниципальный»; «Мартановском» (a surname to the dictionary) → «Мартановский»."""
    parse = next((p for p in parses(adjective.lower()) if "ADJF" in p.tag), None)
    form = parse.inflect({"nomn", "sing", "masc"}) if parse else None
    return form.word if form else ADJECTIVE_ENDING.sub("ий", adjective)


def _municipalities(text: str) -> list[Mention]:
    """Municipal districts and urban okrugs that the gazetteer does not list, in the nominative."""
    out, quotes = [], quotes_of(text)
    for m in MUNICIPALITY.finditer(text):
        if gazetteer.find_place(m.group(0)) or quotes.inside(m.start()):
            continue
        adjective = re.sub(r"\s*[-–]\s*", "-", m.group("adj"))  # «Казачинско - Ленского»
        head, _, last = adjective.rpartition("-")
        parse = next((p for p in parses(last.lower()) if "ADJF" in p.tag), None)
        if parse is None and not ADJECTIVE_ENDING.search(last) or parse and parse.tag.number == "plur":
            continue  # «Кочубеевские округа»: several districts
        words = [(head + "-" if head else "") + _capital(_masculine(last).lower())]
        words += [lemma(w) if lemma(w) in {"район", "округ", "улус"} else _masculine(w)
                  for w in m.group("kind").split()]
        mention = unlisted(0, 0, " ".join(words))
        mention.start, mention.end = m.start(), m.end()
        out.append(mention)
    for m in DISTRICT_LIST.finditer(text):
        items = LISTED_ITEMS.search(m.group("adjs"))
        if not items or not PLURAL_KIND.fullmatch(m.group("kind")) or text[m.end():m.end() + 1] == "-":
            continue
        start = m.start("adjs") + items.start()
        kind = [lemma(w) if re.match(r"(?:район|округ|сельсовет)", w) else _masculine(w)
                for w in m.group("kind").split()]
        for adjective in re.finditer(DISTRICT_ADJ, items.group(0)):
            head, _, last = adjective.group(0).rpartition("-")
            name = " ".join([(head + "-" if head else "") + _capital(_masculine(last).lower())] + kind)
            if not gazetteer.find_place(name) and not quotes.inside(start):
                mention = unlisted(0, 0, name)
                mention.start, mention.end = start + adjective.start(), start + adjective.end()
                out.append(mention)
    return out


LOCATION_BEFORE = re.compile(rf"(?:^|\s)(?:в|во|из|под|до|около|от|у|близ|{SETTLEMENT_WORD})\s*$")
# «из Партизанска, Находки и Большого Камня»; one item may be a word NER did not take for a place («Черниговки»)
LIST_BETWEEN = re.compile(r"\s*(?:,|и)\s*(?:[А-ЯЁ][а-яё-]+\s*(?:,|и)\s*)?")


def _located(text: str, spans: list) -> list:
    """The NER locations of one or two words that follow a preposition of place or a settlement word, or continue
    a list of such locations («из Партизанска, Находки, Большого Камня»)."""
    out, last = [], None
    for span in sorted(spans, key=lambda s: s.start):
        words = span.value.split()
        listed = last is not None and LIST_BETWEEN.fullmatch(text[last.end:span.start])
        if len(words) <= 2 and (listed or LOCATION_BEFORE.search(text[max(0, span.start - 12):span.start])):
            out.append(span)
            last = span
    return out


AFTER_KIND = re.compile(rf"(?<![\w-]){SETTLEMENT_WORD}\s*$")  # «города Старая Русса»: the name in apposition


def _two_word_place(value: str, in_apposition: bool = False) -> str | None:
    """«Большого Камня» → «Большой Камень», «Красный Яр»: an adjective and a noun, neither a person's name; after
    its kind word («города Старая Русса») a name whose adjective is nominative stays as written."""
    first, second = value.split()
    if not re.fullmatch(r"[А-ЯЁ][а-яё]+", first) or not re.fullmatch(r"[А-ЯЁ][а-яё]+", second):
        return None
    noun = parses(second.lower())
    if "ADJF" not in parses(first.lower())[0].tag or not any("NOUN" in p.tag for p in noun) \
            or {"Name", "Surn", "Patr"} & set(noun[0].tag.grammemes):
        return None
    if in_apposition and any(p.tag.case == "nomn" for p in parses(first.lower()) if "ADJF" in p.tag):
        return value
    return nominative_phrase(value)


def _settlements(text: str, spans: list, regions: set[str] = frozenset()) -> list[Mention]:
    """Towns and villages: an NER location after a preposition of place or in a list of them, or a word after
    «село», «г.» that the morphological dictionary knows as a geographical name (Geox), in the nominative; a
    listed place after «г.» or «село» that NER missed is its gazetteer record. A town named like a word
    (`gazetteer.find_settlement`) is one after a settlement word, by its adjective before «филиал», or after a
    preposition of place when it lies in one of the federal subjects the text names (`regions`: «в Ясном» of an
    Orenburg article)."""
    candidates = [(s.start, s.value, False, None) for s in _located(text, spans)]
    named = _named_after_kind(text)
    candidates += [(start, word, _kind_names_it(kind, word), _kind_gender(kind)) for kind, start, word, _ in named]
    marked = {start for _, start, _, marks in named if marks}
    candidates += [(m.start(1), m.group(1), False, None) for m in TOWN_OF_NOUN.finditer(text)  # «школ Пудожа»
                   if not gazetteer.find_place(m.group(1))]  # (listed places are NER's: «президента России»)
    in_region = set()  # after a preposition of place: a town named like a word there if in the text's regions
    for m in TOWNS_AFTER_PREPOSITION.finditer(text):  # «В Ивантеевке подвели итоги»: NER tagged nothing there
        for item in re.finditer(rf"[А-ЯЁ]{_TOWN_WORD}", m.group("items")):
            candidates.append((m.start("items") + item.start(), item.group(0), False, None))
            if AFTER_SETTLEMENT.match(text, m.start("items") + item.end()) and AFTER_SETTLEMENT.match(text, m.end()):
                in_region.add(m.start("items") + item.start())
    for m in TOWN_ADJECTIVE.finditer(text):  # «в кингисеппском детском технопарке»: in Кингисепп
        town = place_adjective(m.group(1))
        if town:
            candidates.append((m.start(1), town.capitalize(), False, None))
        elif BRANCH.match(text, m.end(1)):  # «в гайском филиале»: in Гай, a town named like a word
            record = gazetteer.marked_town_of_adjective(lemma(m.group(1)))
            if record:
                candidates.append((m.start(1), record["ru"], False, None))
                marked.add(m.start(1))
    longest: dict[int, tuple[str, bool, str | None]] = {}  # «села Красный Яр»: two words, not «Красный» alone
    for start, word, village, gender in candidates:
        known, after_kind, kind_gender = longest.get(start, ("", False, None))
        longest[start] = (max(word, known, key=len), village or after_kind, gender or kind_gender)
    out = []
    for start, (word, village, gender) in longest.items():
        record = gazetteer.find_settlement(word) if start in marked else gazetteer.find_place(word)
        if record is None and start in in_region:
            record = gazetteer.find_settlement(word)
            record = record if record and record["parent"] in regions else None
        declined = _declined_village_name(word, gender) if village else None  # a village word gives a gender
        if record and declined and fold(record["ru"]) != fold(declined):
            record = None  # «в селе Благодатном» is Благодатное, not a town Благодатный
        if record:  # found again by `_places` when NER saw it; else this is the only mention
            town = gazetteer.find_place(word) is None  # a town named like a word: resolved as one (facts' `towns`)
            out.append(Mention(start, start + len(word), record["ru"], {"id": record["id"], "record": record}
                               | ({"town": True} if town else {})))
            continue
        if " " in word:
            value = _two_word_place(word, bool(AFTER_KIND.search(text, max(0, start - 14), start)))
            if value:
                out.append(unlisted(start, start + len(word), value))
            continue
        geo = [p for p in parses(word.lower()) if "Geox" in p.tag
               and not re.search(r"(?:щина|ье)$", p.normal_form)]  # «Брянщина», «Ставрополье»: a region's other name
        person = any({"Name", "Surn", "Patr"} & set(p.tag.grammemes) and p.score >= geo[0].score
                     for p in parses(word.lower())) if geo else True
        if declined:
            value = declined  # «сёл Гофицкого» → «Гофицкое», «хутора Ольховского» → «Ольховский»
        elif not person:
            value = "-".join(part.capitalize() for part in geo[0].normal_form.split("-"))
        elif village:
            value = word  # «в посёлке Сатис», «пгт Новоселицкое»: named by the word before it, in apposition
        else:
            continue
        out.append(unlisted(start, start + len(word), value))
    return out


_TOWN_WORD = r"[а-яё]+(?:-[А-ЯЁ][а-яё]+)*"  # after its capital: «Ивантеевке», «Кирово-Чепецке»
# capitalised words after a preposition of place, one or a list («из Партизанска, Находки, Черниговки»); only those
# the morphological dictionary knows as geographical names (Geox) or the gazetteer lists are kept (`_settlements`)
TOWNS_AFTER_PREPOSITION = re.compile(rf"(?<![\w-])(?i:в|во|из|под|около|близ)\s+(?P<items>[А-ЯЁ]{_TOWN_WORD}"
                                     rf"(?:(?:,\s*|\s+и\s+)[А-ЯЁ]{_TOWN_WORD}){{0,8}})(?![\w-])")
# a capitalised genitive after a lower-case noun («директорами школ Пудожа», «жителей Кеми»); kept only when the
# morphological dictionary knows it as a geographical name and not as a person's name (`_settlements`)
TOWN_OF_NOUN = re.compile(r"(?<![\w-])[а-яё]{3,}\s([А-ЯЁ][а-яё]{2,}(?:а|я|и|ы))(?=[\s,.;:!?]|$)(?!\s+[А-ЯЁ])")
TOWN_ADJECTIVE = re.compile(r"(?<![\w-])(?:в|во|на)\s+([а-яё]+(?:ском|ской|ских))\s+"
                            r"(?!район|округ|област|кра[ея]|республик|регион|муниципальн|городск|сельск)[а-яё]")
BRANCH = re.compile(r"\s+(?:филиал|отделени)")  # a branch named after the town it is in
# what may follow the name of a settlement after its kind word: not a second capitalised word (a two-word name, «города
# Старая Русса», or a person, «города Анна Петрова») unless it begins a region («г. Гай Оренбургской области»), nor a
# territory noun («городах Алтайского края»)
AFTER_SETTLEMENT = re.compile(r"(?!\s+[А-ЯЁ][а-яё-]+(?![а-яё-]|\s+(?:област|кра[яеюй]|республик|район|округ)))"
                              r"(?!\s+(?:област|кра[яеюй]|республик|район|округ|улус))")
# full words only, and the unambiguous abbreviations of a town-like settlement: «с.», «п.», «д.» are ambiguous
VILLAGE_WORD = r"(?i:сел[оаеу]|с[её]л|пос[её]л|деревн|деревен|станиц|хутор|аул|слобод|пгт|рп|р\.\s?п\.|п\.\s?г\.\s?т\.)"
# «города Майского», «п.Созимский» (not the plural «городов Центра»; «г.» also ends a year: «2019 г. Министерство»)
TOWN_WORD = r"(?i:город(?:а|е|у|ом)?(?!\w)|пос\.|п\.)"


_PLACE_WORD = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)*"
PLACE_WORD = re.compile(_PLACE_WORD)
NAME_AFTER_KIND = re.compile(rf"(?<![\w-])({SETTLEMENT_WORD})\s*({_PLACE_WORD})")
SECOND_NAME_WORD = re.compile(rf"\s+({_PLACE_WORD})(?![а-яё-])(?!\s+(?:област|кра[яеюй]|республик|район|округ|улус))")
# a village word in the plural (or a form that may be: «станицы», «деревни»), before a list of names («сёл Гофицкого,
# Благодатного и Шангала», «в станицах Ладожской и Каневской», «в селах Андреевка и Лепокурово»)
PLURAL_VILLAGE_WORD = re.compile(r"(?i:с[её]л(?:а|ах|ам|ами)?|селени(?:я|й|ях|ям|ями)|деревн(?:и|ях|ям|ями)|деревень"
                                 r"|пос[её]лк(?:и|ов|ах|ам|ами)|станиц(?:ы|ах|ам|ами)?|хутор(?:а|ов|ах|ам|ами)"
                                 r"|аул(?:ы|ов|ах|ам|ами)|слобод(?:ы|ах|ам|ами)?)")
PLURAL_VILLAGE_LIST = re.compile(rf"(?<![\w-])({PLURAL_VILLAGE_WORD.pattern})\s+({_PLACE_WORD})")
LIST_SEPARATOR = re.compile(rf"(,\s*|\s+и\s+)(?={_PLACE_WORD})")


def _named_after_kind(text: str) -> list[tuple[str, int, str, bool]]:
    """The names a settlement word puts after it, as (kind word, start, name, may be a town named like a word): one
    word, or two that make a name («Село Красный Яр», «д. Малые Кабаны»); after a village word in the plural, every
    name of its list («сёл Гофицкого, Благодатного, Донская Балка и Шангала»), which ends at «и» and its name."""
    found, quotes = {}, quotes_of(text)
    for m in NAME_AFTER_KIND.finditer(text):
        if m.group(1)[0].isupper() and quotes.inside(m.start()):
            continue  # «Село Зелёное» in quotes names a firm or a festival
        word = _settlement_name_at(text, m.start(2), m.end(2))
        found[m.start(2)] = (m.group(1), m.start(2), word, _marks_town_named_like_a_word(text, m, len(word)))
    for m in PLURAL_VILLAGE_LIST.finditer(text):  # (the bare «сел» too: before a list it is no verb)
        kind, start, end = m.group(1), m.start(2), m.end(2)
        while True:
            word = _settlement_name_at(text, start, end)
            first = parses(word.lower())[0]
            if " " not in word and {"Name", "Surn", "Patr"} & set(first.tag.grammemes) and first.score >= 0.5:
                break  # a person («сел Иванов, Петров …»: the verb), no village of the list
            separator = LIST_SEPARATOR.match(text, start + len(word))
            if start not in found and (separator or start != m.start(2)):
                found[start] = (kind, start, word, False)  # a listed gazetteer town; not «Шангала» as Шангалы
            if not separator or start != m.start(2) and "," not in text[start - 2:start]:
                break  # the list ends after its «и»
            start = separator.end()
            end = PLACE_WORD.match(text, start).end()
    return sorted(found.values(), key=lambda n: n[1])


def _settlement_name_at(text: str, start: int, end: int) -> str:
    """The settlement name that starts with the word text[start:end]: that word, or it and the next capitalised word
    when the two make a place name in apposition («Донская Балка»; not «Ивановка Петровского района»)."""
    second = SECOND_NAME_WORD.match(text, end)
    if second and _two_word_place(text[start:second.end()], in_apposition=True):
        return text[start:second.end()]
    return text[start:end]


def _marks_town_named_like_a_word(text: str, match: re.Match, length: int) -> bool:
    """Whether the name (of `length` characters) after a settlement word (any kind, «г.», «посёлке») may be a town
    named like a word or a person (Гай, Ясный: `gazetteer.find_settlement`): not after «г.» that ends a year («2019
    г. Министерство»), nor a name that goes on (`AFTER_SETTLEMENT`). Decides the gazetteer lookup, not whether an
    unlisted word is a place."""
    year = match.group(1) == "г." and re.search(r"\d\s*$", text[max(0, match.start() - 3):match.start()])
    return not year and bool(AFTER_SETTLEMENT.match(text, match.start(2) + length))


VILLAGE_ABBREVIATION = r"(?:с|д|п|пос|ст|х)\.$"  # «с. Благодатное», «ст. Новоивановской»


def _kind_names_it(kind: str, word: str) -> bool:
    """Whether an unlisted word after a settlement word is kept as a village (`_declined_village_name`) though the
    dictionary reads no place rather than a name in it: after a village word always («в посёлке Сатис», «пгт
    Новоселицкое»), after a town word unless the word may be a person's name («школы № 5 города Майского», «города
    Грязи», «п.Созимский»; not «Глава города Дмитрий Юрьевич»), after a village's abbreviation when it is an adjective,
    in the nominative or the kind's gender, that is rather no person's name («с. Благодатное», «ст. Новоивановской»; not
    «д. Петровская», «с. Иванов», «ст. Уголовного кодекса»)."""
    if re.match(VILLAGE_WORD, kind):
        return True
    word_parses = parses(word.lower())
    if re.match(VILLAGE_ABBREVIATION, kind) and "ADJF" in word_parses[0].tag:
        agrees = word_parses[0].tag.case == "nomn" or any(
            "ADJF" in p.tag and p.tag.gender == _kind_gender(kind) for p in word_parses)  # not «ст. Уголовного»
        return agrees and not any(NAME_TAGS & set(p.tag.grammemes) and p.score >= word_parses[0].score
                                  for p in word_parses)
    return bool(re.match(TOWN_WORD, kind)) and not any(
        NAME_TAGS & set(p.tag.grammemes) and p.score >= 0.1 for p in word_parses)


def _kind_gender(kind: str) -> str:
    """The gender of a settlement word, which an adjective name declined with it shares: «села», «с.» neuter;
    «деревни», «станицы», «слободы», «д.», «ст.» feminine; towns, «посёлка», «хутора», «аула», «пгт» masculine."""
    kind = kind.lower()
    if re.match(r"с\.|с[её]л", kind):
        return "neut"
    return "femn" if re.match(r"д\.|ст\.|деревн|станиц|слобод", kind) else "masc"


def _declined_village_name(word: str, gender: str) -> str | None:
    """A one-word name after its kind word that the dictionary reads first as an adjective in a case other than the
    nominative, declined with the kind word: in the nominative and its `gender` («станице Советской» → «Советская»,
    «сёл Благодатного» → «Благодатное»); None for any other name (a noun is in apposition: «в посёлке Сатис»)."""
    if " " in word:
        return None
    parse = parses(word.lower())[0]
    if "ADJF" not in parse.tag or parse.tag.case == "nomn":
        return None
    form = parse.inflect({"nomn", "sing", gender})
    return _capital(form.word) if form else word


def _bare_adjective(word: str) -> bool:
    """«Московского» alone is no place (districts and city adjectives are found by patterns)."""
    return " " not in word.strip() and any("ADJF" in p.tag for p in parses(word.lower())[:1])


def _common_caps(word: str) -> bool:
    """An upper-case common word or place such as «НОВОСТИ», «ФОТО», «НИЖНИЙ НОВГОРОД» (a heading, not an
    abbreviation; a listed institution's, «МГИМО», is one)."""
    if not word.isupper() or len(word) < 4 or word in gazetteer.institution_names("ru"):
        return False
    return bool(gazetteer.find_place(word.title())) or \
        all(word_is_known(w.lower()) and len(w) >= 4 for w in word.split())


def _honorary(text: str, pos: int) -> bool:
    """True inside honorary titles such as «Заслуженный учитель РФ»."""
    return bool(HONORARY_BEFORE.search(text[max(0, pos - 40):pos]))


HONORARY_BEFORE = re.compile(HONORARY_STEMS + r"\w*\s+(?:учител|работник|артист|врач|деятел|педагог|мастер|"
                             r"наставник)\w*\s*$", re.I)


# ---------------------------------------------------------------- organisations

def _orgs(text: str, spans: list, article: Article) -> list[Mention]:
    found = [Mention(m.start(), m.end(), m.group(0).strip()) for m in ABBR_ORG.finditer(text)]
    abbreviations = characters(found)
    found += [Mention(m.start(), m.end(), m.group(0)) for m in NAMESAKE_ABBR_ORG.finditer(text)
              if m.start() not in abbreviations]
    found += [_with_portfolio_list(text, _cut_at_verb(text, _without_leading_nouns(_settlement_ends(m))))
              for m in HEAD_ORG.finditer(text)]
    taken = characters(found)  # in an organisation found so far
    for span in map(lambda s: _without_people(text, s), spans):
        end = _extend_org(text, span.end, span.value)
        if _quoted_name_only(text, span.start, end) or _word_alone_no_name(text[span.start:end]) \
                or _common_phrase(text[span.start:end]):
            continue
        if "\n" not in text[span.start:end] and taken.isdisjoint(range(span.start, end)):
            found.append(Mention(span.start, end, text[span.start:end]))
            taken.update(range(span.start, end))
    found += institution_mentions(text, "ru", taken)  # «МГИМО», «Рособрнадзора» that the NER missed
    person_starts = sorted(p.start for p in article.persons)
    for mention in found:  # cut before the first person inside
        after = bisect.bisect_right(person_starts, mention.start)
        cut = person_starts[after] if after < len(person_starts) and person_starts[after] < mention.end else mention.end
        mention.end, mention.value = cut, _trim_tail(text[mention.start:cut].strip())
    found += _namesake_orgs(text)  # after the cut: the namesake is no person, and the head is already nominative
    out, reach = [], -1  # reach: the furthest end in `out`, all of which start before or where the next one does
    for mention in sorted(found, key=lambda m: (m.start, -(m.end - m.start))):
        if not mention.value or mention.end <= reach:  # inside one kept before
            continue
        value = _regional_body(_clean_org(nominative_phrase(mention.value)), article)
        if _several(text, mention, value):
            continue
        if value and _network_mention(text, mention.start, value):
            article.generic_orgs.append(Mention(mention.start, mention.end, value))
            continue
        if value and _is_named_org(value, article):
            while out and out[-1].start == mention.start:  # a shorter one from the same start, inside this one
                out.pop()
            out.append(Mention(mention.start, mention.end, value))
            reach = max(reach, mention.end)
    return _with_listed(text, out)


def _with_listed(text: str, orgs: list[Mention]) -> list[Mention]:
    """The organisations with each list under one plural head («Жуковской, Шаминской и Чебачинской школ») as one
    organisation per listed name, in place of what was found inside the list or a later list (the lists' characters
    gathered once, from the last list back: not a filter of all organisations per list)."""
    inside: set[int] = set()  # the characters of the lists after the one at hand
    kept = []  # the lists' names, last list first; a list's names start where it does: gone inside a later list
    for start, end, names in reversed(listed_organisations(text)):
        kept += [] if start in inside else names[::-1]
        inside.update(range(start, end))
    return sorted([o for o in orgs if o.start not in inside] + kept[::-1], key=lambda o: o.start)


# «Отдел образования Администрации Притобольного района», «Комитет Государственной Думы по просвещению»: a unit of a
# body named after it in the genitive; the body is an organisation of the article too
UNIT_OF_BODY = re.compile(r"(?:отдел|управлени|комитет|департамент|сектор|коллеги)\w*\s+(?:(?-i:[а-яё]+)\s+){0,3}?"
                          r"(?P<body>(?:(?-i:[А-ЯЁ])[а-яё]+(?:ой|ого)\s+)?"
                          r"(?:администрации|правительства|министерства|думы|собрания|мэрии)"
                          r"(?:\s+(?-i:[А-ЯЁ«])\S*)*?(?:\s+(?:(?-i:[а-яё]+)\s+)?(?:района|округа|области|края))?"
                          r"(?:\s+(?-i:[А-ЯЁ])[а-яё-]+\s+(?:области|края|округа))?)"  # «… района Волгоградской области»
                          r"(?=\s+по\s|$)", re.I)


def parent_body(name: str) -> str | None:
    """The body a unit belongs to, named inside the unit's name (see UNIT_OF_BODY), in the nominative.

    >>> parent_body("Комитет Государственной Думы по просвещению")
    'Государственная Дума'
    """
    m = UNIT_OF_BODY.match(name)
    if not m or not re.search(r"[А-ЯЁ]", m.group("body")[1:]):  # a name, not «Администрации района»
        return None
    body = nominative_phrase(m.group("body"))
    return body[:1].upper() + body[1:]


REGION_SCOPE = r"(?:региональн|областн|краев|республиканск)"  # the stems of a region's own body's adjective
LOCAL_SCOPE = r"(?:районн|городск)"  # of a district's or town's
REGIONAL_BODY = re.compile(r"^" + REGION_SCOPE + r"\w*\s+"
                           r"(?P<body>(?:министерств|департамент|правительств|управлени)\w*"
                           r"(?:\s+(?-i:[а-яё]+))*)$", re.I)


def _regional_body(value: str, article: Article) -> str:
    """«региональное министерство образования и науки» in an article from the Tambov region → «Министерство
    образования и науки Тамбовской области» (the region of the metadata place); «региональные управления федеральных
    структур», bodies of many kinds, are none (""); other names unchanged."""
    m = REGIONAL_BODY.match(value or "")
    if m and re.match(r"\w+(?:ые|ие|ых|их)\s", value):
        return ""
    region = article.region() if m else None
    if not region:
        return value
    body = m.group("body")
    return f"{body[:1].upper()}{body[1:]} {genitive_phrase(region['ru'])}"


def _quoted_name_only(text: str, start: int, end: int) -> bool:
    """An NER organisation that is only a quoted name («Хайтек», команда «Байт») without an organisation word before it."""
    span = text[start:end].strip()
    inner = start + 1 if span.startswith("«") else start
    if not inside_quotes(text, inner) or "»" not in text[inner:end + 1]:
        return False
    before = re.search(r"([\w.-]+)\s*«?$", text[max(0, start - 40):start].rstrip("«"))
    word = before.group(1) if before else ""
    return not (re.fullmatch(r"[А-ЯЁA-Z]{2,}", word) or _org_head_word(word))


def _org_head_word(word: str) -> bool:
    """An organisation head noun or body noun (ru_heads, ru_body_nouns) or an adjective before a quoted name
    («центр», «клуб», «владикавказский»)."""
    low = word.lower()
    return bool(low) and (lemma(low) in GENERIC_HEADS | BODY_NOUNS or any("ADJF" in p.tag for p in parses(low)[:1]))


# at the start of the text or after a sentence end; searched in the 100 characters before a mention (`pos` and
# `endpos` of the search: «^» is still only the text's start), not in the whole text before it
SENTENCE_START = re.compile(r"(?:^|[.!?…]\s*|\n\s*)$")
NETWORK_HEAD = re.compile(r"^(?:[а-яё-]+\s+){0,3}«(?P<name>[^»]+)»$")


def _network_mention(text: str, start: int, value: str) -> bool:
    """«центр «Точка роста»», «два центра «IT-куб»», «детский технопарк «Кванториум»» without a place or number:
    a centre of a network (an initiative), not a named organisation; kept aside to resolve «директор технопарка»."""
    if SENTENCE_START.search(text, max(0, start - 100), start) and lemma(value.split()[0].lower()) in GENERIC_HEADS:
        value = value[:1].lower() + value[1:]  # «Центр «Точка роста» открылся!»: capitalised as the sentence starts
    m = NETWORK_HEAD.match(value)
    if m and any(place_adjective(w) for w in value[:m.start("name")].split()):
        return False  # «кингисеппский детский технопарк «Кванториум»»: the centre of one town
    return bool(m and value[0].islower() and gazetteer.find_initiative(m.group("name")))


def place_adjective(word: str) -> str | None:
    """The town (lower case) an adjective is made from, when the dictionary knows it as a place («кингисеппский» ←
    кингисепп, «тюменский» ← тюмень, «ужурский» ← ужур); None for «детский», «российский».

    >>> [place_adjective(w) for w in ("кингисеппском", "тюменский", "детский", "всероссийский")]
    ['кингисепп', 'тюмень', None, None]
    """
    if not re.fullmatch(r"[а-яё]+", word.lower()):
        return None
    normal = parses(word.lower())[0].normal_form
    if not normal.endswith("ский"):
        return None
    stem = normal[:-4]
    return next((town for town in (normal[:-2], stem, stem + "ь", stem + "а", stem + "о")
                 if word_is_known(town) and "Geox" in parses(town)[0].tag), None)


TERRITORY_BODIES = {"администрация", "мэрия", "правительство", "дума"}  # one per territory: «мэрия Кургана»


def _several(text: str, mention: Mention, value: str) -> bool:
    """A mention of several bodies, not one: a generic head in the plural («школ Романовского района»), with only a
    place after it («школы Томской области»), or counted («две школы района»). `value`: its name in the nominative."""
    return _plural_generic(mention.value) or bool(value) and (
        _generic_with_place(value)
        or bool(COUNTED.search(text, max(0, mention.start - 12), mention.start)) and _generic_head(value))


COUNTED = re.compile(r"(?<![\w-])(?:два|две|три|четыре|оба|обе|\d+)\s+$", re.I)  # «две школы района»: several


def _generic_head(value: str) -> bool:
    """A lower-case generic head without a quoted name or number («школа Пудожского района»)."""
    return value[0].islower() and lemma(value.split()[0]) in GENERIC_HEADS and not re.search(r"[«№]", value)


def _plural_generic(written: str) -> bool:
    """«школ Романовского района», «центров области», «Центров «Точки роста»»: a generic head only in the plural as
    written (not «школы», which may be one school's genitive), without a number or a quoted name other than a network's
    (an initiative): several, not one."""
    words = written.split()
    quoted = re.search(r"«([^»]+)»", written)
    if not words or "№" in written or quoted and not gazetteer.find_initiative(quoted.group(1)):
        return False
    readings = [p for p in parses(words[0]) if p.normal_form in GENERIC_HEADS]
    return bool(readings) and all("plur" in p.tag for p in readings)


def _without_people(text: str, span: Mention) -> Mention:
    """«Воспитанники Ивановского детского сада», «Педагоги Лицея № 2»: an NER name that starts with a plural noun of
    people (the sentence's subject) starts after it."""
    first = re.match(r"[А-ЯЁ][а-яё]+\s+(?=[А-ЯЁ«])", span.value)
    if not first or not all({"NOUN", "anim", "plur"} <= set(p.tag.grammemes)
                            for p in parses(first.group(0).strip().lower())[:1]):
        return span
    return Mention(span.start + first.end(), span.end, span.value[first.end():])


def _word_alone_no_name(written: str) -> bool:
    """A single capitalised word the NER took for an organisation's name that names none: one the dictionary reads
    first as a person's or place's name («Астапы», «Кузбасс»), or a dictionary word without a name's tag, a common
    noun («Станция», «Лицей», «Сборная»). Coined names («Чувашинформ», «ЕвроХим»), abbreviations and quoted names
    stay."""
    word = written.strip()
    if not re.fullmatch(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?", word):
        return False
    if _dictionary_name(word):
        return True
    return "-" not in word and word_is_known(word.lower()) and \
        not any({"Orgn", "Abbr", "Name", "Surn", "Geox", "Trad"} & set(p.tag.grammemes) for p in parses(word.lower()))


BODY_NOUNS = set(ORG_WORDS["ru_body_nouns"].split())  # nouns of bodies that are no head of a found name


def _common_phrase(written: str) -> bool:
    """«Вооружённые силы», «Красная книга»: an NER name of ordinary lower-case words after a capital with no word of
    a body («агентство», «совет», a head noun: «Международная космическая станция» stays) is a thing or a kind, not
    one organisation."""
    words = written.split()
    if len(words) < 2 or re.search(r"[«\"№\d]", written) or any(not re.fullmatch(r"[а-яё-]+", w) for w in words[1:]):
        return False
    if not re.fullmatch(r"[А-ЯЁ][а-яё-]+", words[0]):
        return False
    return not any(lemma(w.lower()) in GENERIC_HEADS | BODY_NOUNS for w in words)


def _generic_with_place(value: str) -> bool:
    """«школы Томской области», «центры Курской области»: a lower-case generic noun with only a place after it
    (a territory's own body in the singular, «администрация Конаковского района», names one organisation)."""
    words = value.split()
    if not value[0].islower() or lemma(words[0]) not in GENERIC_HEADS or re.search(r"[«№]", value):
        return False
    if lemma(words[0]) in TERRITORY_BODIES and any("sing" in p.tag for p in parses(words[0].lower())[:1]):
        return False
    rest = [w for w in words[1:] if w.lower() not in {"и", "в"}]
    if rest and lemma(words[0]) in ONE_PER_SETTLEMENT and lemma(rest[0]) in VILLAGE_WORDS | ONE_PER_TOWN.get(
            lemma(words[0]), set()) and any("sing" in p.tag for p in parses(words[0].lower())[:1]):
        return False  # «школа поселка Авдеево», «гимназия города Старая Русса»: the school of a settlement (a town has
        # many schools: «школа города Светлограда» is any of them)
    return all(lemma(w) in TERRITORY_WORDS
               or gazetteer.find_place(w) or w[:1].isupper() and _dictionary_name(w) == "place"
               or any("ADJF" in p.tag for p in parses(w.lower())[:1]) and
               gazetteer.find_place(w + " " + (rest[-1] if rest else ""))
               or i > 0 and w[:1].isupper() and lemma(rest[i - 1]) in SETTLEMENT_WORDS  # «школа района Сельма»
               or i > 1 and w[:1].isupper() and rest[i - 1][:1].isupper() and lemma(rest[i - 2]) in SETTLEMENT_WORDS
               for i, w in enumerate(rest)) if rest else True


def _dictionary_name(word: str) -> str | None:
    """What the morphological dictionary reads a word first as: "person" (a first name, surname or patronymic,
    «Астапы»), "place" (a geographical name, «Пудожа», «Кузбасс») or None."""
    tags = set(parses(word.lower())[0].tag.grammemes)
    return "person" if {"Name", "Surn", "Patr"} & tags else "place" if "Geox" in tags else None


TERRITORY_WORDS = {"область", "край", "республика", "район", "округ", "город", "регион", "автономный"}
SETTLEMENT_WORDS = {"район", "микрорайон", "город", "посёлок", "поселок", "село", "деревня", "станица"}
VILLAGE_WORDS = {"посёлок", "поселок", "село", "деревня", "станица", "хутор", "аул"}
ONE_PER_SETTLEMENT = {"школа", "гимназия", "лицей"}  # named by the village they are in
ONE_PER_TOWN = {"гимназия": {"город"}, "лицей": {"город"}}  # and by the town


# a body's portfolios listed with commas after its first one («Министерством образования, науки и по делам молодёжи
# КБР»): lower-case pieces (at most four words each, at most four commas) and «и» before the last, then a capitalised
# word or an abbreviation that names whose body it is (NER ends the span at the first comma)
BODY_PORTFOLIO = re.compile(r"(?i:министерств|департамент|управлени|комитет|отдел)\w*\s+[а-яё]+$")
PORTFOLIO_WORDS = r"(?:[а-яё]+\s+){0,3}?[а-яё]+"
PORTFOLIO_LIST = re.compile(rf"(?:,\s+{PORTFOLIO_WORDS}){{1,4}},?\s+и\s+{PORTFOLIO_WORDS}"
                            rf"(?P<whose>\s+(?:[А-ЯЁ]{{2,}}(?![\w-])|{CAPITAL_GENITIVE}))(?:\s+{CAPITAL_GENITIVE})*")


def _with_portfolio_list(text: str, mention: Mention) -> Mention:
    """A body's name with the rest of its listed portfolios (`PORTFOLIO_LIST`), else the mention as it is."""
    listed = PORTFOLIO_LIST.match(text, mention.end) if BODY_PORTFOLIO.search(mention.value) else None
    pieces = re.split(r",\s+|\s+и\s+", text[mention.end:listed.start("whose")].strip(" ,")) if listed else []
    if not pieces or not all(_genitive_piece(piece) for piece in pieces):
        return mention  # «Министерство образования, школы и колледжи Москвы»: a list of subjects, not portfolios
    return Mention(mention.start, listed.end(), text[mention.start:listed.end()])


def _genitive_piece(piece: str) -> bool:
    """«науки», «молодёжной политики», «по делам молодёжи»: a portfolio in the genitive (or «по …»)."""
    words = piece.split()
    return words[0] == "по" or all(any(p.tag.case == "gent" for p in parses(w)) for w in words)


def _extend_org(text: str, stop: int, span_text: str) -> int:
    """Extend an ORG span over a genitive tail: capitalised words and «№ N» always, lower-case words
    only after a university-like head («… университета народного хозяйства»)."""
    university = re.search(r"(?:университет|институт|академи|колледж)\w*$", span_text, re.I)
    lower = r"|[а-яё]+(?:ого|ой|ых|ей|ия|ии|а|и|ы)" if university else ""
    tail = re.match(rf"(?:\s+(?:{GENITIVE_NAME}{lower})(?=[\s,.;)]|$)|\s*№\s*\d+)*", text[stop:])
    return stop + (tail.end() if tail else 0)


SETTLEMENT_END = re.compile(SETTLEMENT_NAME + r"(?:\s+[А-ЯЁ][а-яё-]+(?:ой|ого)\s+(?:области|края|района|округа))?")


def _settlement_ends(match: re.Match) -> Mention:
    """A HEAD_ORG match as a mention that ends with the settlement it names and that settlement's region («школа
    поселка Авдеево», not «… Авдеево работы»: the words after an indeclinable name belong to the sentence)."""
    value = match.group(0)
    settlement = SETTLEMENT_END.search(value)
    if settlement:
        value = value[:settlement.end()]
    return Mention(match.start(), match.start() + len(value), value.strip())


def _is_verb(word: str) -> bool:
    return bool({"VERB", "PRTS", "INFN", "ADVB", "GRND"} & set(parses(word.lower())[0].tag.grammemes))


HEAD_WORD = re.compile(HEAD_STEMS, re.I)


def _without_leading_nouns(mention: Mention) -> Mention:
    """«Почётной грамотой Министерства просвещения» → «Министерства просвещения»: the words before the head must be
    adjectives (or participles) agreeing with it in case; a noun there belongs to the sentence."""
    words = list(re.finditer(r"\S+", mention.value))
    head = next((i for i, w in enumerate(words) if HEAD_WORD.match(w.group(0))), 0)
    head_cases = {p.tag.case for p in parses(words[head].group(0).lower())} if words else set()
    for i, word in enumerate(words[:head]):
        if not re.fullmatch(r"[А-ЯЁа-яё-]+", word.group(0)):
            break
        best = parses(word.group(0).lower())[0]
        if {"ADJF", "PRTF"} & set(best.tag.grammemes) and word.group(0).islower() and \
                not head_cases & {p.tag.case for p in parses(word.group(0).lower())}:
            cut = words[i + 1].start()  # «созданном Правительством …»: no agreement, the word is the sentence's
            return _without_leading_nouns(Mention(mention.start + cut, mention.end, mention.value[cut:]))
        if {"ADJF", "PRTF"} & set(best.tag.grammemes):
            continue
        if "NOUN" in best.tag and not re.match(r"[А-ЯЁ]", word.group(0)):
            cut = words[i + 1].start()
            return Mention(mention.start + cut, mention.end, mention.value[cut:])
        break
    return mention


def _cut_at_verb(text: str, mention: Mention) -> Mention:
    """«технопарка выступили Томский политехнический»: the name ends before the first verb of its tail."""
    for m in re.finditer(r"(?<=\s)[а-яё-]+", text[mention.start:mention.end]):
        if not inside_quotes(text, mention.start + m.start()) and _is_verb(m.group(0)):
            mention.end = mention.start + m.start()
            mention.value = text[mention.start:mention.end].strip()
            break
    return mention


def _trim_tail(value: str) -> str:
    """Drop trailing lower-case words that cannot be genitive (verbs, short forms: «… созданы»)."""
    words = value.split(" ")
    while len(words) > 1 and re.fullmatch(r"[а-яё-]+", words[-1]) and \
            not any(p.tag.case == "gent" or {"NOUN", "ADJF"} & set(p.tag.grammemes) and p.score > 0.1 for p in parses(words[-1])):
        words.pop()
    return " ".join(words)


MEDIA_PAGE = re.compile(r"^(?:[Сс]ообществ|[Гг]рупп|[Пп]аблик|[Кк]анал)\w*\s+«([^«»]+)»$")  # a social-media page
ORDINAL = re.compile(r"^(?:перв|втор|трет|четверт|пят|нов|очередн|ещ[её])\w*\s+(?=[а-яё])")


def _clean_org(value: str) -> str:
    value = trim_org_tail(value)
    value = MEDIA_PAGE.sub(r"\1", value)  # «Сообщество «Профсоюз …»»: the page of a body is the body
    value = ORDINAL.sub("", value)  # «второй детский технопарк «Кванториум»» → «детский технопарк «Кванториум»»
    value = re.sub(r"\s*\([^)]*\)?\s*$", "", value).strip(" ,.;:–—-")
    value = re.sub(r"(?<=[а-яё])\s+[-–]\s+(?=[А-ЯЁ][а-яё]+(?:ого|ий|ый|ой)\b)", "-", value)  # «Казачинско-Ленского»
    value = SCHOOL_BARE_NUMBER.sub(r"\1 № \2", value)  # «школа 65» is «школа № 65» (BARE_NUMBER)
    return re.sub(r"\s+", " ", value)


SCHOOL_BARE_NUMBER = re.compile(r"(?i)((?<![\w-])(?:школ|гимнази|лице[йяюе]|СОШ|ООШ|НОШ)\w*)\s+(?:номер\s+)?"
                                rf"({NUMBER_ALONE})")


# «районный отдел по образованию» (SCOPED_BODY reads «районный отдел образования»)
LOCAL_EDUCATION_BODY = re.compile(LOCAL_SCOPE + r"\w+\s+(?:отдел|управлени|комитет|департамент)\w*\s+по\s+образованию")
# «областной институт повышения квалификации работников образования», «регионального центра оценки качества
# образования»: the one body of its kind of a region, district or town, named by its scope and its genitive tail
SCOPED_BODY = re.compile(r"(?:" + REGION_SCOPE + "|" + LOCAL_SCOPE + r"|муниципальн|окружн)\w+\s+"
                         r"(?:[а-яё-]+(?:ый|ий|ой|ая|ое)\s+){0,2}(?i:" + HEAD_STEMS + r")"
                         r"(?P<tail>(?:\s+(?:[а-яё-]+(?:ого|ой|ых|их|ей|ий|ов|ия|ии|а|и|ы|я)|"
                         + ZERO_GENITIVES + r")){1,5})")
# a scope adjective before a capitalised name whose head is a body («районный Экспертный совет по …»)
SCOPED_NAME = re.compile(r"(?:" + REGION_SCOPE + "|" + LOCAL_SCOPE + r"|муниципальн)\w+\s+[А-ЯЁ][а-яё-]+\s+"
                         r"(?:[а-яё-]+\s+)?(?i:" + HEAD_STEMS + r")")
NOT_NAME_WORDS = {"ADVB", "CONJ", "PRCL", "INTJ", "NPRO", "PRED"}  # parts of speech that name nothing


def _is_named_org(value: str, article: Article) -> bool:
    """An organisation mention names one organisation: not a bare generic word, an initiative, a person or place."""
    words = value.split()
    first = lemma(words[0].strip("«»"))
    if LOCAL_EDUCATION_BODY.fullmatch(value):
        return True  # «районный отдел образования»: the district's or town's body, named by its kind
    scoped = SCOPED_BODY.fullmatch(value)
    if scoped and not all(lemma(w) in TERRITORY_WORDS for w in scoped.group("tail").split()):
        return True  # «областной институт повышения квалификации …», not «районный центр области»
    if _common_caps(value) or value in GENERIC_ABBREVIATIONS:
        return False
    if any("PREP" in p.tag for p in parses(words[0].lower())[:1]) or re.fullmatch(r"№\s*\S+", value):
        return False  # «по работе с …», «№ 11»: a phrase cut from a longer one, never a name of its own
    if NOT_NAME_WORDS & set(parses(words[0].lower())[0].tag.grammemes) and not re.search(r"[«№]", value):
        return False  # «Отдельно отметили …», «Отдельно глава Марий Эл»: a sentence start, not a name
    if len(words) == 1 and (first in GENERIC_HEADS or value.islower() or _bare_adjective(value)):
        return False
    if "«" not in value and any("ADJF" in p.tag for p in parses(words[-1].lower())[:1]):
        return False
    if re.search(r"\bцентр\w*\s*$|школ\w*\s*$", value, re.I) and len(words) < 3:
        return False
    if re.fullmatch(r"[«»\w-]+", value) and (gazetteer.find_initiative(value) or gazetteer.find_place(value)):
        return False
    if SCOPED_NAME.match(value):
        return True  # «районный Экспертный совет по …»: a district's or region's body with a proper name
    if words[0][0].islower() and lemma(words[0]) not in GENERIC_HEADS and not gazetteer.find_place(words[0]) and \
            not re.search(r"[«№]", value):
        return False  # a lower-case phrase is a name only with a quoted name or a number («детский сад «Кораблик»»)
    if lemma(words[-1]) in {"школа", "центр"} and words[0][0].islower() and not re.search(r"[«№]", value):
        return False
    if value[0].islower() and not re.search(r"[«№]|\s[А-ЯЁA-Z]", value):
        return False
    if value[0].islower() and any("plur" in p.tag for p in parses(words[0])[:1]):
        return False
    return not any(p.value in value or value in p.value for p in article.persons)
