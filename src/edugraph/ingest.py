"""Adding a new article to `data/articles/`: clean it, give it an id and metadata, check it extracts, save it.

`prepare_article` makes the article in memory and checks it like `read_article` would;
`save_article` writes its `.json` and `.txt` only afterwards (the caller extracts in between),
each through a synced temporary file, so a failure leaves the folder as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

from .articles import (HTML_PATTERN, HTML_SUFFIXES, Article, check_article_text, decode_text, detect_language,
                       first_line, parse_metadata)
from .errors import EduGraphError
from .files import read_limited

NUMBERED = re.compile(r"^(\d+)_")


def next_article_id(folder: Path, text: str) -> str:
    """`NNN_<16 hex digits of the text's SHA-256>`, like the seed articles; refuse a duplicate text."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    for path in folder.glob(f"*_{digest}.txt"):
        raise EduGraphError(f"this article is already in {folder} as {path.stem}")
    numbers = [int(m.group(1)) for p in folder.glob("*.txt") if (m := NUMBERED.match(p.stem))]
    return f"{max(numbers, default=-1) + 1:03d}_{digest}"


def write_atomically(path: Path, content: str) -> None:
    """Write through a synced temporary file renamed into place; on failure nothing is left behind."""
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as err:
        temporary.unlink(missing_ok=True)
        raise EduGraphError(f"{path}: cannot write: {err.strerror}") from None


def prepare_article(source: Path, folder: Path, title: str | None = None, date: str | None = None,
                    url: str | None = None, place: str | None = None, language: str | None = None) -> Article:
    """An article (plain text or an HTML page) with its metadata, checked, in memory: nothing is written."""
    from .text import clean_page

    source = Path(source)
    if source.is_dir():
        raise EduGraphError(f"{source}: a folder; add one article file at a time (a folder of articles is built "
                            "with `edugraph build --articles FOLDER`)")
    if not source.exists():
        raise EduGraphError(f"{source}: no such file")
    if folder.exists() and not folder.is_dir():
        raise EduGraphError(f"{folder}: the articles folder is not a folder")
    raw = decode_text(read_limited(source, "MAX_ARTICLE_BYTES", "article"), source)
    is_html = HTML_PATTERN.search(raw[:4000]) or source.suffix.lower() in HTML_SUFFIXES
    text, headline = clean_page(raw) if is_html else (raw, "")
    title = title or headline or None  # a page without a headline is titled by its first line, like a text
    if not text.strip():
        raise EduGraphError(f"{source}: no text left after removing the HTML markup")
    check_article_text(text, source)
    article_id = next_article_id(folder, text)
    options = {"title": title, "date": date, "url": url, "place": place, "source": source.name}
    meta = {"id": article_id} | {key: value for key, value in options.items() if value is not None}
    parse_metadata(json.dumps(meta).encode("ascii"), Path(f"{source} (options)"))
    language = language or detect_language(text)
    if date is None:
        from .extract.dates import publication_date
        date = publication_date(text, language)
    return Article(id=article_id, text=text.strip() + "\n", title=title or first_line(text), language=language,
                   date=date, place=place, url=url, source=source.name, path=folder / f"{article_id}.txt")


def save_article(article: Article) -> None:
    """Write the article's `.json` then its `.txt` (which makes it part of the build); all or nothing."""
    folder = article.path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise EduGraphError(f"{folder}: cannot create the articles folder: {err.strerror}") from None
    metadata = article.path.with_suffix(".json")
    write_atomically(metadata, json.dumps(article.meta(), ensure_ascii=False, indent=2) + "\n")
    try:
        write_atomically(article.path, article.text)
    except EduGraphError:
        metadata.unlink(missing_ok=True)
        raise
