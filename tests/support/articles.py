"""Small hand-made articles, development articles, and their resolved records, for resolution and mapping tests."""

from __future__ import annotations

import functools

from edugraph.articles import Article, read_article
from edugraph.build import article_facts
from edugraph.resolve import ResolvedArticle, resolve_article
from support.corpus import DEV_ARTICLES


def article(ident: str = "t1", language: str = "ru", date: str | None = "2023-10-30",
            place: str | None = None) -> Article:
    return Article(id=ident, text="", title=f"Article {ident}", language=language, date=date, place=place)


def resolved(facts: dict, **meta) -> ResolvedArticle:
    """The records of `facts` read as an article with the given metadata."""
    return resolve_article(article(**meta), facts)


@functools.lru_cache(maxsize=None)
def real(ident: str) -> ResolvedArticle:
    """The records of development article `ident` (tests/dev/articles), resolved from its extracted facts without
    curation; cached, so shared by every test (never change them)."""
    article = read_article(DEV_ARTICLES / f"{ident}.txt")
    return resolve_article(article, article_facts(article, {}))


def organisation(name: str, **meta):
    """The record of one organisation named in an article."""
    return resolved({"organisations": [name]}, **meta).organisations[0]
