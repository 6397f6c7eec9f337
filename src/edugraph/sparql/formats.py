"""Result formats: the W3C SPARQL 1.1 result formats, RDF syntaxes for graphs, and a readable table."""

from __future__ import annotations

import pyoxigraph as ox

from ..errors import EduGraphError, visible
from ..prefixes import PREFIX_IRIS
from ..text import shorten
from ..xmlchars import XML_FORBIDDEN_BYTES


class NotAcceptable(EduGraphError):
    """The query's results cannot come in the format asked for (HTTP 406)."""

    http_status = 406


# name -> (pyoxigraph format, media type); "table" is ours (text/plain)
SOLUTION_FORMATS = {
    "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
    "rdfxml": ox.RdfFormat.RDF_XML, "jsonld": ox.RdfFormat.JSON_LD,
}
TABLE = "table"
TABLE_MEDIA_TYPE = "text/plain; charset=utf-8"
MAX_CELL = 70


def media_type(name: str) -> str:
    if name == TABLE:
        return TABLE_MEDIA_TYPE
    fmt = SOLUTION_FORMATS.get(name) or GRAPH_FORMATS[name]
    return fmt.media_type


def by_media_type() -> dict[str, str]:
    """Media type (and common aliases) -> format name, for HTTP content negotiation."""
    table = {media_type(name).split(";")[0]: name for name in [*SOLUTION_FORMATS, *GRAPH_FORMATS]}
    table.update({"application/json": "json", "application/xml": "xml", "text/xml": "xml",
                  "text/plain": TABLE, "application/x-turtle": "turtle", "text/n-triples": "ntriples"})
    return table


def compact(term) -> str:
    """A term as a person reads it: prefixed IRIs, the text of literals, _:ids for blank nodes."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, namespace in PREFIX_IRIS.items():
            if term.value.startswith(namespace) and len(term.value) > len(namespace):
                return f"{prefix}:{term.value[len(namespace):]}"
        return f"<{term.value}>"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def _cell(term) -> str:
    """A cell: a literal longer than MAX_CELL cut with "…"; an IRI whole, so that it can be pasted into --param.
    White space is one space; a control or bidirectional formatting character, which would change what the
    terminal shows (colours, a cleared line, text reversed), is written as its escape.

    >>> print(_cell(ox.Literal("a\\nb\\x1b[2K\\u202etxt.exe")))
    a b\\x1b[2K\\u202etxt.exe
    """
    text = visible(" ".join(compact(term).split()))
    return text if isinstance(term, ox.NamedNode) else shorten(text, MAX_CELL)


def table(solutions: ox.QuerySolutions) -> str:
    """Aligned columns with a header rule and a row count; IRIs shortened with the project prefixes."""
    names = [v.value for v in solutions.variables]
    rows = [[_cell(row[v]) for v in solutions.variables] for row in solutions]
    widths = [max([len(name), *(len(r[i]) for r in rows)]) for i, name in enumerate(names)]
    line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
    out = [line(names), line(["-" * w for w in widths]), *map(line, rows)]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def serialize(result, solution_format: str | None, graph_format: str | None) -> tuple[bytes, str]:
    """(body, media type) of a pyoxigraph query result in the requested format (None: not acceptable)."""
    graph = isinstance(result, ox.QueryTriples)
    if (graph_format if graph else solution_format) is None:
        wanted = "turtle, ntriples, jsonld or rdfxml" if graph else "table, csv, tsv, json or xml"
        raise NotAcceptable(f"this is a {'CONSTRUCT/DESCRIBE' if graph else 'SELECT/ASK'} query: "
                            f"its results come as {wanted}")
    if graph:
        fmt = GRAPH_FORMATS[graph_format]
        prefixes = PREFIX_IRIS if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
        return well_formed(ox.serialize(result, format=fmt, prefixes=prefixes) or b"", fmt), fmt.media_type
    if solution_format == TABLE:
        text = ("true\n" if result else "false\n") if isinstance(result, ox.QueryBoolean) else table(result)
        return text.encode("utf-8"), TABLE_MEDIA_TYPE
    fmt = SOLUTION_FORMATS[solution_format]
    return well_formed(result.serialize(format=fmt), fmt), fmt.media_type


def well_formed(body: bytes, fmt) -> bytes:
    """`body`, unless it is XML holding a character XML 1.0 cannot hold (pyoxigraph writes it as it is: malformed
    XML), which no reader lets into a build but a remote store may answer: NotAcceptable naming it. Refused rather
    than escaped: XML has no escape for NUL, and another character would be another value than the other formats
    give."""
    if fmt not in (ox.QueryResultsFormat.XML, ox.RdfFormat.RDF_XML) or not (found := XML_FORBIDDEN_BYTES.search(body)):
        return body
    others = "json, csv or tsv" if fmt == ox.QueryResultsFormat.XML else "turtle, ntriples or jsonld"
    character = ord(found.group().decode("utf-8"))
    raise NotAcceptable(f"the results hold U+{character:04X}, which XML 1.0 cannot hold: ask for them as {others}")
