"""Articles on disk: `<id>.txt` (UTF-8 text) beside optional `<id>.json` metadata.

Reading checks the input and raises `EduGraphError` with a one-line message naming the
file for anything that is not a readable article (empty, binary, UTF-16, not UTF-8, HTML inside
a `.txt` file, too big, without words, or with a "word" too long to be one: see `limits`).
A file named `.html`/`.htm` is taken as a web page and reduced to its text. Metadata must
follow `data/metadata.schema.json`, with dates that exist. A symbolic link in an articles
folder may only point inside that folder.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import jsonschema

from .errors import EduGraphError
from .facts import (CONTROL, CONTROL_REFUSED, ISO_DATE, control_path, error_location, is_real_date, load_schema,
                    nesting_depth, schema_errors, surrogate_path)
from .files import read_limited
from .limits import limit
from .paths import METADATA_SCHEMA

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")  # whole: fullmatch (`$` lets "id\n" pass)
HTML_PATTERN = re.compile(r"<\s*(html|body|div|p|head|!doctype|span|article|br)\b", re.I)
META_KEYS = ("id", "title", "date", "language", "place", "url", "source")
HTML_SUFFIXES = (".html", ".htm")
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
LETTER = re.compile(r"[^\W\d_]")
BIDI_FORMATTING = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")  # LRM, RLM, embeddings, overrides, isolates


@dataclass(frozen=True)
class Article:
    """One source article: its id, text and metadata."""

    id: str
    text: str
    title: str
    language: str
    date: str | None = None
    place: str | None = None
    url: str | None = None
    source: str | None = None
    path: Path | None = field(default=None, compare=False)

    def meta(self) -> dict:
        return {key: getattr(self, key) for key in META_KEYS}


def looks_like_utf16(raw: bytes) -> bool:
    """A byte-order mark, or every other byte zero as in UTF-16 Latin or ASCII text."""
    if raw.startswith(UTF16_BOMS):
        return True
    sample = raw[:4000]
    return len(sample) >= 8 and (sample[0::2].count(0) > 0.4 * len(sample) // 2
                                 or sample[1::2].count(0) > 0.4 * len(sample) // 2)


def decode_text(raw: bytes, path: Path) -> str:
    """Decode article bytes as UTF-8, refusing empty, binary and other encodings."""
    if not raw.strip():
        raise EduGraphError(f"{path}: the article is empty")
    if looks_like_utf16(raw):
        raise EduGraphError(f"{path}: the article is UTF-16 text, not UTF-8: convert it with "
                            "`iconv -f utf-16 -t utf-8`")
    if b"\x00" in raw:
        raise EduGraphError(f"{path}: the article is a binary file, not UTF-8 text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        hint = ""
        try:
            raw.decode("cp1251")
            hint = " (it looks like cp1251: convert it with `iconv -f cp1251 -t utf-8`)"
        except UnicodeDecodeError:
            pass
        raise EduGraphError(f"{path}: the article is not UTF-8 text at byte {err.start}{hint}") from None
    if not text.strip():
        raise EduGraphError(f"{path}: the article is empty")
    return text


def check_plain_text(text: str, path: Path) -> None:
    """Refuse an HTML page stored as a `.txt` article."""
    if HTML_PATTERN.search(text[:4000]):
        raise EduGraphError(
            f"{path}: the article is wrapped in HTML; add it with `edugraph add` "
            "(which strips the markup) or save the plain text")


def check_article_text(text: str, path: Path) -> None:
    """Refuse text the extraction cannot read: no letters at all, or a "word" longer than the limit."""
    if not LETTER.search(text):
        raise EduGraphError(f"{path}: the article has no words (no letters at all)")
    longest = limit("MAX_WORD_CHARS")
    if re.search(rf"\S{{{longest + 1}}}", text):
        raise EduGraphError(f"{path}: the article holds a word of more than {longest} characters "
                            "without a space; it is not prose (EDUGRAPH_MAX_WORD_CHARS raises the limit)")


def short(value, width: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= width else text[:width] + "…"


class DuplicateKey(ValueError):
    """A JSON object that gives one key twice (`json` keeps the last value without a word)."""


def unique_keys(pairs: list[tuple[str, object]]) -> dict:
    """The JSON object of `pairs`, refusing a key given twice.

    >>> unique_keys([("title", "a"), ("title", "b")])
    Traceback (most recent call last):
    ...
    edugraph.articles.DuplicateKey: title
    """
    obj = dict(pairs)
    if len(obj) < len(pairs):
        seen: set[str] = set()
        raise DuplicateKey(next(key for key, _ in pairs if key in seen or seen.add(key)))
    return obj


def parse_json(raw: bytes, path: Path, what: str) -> object:
    """JSON bytes (UTF-8, a byte-order mark allowed) read as a value, or a one-line error naming `path` as `what` it
    is (the metadata, the gold file): a key given twice, no valid JSON, nesting deeper than `MAX_JSON_DEPTH`.

    >>> parse_json(b'{"a": 1, "a": 2}', Path("x.json"), "gold file")
    Traceback (most recent call last):
    ...
    edugraph.errors.EduGraphError: x.json: the gold file gives the key 'a' twice: keep one
    """
    too_deep = EduGraphError(f"{path}: the {what} nests deeper than {limit('MAX_JSON_DEPTH')} levels")
    try:
        value = json.loads(raw.decode("utf-8-sig"), object_pairs_hook=unique_keys)
    except DuplicateKey as err:
        raise EduGraphError(f"{path}: the {what} gives the key {short(str(err))} twice: keep one") from None
    except ValueError as err:  # not UTF-8, not JSON, or a number too long to convert
        raise EduGraphError(f"{path}: the {what} is not valid JSON: {' '.join(str(err).split())[:200]}") from None
    except RecursionError:
        raise too_deep from None
    if nesting_depth(value, limit("MAX_JSON_DEPTH")) > limit("MAX_JSON_DEPTH"):
        raise too_deep
    return value


def parse_metadata(raw: bytes, path: Path) -> dict:
    """Metadata bytes as a dict following `data/metadata.schema.json`, or a one-line error."""
    meta = parse_json(raw, path, "metadata")
    if not isinstance(meta, dict):
        raise EduGraphError(f"{path}: the metadata must be a JSON object")
    unknown = sorted(set(meta) - set(META_KEYS))
    if unknown:
        raise EduGraphError(f"{path}: unknown metadata keys {short(unknown)}; allowed: {list(META_KEYS)}")
    where = surrogate_path(meta)
    if where is not None:
        raise EduGraphError(f"{path}: metadata '{where}' holds an invalid character (a lone UTF-16 surrogate)")
    where = control_path(meta)
    if where is not None:
        raise EduGraphError(f"{path}: metadata '{where}' {CONTROL_REFUSED}")
    blank = next((key for key in ("title", "place") if isinstance(meta.get(key), str) and is_blank(meta[key])), None)
    if blank:
        raise EduGraphError(f"{path}: metadata '{blank}' = {short(meta[blank])} is blank (only spaces or invisible "
                            "characters): give a real one, or null")
    date = meta.get("date")
    if date is not None and not (isinstance(date, str) and ISO_DATE.fullmatch(date)):
        raise EduGraphError(f"{path}: metadata date {short(date)} is not ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD)")
    if date is not None and not is_real_date(date):
        raise EduGraphError(f"{path}: metadata date {date!r} does not exist in the calendar")
    errors = schema_errors(meta, load_schema(METADATA_SCHEMA))
    if errors:
        raise EduGraphError(f"{path}: metadata '{error_location(errors[0])}' = {short(errors[0].instance)} is wrong: "
                            f"{schema_reason(errors[0])}")
    problem = iri_problem(meta["url"]) if meta.get("url") else None
    if problem:
        raise EduGraphError(f"{path}: metadata 'url' = {short(meta['url'])} is wrong: not a valid IRI ({problem})")
    return meta


def is_blank(value: str) -> bool:
    """Nothing a reader sees: only white space and invisible (format) characters.

    >>> is_blank(" \\t\\u2028\\u200b\\ufeff"), is_blank("\\u200dа")
    (True, False)
    """
    return all(ch.isspace() or unicodedata.category(ch) == "Cf" for ch in value)


def iri_problem(url: str) -> str | None:
    """Why `url` is no IRI an RDF store accepts (the build writes it as one: `http://[::1`, `http://a:xx/`, a bad
    `%zz` escape, a second `#`, a control character), else None.

    >>> iri_problem("https://пример.рф/новости?q=1#a"), iri_problem("http://a#b#c")
    (None, "Invalid IRI code point '#'")
    >>> iri_problem("https://example.org/\\u202egnp.exe")
    'a bidirectional formatting character U+202E, which RFC 3987 forbids in IRIs'
    """
    import pyoxigraph

    if len(url.encode("utf-8")) > limit("MAX_URL_BYTES"):
        return (f"longer than {limit('MAX_URL_BYTES')} bytes, which some stores cut without a word "
                "(EDUGRAPH_MAX_URL_BYTES raises the limit)")
    bidi = BIDI_FORMATTING.search(url)
    if bidi:
        return f"a bidirectional formatting character U+{ord(bidi.group()):04X}, which RFC 3987 forbids in IRIs"
    try:
        pyoxigraph.NamedNode(url)
    except ValueError as err:
        return "".join(ch if ch.isprintable() else "?" for ch in str(err))
    return None


def schema_reason(error: jsonschema.ValidationError) -> str:
    """A short reason for a schema error (never the whole offending value)."""
    if error.validator == "type":
        kinds = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        return f"must be {' or '.join(kinds)}"
    if error.validator == "pattern":
        return "does not have the expected form (see data/metadata.schema.json)"
    if error.validator == "enum":
        return f"must be one of {error.validator_value}"
    if error.validator in ("minLength", "maxLength"):
        return f"{error.validator} is {error.validator_value}"
    return error.message[:200]


def read_metadata(path: Path) -> dict:
    """Read and check an article's `.json` metadata (missing file: empty dict)."""
    if not path.exists() and not path.is_symlink():
        return {}
    return parse_metadata(read_limited(path, "MAX_METADATA_BYTES", "metadata"), path)


