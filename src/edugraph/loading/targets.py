"""The stores a build can be loaded into: a remote SPARQL server, or an Oxigraph store folder on disk.

Both offer the same four steps: `write` graphs into their staging graphs, `counts` of triples per graph,
`switch` staging graphs into place with one SPARQL Update request (one transaction), and `plan` (dry run).
"""

from __future__ import annotations

import dataclasses
import re
from contextlib import contextmanager
from typing import Iterator
from pathlib import Path

import pyoxigraph

from ..errors import EduGraphError
from ..sparql.client import (NO_SERVICE, SPARQL_JSON, Client, RemoteError, is_edugraph_serve, parse_answer,
                             with_params)
from ..sparql.endpoints import Endpoint
from ..text import shorten
from .challenge import ChallengedClient
from .graphs import LocalGraph

GSP_UNSUPPORTED = NO_SERVICE | {415}  # the GSP URL does not take PUT (or this body): fall back to SPARQL Update
COUNT_CHUNK = 200  # graphs per COUNT query
UPDATE_TRIPLES = 1000  # per INSERT DATA request
GENID = "https://w3id.org/edugraph/.well-known/genid/"


def switch_update(graphs: list[LocalGraph]) -> str:
    """One update that replaces each graph by its staging graph, then drops the staging graph (MOVE does)."""
    steps = []
    for graph in graphs:
        steps.append(f"DROP SILENT GRAPH <{graph.iri}>")
        steps.append(f"MOVE <{graph.staging}> TO <{graph.iri}>" if graph.count
                     else f"DROP SILENT GRAPH <{graph.staging}>")
    return " ;\n".join(steps)


def count_query(iris: list[str]) -> str:
    values = " ".join(f"<{iri}>" for iri in iris)
    return f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g"


def triple_count(text: str | None, store: str) -> int:
    """A store's answer to COUNT as a number, or one line for one that is none: `"abc"` and 5,000 digits (`int()`
    raised ValueError, an internal error), `-3` (taken as a count) and no answer."""
    if not re.fullmatch(r"[0-9]{1,20}", text or ""):
        shown = "nothing" if text is None else repr(shorten(text, 41))
        raise EduGraphError(f"{store} answered a triple count that is no number of triples: {shown}")
    return int(text)


def graph_of(row: dict[str, str], store: str) -> str:
    """The graph name `?g` of a store's answer row, or one line for a row without one (a count filed under None
    read "0 of N triples"; the list of stored graphs was "internal error: KeyError: 'g'")."""
    if row.get("g") is None:
        raise EduGraphError(f"{store} answered a row without a graph name (?g)")
    return row["g"]


class Target:
    """What the loader needs from a store; `counts` is shared, built on `select`."""

    name = "store"

    def batches(self, graphs: list[LocalGraph], budget: int) -> list[list[LocalGraph]]:
        """Consecutive graphs grouped up to `budget` triples (a bigger graph alone): each group is staged,
        checked and switched in one update request, i.e. one transaction."""
        groups: list[list[LocalGraph]] = []
        size = 0
        for graph in graphs:
            if not groups or size + graph.count > budget:
                groups.append([])
                size = 0
            groups[-1].append(graph)
            size += graph.count
        return groups

    def counts(self, iris: list[str]) -> dict[str, int]:
        found = {iri: 0 for iri in iris}
        for start in range(0, len(iris), COUNT_CHUNK):
            for row in self.select(count_query(iris[start:start + COUNT_CHUNK])):
                found[graph_of(row, self.name)] = triple_count(row.get("n"), self.name)
        return found

    def select(self, sparql: str) -> list[dict[str, str]]:
        raise NotImplementedError

    def terms(self, sparql: str) -> list[dict]:
        """The rows of a SELECT as pyoxigraph terms (datatypes and languages kept), by variable name."""
        raise NotImplementedError

    def drop(self, iris: list[str]) -> None:
        raise NotImplementedError

    def close(self) -> None:
        pass


