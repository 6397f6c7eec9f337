"""The facts exchange format (data/facts.schema.json): trimming facts to the schema."""

from __future__ import annotations

import json
from functools import lru_cache

from .paths import FACTS_SCHEMA


@lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads(FACTS_SCHEMA.read_text(encoding="utf-8"))


def trim(value, node: dict | None = None):
    """Keep only the keys the schema names (drop the pipeline's extension keys)."""
    node = schema() if node is None else node
    if isinstance(value, dict) and "properties" in node:
        return {k: trim(v, node["properties"][k]) for k, v in value.items() if k in node["properties"]}
    if isinstance(value, list) and "items" in node:
        return [trim(item, node["items"]) for item in value]
    return value
