"""The facts exchange format (data/facts.schema.json): trimming facts to the schema.

Also the checks every value read from a user's file goes through before it is used: dates that
exist in the calendar, names that can name a resource, strings without lone surrogates, and a
bounded nesting depth.
"""

from __future__ import annotations

import datetime
import json
import re
from functools import lru_cache
from pathlib import Path

import jsonschema

from .paths import FACTS_SCHEMA
from .xmlchars import XML_FORBIDDEN_CHARACTERS

ISO_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")  # whole (fullmatch: `$` lets "…\n" pass)
SURROGATE = re.compile("[\ud800-\udfff]")
# what a value of a user's metadata or curation file may not hold: the characters no XML 1.0 output can hold, and CR
# (XML turns it into a line feed)
CONTROL = re.compile(f"[{re.escape(XML_FORBIDDEN_CHARACTERS)}\r]")
# what the error says of a value holding one (metadata, curation)
CONTROL_REFUSED = ("holds a control character (NUL, ESC, CR, …: of U+0000–U+001F only tab and line feed are allowed; "
                   "or U+FFFE, U+FFFF), which XML outputs cannot hold")


@lru_cache(maxsize=None)
def load_schema(path: Path) -> dict:
    """A JSON schema of `data/` (facts, metadata, curation), read once."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def schema() -> dict:
    """The facts exchange schema (data/facts.schema.json)."""
    return load_schema(FACTS_SCHEMA)


def schema_errors(document, schema: dict) -> list:
    """Every place `document` breaks `schema`, in document order (the first is the one to report)."""
    return sorted(validator(schema).iter_errors(document), key=lambda e: list(e.path))


_VALIDATORS: dict[int, tuple[dict, jsonschema.Draft202012Validator]] = {}


def validator(schema: dict) -> jsonschema.Draft202012Validator:
    """The validator of a schema, made once per schema object (`load_schema` gives one object per file)."""
    found = _VALIDATORS.get(id(schema))
    if found is None or found[0] is not schema:
        found = _VALIDATORS[id(schema)] = (schema, jsonschema.Draft202012Validator(schema))
    return found[1]


def error_location(error) -> str:
    """Where in the document a jsonschema error is: 'persons.0.name', or '(top)'."""
    return ".".join(map(str, error.absolute_path)) or "(top)"


def trim(value, node: dict | None = None):
    """Keep only the keys the schema names (drop the pipeline's extension keys)."""
    node = schema() if node is None else node
    if isinstance(value, dict) and "properties" in node:
        return {k: trim(v, node["properties"][k]) for k, v in value.items() if k in node["properties"]}
    if isinstance(value, list) and "items" in node:
        return [trim(item, node["items"]) for item in value]
    return value


def is_real_date(text: str) -> bool:
    """True for an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD) that exists in the calendar.

    >>> [is_real_date(d) for d in ("2024-02-29", "2023-02-31", "0000-00-00", "2023-13", "2023", "2023-01-01\\n")]
    [True, False, False, False, True, False]
    """
    match = ISO_DATE.fullmatch(text) if isinstance(text, str) else None
    if not match:
        return False
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def can_name(text: str) -> bool:
    """True when a name has a letter or digit the resource IRI can be made of (not '', '!!!' or emoji only).

    >>> [can_name(n) for n in ("Вера Князева", "школа № 5", "", "  ", "🙂", "---")]
    [True, True, False, False, False, False]
    """
    from .gazetteer import slug
    return isinstance(text, str) and bool(slug(text))


def nesting_depth(value, limit: int) -> int:
    """How deeply lists and mappings nest in `value`, counting no further than `limit` + 1 (no recursion).

    >>> nesting_depth({"a": [1, [2]]}, 10), nesting_depth("x", 10)
    (3, 0)
    """
    deepest, level = 0, [value]
    while level and deepest <= limit:
        containers = [item for item in level if isinstance(item, (list, dict))]
        if not containers:
            break
        deepest += 1
        level = [child for item in containers for child in (item.values() if isinstance(item, dict) else item)]
    return deepest


def surrogate_path(value, path: str = "", pattern: re.Pattern = SURROGATE) -> str | None:
    """Where in `value` a string holds a lone surrogate (invalid Unicode), or another `pattern`; None if nowhere.

    >>> surrogate_path({"title": ["ok", "bad \\ud800"]})
    'title.1'
    """
    if isinstance(value, str):
        return path if pattern.search(value) else None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        if isinstance(key, str) and pattern.search(key):
            return f"{path}.{key!r}".lstrip(".")
        found = surrogate_path(item, f"{path}.{key}".lstrip("."), pattern)
        if found is not None:
            return found
    return None


def control_path(value) -> str | None:
    """Where in `value` a string holds a control character other than tab and line feed, or U+FFFE or U+FFFF
    (`CONTROL`), or None.

    >>> control_path({"title": "ok", "place": "a\\x07"})
    'place'
    """
    return surrogate_path(value, pattern=CONTROL)
