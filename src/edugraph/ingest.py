"""Adding a new article to `data/articles/`: clean it, give it an id and metadata, check it extracts."""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

from .articles import DATE_PATTERN, HTML_PATTERN, HTML_SUFFIXES, Article, decode_text, detect_language, first_line, read_article
from .errors import EduGraphError

NUMBERED = re.compile(r"^(\d+)_")


def next_article_id(folder: Path, text: str) -> str:
    """`NNN_<16 hex digits of the text's SHA-256>`, like the seed articles; refuse a duplicate text."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    for path in folder.glob(f"*_{digest}.txt"):
        raise EduGraphError(f"this article is already in {folder} as {path.stem}")
    numbers = [int(m.group(1)) for p in folder.glob("*.txt") if (m := NUMBERED.match(p.stem))]
    return f"{max(numbers, default=-1) + 1:03d}_{digest}"


def write_atomically(path: Path, content: str) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(content, encoding="utf-8")
    os.replace(temporary, path)


def add_article(source: Path, folder: Path, title: str | None = None, date: str | None = None,
                url: str | None = None, place: str | None = None, language: str | None = None) -> Article:
    """Copy an article (plain text or an HTML page) into `folder` with its metadata; return it as read back."""
    from .text import clean_text

    source = Path(source)
    if not source.is_file():
        raise EduGraphError(f"{source}: no such file")
    if date is not None and not DATE_PATTERN.match(date):
        raise EduGraphError(f"--date {date!r} is not ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD)")
    raw = decode_text(source.read_bytes(), source)
    text = clean_text(raw) if HTML_PATTERN.search(raw[:4000]) or source.suffix.lower() in HTML_SUFFIXES else raw
    if not text.strip():
        raise EduGraphError(f"{source}: no text left after removing the HTML markup")
    folder.mkdir(parents=True, exist_ok=True)
    article_id = next_article_id(folder, text)
    meta = {"id": article_id, "title": title or first_line(text), "date": date,
            "language": language or detect_language(text), "place": place, "url": url, "source": str(source.name)}
    if meta["date"] is None:
        from .extract.dates import publication_date
        meta["date"] = publication_date(text, meta["language"])
    write_atomically(folder / f"{article_id}.txt", text.strip() + "\n")
    write_atomically(folder / f"{article_id}.json", json.dumps(meta, ensure_ascii=False, indent=2) + "\n")
    return read_article(folder / f"{article_id}.txt")
