"""SPARQL over the built graph: the query library, parameters, formats, and time-limited execution."""

from .engine import (Dataset, Limits, QueryError, QuerySyntaxError, QueryTimeout, ServiceRefused, UpdateRefused,
                     execute, run)
from .library import LibraryQuery, find, library, read_query
from .params import ParameterError, bind, parse_assignments, to_term

__all__ = ["Dataset", "Limits", "QueryError", "QuerySyntaxError", "QueryTimeout", "ServiceRefused", "UpdateRefused",
           "execute", "run", "LibraryQuery", "find", "library", "read_query", "ParameterError", "bind",
           "parse_assignments", "to_term"]
