"""What a query text is made of, seen before the engine parses it: nesting depth, SERVICE calls, FROM clauses.

The tokeniser knows just enough SPARQL to skip strings, IRIs and comments, so that a keyword inside them is
not taken for a keyword. It errs on the safe side: a word it cannot place is kept as a word.

>>> shape = inspect("SELECT * FROM <urn:g> WHERE { SERVICE SILENT <http://x/sparql> { ?s ?p '{SERVICE}' } }")
>>> shape.depth, shape.services, shape.has_dataset
(2, ['http://x/sparql'], True)
>>> inspect("SELECT ?service WHERE { ?service a ex:service }").services
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")  # applied to the whole text first (SPARQL 19.2)
MAX_CODEPOINT = 0x10FFFF
TOKEN = re.compile("|".join([
    r"(?P<comment>\#[^\n\r]*)",
    r'(?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""'   # long strings may hold quotes and newlines
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*')",
    r"(?P<iri><[^<>\"{}|^`\\\x00-\x20]*>)",          # an IRI reference has no spaces; `?a < ?b` stays an operator
    r"(?P<variable>[?$][\w\u00B7\u0300-\u036F\u203F-\u2040]+)",
    r"(?P<open>[({\[])",
    r"(?P<close>[)}\]])",
    r"(?P<word>(?:\\.|[^\s(){}\[\]<>\"'\#,;?$=!&|+*/^\\])+)",  # keywords, prefixed names (`ex:a\#b`), numbers
    r"(?P<other>\S)",
]), re.S)


@dataclass
class Shape:
    """The parts of a query that the endpoint checks before running it."""

    depth: int = 0                                      # deepest nesting of (), {} and []
    services: list[str | None] = field(default_factory=list)  # SERVICE targets (None: a variable or prefixed name)
    has_dataset: bool = False                           # FROM or FROM NAMED present
    optionals: int = 0                                  # OPTIONAL clauses


def unescape(text: str) -> str:
    r"""Replace SPARQL codepoint escapes (`\u0053` is `S`), as the parser does before reading the query; one beyond
    U+10FFFF (`\UFFFFFFFF`) is left for the parser to refuse.

    >>> unescape(r"\u0053 \U00110000")
    'S \\U00110000'
    """
    return CODEPOINT.sub(_character, text)


def _character(match: re.Match) -> str:
    code = int(match.group(1) or match.group(2), 16)
    return chr(code) if code <= MAX_CODEPOINT else match.group()


def tokens(text: str) -> list[tuple[str, str]]:
    """(kind, text) pairs, comments left out."""
    return [(m.lastgroup, m.group()) for m in TOKEN.finditer(unescape(text)) if m.lastgroup != "comment"]


def inspect(text: str) -> Shape:
    """Depth, SERVICE targets, dataset clauses and OPTIONAL clauses of a query text."""
    shape, depth = Shape(), 0
    items = tokens(text)
    for index, (kind, value) in enumerate(items):
        if kind == "open":
            depth += 1
            shape.depth = max(shape.depth, depth)
        elif kind == "close":
            depth -= 1
        elif kind == "word" and value.lower() == "from":
            shape.has_dataset = True
        elif kind == "word" and value.lower() == "optional":
            shape.optionals += 1
        elif kind == "word" and value.lower() == "service":
            rest = [item for item in items[index + 1:index + 3] if item[1].lower() != "silent"]
            target = rest[0] if rest else ("", "")
            shape.services.append(target[1][1:-1] if target[0] == "iri" else None)
    return shape
