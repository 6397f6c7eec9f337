"""Language-neutral containers for mentions found in an article, shared by the extractors."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from edugraph import gazetteer
from edugraph.text import fold, word_is_known


@dataclass
class Mention:
    """A span of the cleaned text with its normalised value."""

    start: int
    end: int
    value: str
    extra: dict = field(default_factory=dict)


@dataclass
class Article:
    """Cleaned text, its sentences and the mentions found so far."""

    text: str
    lang: str
    year: int | None
    sentences: list[tuple[int, int]] = field(default_factory=list)
    published: str | None = None  # ISO publication date (metadata, else a dateline), for «вчера», "on Friday"
    place: str | None = None  # where the article's news happened (metadata `place`), for events without a place
    persons: list[Mention] = field(default_factory=list)
    places: list[Mention] = field(default_factory=list)
    orgs: list[Mention] = field(default_factory=list)
    generic_orgs: list[Mention] = field(default_factory=list)  # «центр «IT-куб»»: network mentions, only for resolving posts
    post_orgs: list[Mention] = field(default_factory=list)  # organisations of posts found so far (at the person)
    cut: int | None = None  # where the half word a cut excerpt ends in starts (`cut_word_start`), else None

    def sentence_of(self, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence containing position `pos` (found by bisection: the sentences are in text
        order and do not overlap)."""
        index = bisect.bisect_right(self.sentences, (pos, len(self.text) + 1)) - 1
        if index >= 0 and self.sentences[index][0] <= pos < self.sentences[index][1]:
            return self.sentences[index]
        return 0, len(self.text)

    @functools.cached_property
    def body(self) -> list[tuple[int, int]]:
        """The sentences with a lower-case word of three letters or more (no dateline, headline in capitals or list
        of numbers), computed once."""
        return [(s, e) for s, e in self.sentences if re.search(r"[а-яёa-z]{3}", self.text[s:e])]

    @functools.cached_property
    def lead(self) -> list[tuple[int, int]]:
        """The first `LEAD_SENTENCES` sentences of the body, where news tells what happened, and the headline before
        them (a first line without end punctuation: «Педагоги района получили награды»), which is not counted.
        The narrower `lead_sentences` counts the headline among them."""
        first = self.text[slice(*self.body[0])] if self.body else ""
        headline = first.rstrip(" \t").endswith("\n") and not re.search(r"[.!?…]\W*$", first.strip())
        return self.body[:LEAD_SENTENCES + headline]

    @functools.cached_property
    def lead_sentences(self) -> list[tuple[int, int]]:
        """The first `LEAD_SENTENCES` sentences of the body, a headline counted among them: an undated action told
        there happened on the publication date, at the dateline's place; an event noun there whose sentence reports
        it happening is the news of the day. (Counting a sentence more after a headline, as `lead` does, dates
        actions the articles tell as background: three more false events over the 136 real articles.)"""
        return self.body[:LEAD_SENTENCES]

    def dateline_place(self) -> str | None:
        """The place of a dateline that opens the article ("Penza, 2 March 2018.", «Уфа, 3 февраля.»), else None."""
        if not self.sentences:
            return None
        s, e = self.sentences[0]
        first = next((p for p in self.places if s <= p.start < e), None)
        head = self.text[s:first.start] if first else "x"
        tail = self.text[first.end:e] if first else ""
        dated = re.match(r"\s*[,–—-]\s*\d|\s*[,–—-]\s*[A-Za-zА-Яа-яё]+,?\s+\d", tail)  # ", 2 March", ", March 2"
        return first.value if not head.strip() and dated else None

    def region(self) -> dict | None:
        """The federal subject of the article's metadata place (the place itself, or the region it lies in)."""
        own = gazetteer.find_place(self.place) if self.place else None
        return next((r for r in gazetteer.ancestors(own) if r.get("kind") == "federal_subject"), None) if own else None

    def event_places(self, start: int, end: int) -> list[Mention]:
        """Place mentions inside [start, end) that may be where an event happens (not a whole country, nor an area of
        several regions: "the Far East")."""
        return [m for m in self.in_span(self.places, start, end) if place_kind(m) not in gazetteer.WIDE_KINDS]

    def in_span(self, mentions: list[Mention], start: int, end: int) -> list[Mention]:
        """Mentions lying inside [start, end)."""
        return [m for m in mentions if start <= m.start and m.end <= end]


