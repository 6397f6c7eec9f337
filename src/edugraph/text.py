"""Text normalisation shared by extraction, gazetteer lookups and evaluation."""

from __future__ import annotations

import functools
import html
import inspect
import re
import unicodedata
from html.parser import HTMLParser

OPEN_QUOTE, CLOSE_QUOTE = "«", "»"
_BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
               "section", "article", "header", "footer", "blockquote", "title"}
_SKIP_TAGS = {"script", "style", "noscript", "head"}
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_SYMBOLS = re.compile(
    "[\u2600-\u27bf\U0001f000-\U0001faff\u2b00-\u2bff\ufe0f\u20e3\u2022\u25aa-\u25ff\u2219\u27a4]")
_HYPHEN_BREAK = re.compile(r"(\w)[-\u00ad]\n[ \t]*([а-яёa-z])")
_DASHES = re.compile(r"[\u2010\u2011\u2012]")
_LINE_BREAKS = re.compile("[\x85\u2028\u2029]")  # NEL, line and paragraph separators: line breaks of Unicode
# the rest but tab, LF, VT, FF, CR (spaces and breaks), and the noncharacters U+FFFE, U+FFFF (no XML holds them)
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


class _TextCollector(HTMLParser):
    """Collect visible text of an HTML document, turning block tags into line breaks."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.headline: list[str] = []  # the text of the first <h1> with any (not a logo's empty one)
        self._skip = 0
        self._h1 = 0  # 1 inside an <h1> while no headline is found, 2 after the headline

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n" if tag != "br" else "\n")
            self.headline += [" "] if self._h1 == 1 else []  # «Открыт<br>IT-куб»: two words
        self._h1 = 1 if tag == "h1" and not self._h1 else self._h1

    def handle_endtag(self, tag):
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")
        if tag == "h1" and self._h1 == 1:
            self._h1 = 2 if "".join(self.headline).strip() else 0

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)
            if self._h1 == 1:
                self.headline.append(data)


# a «<» that no «>» closes before the next «<» or the end: text («a < b»), or a tag or comment never closed, which
# Python 3.11.7's HTMLParser (CVE-2025-6069, fixed in later releases) reads again for each one (90 KB of «<a »: 79 s)
_STRAY_LT = re.compile(r"<(?=[^<>]*(?:<|\Z))")


def _unclosed_comments_as_text(raw: str) -> str:
    """Every «<!--» after the last «-->» as text: a comment never closed, which HTMLParser also reads again for each
    one («<!--x>» × 53,000: 20 s)."""
    closed = raw.rfind("-->") + 3 if "-->" in raw else 0
    return raw[:closed] + raw[closed:].replace("<!--", "&lt;!--")


def _parsed(raw: str) -> _TextCollector:
    parser = _TextCollector()
    parser.feed(_unclosed_comments_as_text(_STRAY_LT.sub("&lt;", raw)))
    parser.close()
    return parser


def _looks_like_html(raw: str) -> bool:
    return bool(re.search(r"<(?:html|body|p|div|br|span|a|h\d|li)\b[^>]*>", raw, re.I))


def strip_html(raw: str) -> str:
    """Visible text of `raw` if it looks like HTML, else `raw` unchanged.

    >>> strip_html("<p>a < b</p><!-- never closed")
    '\\n\\na < b\\n\\n<!-- never closed'
    """
    if not _looks_like_html(raw):
        return html.unescape(raw) if "&" in raw else raw
    return "".join(_parsed(raw).parts)


def _headline(parsed: _TextCollector) -> str:
    return " ".join(clean_text("".join(parsed.headline)).split())


def html_headline(raw: str) -> str:
    """The text of an HTML page's first <h1> (its headline, not the site's <title> or a breadcrumb), cleaned, or
    "" when it has none.

    >>> html_headline('<div><a href="/">Главная</a> / Новости</div><h1>Открыт &laquo;IT-куб&raquo;</h1><p>…</p>')
    'Открыт «IT-куб»'
    """
    return _headline(_parsed(raw))


def clean_page(raw: str) -> tuple[str, str]:
    """The clean text of an HTML page (:func:`clean_text`) and its headline (:func:`html_headline`), from one
    parse of the page.

    >>> clean_page("<h1>Открыт «IT-куб»</h1><p>Центр&nbsp;открыт.</p><script>x = 1</script>")
    ('Открыт «IT-куб»\\n\\nЦентр открыт.', 'Открыт «IT-куб»')
    """
    if not _looks_like_html(raw):  # no tag the parser would read: no headline
        return clean_text(raw), ""
    parsed = _parsed(raw)
    return _tidied("".join(parsed.parts)), _headline(parsed)


def longest_first(name: str) -> tuple[int, str]:
    """Sort key for alternatives of a regex: longer first, ties in alphabetical order (one order in every process,
    whatever the hash seed of a set they came from).

    >>> sorted({"ab", "b", "aa"}, key=longest_first)
    ['aa', 'ab', 'b']
    """
    return -len(name), name


def shorten(text: str, width: int) -> str:
    """`text` cut to `width` characters, the last one "…" when something was cut (the one cut of names and cells
    that are shown: query tables, stats tables, viz labels and tooltips).

    >>> shorten("Министерство просвещения Российской Федерации", 20)
    'Министерство просве…'
    >>> shorten("Минпросвещения", 20)
    'Минпросвещения'
    """
    return text if len(text) <= width else text[:width - 1] + "…"


def unify_quotes(text: str) -> str:
    """Turn „…“, “…”, "…" and ‘…’ pairs into «…»; apostrophes in words are kept."""
    text = re.sub(r"[„“”‟″]", '"', text)
    text = re.sub(r"(?<![\w])[‘‚]|[’‛](?!\w)", '"', text)
    out, depth = [], 0
    for i, ch in enumerate(text):
        if ch != '"':
            out.append(ch)
            continue
        prev = text[i - 1] if i else " "
        opening = prev.isspace() or prev in "(«[-–—/:" or (depth == 0 and not prev.isalnum() and prev not in ".,!?;")
        if opening and not (depth and prev.isalnum()):
            out.append(OPEN_QUOTE)
            depth += 1
        else:
            out.append(CLOSE_QUOTE)
            depth = max(0, depth - 1)
    return "".join(out)


def clean_text(raw: str) -> str:
    """Normalise real-world article text: HTML, quotes, spaces, hyphenation, emoji, control characters (dropped;
    Unicode's other line breaks become line feeds); keep paragraphs.

    >>> clean_text("Школа\\x07 № 5\\u2028открыта\\x00\\ufffe\\uffff.")
    'Школа № 5\\nоткрыта.'
    """
    return _tidied(strip_html(raw or ""))


def _tidied(text: str) -> str:
    """`text` (HTML already removed) with quotes, spaces, hyphenation and emoji normalised, paragraphs kept."""
    text = unicodedata.normalize("NFC", text)
    text = _LINE_BREAKS.sub("\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROLS.sub("", text)  # no XML output can hold them (facts.CONTROL)
    text = _INVISIBLE.sub("", _HYPHEN_BREAK.sub(r"\1\2", text.replace("\u00ad\n", "")))
    text = _SPACES.sub(" ", text)
    text = _SYMBOLS.sub(" ", text)
    text = _DASHES.sub("-", text)
    text = unify_quotes(text)
    lines = [re.sub(r" {2,}", " ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def fold(text: str, punctuation: bool = True) -> str:
    """Comparison form: case folded, ё→е, white space collapsed; with `punctuation` also quotes removed,
    dashes unified and «№» spaced (curation keeps punctuation: a curator's name must match as written).

    >>> fold("Школа  «Ёлочка» №5")
    'школа елочка № 5'
    >>> fold("Школа  «Ёлочка» №5", punctuation=False)
    'школа «елочка» №5'
    """
    text = str(text or "").casefold().replace("ё", "е")
    if punctuation:
        text = re.sub(r"[«»\"„“”'’`]", " ", text)
        text = re.sub(r"[‐‑‒–—]", "-", text)
        text = re.sub(r"\s*№\s*", " № ", text)
    return re.sub(r"\s+", " ", text).strip()


def _patch_inspect() -> None:
    """pymorphy2 0.9 calls inspect.getargspec, removed in Python 3.11."""
    if not hasattr(inspect, "getargspec"):
        def getargspec(func):
            spec = inspect.getfullargspec(func)
            return spec.args, spec.varargs, spec.varkw, spec.defaults
        inspect.getargspec = getargspec


@functools.lru_cache(maxsize=1)
def morph():
    """The shared pymorphy2 analyser (loaded once)."""
    _patch_inspect()
    import pymorphy2
    return pymorphy2.MorphAnalyzer()


@functools.lru_cache(maxsize=131072)
def parses(word: str) -> tuple:
    """pymorphy2 parses of one word, cached (the parse objects are immutable named tuples)."""
    return tuple(morph().parse(word))


@functools.lru_cache(maxsize=65536)
def word_is_known(word: str) -> bool:
    """True when the word is in the pymorphy2 dictionary (cached)."""
    return morph().word_is_known(word)


@functools.lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """Normal form of one word (lower case, ё→е); non-Cyrillic words are only lower-cased."""
    low = word.lower().replace("ё", "е")
    if not re.search("[а-я]", low):
        return low
    return parses(low)[0].normal_form.replace("ё", "е")


def lemma_key(phrase: str) -> str:
    """Order-preserving lemma string of a phrase, used as a case-insensitive lookup key."""
    words = re.findall(r"[\w.]+(?:-[\w.]+)*", fold(phrase))
    return " ".join(lemma(w) for w in words)