def detect_language(text: str) -> str:
    """'ru' when most letters are Cyrillic, else 'en'."""
    cyrillic = sum(1 for ch in text if "\u0400" <= ch <= "\u04ff")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return "ru" if cyrillic >= latin else "en"


def first_line(text: str) -> str:
    """The first line with anything on it, without control characters (a title from the text, like one from
    metadata, holds none: see `facts.CONTROL`)."""
    lines = (CONTROL.sub("", line).strip() for line in text.splitlines())
    return next((line for line in lines if line), "")


def read_article(path: Path) -> Article:
    """Read one article `.txt` file and its metadata, filling gaps from the text."""
    path = Path(path)
    if not path.is_file():
        raise EduGraphError(f"{path}: {'the article is not a file' if path.exists() else 'no such article file'}")
    if path.suffix.lower() == ".json":  # read as its own text and metadata, it gave an article without facts
        raise EduGraphError(f"{path}: an article's metadata, not the article: give its .txt file")
    article_id = path.stem
    if not ID_PATTERN.fullmatch(article_id):
        raise EduGraphError(f"{path}: article id {article_id!r} may hold only letters, digits, '_', '-' and '.'")
    text = decode_text(read_limited(path, "MAX_ARTICLE_BYTES", "article"), path)
    if path.suffix.lower() in HTML_SUFFIXES:
        from .text import clean_text
        text = clean_text(text)
    else:
        check_plain_text(text, path)
    check_article_text(text, path)
    meta = read_metadata(path.with_suffix(".json"))
    if meta.get("id", article_id) != article_id:
        raise EduGraphError(f"{path.with_suffix('.json')}: metadata id {meta['id']!r} does not match the file name")
    language = meta.get("language") or detect_language(text)
    date = meta.get("date")
    if date is None:
        from .extract.dates import publication_date  # heavy module, loaded only when needed
        date = publication_date(text, language)
    return Article(
        id=article_id, text=text, title=meta.get("title") or first_line(text), language=language,
        date=date, place=meta.get("place"), url=meta.get("url"), source=meta.get("source"), path=path)


