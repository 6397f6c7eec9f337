"""Reading what `edugraph build` wrote (see docs/CONTRACT.md for the files)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph

from ..errors import EduGraphError
from ..namespaces import bind_prefixes
from ..paths import BUILD, require_build
from ..turtle import add_turtle_file, quiet_rdflib, term_converter
from ..xmlchars import UnwritableCharacter


def ntriples_triples(text: str | Path, source: str = "the N-Triples") -> list[tuple]:
    """The triples of N-Triples text (or of the file at a path, read by pyoxigraph itself) as rdflib terms, in the
    order of the lines, parsed by pyoxigraph (many times faster than rdflib's parser); a term that occurs many times
    is converted once."""
    return [quad[:3] for quad in _rdflib_quads(text, ox.RdfFormat.N_TRIPLES, source)]


def _rdflib_quads(text: str | Path, format: ox.RdfFormat, source: str) -> list[tuple]:
    """(subject, predicate, object, graph name or None) of N-Triples or N-Quads text, or of the file at a path, as
    rdflib terms, parsed by pyoxigraph; a term that occurs many times is converted once. EduGraphError for a syntax
    error and a literal rdflib cannot convert (see :func:`edugraph.turtle.rdflib_term`)."""
    term = term_converter(fresh_blank_nodes=False)
    read = {"path": str(text)} if isinstance(text, Path) else {"input": text.encode("utf-8")}
    try:
        with quiet_rdflib():
            return [(term(q.subject), term(q.predicate), term(q.object), term(q.graph_name))
                    for q in ox.parse(**read, format=format)]
    except UnwritableCharacter as err:  # a NUL, ESC… (a file edited by hand): no XML output could hold it
        err.found_in(text if isinstance(text, Path) else text.encode("utf-8"))
        raise EduGraphError(f"{err.where(source)}: {err}") from None
    except (SyntaxError, ValueError) as err:  # ValueError: a literal rdflib cannot convert (see turtle.rdflib_term)
        name = "N-Triples" if format == ox.RdfFormat.N_TRIPLES else "N-Quads"
        raise EduGraphError(f"{source}: not valid {name} ({' '.join(str(err).split())})") from None


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
            return add_turtle_file(graph, Path(path), "file")
        return graph.parse(path, format=format)
    except OSError:
        raise
    except EduGraphError as err:  # from _rdflib_quads
        raise EduGraphError(f"{err}: run `edugraph build` again") from None
    except UnwritableCharacter as err:  # from the Turtle reader
        raise EduGraphError(f"{err.where(path)}: {err}: run `edugraph build` again") from None
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
