"""Run a library query on a pyoxigraph store and get plain rows."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from edugraph.sparql import bind, library

ROOT = Path(__file__).resolve().parents[2]
QUERIES = library(ROOT / "queries")


def select(store: ox.Store, name: str, **params) -> list[dict[str, str]] | bool:
    """Rows of a library query as {variable: value text} (a bool for ASK)."""
    query = next(q for q in QUERIES if q.name == name)
    result = store.query(query.text, use_default_graph_as_union=True,
                         substitutions=bind(params, query.text, query.params, name) or None)
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    return [{v.value: row[v].value for v in result.variables if row[v] is not None} for row in result]
