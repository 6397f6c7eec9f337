"""Evidence: the sentence of an article a fact was read from, and how the fact was obtained.

Extraction gives string facts without positions, so the sentence is found afterwards in the article's cleaned
text (`text.clean_text`, the text the extractor saw), split with the extractor's own splitter
(`extract.mentions.split_sentences`): the first sentence that names the fact verbatim, else holds most words of
its name (the person; the event; the organisation), then most words of what supports it (the post title, then
the organisation; the date, then the place; the place). A fact that carries an `evidence` mapping (`start`/`end`
offsets in the cleaned text, an extractor `rule`, or a `method`) keeps it: its sentence is the one around `start`.

Methods (`Evidence.method`, one `prov:Activity` each) are `extraction/<module>[/<rule>]`, `resolution/<rule>`
and `curation` (facts that `data/curation/<id>.yaml` added or corrected; see `mark_curated`).

>>> finder = SentenceFinder("a1", "Открытие. Директор школы № 5 Иван Петров открыл IT-куб 1 сентября.")
>>> found = finder.best(["Иван Петров"], ["директор"], ["школа № 5"])
>>> found.text, found.start, found.end
('Директор школы № 5 Иван Петров открыл IT-куб 1 сентября.', 10, 66)
>>> finder.best(["Мария Сидорова"], ["директор"]) is None
True
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import NamedTuple

from rdflib import URIRef

from ..extract.mentions import split_sentences
from ..namespaces import ID
from ..text import clean_text, fold, lemma

WORD = re.compile(r"\w+")
MIN_WORD = 3  # shorter words («по», «и», initials) say nothing about a sentence; numbers always count
STOP_WORDS = frozenset("the and for with from его её или как что это".split())
MIN_SHARE = 0.5  # a sentence must hold at least this share of a fact's name words
MONTHS = {  # ISO month -> words a text uses for it (Russian lemma, English name)
    1: ("январь", "january"), 2: ("февраль", "february"), 3: ("март", "march"), 4: ("апрель", "april"),
    5: ("май", "may"), 6: ("июнь", "june"), 7: ("июль", "july"), 8: ("август", "august"),
    9: ("сентябрь", "september"), 10: ("октябрь", "october"), 11: ("ноябрь", "november"),
    12: ("декабрь", "december"),
}
EXTRACTED_POST = "extraction/posts"
EXTRACTED_EVENT = "extraction/events"
PLACE_IN_NAME = "resolution/place-in-name"  # «владикавказский «Кванториум»» -> Vladikavkaz
ARTICLE_CITY = "resolution/article-city"  # «школа № 5» in an article about Kazan -> Kazan
CURATION = "curation"
RULE = re.compile(r"[a-z0-9_-]+")  # an extractor rule's name (a part of the activity's IRI)
METHOD = re.compile(r"[a-z0-9_-]+(/[a-z0-9_-]+)*")
METHOD_KINDS = {  # first part of a method -> (Russian, English) label
    "extraction": ("Извлечение из текста", "Extraction from the text"),
    "resolution": ("Разрешение сущностей", "Entity resolution"),
    CURATION: ("Ручная правка (data/curation)", "Curation (data/curation)"),
}


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article: its text and [start, end) character offsets in the cleaned text."""

    article: str
    start: int
    end: int
    text: str

    @property
    def iri(self) -> URIRef:
        return ID[f"evidence/{self.article}/{self.start}-{self.end}"]


@dataclass(frozen=True)
class Evidence:
    """Why a fact is in the graph: the sentence it was read from (None if none was found) and the method."""

    sentence: Sentence | None
    method: str

    @property
    def kind(self) -> str:
        """"extraction", "resolution" or "curation"."""
        return self.method.split("/")[0]

    @property
    def activity(self) -> URIRef:
        return ID[f"activity/{self.method}"]

    def activity_labels(self) -> tuple[str, str]:
        """(Russian, English) label of the method: «Извлечение из текста: posts»."""
        rule = self.method.partition("/")[2]
        return tuple(f"{kind}: {rule}" if rule else kind for kind in METHOD_KINDS[self.kind])


