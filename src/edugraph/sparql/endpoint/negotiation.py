"""HTTP content negotiation for query results: which solution format and which graph format an Accept allows."""

from __future__ import annotations

from ..formats import GRAPH_FORMATS, SOLUTION_FORMATS, TABLE, by_media_type

DEFAULT_SOLUTIONS, DEFAULT_GRAPH = "json", "turtle"
GRAPH_ALIASES = {"application/json": "jsonld"}  # JSON asked for a CONSTRUCT: JSON-LD


def ranked(accept: str) -> list[str]:
    """Media ranges of an Accept header, best first (q=0 left out).

    >>> ranked("text/csv;q=0.5, application/json, */*;q=0")
    ['application/json', 'text/csv']
    """
    parts = []
    for index, part in enumerate(accept.split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if media and q > 0 and q == q:  # q == q: not NaN
            parts.append((-q, index, media.lower()))
    return [media for _, _, media in sorted(parts)]


def _matches(media_range: str, media: str) -> bool:
    if media_range in ("*/*", "*"):
        return True
    major, _, minor = media_range.partition("/")
    return minor == "*" and media.startswith(major + "/") or media_range == media


def negotiate(accept: str | None) -> tuple[str | None, str | None]:
    """(solution format, graph format) an Accept header allows; None where it allows none.

    >>> negotiate(None)
    ('json', 'turtle')
    >>> negotiate("text/csv")
    ('csv', None)
    >>> negotiate("application/json")
    ('json', 'jsonld')
    >>> negotiate("image/png")
    (None, None)
    """
    if not accept or not accept.strip():
        return DEFAULT_SOLUTIONS, DEFAULT_GRAPH
    table = by_media_type()
    defaults_first = sorted(table, key=lambda m: table[m] not in (DEFAULT_SOLUTIONS, DEFAULT_GRAPH))
    solutions = graph = None
    for media_range in ranked(accept):
        for media in ([media_range] if "*" not in media_range else defaults_first):
            if not _matches(media_range, media):
                continue
            name = table.get(media)
            if solutions is None and name in SOLUTION_FORMATS or name == TABLE and solutions is None:
                solutions = name
            name = GRAPH_ALIASES.get(media, name)
            if graph is None and name in GRAPH_FORMATS:
                graph = name
    return solutions, graph
