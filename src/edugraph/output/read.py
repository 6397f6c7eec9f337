"""Reading what `edugraph build` wrote (see docs/CONTRACT.md for the files)."""

from __future__ import annotations

import logging
import sys
import warnings
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph

from ..errors import EduGraphError
from ..files import read_limited
from ..namespaces import bind_prefixes
from ..paths import BUILD, require_build


def ntriples_triples(text: str | Path, source: str = "the N-Triples") -> list[tuple]:
    """The triples of N-Triples text (or of the file at a path, read by pyoxigraph itself) as rdflib terms, in the
    order of the lines, parsed by pyoxigraph (many times faster than rdflib's parser); a term that occurs many times
    is converted once."""
    return [quad[:3] for quad in _rdflib_quads(text, ox.RdfFormat.N_TRIPLES, source)]


def _rdflib_quads(text: str | Path, format: ox.RdfFormat, source: str) -> list[tuple]:
    """(subject, predicate, object, graph name or None) of N-Triples or N-Quads text, or of the file at a path, as
    rdflib terms, parsed by pyoxigraph; a term that occurs many times is converted once. EduGraphError for a syntax
    error and a literal rdflib cannot convert (see :func:`_rdflib_term`)."""
    term = _term_converter(fresh_blank_nodes=False)
    read = {"path": str(text)} if isinstance(text, Path) else {"input": text.encode("utf-8")}
    try:
        with _quiet_rdflib():
            return [(term(q.subject), term(q.predicate), term(q.object), term(q.graph_name))
                    for q in ox.parse(**read, format=format)]
    except (SyntaxError, ValueError) as err:  # ValueError: a literal rdflib cannot convert (see _rdflib_term)
        name = "N-Triples" if format == ox.RdfFormat.N_TRIPLES else "N-Quads"
        raise EduGraphError(f"{source}: not valid {name} ({' '.join(str(err).split())})") from None


# prefixes of a Turtle file bound in its rdflib graph (they only abbreviate IRIs, as in shacl-report.txt): rdflib binds
# each in time growing with those bound before (10,000 prefixes: 4.7 s; 40,000, a 1.2 MB file, minutes)
MAX_BOUND_PREFIXES = 1_000


def turtle_triples(data: bytes, base_iri: str) -> tuple[list[tuple], dict[str, str]]:
    """The triples of a Turtle document as rdflib terms and the prefixes it declares, parsed by pyoxigraph: rdflib's
    Turtle reader takes time growing with the square of a literal's escapes (`"\\"\\"…"`, 3.2 MB: 32 s). As rdflib
    reads it, except that a UTF-8 byte-order mark is skipped, a language tag is lower case and `"x"^^xsd:string` is
    the plain `"x"` (RDF 1.1's same literal); each blank node label is a new blank node. ValueError for a syntax
    error, an ill-typed literal (`"abc"^^xsd:integer`: rdflib printed a traceback and went on) and what rdflib
    cannot hold (RDF 1.2 triple terms, directional literals)."""
    term = _term_converter(fresh_blank_nodes=True)
    parser = ox.parse(data.removeprefix(b"\xef\xbb\xbf"), format=ox.RdfFormat.TURTLE, base_iri=base_iri)
    try:
        with _quiet_rdflib():
            triples = [(term(q.subject), term(q.predicate), term(q.object)) for q in parser]
    except SyntaxError as err:
        raise ValueError(" ".join(str(err).split())) from None
    return triples, parser.prefixes


def _term_converter(fresh_blank_nodes: bool):
    """A function from a pyoxigraph term to its rdflib term (see :func:`_rdflib_term`; None for the default graph),
    converting a term that occurs many times once; each blank node label is a new blank node when
    `fresh_blank_nodes` (as rdflib reads a Turtle document), else the rdflib blank node of the same label."""
    terms: dict = {}

    def term(t):
        found = terms.get(t)
        if found is None and not isinstance(t, ox.DefaultGraph):
            found = terms[t] = BNode() if fresh_blank_nodes and isinstance(t, ox.BlankNode) else _rdflib_term(t)
        return found

    return term


@contextmanager
def _quiet_rdflib():
    """rdflib silenced while it converts literals: it logs a literal it cannot read with a traceback (rdflib.term)
    and warns of a boolean that is none; :func:`_rdflib_term` refuses such a literal instead."""
    converter_log = logging.getLogger("rdflib.term")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            converter_log.disabled = True
            yield
    finally:
        converter_log.disabled = False


