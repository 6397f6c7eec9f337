"""English wording of a Russian organisation or event name, word by word from a small glossary.

Russian names of this domain are noun phrases: adjectives, a head noun, then genitive complements
(«Комитет по образованию и науке Народного собрания Республики Дагестан»). The English keeps the order and
puts "of" before each genitive complement; places come from the gazetteer; a quoted proper name is translated
when every word is known and transliterated otherwise. The glossary matches lemmas, so any case form, and phrases
of up to three words as units («средней общеобразовательной школы» -> "secondary school", «детский сад» ->
"kindergarten"); «имени X» is "named after X". A name with a word outside the glossary gives None, so that the
caller falls back to kind and place; an organisation's name is then spelt with that word transliterated
(`spell`), so that the label names the organisation and no two organisations share one. The choice for such a
word: it is transliterated whole, in the nominative, never with a Russian case ending («Акушинского района» ->
"Akushinsky District", «имени Виталия Королёва» -> "named after Vitaly Korolyov"); a place adjective takes the
masculine form that the labels of numbered schools use ("Berezovsky Basic School"), not quotes, so that a label
reads as a name and the translated words around it stay English.

The gazetteer is only a bilingual dictionary here: a place or initiative named inside a name gives its English
words, and nothing of the result keys, links or types an entity (the organisation and the places it lies in were
resolved once, with the article's context, by `identity.organisation_key` and `places.organisation_places`). Looked
up without that context, homonyms give the same words (the Kirovsky districts of Saint Petersburg and of
Kaliningrad are both "Kirovsky District"), and a place only the context finds is a word outside the glossary.

>>> english_name("Стратегическая сессия")
'Strategic session'
>>> english_name("Отдел образования Администрации Кировского района Санкт-Петербурга", title=True)
'Department of Education of Administration, Kirovsky District, Saint Petersburg'
>>> english_name("Комитет Санкт-Петербурга по образованию", title=True)
'Committee of Saint Petersburg for Education'
>>> english_name("Совсем неизвестное название") is None
True
"""

from __future__ import annotations

import re

from .. import gazetteer
from ..text import parses
from .places import resolve_place

# Lemma (or two-lemma phrase) -> English. Plural nouns get an "s" unless the English is uncountable.
GLOSSARY = gazetteer.load("glossary")  # Russian lemma or phrase of lemmas → English words
IRREGULAR_PLURALS = {"child": "children", "school student": "school students", "person": "people"}
UNCOUNTABLE = {"education", "science", "creativity", "youth", "development", "upbringing", "future", "economy",
               "content", "communications", "national economy", "supplementary education", "general education",
               "environment"}
PREPOSITIONS = {"по": "for", "для": "for", "и": "and", "в": "in", "во": "in", "на": "at", "к": "to", "с": "with",
                "со": "with", "о": "on", "об": "on"}
ABBREVIATIONS = {  # legal forms are dropped; type abbreviations are spelt out
    "гбоу": "", "мбоу": "", "маоу": "", "моу": "", "гбу": "", "мбу": "", "гау": "", "мау": "", "до": "",
    "гбудо": "", "мбудо": "", "мкоу": "", "мку": "", "мбдоу": "", "мадоу": "", "гбпоу": "", "гапоу": "",
    "фгбоу": "", "фгаоу": "", "фгау": "", "фгбу": "",
    "сош": "secondary school", "оош": "basic school", "имц": "methodological centre",
    "ддют": "palace of children's and youth creativity", "цдт": "centre of children's creativity",
    "сми": "the media", "им": "named after", "минобразования": "Ministry of Education",
    "минобрнауки": "Ministry of Education and Science",
}
LEGAL_FORM_TAILS = {"ВО", "ДПО", "СПО"}  # the level a legal form names: higher, further, vocational education
SMALL_WORDS = {"named", "after", "of", "for", "and", "in", "at", "to", "with", "on", "the"}
TOKEN = re.compile(r"«[^»]*»|№|\d+|[IVXLC]+(?![\w-])|[\w'-]+|[^\w\s]")
CYRILLIC = re.compile("[а-яё]", re.I)
INITIAL = re.compile("[А-ЯЁ]")


def _parse(word: str):
    """The first noun/adjective/participle parse of a word, or None."""
    return next((p for p in parses(word.lower()) if {"NOUN", "ADJF", "PRTF"} & set(p.tag.grammemes)), None)


def _genitive(word: str) -> bool:
    """True for a complement written after "of": a genitive, or an instrumental object («управление образованием»)."""
    return any(p.tag.case in ("gent", "ablt") for p in parses(word.lower())
               if {"NOUN", "ADJF", "PRTF"} & set(p.tag.grammemes))


def _plural(english: str, parse) -> str:
    if parse is None or "NOUN" not in parse.tag or parse.tag.number != "plur" or english in UNCOUNTABLE:
        return english
    if english in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[english]
    return english[:-1] + "ies" if english.endswith("y") and english[-2:-1] not in "aeiou" else english + "s"


