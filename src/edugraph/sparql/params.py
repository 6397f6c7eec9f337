"""Query parameters: `name=value` from the command line, bound as RDF terms (never pasted into the query).

A value becomes
- an IRI when written `<…>` or as a prefixed name with a project prefix (`egr:place/dagestan`);
- an `xsd:date` when it is an ISO date (`2023-10-30`);
- an `xsd:integer` when it is an integer (`70`);
- otherwise a plain string literal (`Санкт-Петербург`), whatever quotes or braces it contains.
The terms are handed to the engine as pre-bound variables (pyoxigraph `substitutions`, rdflib `initBindings`).
"""

from __future__ import annotations

import datetime
import re

import pyoxigraph as ox

from ..errors import EduGraphError
from .formats import PREFIX_MAP

XSD = "http://www.w3.org/2001/XMLSchema#"
PREFIXED = re.compile(r"^([A-Za-z][\w-]*):([^\s<>\"{}|^`\\]*)$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
INTEGER = re.compile(r"^[+-]?\d+$")
NAME = re.compile(r"^[?$]?([A-Za-z_]\w*)$")


class ParameterError(EduGraphError):
    """A parameter the query does not take, a missing required one, or a malformed value."""

    http_status = 400


def to_term(value: str):
    """The RDF term a parameter value stands for (see the module docstring)."""
    try:
        if value.startswith("<") and value.endswith(">"):
            return ox.NamedNode(value[1:-1])
        match = PREFIXED.match(value)
        if match and match.group(1) in PREFIX_MAP:
            return ox.NamedNode(PREFIX_MAP[match.group(1)] + match.group(2))
    except ValueError as err:
        raise ParameterError(f"not a valid IRI: {value} ({err})") from None
    if ISO_DATE.match(value):
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            raise ParameterError(f"not a valid date: {value}") from None
        return ox.Literal(value, datatype=ox.NamedNode(XSD + "date"))
    if INTEGER.match(value):
        return ox.Literal(value, datatype=ox.NamedNode(XSD + "integer"))
    return ox.Literal(value)


def parse_assignments(assignments: list[str]) -> dict[str, str]:
    """`["region=Дагестан", "?from=2023-01-01"]` -> `{"region": "Дагестан", "from": "2023-01-01"}`."""
    values = {}
    for item in assignments:
        name, sep, value = item.partition("=")
        match = NAME.match(name.strip())
        if not sep or not match:
            raise ParameterError(f"bad parameter {item!r}: write NAME=VALUE, e.g. --param region=Дагестан")
        values[match.group(1)] = value
    return values


def bind(values: dict[str, str], text: str, declared: dict[str, bool] | None, query_name: str = "the query") -> dict:
    """{Variable: term} for the given values, checked against the parameters the query takes.

    `declared` maps each documented parameter to whether it is required; `None` (inline queries) accepts
    any variable that occurs in the query text.
    """
    for name in values:
        known = name in declared if declared is not None else re.search(rf"[?$]{name}\b", text)
        if not known:
            takes = ", ".join(f"?{n}" for n in declared or {}) or "no parameters"
            raise ParameterError(f"unknown parameter {name!r} for {query_name} (it takes {takes})")
    missing = [name for name, required in (declared or {}).items() if required and name not in values]
    if missing:
        example = " ".join(f"--param {n}=…" for n in missing)
        raise ParameterError(f"{query_name} needs {example}")
    return {ox.Variable(name): to_term(value) for name, value in values.items()}
