"""SPARQL over the built graph: the query library, parameters, formats, and time-limited execution."""

from .engine import QueryError, QuerySyntaxError, QueryTimeout, UpdateRefused, execute, run
from .library import LibraryQuery, find, library, read_query
from .params import ParameterError, bind, parse_assignments, to_term

__all__ = ["QueryError", "QuerySyntaxError", "QueryTimeout", "UpdateRefused", "execute", "run", "LibraryQuery",
           "find", "library", "read_query", "ParameterError", "bind", "parse_assignments", "to_term"]
