"""Articles on disk: `<id>.txt` (UTF-8 text) beside optional `<id>.json` metadata.

Reading checks the input and raises `EduGraphError` with a one-line message naming the
file for anything that is not a readable article (empty, binary, not UTF-8, or HTML inside
a `.txt` file). A file named `.html`/`.htm` is taken as a web page and reduced to its text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import EduGraphError

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
HTML_PATTERN = re.compile(r"<\s*(html|body|div|p|head|!doctype|span|article|br)\b", re.I)
META_KEYS = ("id", "title", "date", "language", "place", "url", "source")
HTML_SUFFIXES = (".html", ".htm")
DATE_PATTERN = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


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


def decode_text(raw: bytes, path: Path) -> str:
    """Decode article bytes as UTF-8, refusing empty, binary and other encodings."""
    if not raw.strip():
        raise EduGraphError(f"{path}: the article is empty")
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


def read_metadata(path: Path) -> dict:
    """Read and check an article's `.json` metadata (missing file: empty dict)."""
    if not path.exists():
        return {}
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise EduGraphError(f"{path}: the metadata is not valid JSON: {err}") from None
    if not isinstance(meta, dict):
        raise EduGraphError(f"{path}: the metadata must be a JSON object")
    unknown = sorted(set(meta) - set(META_KEYS))
    if unknown:
        raise EduGraphError(f"{path}: unknown metadata keys {unknown}; allowed: {list(META_KEYS)}")
    date = meta.get("date")
    if date is not None and not (isinstance(date, str) and DATE_PATTERN.match(date)):
        raise EduGraphError(f"{path}: metadata date {date!r} is not ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD)")
    if meta.get("language") not in (None, "ru", "en"):
        raise EduGraphError(f"{path}: metadata language {meta['language']!r} is not 'ru' or 'en'")
    return meta


def detect_language(text: str) -> str:
    """'ru' when most letters are Cyrillic, else 'en'."""
    cyrillic = sum(1 for ch in text if "\u0400" <= ch <= "\u04ff")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return "ru" if cyrillic >= latin else "en"


def first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def read_article(path: Path) -> Article:
    """Read one article `.txt` file and its metadata, filling gaps from the text."""
    path = Path(path)
    if not path.is_file():
        raise EduGraphError(f"{path}: no such article file")
    article_id = path.stem
    if not ID_PATTERN.match(article_id):
        raise EduGraphError(f"{path}: article id {article_id!r} may hold only letters, digits, '_', '-' and '.'")
    text = decode_text(path.read_bytes(), path)
    if path.suffix.lower() in HTML_SUFFIXES:
        from .text import clean_text
        text = clean_text(text)
    else:
        check_plain_text(text, path)
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


def read_articles(folder: Path) -> list[Article]:
    """Every article in a folder, sorted by id."""
    folder = Path(folder)
    if not folder.is_dir():
        raise EduGraphError(f"{folder}: no such articles folder")
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        raise EduGraphError(f"{folder}: no articles (*.txt) in the folder")
    return [read_article(path) for path in paths]