# Not a sentence end: a Russian abbreviation before a name — one lower-case letter («и.о. Председателя», «г. Ростова»,
# «с. Петровка») or «им.», «ул.», «пос.», «обл.» — except «т.д.», «т.п.» and «г.» after a year («в 2015 г. Школа»).
RU_ABBREVIATION_END = (r"(?:(?<=т\.д)|(?<=т\.\sд)|(?<=т\.п)|(?<=т\.\sп)|(?<=\d{4}\sг)|(?<=\d{4}г)"
                       r"|(?<![\s.(][а-яё])(?<!\sим)(?<!\sул)(?<!\sпос)(?<!\sобл))")
LEAD_SENTENCES = 3  # an undated action in the lead happened on the publication date
MAX_SENTENCE_CHARS = 1500  # the longest sentence of the real articles has 741 characters


SHORTEST_EXCERPT = 600  # characters: the cut excerpts of the real articles have 664 to 2,001 ("How Moscow …" is whole)


def cut_word_start(text: str) -> int | None:
    """Where the last word starts when it is half a word: the excerpts of a news feed are cut at a length, so a text
    of excerpt length that ends in a letter, not in punctuation, ends in a cut word unless its last word is a
    Russian word of the dictionary («… мэра Казачинско - Ленского муниципального ра», "… at the Presidential Physics
    and Mat"). None for a text that ends as written.

    >>> text = "Текст. " * 100 + "Выступил депутат Московской областной Думы Миха"
    >>> text[cut_word_start(text):]
    'Миха'
    >>> cut_word_start("Текст. " * 100 + "Фото: Пресс-служба Правительства области"), cut_word_start("Школа открыта")
    (None, None)
    """
    if len(text) < SHORTEST_EXCERPT or not text[-1].isalpha():
        return None
    start = len(text)
    while start and (text[start - 1].isalnum() or text[start - 1] == "-"):  # scanned once from the end: linear
        start -= 1
    word = text[start:].lower()
    return None if re.search("[а-яё]", word) and word_is_known(word) else start


def before_cut(article: Article, mentions: list[Mention]) -> list[Mention]:
    """The mentions that end before the cut word of a cut excerpt: a name that runs into it is incomplete."""
    return mentions if article.cut is None else [m for m in mentions if m.end <= article.cut]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: split after . ! ? before a capital, and at line breaks not followed by a lower-case word
    nor preceded by a preposition (a hard-wrapped line goes on: «15\nмая», «открыта в\n1970 году»); initials are
    not ends. A "sentence" longer than `MAX_SENTENCE_CHARS` (a list without full stops, a hostile text) is cut
    at spaces into pieces no longer than that, so the work done per mention on its sentence stays bounded.

    >>> [e - s for s, e in split_sentences("слово " * 600)]
    [1500, 1500, 600]
    """
    return [piece for span in _sentence_spans(text) for piece in _bounded(text, *span)]


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span [start, end) cut after the last space before each `MAX_SENTENCE_CHARS` (or at that length)."""
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS) + 1 or start + MAX_SENTENCE_CHARS
        pieces.append((start, cut))
        start = cut
    return pieces + [(start, end)]


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """The spans of `split_sentences` before long ones are cut."""
    spans, start = [], 0
    for m in re.finditer(r"(?<!\s[а-яёa-z])(?<!\s[а-яёa-z]{2})"  # not after a short word («в», «на», "in")
                         r"\n+(?![ \t]*[а-яёa-z])"  # a line break, unless a lower-case word goes on
                         r"|(?<![А-ЯЁA-Z]\.[А-ЯЁA-Z])(?<!\b[А-ЯЁA-Z])(?<!\bNo)(?<!\bSt)"  # not after initials
                         r"(?:(?=[!?])|" + RU_ABBREVIATION_END + r")[.!?]+"
                         r"(?=\s+[«\"(]?[А-ЯЁA-Z0-9])",
                         text):
        end = m.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


DATELINE_CITY = re.compile(r"(?m)^[^\S\n]*(?P<city>[А-ЯЁA-Z]{2,}(?:[ -][А-ЯЁA-Z]{2,})?),\s*"
                           r"(?:\d{1,2}\s|[A-Za-z]+\s+\d)")


def dateline_cities(text: str) -> list[Mention]:
    """«НИЖНИЙ НОВГОРОД, 7 фев — …», "MOSCOW, March 2": the capitalised city of a dateline, as written in title case
    (its place record is looked up by the language's extractor)."""
    return [Mention(m.start("city"), m.end("city"), m.group("city").title()) for m in DATELINE_CITY.finditer(text)]


LOCATED = re.compile(r"(?:^|\s)(?:в|во|in|г\.|города|city\s+of)\s*"
                     r"(?:(?:сел[еоа]|пос[её]лке|деревне|станице|городе|(?:the\s+)?(?:village|town)\s+of)\s+)?$", re.I)


