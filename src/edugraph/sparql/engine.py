"""Running a read-only SPARQL query on the embedded store, with a time limit.

pyoxigraph cannot interrupt a query, so a query with a time limit runs in a forked child process
(which shares the loaded store copy-on-write) and is killed when the limit passes.
"""

from __future__ import annotations

import multiprocessing
import re

import pyoxigraph as ox

from ..errors import EduGraphError
from . import formats
from .formats import PREFIX_MAP

POSITION = re.compile(r"^error at (\d+):(\d+): (.*)$", re.S)
KILL_GRACE = 1.0


class QueryError(EduGraphError):
    """A query that cannot run; `http_status` is what the endpoint answers."""

    http_status = 400


class QuerySyntaxError(QueryError):
    pass


class UpdateRefused(QueryError):
    http_status = 403


class QueryTimeout(QueryError):
    http_status = 503


def is_update(text: str) -> bool:
    """Whether text that is not a valid query is a SPARQL Update request."""
    from rdflib.plugins.sparql.parser import parseUpdate
    try:
        parseUpdate(text)
    except Exception:  # noqa: BLE001 - any parse failure means "not an update"
        return False
    return True


def syntax_error(text: str, err: SyntaxError) -> QueryError:
    if is_update(text):
        return UpdateRefused("updates (INSERT, DELETE, LOAD, CLEAR, DROP, …) are not allowed: the graph is read-only "
                             "(change the articles or curation files and run `edugraph build`)")
    message = " ".join(str(err).split())
    match = POSITION.match(message)
    if match:
        line, column, detail = match.groups()
        message = f"line {line}, column {column}: {detail}"
    return QuerySyntaxError(f"SPARQL syntax error at {message}")


def run(store: ox.Store, text: str, bindings: dict | None = None, solution_format: str = formats.TABLE,
        graph_format: str = "turtle") -> tuple[bytes, str]:
    """Execute and serialize a query over the default graph (every triple once, see store.py): (body, media type)."""
    try:
        result = store.query(text, prefixes=PREFIX_MAP,
                             substitutions=bindings or None)
        return formats.serialize(result, solution_format, graph_format)
    except SyntaxError as err:
        raise syntax_error(text, err) from None
    except (RuntimeError, OSError, ValueError) as err:
        message = " ".join(str(err).split())
        if "projection" in message:
            message += " (a parameter must be a variable the query selects)"
        raise QueryError(f"the query failed: {message}") from None


def _child(connection, args) -> None:
    try:
        connection.send(("ok", run(*args)))
    except EduGraphError as err:
        connection.send(("error", err))
    except Exception as err:  # noqa: BLE001 - reported to the parent as one line
        connection.send(("error", QueryError(f"the query failed: {type(err).__name__}: {err}")))
    finally:
        connection.close()


def execute(store: ox.Store, text: str, bindings: dict | None = None, solution_format: str = formats.TABLE,
            graph_format: str = "turtle", timeout: float | None = None) -> tuple[bytes, str]:
    """`run` stopped after `timeout` seconds (None or 0: no limit, runs in this process)."""
    args = (store, text, bindings, solution_format, graph_format)
    if not timeout or "fork" not in multiprocessing.get_all_start_methods():
        return run(*args)
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, args), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise QueryTimeout(f"the query took longer than {timeout:g} s and was stopped "
                               "(raise the limit with --timeout)")
        status, payload = receiver.recv()
    except EOFError:
        child.join(KILL_GRACE)
        raise QueryError(f"the query process ended unexpectedly (exit code {child.exitcode})") from None
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join(KILL_GRACE)
    if status == "error":
        raise payload
    return payload
