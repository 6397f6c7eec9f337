"""The characters no XML 1.0 output (SPARQL XML results, RDF/XML) can hold, in one place: the graph's readers refuse
a literal holding one (:func:`refuse_unwritable`), the XML writers an answer holding one
(`sparql.formats.well_formed`), the checks of a user's metadata and curation files a value holding one or CR
(`facts.CONTROL`). Loads neither rdflib nor jsonschema: the query command imports it (docs/SECURITY.md)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pyoxigraph as ox

from .errors import visible
from .text import shorten

# C0 but tab, line feed and CR, and the noncharacters U+FFFE, U+FFFF (lone surrogates: `facts.SURROGATE`)
XML_FORBIDDEN_CHARACTERS = "".join(map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF]))
XML_FORBIDDEN = re.compile(f"[{re.escape(XML_FORBIDDEN_CHARACTERS)}]")
XML_FORBIDDEN_BYTES = re.compile(b"|".join(  # the same in UTF-8: a class of the one-byte ones, then the others
    [b"[" + b"".join(re.escape(c.encode()) for c in XML_FORBIDDEN_CHARACTERS if c < "\x80") + b"]"]
    + [re.escape(c.encode()) for c in XML_FORBIDDEN_CHARACTERS if c >= "\x80"]))


class UnwritableCharacter(ValueError):
    """A literal holding a character no XML 1.0 output can hold (NUL, ESC, U+FFFF…: `XML_FORBIDDEN`); `line`:
    where the reader found it in its file (None: not known)."""

    def __init__(self, value: str, character: str):
        self.character, self.line = character, None
        super().__init__(f'the literal "{visible(shorten(value, 41))}" holds U+{ord(character):04X}, which no XML 1.0 '
                         "output (SPARQL XML results, RDF/XML) can hold")

    def found_in(self, data: bytes | Path) -> UnwritableCharacter:
        """This error, its `line` the one of `data` (the text read, or its file: read a line at a time) that holds the
        character."""
        with open(data, "rb") if isinstance(data, Path) else io.BytesIO(data) as lines:
            self.line = line_of_character(lines, self.character)
        return self

    def where(self, source) -> str:
        """`source` with the line, as `FILE:LINE`."""
        return f"{source}:{self.line}" if self.line else str(source)


def refuse_unwritable(term) -> None:
    """Raise :class:`UnwritableCharacter` for a pyoxigraph literal holding a character no XML output can hold (a
    reader refuses it: an XML writer cannot escape NUL, and writing another character would change the value).

    >>> refuse_unwritable(ox.Literal("a\\tb\\r\\nc"))
    >>> refuse_unwritable(ox.Literal("a\\x00b"))
    Traceback (most recent call last):
    edugraph.xmlchars.UnwritableCharacter: the literal "a\\x00b" holds U+0000, which no XML 1.0 output ... can hold
    """
    if isinstance(term, ox.Literal) and (found := XML_FORBIDDEN.search(term.value)):
        raise UnwritableCharacter(term.value, found.group())


def line_of_character(lines, character: str) -> int | None:
    """The number of the first of `lines` (of a Turtle, N-Triples or N-Quads document, as bytes) holding `character`,
    as itself or as an escape (`\\u0000`, `\\U00000000`, and `\\b`, `\\f` for U+0008, U+000C; no escape spans
    lines); None when none does.

    >>> line_of_character(io.BytesIO(b'<a> <b> "x" .\\n<a> <b> "y\\\\u0001" .\\n'), "\\x01")
    2
    """
    code = ord(character)
    escapes = [re.escape(character.encode("utf-8")), rb"\\u%04x" % code, rb"\\U%08x" % code]
    escapes += {8: [rb"(?-i:\\b)"], 12: [rb"(?-i:\\f)"]}.get(code, [])
    pattern = re.compile(b"|".join(escapes), flags=re.IGNORECASE)
    return next((number for number, line in enumerate(lines, 1) if pattern.search(line)), None)
