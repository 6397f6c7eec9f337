"""Small hand-made articles and their resolved records, for resolution and mapping tests."""

from __future__ import annotations

from edugraph.articles import Article
from edugraph.resolve import ResolvedArticle, resolve_article


def article(ident: str = "t1", language: str = "ru", date: str | None = "2023-10-30",
            place: str | None = None) -> Article:
    return Article(id=ident, text="", title=f"Article {ident}", language=language, date=date, place=place)


def resolved(facts: dict, **meta) -> ResolvedArticle:
    """The records of `facts` read as an article with the given metadata."""
    return resolve_article(article(**meta), facts)


def organisation(name: str, **meta):
    """The record of one organisation named in an article."""
    return resolved({"organisations": [name]}, **meta).organisations[0]
