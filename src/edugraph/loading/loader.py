"""Loading graphs safely: write each into its staging graph, verify its count there, switch it into place
with one SPARQL Update request, and finally compare every graph's count with the build."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pyoxigraph

from ..errors import EduGraphError, warn
from ..sparql.client import NO_SERVICE, RemoteError, graphs_query, is_staging
from .graphs import BUILD_GRAPH_BASE, LocalGraph, rebase
from .targets import Target, graph_of

BATCH_TRIPLES = 50_000  # per switch transaction: Oxigraph slows down on much bigger ones
Hook = Callable[[str, list[LocalGraph]], None]  # called with "staged" or "loaded" and the graphs concerned


class LoadFailed(EduGraphError):
    """A load that stopped: which graphs are in place, which are not (and still hold what they held)."""

    def __init__(self, cause: EduGraphError, loaded: list[LocalGraph], pending: list[LocalGraph]):
        super().__init__(f"{cause}; {len(loaded)} of {len(loaded) + len(pending)} graphs loaded, "
                         f"{len(pending)} not loaded")
        self.cause, self.loaded, self.pending = cause, loaded, pending


@dataclass
class Row:
    graph: str
    local: int
    remote: int

    @property
    def ok(self) -> bool:
        return self.local == self.remote


def load(target: Target, graphs: list[LocalGraph], budget: int = BATCH_TRIPLES, hook: Hook | None = None) -> None:
    """Replace each graph in the store, `budget` triples per transaction; graphs not in `graphs` are never touched."""
    loaded: list[LocalGraph] = []
    for batch in target.batches(graphs, budget):
        switching = False
        try:
            target.write(batch)
            if hook:
                hook("staged", batch)
            check_staged(target, batch)
            switching = True
            target.switch(batch)
        except EduGraphError as err:
            raise LoadFailed(err, loaded, graphs[len(loaded):]) from None
        except KeyboardInterrupt:  # Ctrl-C or SIGTERM: the graphs in place are as before or switched
            if not switching:  # (during a switch the store may be moving them: the next load drops what is left)
                drop_staging(target, batch)
            raise
        loaded += batch
        if hook:
            hook("loaded", batch)


def drop_staging(target: Target, batch: list[LocalGraph]) -> None:
    """Drop the staging graphs of an interrupted batch, if the store answers (else the next load drops them)."""
    try:
        target.drop([graph.staging for graph in batch])
    except EduGraphError:
        pass


def check_staged(target: Target, batch: list[LocalGraph]) -> None:
    counts = target.counts([graph.staging for graph in batch])
    wrong = [f"<{g.iri}> ({counts[g.staging]} of {g.count} triples)" for g in batch if counts[g.staging] != g.count]
    if wrong:
        raise EduGraphError(f"staging graph incomplete, not switched: {', '.join(wrong)}")


def verify(target: Target, graphs: list[LocalGraph]) -> list[Row]:
    """Local and store triple counts of every graph."""
    counts = target.counts([graph.iri for graph in graphs])
    return [Row(graph.iri, graph.count, counts[graph.iri]) for graph in graphs]


def format_rows(rows: list[Row]) -> str:
    width = max([len(row.graph) for row in rows] + [5])
    lines = [f"{'graph':<{width}}  {'local':>8}  {'remote':>8}  ok"]
    lines += [f"{row.graph:<{width}}  {row.local:>8}  {row.remote:>8}  {'yes' if row.ok else 'NO'}" for row in rows]
    return "\n".join(lines)


def stored_graphs(target: Target, graph_base: str) -> list[str]:
    """The named graphs under `graph_base` the store holds before the load, staging graphs included: read once, for
    `clean_staging` and `drop_removed_articles` (the load adds no graph outside the build, so the list still holds).

    A name that is no IRI is left out with a warning: the loader writes these names into `DROP GRAPH <…>`, and
    Virtuoso keeps a graph named `…/article/x> ; DROP SILENT GRAPH <http://other> ; DROP SILENT GRAPH <x` (made by
    anyone who may write there with `IRI("…")`), which dropped the other graph."""
    names = sorted(graph_of(row, target.name) for row in target.select(graphs_query(graph_base)))
    iris = [name for name in names if is_iri(name)]
    for name in sorted(set(names) - set(iris)):
        warn(f"{target.name} holds a graph named {name[:200]!r}, which is no IRI: left as it is (remove it with the "
             "store's own tools)")
    return iris


def is_iri(name: str) -> bool:
    """Whether `name` is an IRI (and so can be written between < and > in a query).

    >>> is_iri("https://w3id.org/edugraph/graph/article/a"), is_iri("http://a/x> ; DROP ALL ; #")
    (True, False)
    """
    try:
        pyoxigraph.NamedNode(name)
    except ValueError:
        return False
    return True


def clean_staging(target: Target, stored: list[str]) -> list[str]:
    """Drop the staging graphs among `stored` that an interrupted load left behind; their IRIs."""
    leftovers = [iri for iri in stored if is_staging(iri)]
    target.drop(leftovers)
    return leftovers


def drop_removed_articles(target: Target, graphs: list[LocalGraph], stored: list[str], graph_base: str) -> list[str]:
    """Drop the article graphs among `stored` that the build no longer has (an article removed since the last
    load): left there, `GRAPH ?source` would still find their facts; their IRIs."""
    prefix = rebase(BUILD_GRAPH_BASE + "article/", graph_base)
    built = {graph.iri for graph in graphs}
    removed = [iri for iri in stored if iri.startswith(prefix) and not is_staging(iri) and iri not in built]
    target.drop(removed)
    return removed


def after_failure(target: Target, graphs: list[LocalGraph], failure: LoadFailed) -> tuple[str, EduGraphError]:
    """What the store really holds after a failed load, counted there (a lost answer may hide a committed
    switch): the per-graph table and the one-line error to raise."""
    try:
        rows = verify(target, graphs)
    except EduGraphError as err:
        lines = [f"loaded      <{graph.iri}>" for graph in failure.loaded]
        lines += [f"unknown     <{graph.iri}>" for graph in failure.pending]
        why = "" if str(err) == str(failure.cause) else f" ({err})"  # a count the store cannot give fails twice
        return "\n".join(lines), EduGraphError(
            f"{failure.cause}; {len(failure.loaded)} of {len(graphs)} graphs were loaded before the failure, "
            f"the others could not be counted afterwards{why}")
    good = sum(row.ok for row in rows)
    return format_rows(rows), EduGraphError(
        f"{failure.cause}; counted after the failure, {good} of {len(rows)} graphs in the store match the build "
        f"({next_step(failure.cause)})")


def next_step(cause: EduGraphError) -> str:
    """What to do after a failed load: run it again, unless the store has no service where it was sent."""
    if isinstance(cause, RemoteError) and cause.status in NO_SERVICE:
        return "the store takes no such request there: check --update-url/--gsp-url or --store-kind, then load again"
    return "run the same load again to finish"