def located_at(text: str, pos: int, start: int = 0) -> bool:
    """A place mention at `pos` said to be where something is: after «в», "in", «г.», also with a settlement word
    between («в селе Филипповка», "in the village of Zagvazdino"); `start` bounds the look-back (the sentence)."""
    return bool(LOCATED.search(text[max(start, pos - 25):pos]))


def characters(mentions) -> set[int]:
    """The text positions the mentions cover: a set, so that testing a new span against all of them stays linear in
    a long list (`set.isdisjoint(range(start, end))`).

    >>> sorted(characters([Mention(0, 2, "ab"), Mention(5, 6, "c")]))
    [0, 1, 5]
    """
    return {i for m in mentions for i in range(m.start, m.end)}


def unlisted(start: int, end: int, value: str) -> Mention:
    """The mention of a place the gazetteers do not list: its id is `~` and its folded name, it has no record."""
    return Mention(start, end, value, {"id": "~" + fold(value), "record": None})


def unique(values):
    """Values without duplicates, first occurrence order kept."""
    seen, out = set(), []
    for value in values:
        key = value if isinstance(value, str) else repr(value)
        if key not in seen:
            seen.add(key)
            out.append(value)
    return out


def inside_quotes(text: str, pos: int) -> bool:
    """True when `pos` lies inside «…»: the last «» before it is «."""
    return quotes_of(text).inside(pos)


QUOTED_NAME = 100  # characters: a longer «…» is quoted speech, whose names and events count


def place_kind(mention: Mention) -> str | None:
    """The gazetteer kind of a place mention («country», «federal_district», …), or the kind extraction gave a place
    the gazetteers do not list ("macro_region": "Siberia", `english._macro_regions`)."""
    return (mention.extra.get("record") or {}).get("kind") or mention.extra.get("kind")


# an honorary title of the state names its country as the one it honours in («Почётный работник … Российской Федерации»)
HONORARY_TITLE = re.compile(r"«(?:Почётн|Почетн|Заслуженн|Народн|Honou?red|Honorary|People's)", re.IGNORECASE)


def wide_place_of_a_title(text: str, mention: Mention) -> bool:
    """A place of several federal subjects (`gazetteer.WIDE_KINDS`: a country, a federal district, a macro region)
    named only inside a quoted title, not the news's place: «Учитель года России», «Я - гражданин России», "Teacher
    of the Year of Russia", the state programme «Развитие Северо-Кавказского федерального округа», the conference
    “Regional Problems of the Development of the Far East” (an honorary title of the state keeps it)."""
    if place_kind(mention) not in gazetteer.WIDE_KINDS or not inside_quoted_name(text, mention.start):
        return False
    return not HONORARY_TITLE.match(text, text.rfind("«", 0, mention.start))


def inside_quoted_name(text: str, pos: int) -> bool:
    """True when `pos` lies inside a quoted name or title («Kvantorium», «Технологический диктант»), not inside
    quoted speech: at most `QUOTED_NAME` characters from its « to the next » (or the text's end)."""
    return quotes_of(text).inside_name(pos)


@functools.lru_cache(maxsize=8)
def quotes_of(text: str) -> Quotes:
    """The quotes of a text, found once for every position asked about it (`inside_quotes`, `inside_quoted_name`
    and the loops over a text's matches): a search back to the text's start for each would be quadratic."""
    return Quotes(text)


class Quotes:
    """The positions of «» in one text, found once: whether a position lies inside «…» or a quoted name, each
    answered by bisection.

    >>> quotes = Quotes("Центр «Точка роста» открыт. «" + "слово " * 20)
    >>> quotes.inside(7), quotes.inside(2), quotes.inside_name(7), quotes.inside_name(40)
    (True, False, True, False)
    """

    def __init__(self, text: str):
        self.length = len(text)
        self.opens = [m.start() for m in re.finditer("«", text)]
        self.closes = [m.start() for m in re.finditer("»", text)]

    @staticmethod
    def _last_before(positions: list[int], pos: int) -> int:
        index = bisect.bisect_left(positions, pos)
        return positions[index - 1] if index else -1

    def inside(self, pos: int) -> bool:
        """True when `pos` lies inside «…»."""
        return self._last_before(self.opens, pos) > self._last_before(self.closes, pos)

    def inside_name(self, pos: int) -> bool:
        """True when `pos` lies inside a quoted name, not quoted speech (see `inside_quoted_name`)."""
        if not self.inside(pos):
            return False
        index = bisect.bisect_left(self.closes, pos)
        end = self.closes[index] if index < len(self.closes) else self.length
        return end - self._last_before(self.opens, pos) <= QUOTED_NAME
