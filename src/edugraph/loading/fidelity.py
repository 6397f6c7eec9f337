"""After a load, whether the store holds the build's values as they were written, not only as many triples.

A store may keep a literal in another form (Oxigraph keeps `"87"^^xsd:nonNegativeInteger` as `xsd:integer`, Virtuoso
`"true"^^xsd:boolean` as `"1"`), or lose characters (astral ones, NUL, long literals in some stores and versions):
the triple counts still match. So a sample of the union graph's literals is read back: every literal whose text
is hard to keep (an astral or invisible character, a line separator, a combining mark, more than 1,000
characters), the first of each datatype and language, and every IRI value of more than 1,000 bytes (Virtuoso cuts
long IRIs). A literal that comes back with the same value in another form (another integer type, `"1"` for
`"true"^^xsd:boolean`) is a note; any other difference is an error (`edugraph load` then exits non-zero).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import pyoxigraph

from .graphs import LocalGraph

SAMPLE = 300  # values read back, at most
PAIRS_PER_QUERY = 25  # (subject, property) pairs in one VALUES block
LONG = 1000  # a literal of more characters, an IRI of more bytes, is sampled
XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGERS = {XSD + name for name in ("integer", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger",
                                    "negativeInteger", "long", "int", "short", "byte", "unsignedLong", "unsignedInt",
                                    "unsignedShort", "unsignedByte")}
HARD = re.compile("[\U00010000-\U0010ffff\u0300-\u036f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\t\n]")


@dataclass
class Fidelity:
    """What the store gave back for the sampled values."""

    sampled: int = 0
    retyped: dict[tuple[str, str], int] = field(default_factory=dict)  # (built datatype, store's) -> literals
    changed: list[tuple[pyoxigraph.Triple, list]] = field(default_factory=list)  # triple, what the store holds

    def note(self) -> str | None:
        """One line for the literals kept with the same value in another form, or None."""
        if not self.retyped:
            return None
        kinds = ", ".join(f"{short(built)} as {short(kept) if kept != built else 'another lexical form'} "
                          f"({count} of {self.sampled} sampled values)"
                          for (built, kept), count in sorted(self.retyped.items()))
        return f"note: the store keeps some literals in another form than the build's, with the same value: {kinds}"

    def problem(self) -> str | None:
        """One line for the literals the store holds with another text (or not at all), or None."""
        if not self.changed:
            return None
        triple, found = self.changed[0]
        held = ", ".join(clip(str(term)) for term in found) or "nothing"
        return (f"the store holds other values than the build: {len(self.changed)} of {self.sampled} sampled "
                f"values differ, e.g. <{triple.subject.value}> <{triple.predicate.value}> "
                f"{clip(str(triple.object))} came back as {held}")


def short(datatype: str) -> str:
    return datatype.replace("http://www.w3.org/2001/XMLSchema#", "xsd:")


def clip(text: str, width: int = 80) -> str:
    """`text` on one line, at most `width` characters (escapes shown as written).

    >>> clip('"a\\\\nb"'), clip("x" * 100)[-3:]
    ('"a\\\\nb"', 'xx…')
    """
    text = text.encode("unicode_escape").decode("ascii") if not text.isprintable() else text
    return text if len(text) <= width else text[:width] + "…"


def value_of(literal: pyoxigraph.Literal) -> tuple:
    """What a literal means, whatever its form: integers of any integer type, booleans, decimals and doubles by
    their value, anything else by its text, datatype and language.

    >>> value_of(pyoxigraph.Literal("05", datatype=pyoxigraph.NamedNode(XSD + "nonNegativeInteger")))
    ('integer', 5)
    """
    datatype, text = literal.datatype.value, literal.value.strip()
    try:
        if datatype in INTEGERS:
            return "integer", int(text)
        if datatype == XSD + "boolean":
            return "boolean", text in ("true", "1")
        if datatype == XSD + "decimal":
            return "decimal", Decimal(text)
        if datatype in (XSD + "double", XSD + "float"):
            return "double", float(text)
    except (ValueError, InvalidOperation):
        pass
    return literal.value, datatype, literal.language


def is_hard(term) -> bool:
    """A literal whose text, or an IRI whose length, a store may not keep."""
    if isinstance(term, pyoxigraph.NamedNode):
        return len(term.value.encode("utf-8")) > LONG
    return isinstance(term, pyoxigraph.Literal) and (len(term.value) > LONG or bool(HARD.search(term.value)))


def sample(graph: LocalGraph, size: int = SAMPLE) -> list[pyoxigraph.Triple]:
    """Triples of `graph` with an IRI subject: the hard ones (`is_hard`), and the first literal of each datatype and
    language."""
    chosen, kinds = [], set()
    for triple in graph.triples:
        value = triple.object
        if not isinstance(triple.subject, pyoxigraph.NamedNode) or isinstance(value, pyoxigraph.BlankNode):
            continue
        kind = (value.datatype.value, value.language) if isinstance(value, pyoxigraph.Literal) else None
        if is_hard(value) or kind not in kinds and kind is not None:
            kinds.add(kind)
            chosen.append(triple)
            if len(chosen) == size:
                break
    return chosen


def read_back_query(graph_iri: str, triples: list[pyoxigraph.Triple]) -> str:
    pairs = " ".join(dict.fromkeys(f"({t.subject} {t.predicate})" for t in triples))
    return (f"SELECT ?s ?p ?o WHERE {{ VALUES (?s ?p) {{ {pairs} }} GRAPH <{graph_iri}> {{ ?s ?p ?o }} "
            "FILTER(!isBlank(?o)) }")  # a blank node in Virtuoso's answer (nodeID://…) is no blank node label


def check(terms, graph: LocalGraph, size: int = SAMPLE) -> Fidelity:
    """Read a sample of `graph`'s literals back with `terms` (a SELECT giving pyoxigraph terms by variable)."""
    chosen = sample(graph, size)
    found: dict[tuple, list] = {}
    for start in range(0, len(chosen), PAIRS_PER_QUERY):
        for row in terms(read_back_query(graph.iri, chosen[start:start + PAIRS_PER_QUERY])):
            found.setdefault((row["s"], row["p"]), []).append(row["o"])
    result = Fidelity(sampled=len(chosen))
    for triple in chosen:
        held = found.get((triple.subject, triple.predicate), [])
        if triple.object in held:
            continue
        meaning = value_of(triple.object) if isinstance(triple.object, pyoxigraph.Literal) else None
        same = [term for term in held if isinstance(term, pyoxigraph.Literal) and value_of(term) == meaning]
        if same:
            kinds = (triple.object.datatype.value, same[0].datatype.value)
            result.retyped[kinds] = result.retyped.get(kinds, 0) + 1
        else:
            result.changed.append((triple, held))
    return result
