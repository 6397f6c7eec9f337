"""Run a library query on a pyoxigraph store and get plain rows."""

from __future__ import annotations

import shlex
from pathlib import Path

import pyoxigraph as ox

from edugraph.sparql import LibraryQuery, library, parse_assignments
from edugraph.sparql.params import bind_resolved, store_lookup, with_values

ROOT = Path(__file__).resolve().parents[2]
QUERIES = library(ROOT / "queries")


def examples(query: LibraryQuery) -> list[dict[str, str]]:
    """The parameters of each of a query's examples (its `# example: --param NAME=VALUE …` lines)."""
    return [parse_assignments([word for word in shlex.split(line) if word != "--param"]) for line in query.examples]


def select(store: ox.Store, name: str, **params) -> list[dict[str, str]] | bool:
    """Rows of a library query as {variable: value text} (a bool for ASK); names given for entity parameters
    are resolved to IRIs as `edugraph query` does."""
    query = next(q for q in QUERIES if q.name == name)
    bindings = bind_resolved(params, query.text, query.params, query.param_class, name, store_lookup(store))
    result = store.query(with_values(query.text, bindings), use_default_graph_as_union=True)
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    return [{v.value: row[v].value for v in result.variables if row[v] is not None} for row in result]