class _Phrase:
    """English words collected left to right, with the "of" rule for genitive complements."""

    def __init__(self):
        self.words: list[str] = []
        self.after_noun = False
        self.places: list[str] = []  # trailing genitive places, written ", A, B"
        self.naming = False  # after "named after": a person's name and titles, no "of"

    def flush_places(self) -> None:
        """Genitive places inside the name («Комитет Санкт-Петербурга по образованию») stay where they are."""
        if self.places:
            self.words.append("of " + " of ".join(self.places))
            self.places = []

    def add(self, english: str, genitive: bool, noun: bool) -> None:
        self.flush_places()
        if english and genitive and self.after_noun and not self.naming:
            self.words.append("of")
        if english:
            self.words.append(english)
        self.after_noun = noun if english else self.after_noun

    def add_place(self, english: str, genitive: bool) -> None:
        if genitive and (self.after_noun or self.places):
            self.places.append(english)
        else:
            self.add(english, False, True)

    def text(self) -> str:
        text = " ".join(self.words)
        return ", ".join([text, *self.places]) if self.places and text else text or ", ".join(self.places)


NAME_TAGS = ("Name", "Surn", "Patr")


def _nominative(word: str, naming: bool = False) -> str:
    """A word outside the glossary in the nominative (of its own gender and number), so that no Russian case ending
    reaches the English: «Виталия Королёва» -> «Виталий Королёв» (`naming`: after «имени»). A word that may be a
    nominative is kept («РИА Новости»); a capitalised word is read as a personal name first; a capitalised place
    adjective takes its masculine form («Березовская», «Акушинского» -> «Березовский», «Акушинский»), the form the
    labels of numbered schools use.

    >>> _nominative("Акушинского"), _nominative("Королева", naming=True), _nominative("Новости")
    ('Акушинский', 'Королёв', 'Новости')
    """
    if (word.isupper() and len(word) > 1) or re.search("[а-яё][А-ЯЁ]", word):  # «МГУ», «НовГУ»: an abbreviation
        return word
    options = [p for p in parses(word.lower()) if {"NOUN", "ADJF", "PRTF"} & set(p.tag.grammemes)]
    if word[:1].isupper():
        options = sorted(options, key=lambda p: (not any(tag in p.tag for tag in NAME_TAGS), p.tag.case != "gent"))
    place_adjective = next((p.normal_form for p in options if word[:1].isupper() and not naming
                            and p.normal_form.endswith(("ский", "цкий", "ской"))), None)  # «М-Щербединской»: Abbr
    if place_adjective:  # masculine, as in the label of a numbered school («Лежневская школа № 10»: Lezhnevsky)
        return "-".join(part.capitalize() for part in place_adjective.split("-"))
    if not options or options[0].tag.case in (None, "nomn") or \
            (not naming and any(p.tag.case == "nomn" for p in options)):
        return word
    tag = options[0].tag
    form = options[0].inflect({"nomn"} | ({tag.number} if tag.number else set())) or options[0].inflect({"nomn"})
    if form is None:
        return word
    text = form.word
    return "-".join(p.capitalize() for p in text.split("-")) if word[:1].isupper() else text


def _spelt(phrase: _Phrase, word: str) -> int:
    """Write a word outside the glossary transliterated in the nominative (the name of an organisation must name it;
    "of" marks it as a genitive complement: «Администрация Акушинского района» -> "Administration of Akushinsky
    District")."""
    parse = _parse(word)
    noun = bool(parse) and "NOUN" in parse.tag
    name = bool(parse) and any(tag in parse.tag for tag in NAME_TAGS)  # «Фонд Андрея …»: no "of" before a person
    spelt = _nominative(word, phrase.naming)
    genitive = _genitive(word) and not name and len(word) > 1 and spelt != word  # «РИА Новости»: no "of"
    phrase.add(gazetteer.transliterate(spelt), genitive, noun)
    return 1


def _lemmas(words: list[str], i: int, size: int) -> str:
    """The lemmas of `size` words from i, joined by spaces ("" when fewer words or one is not a noun/adjective)."""
    found = [_parse(word) for word in words[i:i + size]]
    return " ".join(p.normal_form for p in found) if len(found) == size and all(found) else ""


def _word(phrase: _Phrase, words: list[str], i: int) -> int | None:
    """Translate the word at i (or a glossary phrase of up to three words); the number of words used, or None."""
    word = words[i]
    if word in LEGAL_FORM_TAILS:  # «ФГБОУ ВО»: of higher education, not the preposition «во»
        return 1
    if word.lower() in ABBREVIATIONS:
        phrase.add(ABBREVIATIONS[word.lower()], False, bool(ABBREVIATIONS[word.lower()]))
        phrase.naming = phrase.naming or word.lower() == "им"
        return 1 + (word.lower() == "им" and words[i + 1:i + 2] == ["."])  # «им.»: the dot goes with it
    if word.lower() == "имени":
        phrase.add("named after", False, False)
        phrase.naming = True
        return 1
    if word.lower() in PREPOSITIONS:
        phrase.flush_places()
        phrase.words.append(PREPOSITIONS[word.lower()])
        phrase.after_noun = False
        return 1
    if not CYRILLIC.search(word):
        phrase.add(word, False, True)
        return 1
    parse = _parse(word)
    if parse is None:
        return None
    for size in (3, 2):
        key = _lemmas(words, i, size).replace("ё", "е")
        if key in GLOSSARY or _lemmas(words, i, size) in GLOSSARY:
            nouns = [p for p in map(_parse, words[i:i + size]) if "NOUN" in p.tag]
            last = nouns[0] if nouns else None  # the head's number: «детские сады», «зал приёмов»
            phrase.add(_plural(GLOSSARY.get(key) or GLOSSARY[_lemmas(words, i, size)], last), _genitive(word), True)
            return size
    english = GLOSSARY.get(parse.normal_form.replace("ё", "е")) or GLOSSARY.get(parse.normal_form)
    if english is None:
        return None
    phrase.add(_plural(english, parse), _genitive(word), "NOUN" in parse.tag)
    return 1