PROVENANCE_SPACES = tuple(str(ID[f"{scheme}/"]) for scheme in ("evidence", "statement", "activity"))


def without_provenance(triples) -> list[tuple]:
    """The triples that do not touch an evidence sentence, a reified statement or an activity: the facts
    themselves, which is all OWL-RL reasoning needs (the provenance would only slow it down)."""
    return [triple for triple in triples
            if not any(isinstance(term, URIRef) and str.startswith(term, PROVENANCE_SPACES) for term in triple)]


def statement_iri(subject: URIRef, predicate: URIRef, obj: URIRef) -> URIRef:
    """The deterministic IRI of an rdf:Statement reifying a triple (a rebuild gives the same IRI)."""
    digest = hashlib.sha1(f"{subject} {predicate} {obj}".encode()).hexdigest()[:16]
    return ID[f"statement/{digest}"]


class Word(NamedTuple):
    """A word of a fact, in the forms a sentence is searched for."""

    lemma: str  # matches other case forms («Князевой» -> «князев»)
    low: str  # lower case, ё -> е: matches the same spelling
    stem: str  # matches words that begin alike (names pymorphy does not know)
    number: bool  # a number matches only itself


def word(text: str) -> Word:
    low = text.lower().replace("ё", "е")
    return Word(lemma(low), low, low[:max(min(len(low), 4), len(low) - 2)], low.isdigit())


def fact_words(phrases: list[str]) -> list[Word]:
    """The words of phrases that can identify a sentence: numbers and words of three letters or more."""
    return [word(w) for phrase in phrases for w in WORD.findall(phrase or "")
            if w.isdigit() or (len(w) >= MIN_WORD and w.lower() not in STOP_WORDS)]


def date_words(iso: str | None) -> list[str]:
    """Words a text uses for an ISO date: the year, the day, the month's Russian lemma and English name."""
    parts = [int(p) for p in (iso or "").split("-") if p.isdigit()]
    words = [str(parts[0])] if parts else []
    if len(parts) > 1 and parts[1] in MONTHS:
        words += MONTHS[parts[1]]
    if len(parts) > 2:
        words.append(str(parts[2]))
    return words


class SentenceFinder:
    """The sentences of one article's cleaned text, each with the lemmas and words it holds."""

    def __init__(self, article_id: str, text: str):
        self.article = article_id
        self.text = text
        self.spans = [span for span in map(self._strip, split_sentences(text)) if span[0] < span[1]]
        self.folded = [fold(text[start:end]) for start, end in self.spans]
        self.forms: list[set[str]] = []  # per sentence: its words' lemmas, spellings and beginnings
        for start, end in self.spans:
            words = [word(w) for w in WORD.findall(text[start:end])]
            beginnings = {w.low[:k] for w in words for k in range(MIN_WORD, len(w.low) + 1)}
            self.forms.append({w.lemma for w in words} | beginnings)

    @classmethod
    def of_article(cls, article) -> SentenceFinder:
        """The finder for an `articles.Article` (its text cleaned as extraction cleans it)."""
        return cls(article.id, clean_text(article.text))

    def _strip(self, span: tuple[int, int]) -> tuple[int, int]:
        start, end = span
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end

    def _holds(self, index: int, word: Word) -> bool:
        """True when sentence `index` holds the word in some case form (lemma, or a shared stem)."""
        forms = self.forms[index]
        return word.low in forms if word.number else word.lemma in forms or word.stem in forms

    def sentence(self, index: int) -> Sentence:
        start, end = self.spans[index]
        return Sentence(self.article, start, end, self.text[start:end])

    def around(self, position: int) -> Sentence | None:
        """The sentence holding a character position."""
        index = next((i for i, (s, e) in enumerate(self.spans) if s <= position < e), None)
        return None if index is None else self.sentence(index)

    def best(self, names: list[str], *supporting: list[str]) -> Sentence | None:
        """The sentence that best supports a fact named by the phrases `names`, or None when no sentence holds at
        least half of their words. Sentences are compared by the names they hold verbatim, then by the words of
        the names they hold, then by the words of each list of `supporting` phrases in turn (post title,
        organisation; date, place): the first of the best wins."""
        name_words = fact_words(names)
        if not name_words:
            return None
        levels = [fact_words(phrases) for phrases in supporting]
        phrases = [fold(name) for name in names if name]
        best, best_score = None, ()
        for index, folded in enumerate(self.folded):
            named = sum(self._holds(index, w) for w in name_words)
            if named < MIN_SHARE * len(name_words):
                continue
            verbatim = sum(phrase in folded for phrase in phrases)
            score = (verbatim, named, *(sum(self._holds(index, w) for w in words) for words in levels))
            if score > best_score:
                best, best_score = index, score
        return None if best is None else self.sentence(best)


