"""Curated corrections: `data/curation/<article id>.yaml`, reviewed by people, never written by extraction.

Format (every section optional)::

    article: 001_b083c668008ffeef     # must match the file name
    note: why these corrections were made
    replace:                          # rename a string wherever it occurs in the extracted facts
      "Кирвоский район": "Кировский район"
    remove:                           # drop extracted entries, matched by name (case-insensitive)
      persons: ["Вера Владимировна"]
      organisations: [...]
      places: [...]
      initiatives: [...]
      events: [...]
    add:                              # entries in the facts schema; they replace extracted entries of the same name
      persons: [{name: "...", posts: [{post: "...", org: "..."}]}]
      organisations: ["..."]
      events: [{name: "...", type: meeting, date: "2023-12-21", place: "Москва", participants: 40}]

Curated entries win over extracted ones; `edugraph build` applies them on every run, so
re-running extraction never loses them.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import yaml

from .errors import EduGraphError
from .paths import FACTS_SCHEMA

SECTIONS = ("persons", "organisations", "places", "initiatives", "events", "topics")
TOP_KEYS = {"article", "note", "replace", "remove", "add"}


def fold(name: str) -> str:
    """Case- and space-insensitive comparison key."""
    return " ".join(str(name).replace("ё", "е").replace("Ё", "Е").split()).casefold()


def entry_name(entry) -> str:
    return entry["name"] if isinstance(entry, dict) else entry


def load_curation(path: Path, article_id: str) -> dict:
    """Read and check one curation file; a missing file means no corrections."""
    path = Path(path)
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError) as err:
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise EduGraphError(f"{path}: malformed curation file: {reason}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise EduGraphError(f"{path}: a curation file must be a mapping with keys {sorted(TOP_KEYS)}")
    unknown = sorted(set(data) - TOP_KEYS)
    if unknown:
        raise EduGraphError(f"{path}: unknown keys {unknown}; allowed: {sorted(TOP_KEYS)}")
    if data.get("article", article_id) != article_id:
        raise EduGraphError(f"{path}: 'article: {data['article']}' does not match the file name")
    check_sections(path, data)
    return data


def check_sections(path: Path, data: dict) -> None:
    replace = data.get("replace") or {}
    if not isinstance(replace, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in replace.items()):
        raise EduGraphError(f"{path}: 'replace' must map strings to strings")
    for key in ("remove", "add"):
        section = data.get(key) or {}
        if not isinstance(section, dict) or set(section) - set(SECTIONS):
            raise EduGraphError(f"{path}: '{key}' must be a mapping with keys among {list(SECTIONS)}")
        for name, items in section.items():
            if not isinstance(items, list):
                raise EduGraphError(f"{path}: '{key}.{name}' must be a list")
    for name in ("persons", "events"):
        for item in (data.get("remove") or {}).get(name, []):
            if not isinstance(item, str):
                raise EduGraphError(f"{path}: 'remove.{name}' lists names (strings), got {item!r}")
    schema = json.loads(FACTS_SCHEMA.read_text(encoding="utf-8"))
    additions = {section: [] for section in schema["required"]} | (data.get("add") or {})
    try:
        jsonschema.validate(additions, schema)
    except jsonschema.ValidationError as err:
        where = ".".join(str(p) for p in err.absolute_path)
        raise EduGraphError(f"{path}: 'add.{where}': {err.message}") from None


def rename(value, replace: dict):
    """Apply the `replace` map to every string inside a facts structure."""
    if isinstance(value, str):
        for old, new in replace.items():
            value = value.replace(old, new)
        return value
    if isinstance(value, list):
        return [rename(item, replace) for item in value]
    if isinstance(value, dict):
        return {key: rename(item, replace) for key, item in value.items()}
    return value


def apply_curation(facts: dict, curation: dict) -> dict:
    """Merge curated corrections into extracted facts; curated entries win."""
    if not curation:
        return facts
    merged = rename(copy.deepcopy(facts), curation.get("replace") or {})
    removed = curation.get("remove") or {}
    added = curation.get("add") or {}
    for section in SECTIONS:
        drop = {fold(entry_name(item)) for item in removed.get(section, [])}
        drop |= {fold(entry_name(item)) for item in added.get(section, [])}
        kept = [item for item in merged.get(section, []) if fold(entry_name(item)) not in drop]
        if section in merged or added.get(section):
            merged[section] = kept + copy.deepcopy(added.get(section, []))
    return merged