def _adjective_place(word: str) -> dict | None:
    """The place a capitalised relative adjective names by its stem: «Дагестанский» -> Dagestan."""
    parse = _parse(word)
    stem = parse.normal_form[:-4] if parse and "ADJF" in parse.tag and parse.normal_form.endswith("ский") else ""
    forms = (stem, stem + "а", stem + "ь", stem + "ск", stem[:-2] + "ва")  # Челябинск, Москва
    return next((r for r in map(resolve_place, forms) if r), None) if len(stem) > 3 else None


def _place_at(words: list[str], i: int) -> tuple[dict, int] | None:
    """A gazetteer place named by capitalised words starting at i, with the number of words."""
    for size in (3, 2, 0, 1):
        if size == 0 and words[i][:1].isupper() and _adjective_place(words[i]):
            return _adjective_place(words[i]), 1
        chunk = words[i:i + size]  # words only: «(Махачкала)» keeps its closing bracket
        if size and len(chunk) == size and chunk[0][:1].isupper() and CYRILLIC.search(chunk[0]) and \
                all(re.match(r"\w", word) for word in chunk):
            record = resolve_place(" ".join(chunk))
            if record and (size > 1 or _parse(chunk[0]) and "NOUN" in _parse(chunk[0]).tag):
                return record, size
    return None


def quoted_name(text: str) -> str:
    """A quoted name: an initiative's English name, a translation, else a transliteration (a proper name)."""
    inner = text.strip("«»")
    initiative = gazetteer.find_initiative(inner)
    return f"«{initiative['en'] if initiative else english_name(inner) or gazetteer.transliterate(inner)}»"


def english_name(name: str, title: bool = False, spell: bool = False) -> str | None:
    """The English wording of a Russian name, or None when a word is outside the glossary (with `spell`, such a
    word is transliterated instead).

    >>> english_name("Комитет по благоустройству", spell=True)
    'Committee for blagoustroystvo'
    >>> english_name("Администрация Акушинского района", title=True, spell=True)
    'Administration of Akushinsky District'
    """
    words = TOKEN.findall(name or "")
    phrase = _Phrase()
    i = 0
    while i < len(words):
        token = words[i]
        if token.startswith("«"):
            phrase.add(quoted_name(token), False, False)
            i += 1
            continue
        if spell and INITIAL.fullmatch(token) and words[i + 1:i + 2] == ["."]:  # «М.В. Ломоносова»: not «в»
            _spelt(phrase, token)
            i += 1
            continue
        if not re.match(r"\w", token) or token == "№" or token.isdigit():
            phrase.add({"№": "No."}.get(token, token), False, False)
            i += 1
            continue
        city_word = words[i].lower() in ("г", "гор") or (_parse(words[i]) and _parse(words[i]).normal_form == "город")
        skip = 2 if words[i].lower() in ("г", "гор") and words[i + 1:i + 2] == ["."] else 1
        if city_word and i + skip < len(words) and _place_at(words, i + skip):
            i += skip  # «города Пензы», «г. Пензы»: the place says it
            continue
        place = _place_at(words, i)
        if place and place[1] == 1 and "ADJF" in _parse(words[i]).tag:  # the glossary's first: «Кубанский» "Kuban"
            phrase.add(GLOSSARY.get(_parse(words[i]).normal_form) or
                       re.sub(r"^Republic of |\s+(?:Oblast|Krai)$", "", place[0]["en"]), False, False)
            i += 1
            continue
        if place:
            phrase.add_place(place[0]["en"], _genitive(words[i]))
            i += place[1]
            continue
        used = _word(phrase, words, i) or (_spelt(phrase, words[i]) if spell else None)
        if used is None:
            return None
        i += used
    text = re.sub(r"\s{2,}", " ", re.sub(r"\s+([,.:;)])|(\()\s+", r"\1\2", phrase.text())).strip()
    text = re.sub(r"\s*\bnamed after$", "", text)  # «… имени» cut before the name
    if not text:
        return None
    if title:
        return " ".join(w if w in SMALL_WORDS else re.sub(r"^\(?\w", lambda m: m.group().upper(), w)
                        for w in text.split(" "))  # «(парламент)»: "(Parlament)"
    return text[:1].upper() + text[1:]
