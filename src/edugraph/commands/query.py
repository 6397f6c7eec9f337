"""`edugraph query`: run a library query, a .rq file or an inline query on the built graph."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NamedTuple

from ..paths import BUILD
from ..sparql.client import add_remote_arguments
from ..sparql.engine import Limits
from .argtypes import seconds

FORMATS = ["table", "csv", "tsv", "json", "xml", "turtle", "ntriples", "jsonld", "rdfxml"]
GRAPH_ONLY = {"turtle", "ntriples", "jsonld", "rdfxml"}
GRAPH_EQUIVALENT = {"table": "turtle", "json": "jsonld", "xml": "rdfxml"}  # for CONSTRUCT/DESCRIBE
DEFAULT_TIMEOUT = 30.0


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "query", help="run a SPARQL query on the built graph",
        description="Run a read-only SPARQL query over every graph of the build (asserted + inferred, "
                    "GRAPH ?g gives the source article). QUERY is a library name (see --list), a .rq file, "
                    "or '-' for standard input; or give the query text with -e.")
    parser.add_argument("query", nargs="?", metavar="QUERY", help="library name, .rq file, or - for stdin")
    parser.add_argument("-e", "--expr", metavar="SPARQL", help="the query text itself")
    parser.add_argument("--param", "-p", action="append", default=[], metavar="NAME=VALUE",
                        help="bind a query variable: <iri> or egr:… prefixed name -> IRI, 2023-10-30 -> xsd:date, "
                             "70 -> xsd:integer, anything else -> string (repeatable)")
    parser.add_argument("--format", "-f", choices=FORMATS, default=None,
                        help="table (default for SELECT/ASK), csv, tsv, json, xml; turtle (default for "
                             "CONSTRUCT/DESCRIBE), ntriples, jsonld, rdfxml")
    parser.add_argument("--build", type=Path, default=BUILD, help="build folder (default: build/)")
    parser.add_argument("--timeout", type=seconds, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                        help=f"stop the query after this many seconds, 0 for no limit (default {DEFAULT_TIMEOUT:g})")
    parser.add_argument("--memory", type=int, default=Limits.memory_mb, metavar="MB",
                        help="memory the query may use beyond the store, with or without a time limit "
                             f"(default {Limits.memory_mb})")
    parser.add_argument("--no-inferred", action="store_true", help="leave out the OWL-RL inferred graph")
    parser.add_argument("--list", action="store_true", help="list the query library with each query's question")
    parser.add_argument("--endpoint", metavar="URL",
                        help="query a store `edugraph load` filled instead of the build: its server, dataset or "
                             "query URL")
    add_remote_arguments(parser)
    parser.set_defaults(func=run)


def list_library() -> str:
    """Each library query: its name and parameters, its question in English and Russian, what each parameter
    takes and the examples of its header, as commands."""
    from ..sparql import library
    lines = []
    for q in library():
        params = " ".join(f"[{n}=…]" if not required else f"{n}=…" for n, required in q.params.items())
        lines.append(f"{q.name}  {params}".rstrip())
        lines += [f"    {text}" for text in (q.question_en, q.question_ru) if text]
        lines += [f"    {name}: {q.param_help[name]}" for name in q.params if q.param_help.get(name)]
        lines += [f"    e.g. edugraph query {q.name} {example}" for example in q.examples]
    return "\n".join(lines) + "\n"


class QuerySource(NamedTuple):
    """The query to run: its text, declared parameters (None: any), entity parameter classes, the name messages
    give it and where it came from (the FILE of `edugraph: error: FILE: …`)."""
    text: str
    declared: dict[str, bool] | None
    classes: dict[str, str]
    name: str
    where: str


def query_source(args) -> QuerySource:
    """The query QUERY or -e gives: inline, from standard input, a query file or a library query."""
    from ..errors import EduGraphError
    from ..sparql import find
    from ..sparql.library import too_long
    if args.expr is not None and args.query is not None:
        raise EduGraphError("give either QUERY or -e SPARQL, not both")
    if args.expr is not None:
        return QuerySource(args.expr, None, {}, "the inline query", "the -e query")
    if args.query is None:
        raise EduGraphError("no query: give a library name (see `edugraph query --list`), a .rq file, - or -e SPARQL")
    if args.query == "-":
        from ..facts import SURROGATE
        from ..limits import limit
        most = limit("MAX_QUERY_CHARS")
        if sys.stdin.isatty():  # else the command seemed to hang, waiting for a query never asked for
            print("edugraph: type the query, then Ctrl-D on a line of its own", file=sys.stderr, flush=True)
        try:
            text = sys.stdin.read(most + 1).removeprefix("\ufeff")  # at most: `yes |` filled the memory
        except UnicodeDecodeError as err:
            raise EduGraphError(f"standard input: the query is not UTF-8 text ({err.reason})") from None
        if SURROGATE.search(text):  # Python reads a byte that is no UTF-8 as a lone surrogate (C and UTF-8 locales)
            raise EduGraphError("standard input: the query is not UTF-8 text (a byte that is no UTF-8)")
        if len(text) > most:
            raise EduGraphError(too_long("standard input", most))
        return QuerySource(text, None, {}, "the query from standard input", "standard input")
    found = find(args.query)
    return QuerySource(found.text, found.params, found.param_class, f"query {found.name!r}", args.query)


def answer(args, source: QuerySource, values) -> bytes:
    """The serialised answer of the query, from the build or from --endpoint."""
    from ..errors import EduGraphError
    from ..sparql import Limits, execute
    from ..sparql.client import StoreConnection
    from ..sparql.engine import check
    from ..prefixes import PREFIX_IRIS
    from ..sparql.formats import serialize
    from ..sparql.params import bind_resolved, store_lookup
    from ..sparql.store import open_built

    text, declared, classes, name, _ = source
    fmt = args.format or "table"
    solution_format = None if fmt in GRAPH_ONLY else fmt
    graph_format = fmt if fmt in GRAPH_ONLY else GRAPH_EQUIVALENT.get(fmt)
    if args.endpoint is not None:
        if args.no_inferred:
            raise EduGraphError("--no-inferred works on the local build only")
        # refused before the store is contacted: the nesting a local query may have (binding parameters into
        # 1,000 nested sub-SELECTs, 38 KB, took 23 s of CPU before anything was sent)
        check(text, Limits())
        remote = StoreConnection.open(args)
        bindings = bind_resolved(values, text, declared, classes, name, remote.select)
        body, _ = serialize(remote.results(text, PREFIX_IRIS, bindings), solution_format, graph_format)
    else:
        store = open_built(args.build, inferred=not args.no_inferred)
        bindings = bind_resolved(values, text, declared, classes, name, store_lookup(store))
        body, _ = execute(store, text, bindings, solution_format, graph_format,
                          limits=Limits(timeout=args.timeout or None, memory_mb=args.memory))
    return body


def run(args) -> int:
    if args.list:
        sys.stdout.write(list_library())
        return 0
    from ..sparql import QueryError, parse_assignments

    source = query_source(args)
    values = parse_assignments(args.param)
    try:
        body = answer(args, source, values)
    except QueryError as err:  # a syntax error, a timeout…: said of the query it is about, as FILE: …
        raise type(err)(f"{source.where}: {err}") from None
    sys.stdout.buffer.write(body)
    if sys.stdout.isatty() and not body.endswith(b"\n"):  # JSON and XML end without one: the prompt followed
        sys.stdout.buffer.write(b"\n")
    sys.stdout.flush()
    return 0
