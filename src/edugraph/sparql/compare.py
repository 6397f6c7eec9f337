"""The same query on pyoxigraph and on rdflib's own SPARQL engine, as comparable plain values.

Used by the tests (both engines must agree on every library query) and by bench/queries.py.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.compare import to_isomorphic

from ..output.read import parse_into
from ..paths import require_build
from ..prefixes import PREFIX_IRIS
from .params import with_values
from .store import INFERRED

XSD = PREFIX_IRIS["xsd"]
XSD_STRING = XSD + "string"
# pyoxigraph returns literals of the derived integer types as xsd:integer: compare them as such
INTEGER_TYPES = {XSD + name for name in ("nonNegativeInteger", "positiveInteger", "nonPositiveInteger",
                                         "negativeInteger", "long", "int", "short", "byte", "unsignedLong",
                                         "unsignedInt", "unsignedShort", "unsignedByte")}


def rdflib_dataset(build_dir: Path, inferred: bool = True) -> Dataset:
    """The build in an rdflib Dataset whose default graph is the union of all graphs."""
    ds = parse_into(Dataset(default_union=True), require_build(build_dir) / "all.nq", "nquads")
    if not inferred:
        ds.remove_graph(URIRef(INFERRED.value))
    return ds


def to_rdflib(term):
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    datatype = None if term.language or term.datatype.value == XSD_STRING else URIRef(term.datatype.value)
    return Literal(term.value, lang=term.language, datatype=datatype)


def to_ox(term):
    """The pyoxigraph term of an rdflib term (the inverse of :func:`to_rdflib`).

    >>> to_ox(Literal("Уфа", lang="ru"))
    <Literal value=Уфа language=ru>
    """
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    datatype = ox.NamedNode(str(term.datatype)) if term.datatype else None
    return ox.Literal(str(term), language=term.language, datatype=datatype)


def _key(term) -> tuple:
    """One comparable form for a pyoxigraph or rdflib term (plain literal = xsd:string)."""
    if term is None:
        return ("unbound",)
    if isinstance(term, (ox.NamedNode, URIRef)):
        return ("iri", str(term.value if isinstance(term, ox.NamedNode) else term))
    if isinstance(term, (ox.BlankNode, BNode)):
        return ("bnode",)
    if isinstance(term, ox.Literal):
        datatype = "" if term.language else term.datatype.value
    else:
        datatype = str(term.datatype) if term.datatype else ("" if term.language else XSD_STRING)
    datatype = XSD + "integer" if datatype in INTEGER_TYPES else datatype
    return ("literal", str(term.value if isinstance(term, ox.Literal) else term), term.language or "", datatype)


def oxigraph_answer(store: ox.Store, text: str, bindings: dict | None = None):
    """Counter of rows (SELECT), bool (ASK), or an isomorphism-ready rdflib graph (CONSTRUCT/DESCRIBE)."""
    result = store.query(with_values(text, bindings), prefixes=PREFIX_IRIS)  # default graph: every triple once
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    if isinstance(result, ox.QueryTriples):
        graph = rdflib.Graph()
        for t in result:
            graph.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
        return to_isomorphic(graph)
    names = result.variables
    return Counter(tuple(_key(row[v]) for v in names) for row in result)


def rdflib_answer(ds: Dataset, text: str, bindings: dict | None = None):
    """The same as `oxigraph_answer`, computed by rdflib."""
    result = ds.query(with_values(text, bindings), initNs=PREFIX_IRIS)
    if result.type == "ASK":
        return bool(result.askAnswer)
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        graph = rdflib.Graph()
        for triple in result.graph:
            graph.add(triple)
        return to_isomorphic(graph)
    return Counter(tuple(_key(row[i]) for i in range(len(result.vars))) for row in result)