def _rdflib_term(t):
    """The rdflib term of a pyoxigraph IRI or literal; ValueError for an ill-typed literal and an RDF 1.2 term."""
    from ..sparql.compare import to_rdflib

    if isinstance(t, ox.Triple) or isinstance(t, ox.Literal) and t.direction:
        raise ValueError(f"RDF 1.2 {'triple term' if isinstance(t, ox.Triple) else 'directional literal'} "
                         f"{str(t)[:80]}, which EduGraph does not read")
    found = to_rdflib(t)
    if getattr(found, "ill_typed", False):
        most = sys.get_int_max_str_digits()  # Python's limit of int(); 0: none (`PYTHONINTMAXSTRDIGITS=0`)
        digits = f" (more than {most:,} digits)" if t.value.lstrip("+-").isdigit() and 0 < most < len(t.value) else ""
        shown = t.value if len(t.value) <= 40 else f"{t.value[:40]}… ({len(t.value):,} characters)"
        raise ValueError(f'"{shown}" is not a valid <{t.datatype.value}>{digits}')
    return found


def add_turtle(graph, data: bytes, base_iri: str):
    """`graph` with the triples of a Turtle document added and its prefixes bound, as `graph.parse` would (see
    :func:`turtle_triples`), but only the first `MAX_BOUND_PREFIXES` prefixes (in the order of their names)."""
    triples, prefixes = turtle_triples(data, base_iri)
    graph.addN((*triple, graph) for triple in triples)
    for prefix, namespace in list(prefixes.items())[:MAX_BOUND_PREFIXES]:
        graph.bind(prefix, namespace)
    return graph


def ntriples_graph(text: str, identifier=None, source: str = "the N-Triples") -> Graph:
    """An rdflib graph of N-Triples text (see :func:`ntriples_triples`)."""
    graph = Graph(identifier=identifier)
    bind_prefixes(graph)
    return _add_ntriples(graph, text, source)


def _add_ntriples(graph, text: str | Path, source: str):
    """`graph` with the triples of N-Triples text or file (see :func:`ntriples_triples`) added."""
    graph.addN((*triple, graph) for triple in ntriples_triples(text, source))
    return graph


def parse_into(graph, path: Path, format: str):
    """Parse a file of the build into `graph` (an rdflib Dataset for "nquads"); a broken file (truncated, edited)
    is a one-line error. N-Triples, N-Quads and Turtle are read by pyoxigraph: rdflib's readers take time growing
    with the square of a line's length (a 1 MB literal, as a curated name can be: 40 s; 97 s in N-Quads) or of a
    literal's escapes (Turtle)."""
    try:
        if format == "nt":
            return _add_ntriples(graph, Path(path), str(path))
        if format == "nquads":
            quads = _rdflib_quads(Path(path), ox.RdfFormat.N_QUADS, str(path))
            contexts = {name: graph.graph(name) if name is not None else graph.default_context
                        for name in {quad[3] for quad in quads}}
            graph.addN((s, p, o, contexts[name]) for s, p, o, name in quads)
            return graph
        if format == "turtle":  # the build's ontology.ttl, a copy of `build --ontology`
            raw = read_limited(Path(path), "MAX_ONTOLOGY_BYTES", "file")
            return add_turtle(graph, raw, Path(path).absolute().as_uri())
        return graph.parse(path, format=format)
    except OSError:
        raise
    except EduGraphError as err:  # from _rdflib_quads
        raise EduGraphError(f"{err}: run `edugraph build` again") from None
    except Exception as err:  # noqa: BLE001 - rdflib's parsers fail in many ways (ParserError, BadSyntax, IndexError)
        reason = " ".join(str(err).split())[:160] or type(err).__name__
        raise EduGraphError(f"{path}: not valid {format} ({reason}): run `edugraph build` again") from None


def load_dataset(build_dir: Path = BUILD) -> Dataset:
    """Every named graph of the build (ontology, gazetteer, entities, articles, inferred)."""
    ds = Dataset()
    parse_into(ds, require_build(build_dir) / "all.nq", "nquads")
    bind_prefixes(ds)
    return ds


def load_graph(build_dir: Path = BUILD, inferred: bool = True) -> Graph:
    """The data as one graph: asserted triples, plus the inferred ones unless told otherwise."""
    build_dir = require_build(build_dir)
    graph = Graph()
    bind_prefixes(graph)
    parse_into(graph, build_dir / "asserted.nt", "nt")
    if inferred:
        parse_into(graph, build_dir / "inferred.nt", "nt")
    return graph