class EvidenceFinder:
    """Evidence of an article's facts: what a fact's own `evidence` says, else the best sentence."""

    def __init__(self, finder: SentenceFinder):
        self.finder = finder

    def _given(self, fact: dict, default_method: str) -> tuple[Sentence | None, str]:
        """The sentence and method a fact's own `evidence` gives; parts that are malformed are ignored."""
        given = fact.get("evidence") if isinstance(fact.get("evidence"), dict) else {}
        rule, method, start = given.get("rule"), given.get("method"), given.get("start")
        if not (isinstance(method, str) and METHOD.fullmatch(method) and method.split("/")[0] in METHOD_KINDS):
            method = default_method + (f"/{rule}" if isinstance(rule, str) and RULE.fullmatch(rule) else "")
        return (self.finder.around(start) if isinstance(start, int) else None), method

    def post(self, person: str, post: dict) -> Evidence:
        """Evidence of a post (and of its membership in the organisation)."""
        sentence, method = self._given(post, EXTRACTED_POST)
        return Evidence(sentence or self.finder.best([person], [post.get("post", "")], [post.get("org") or ""]),
                        method)

    def event(self, event: dict) -> Evidence:
        """Evidence of an event: its name, with its date and place words."""
        sentence, method = self._given(event, EXTRACTED_EVENT)
        where = [event.get("place") or "", event.get("venue") or ""]
        return Evidence(sentence or self.finder.best([event["name"]], date_words(event.get("date")), where), method)

    def located(self, organisation: str, place_words: list[str], in_name: bool) -> Evidence:
        """Evidence of an organisation's location: a sentence naming it (and the place)."""
        return Evidence(self.finder.best([organisation], place_words), PLACE_IN_NAME if in_name else ARTICLE_CITY)


def _curated(entry: dict) -> dict:
    """The entry marked as obtained by curation (offsets it gives are kept)."""
    given = entry.get("evidence") if isinstance(entry.get("evidence"), dict) else {}
    return {**entry, "evidence": {**given, "method": CURATION}}


def _marked(entries: list[dict], extracted: list[dict]) -> list[dict]:
    return [entry if entry in extracted else _curated(entry) for entry in entries]


def mark_curated(extracted: dict, merged: dict) -> dict:
    """`merged` (facts after curation) with the posts and events curation added or changed marked
    `evidence.method = "curation"`; entries extraction gave unchanged stay as they are."""
    posts = {person["name"]: person.get("posts") or [] for person in extracted.get("persons") or []}
    persons = [{**person, "posts": _marked(person["posts"], posts.get(person["name"], []))} if person.get("posts")
               else person for person in merged.get("persons") or []]
    return {**merged, "persons": persons,
            "events": _marked(merged.get("events") or [], extracted.get("events") or [])}
