"""Turtle read by pyoxigraph into rdflib graphs (rdflib's own reader is quadratic on a literal's escapes), and the
conversion of pyoxigraph's terms to rdflib's that the readers of the build's N-Triples and N-Quads share
(`output.read`)."""

from __future__ import annotations

import logging
import sys
import warnings
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode

from .files import read_limited
from .text import shorten
from .xmlchars import UnwritableCharacter, refuse_unwritable


def term_converter(fresh_blank_nodes: bool):
    """A function from a pyoxigraph term to its rdflib term (see :func:`rdflib_term`; None for the default graph),
    converting a term that occurs many times once; each blank node label is a new blank node when
    `fresh_blank_nodes` (as rdflib reads a Turtle document), else the rdflib blank node of the same label."""
    terms: dict = {}

    def term(t):
        found = terms.get(t)
        if found is None and not isinstance(t, ox.DefaultGraph):
            found = terms[t] = BNode() if fresh_blank_nodes and isinstance(t, ox.BlankNode) else rdflib_term(t)
        return found

    return term


@contextmanager
def quiet_rdflib():
    """rdflib silenced while it converts literals: it logs a literal it cannot read with a traceback (rdflib.term)
    and warns of a boolean that is none; :func:`rdflib_term` refuses such a literal instead."""
    converter_log = logging.getLogger("rdflib.term")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            converter_log.disabled = True
            yield
    finally:
        converter_log.disabled = False


def rdflib_term(t):
    """The rdflib term of a pyoxigraph IRI or literal; ValueError for a literal rdflib cannot convert to a value of
    its datatype (an ill-typed one, but also valid XSD 1.1 values rdflib does not read, `"12024-01-01"^^xsd:date`)
    and an RDF 1.2 term; :class:`~edugraph.xmlchars.UnwritableCharacter` for a literal that no XML output can hold
    (:func:`~edugraph.xmlchars.refuse_unwritable`)."""
    from .sparql.compare import to_rdflib

    if isinstance(t, ox.Triple) or isinstance(t, ox.Literal) and t.direction:
        raise ValueError(f"RDF 1.2 {'triple term' if isinstance(t, ox.Triple) else 'directional literal'} "
                         f"{str(t)[:80]}, which EduGraph does not read")
    refuse_unwritable(t)
    found = to_rdflib(t)
    if getattr(found, "ill_typed", False):
        most = sys.get_int_max_str_digits()  # Python's limit of int(); 0: none (`PYTHONINTMAXSTRDIGITS=0`)
        digits = f" (more than {most:,} digits)" if t.value.lstrip("+-").isdigit() and 0 < most < len(t.value) else ""
        shown = shorten(t.value, 41) + (f" ({len(t.value):,} characters)" if len(t.value) > 41 else "")
        raise ValueError(f'rdflib cannot read "{shown}" as <{t.datatype.value}>{digits}')
    return found


# prefixes of a Turtle file bound in its rdflib graph (they only abbreviate IRIs, as in shacl-report.txt): rdflib binds
# each in time growing with those bound before (10,000 prefixes: 4.7 s; 40,000, a 1.2 MB file, minutes)
MAX_BOUND_PREFIXES = 1_000


def turtle_triples(data: bytes, base_iri: str) -> tuple[list[tuple], dict[str, str]]:
    """The triples of a Turtle document as rdflib terms and the prefixes it declares, parsed by pyoxigraph: rdflib's
    Turtle reader takes time growing with the square of a literal's escapes (`"\\"\\"…"`, 3.2 MB: 32 s). As rdflib
    reads it, except that a UTF-8 byte-order mark is skipped, a language tag is lower case and `"x"^^xsd:string` is
    the plain `"x"` (RDF 1.1's same literal); each blank node label is a new blank node. ValueError for a syntax
    error, a literal rdflib cannot convert (`"abc"^^xsd:integer`, `"12024-01-01"^^xsd:date`: rdflib printed a
    traceback and went on) and what rdflib cannot hold (RDF 1.2 triple terms, directional literals)."""
    term = term_converter(fresh_blank_nodes=True)
    parser = ox.parse(data.removeprefix(b"\xef\xbb\xbf"), format=ox.RdfFormat.TURTLE, base_iri=base_iri)
    try:
        with quiet_rdflib():
            triples = [(term(q.subject), term(q.predicate), term(q.object)) for q in parser]
    except SyntaxError as err:
        raise ValueError(" ".join(str(err).split())) from None
    except UnwritableCharacter as err:
        err.found_in(data)
        raise
    return triples, parser.prefixes


def add_turtle(graph, data: bytes, base_iri: str):
    """`graph` with the triples of a Turtle document added and its prefixes bound, as `graph.parse` would (see
    :func:`turtle_triples`), but only the first `MAX_BOUND_PREFIXES` prefixes (in the order of their names)."""
    triples, prefixes = turtle_triples(data, base_iri)
    graph.addN((*triple, graph) for triple in triples)
    for prefix, namespace in list(prefixes.items())[:MAX_BOUND_PREFIXES]:
        graph.bind(prefix, namespace)
    return graph


def add_turtle_file(graph, path: Path, what: str):
    """`graph` with the triples of a Turtle file added (see :func:`add_turtle`); a file bigger than
    `MAX_ONTOLOGY_BYTES`, a folder, pipe or device is a one-line error naming it as the `what`; ValueError for
    what :func:`turtle_triples` refuses."""
    return add_turtle(graph, read_limited(path, "MAX_ONTOLOGY_BYTES", what), path.absolute().as_uri())