class RemoteTarget(Target):
    """A SPARQL 1.1 server: graphs go in with GSP PUT (`protocol` gsp), INSERT DATA (update), or PUT with a
    fallback to INSERT DATA when the GSP URL does not accept it (auto)."""

    def __init__(self, client: Client, endpoint: Endpoint, protocol: str = "auto"):
        if protocol in ("gsp", "auto") and not endpoint.gsp:
            if protocol == "gsp":
                raise EduGraphError("--protocol gsp needs a GSP URL: give --endpoint or --gsp-url")
            protocol = "update"
        # a graph or an update is sent once, with credentials answering the challenge asked for beforehand
        client = ChallengedClient(**{f.name: getattr(client, f.name) for f in dataclasses.fields(Client)})
        self.client, self.endpoint, self.protocol = client, endpoint, protocol
        self.name = endpoint.name

    def select(self, sparql: str) -> list[dict[str, str]]:
        return self.client.select(self.endpoint.query, sparql)

    def terms(self, sparql: str) -> list[dict]:
        results = parse_answer(self.client.post_query(self.endpoint.query, sparql, SPARQL_JSON), self.endpoint.query)
        names = [variable.value for variable in results.variables]
        return [{name: row[name] for name in names} for row in results]

    def check(self) -> None:
        """Fail early (unreachable, auth, not SPARQL, an `edugraph serve`: read-only) before anything is written."""
        answer = self.client.json_answer(self.endpoint.query, "ASK {}")
        self.client.rows(answer, self.endpoint.query)  # a SPARQL JSON answer, as every later read expects
        if is_edugraph_serve(answer):
            raise EduGraphError(f"{self.endpoint.query} is an `edugraph serve` endpoint, which serves one build "
                                "read-only and cannot be loaded: load the build into a store such as `oxigraph "
                                "serve` or Virtuoso")

    def drop(self, iris: list[str]) -> None:
        if iris:
            self.client.update(self.endpoint.update, " ;\n".join(f"DROP SILENT GRAPH <{iri}>" for iri in iris))

    def write(self, graphs: list[LocalGraph]) -> None:
        """One PUT per graph, or INSERT DATA requests (see `insert_requests`)."""
        pending = list(graphs)
        while pending and self.protocol != "update":
            try:
                self.client.put_graph(self.endpoint.gsp, pending[0].staging, pending[0].ntriples())
            except RemoteError as err:
                if self.protocol == "gsp" or err.status not in GSP_UNSUPPORTED:
                    raise
                self.protocol = "update"  # auto: this server has no writable GSP at that URL
                break
            self.protocol = "gsp"
            pending.pop(0)
        if pending:
            for request in insert_requests(pending):
                self.client.update(self.endpoint.update, request)

    def switch(self, graphs: list[LocalGraph]) -> None:
        self.client.update(self.endpoint.update, switch_update(graphs))

    def plan(self, graphs: list[LocalGraph]) -> list[str]:
        lines = []
        for graph in graphs:
            size = f"graph <{graph.iri}>  {graph.count} triples  {len(graph.ntriples())} bytes"
            if self.protocol == "update":
                lines.append(f"POST {self.endpoint.update}  INSERT DATA into <{graph.staging}>  {size} "
                             f"({-(-graph.count // UPDATE_TRIPLES)} requests, blank nodes skolemised)")
            else:
                lines.append(f"PUT  {with_params(self.endpoint.gsp, graph=graph.staging)}  {size} (N-Triples)")
        return lines + [f"POST {self.endpoint.update}  " + switch_update(graphs).replace(" ;\n", " ; ")]


def insert_requests(graphs: list[LocalGraph], size: int = UPDATE_TRIPLES) -> Iterator[str]:
    """SPARQL Update requests filling the staging graphs: one dropping them, then INSERT DATA of at most `size`
    triples each (Virtuoso refuses much bigger ones), blank nodes skolemised (Virtuoso refuses them in
    INSERT DATA; requests this size could not keep a blank node shared between them anyway)."""
    yield " ;\n".join(f"DROP SILENT GRAPH <{graph.staging}>" for graph in graphs)
    for graph in graphs:
        triples = skolemised(graph.triples)
        for start in range(0, len(triples), size):
            body = pyoxigraph.serialize(triples[start:start + size], format=pyoxigraph.RdfFormat.N_TRIPLES).decode()
            yield f"INSERT DATA {{ GRAPH <{graph.staging}> {{\n{body}}} }}"


def skolemised(triples: list) -> list:
    """The triples with each blank node replaced by an IRI under /.well-known/genid/ (RDF 1.1 skolem IRIs)."""
    def iri(term):
        return pyoxigraph.NamedNode(GENID + term.value) if isinstance(term, pyoxigraph.BlankNode) else term

    return [pyoxigraph.Triple(iri(t.subject), t.predicate, iri(t.object)) for t in triples]


class StoreTarget(Target):
    """An on-disk Oxigraph store (the folder `oxigraph serve --location` serves), written in this process."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.name = str(path)
        self.store = None

    def open(self) -> "StoreTarget":
        try:
            self.store = pyoxigraph.Store(str(self.path))
        except OSError as err:
            raise EduGraphError(f"cannot open the Oxigraph store {self.path}: {err} "
                                "(is a server using it? stop it first)") from None
        return self

    def select(self, sparql: str) -> list[dict[str, str]]:
        return [{name: term.value for name, term in row.items()} for row in self.terms(sparql)]

    def terms(self, sparql: str) -> list[dict]:
        with self.errors():
            solutions = self.store.query(sparql)
            names = [v.value for v in solutions.variables]
            return [{name: solution[name] for name in names} for solution in solutions]

    def write(self, graphs: list[LocalGraph]) -> None:
        with self.errors():
            self.store.update(" ;\n".join(f"DROP SILENT GRAPH <{graph.staging}>" for graph in graphs))
            self.store.bulk_extend(pyoxigraph.Quad(t.subject, t.predicate, t.object,
                                                   pyoxigraph.NamedNode(graph.staging))
                                   for graph in graphs for t in graph.triples)

    def switch(self, graphs: list[LocalGraph]) -> None:
        with self.errors():
            self.store.update(switch_update(graphs))

    def drop(self, iris: list[str]) -> None:
        with self.errors():
            for iri in iris:
                self.store.remove_graph(pyoxigraph.NamedNode(iri))

    @contextmanager
    def errors(self):
        """pyoxigraph failures (disk full, I/O, evaluation) as one-line errors."""
        try:
            yield
        except (OSError, RuntimeError, ValueError) as err:
            raise EduGraphError(f"Oxigraph store {self.path}: {err}") from None

    def plan(self, graphs: list[LocalGraph]) -> list[str]:
        lines = [f"stage into {self.path}  graph <{graph.iri}>  {graph.count} triples" for graph in graphs]
        return lines + ["one transaction: " + switch_update(graphs).replace(" ;\n", " ; ")]

    def check(self) -> None:
        self.open()

    def close(self) -> None:
        if self.store is not None:
            self.store.flush()
            self.store = None
