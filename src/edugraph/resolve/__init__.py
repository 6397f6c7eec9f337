"""Entity resolution: the stage between extraction (+ curation) and mapping.

`resolve_article(article, facts)` turns an article's string facts into typed records (`records`), each with
its identity key (`identity`), canonical labels (`labels`, `english`) and gazetteer places (`places`).
Mapping only translates the records into triples.
"""

from .article import resolve_article
from .records import ResolvedArticle

__all__ = ["resolve_article", "ResolvedArticle"]