def check_inside(path: Path, folder: Path) -> None:
    """Refuse a symbolic link that leads out of `folder` (or nowhere)."""
    if path.is_symlink():
        try:
            target = path.resolve()
        except RuntimeError:  # Python 3.11 raises this for a loop of links
            raise EduGraphError(f"{path}: a symbolic link that leads back to itself (a loop)") from None
        if not target.is_relative_to(folder.resolve()):
            raise EduGraphError(f"{path}: a symbolic link to {target}, outside the articles folder; "
                                "copy the file in instead")


def article_paths(folder: Path) -> list[Path]:
    """The article files (`*.txt`) of a folder, sorted by id; a symbolic link leading out of it, or a web page
    (`*.html`, which would be skipped), is refused."""
    folder = Path(folder)
    if not folder.is_dir():
        raise EduGraphError(f"{folder}: no such articles folder")
    with os.scandir(folder) as found:  # one listing, whose entries know which are links without a look each
        entries = [(entry.name, entry.is_symlink()) for entry in found]
    names = sorted(name for name, _ in entries if name.endswith(".txt"))
    page = next((name for name, _ in sorted(entries) if name.lower().endswith(HTML_SUFFIXES)), None)
    if page:  # a saved web page would be skipped without a word
        raise EduGraphError(f"{folder / page}: a web page among the articles; add it with `edugraph add` (which "
                            "strips the markup), or move it out of the folder")
    if not names:
        raise EduGraphError(f"{folder}: no articles (*.txt) in the folder")
    seen: dict[str, str] = {}
    for name in names:  # on a case-insensitive disk (macOS, a USB stick) their facts and cache files are one
        other = seen.setdefault(name.casefold(), name)
        if other != name:
            raise EduGraphError(f"{folder / name}: its id differs from {other}'s only in case; rename one (on a "
                                "disk that ignores case their files in the build would be one)")
    links = {name for name, link in entries if link}
    for name in names:
        for other in (name, name[:-len(".txt")] + ".json"):
            if other in links:
                check_inside(folder / other, folder)
    return [folder / name for name in names]


def read_articles(folder: Path) -> list[Article]:
    """Every article in a folder, sorted by id."""
    return [read_article(path) for path in article_paths(folder)]


def known_article(path: Path, raw: bytes, meta: dict) -> Article:
    """The article of a `.txt` file read and checked before from the same bytes `raw`, with the metadata it had
    then (`Article.meta()`): only decoded again."""
    return Article(**meta, text=raw.decode("utf-8-sig"), path=Path(path))
