"""Running a read-only SPARQL query on the embedded store, within limits of time, memory and nesting.

pyoxigraph cannot interrupt a query, so a query with a time limit runs in a forked child process (which
shares the loaded store copy-on-write): the child caps its own address space (`resource.setrlimit`), may
leave the network (a private network namespace, so that `SERVICE` reaches nothing), and is killed when the
time limit passes or the caller gives up (`execute(cancelled=…)`: the endpoint's client left); it also dies
with the thread that forked it, so that no query runs on if the server is killed. Before any of that, the
query text is checked (`lexer.inspect`): nesting beyond `Limits.max_depth` (the parser would overflow its
stack) and `SERVICE` calls that are not allowed are refused.
"""

from __future__ import annotations

import ctypes
import faulthandler
import math
import multiprocessing
import os
import re
import resource
import signal
import time
from dataclasses import dataclass, field
from typing import Callable

import pyoxigraph as ox

from ..errors import EduGraphError
from ..prefixes import PREFIX_IRIS
from . import formats, lexer
from .params import with_values
from .store import REBUILD, is_damage

POSITION = re.compile(r"^error at (\d+):(\d+): (.*)$", re.S)
KILL_GRACE = 1.0
CHECK_SECONDS = 0.1  # how often a running query's caller is asked whether it still wants the answer
CLONE_NEWUSER, CLONE_NEWNET = 0x10000000, 0x40000000
PR_SET_PDEATHSIG = 1
MB = 1 << 20


class QueryError(EduGraphError):
    """A query that cannot run; `http_status` is what the endpoint answers."""

    http_status = 400


class QuerySyntaxError(QueryError):
    pass


class UpdateRefused(QueryError):
    http_status = 403


class ServiceRefused(QueryError):
    http_status = 403


class StoreDamaged(QueryError):
    """A file of the store turned out damaged while the query read it (RocksDB's "Corruption: …")."""

    http_status = 500


class QueryTimeout(QueryError):
    http_status = 503


class QueryTooLarge(QueryError):
    http_status = 503


class QueryCancelled(QueryError):
    """The caller gave up (the endpoint's client closed its connection); nobody reads the answer."""

    http_status = 503


@dataclass(frozen=True)
class Limits:
    """What one query may use.

    `timeout`: seconds (None: no limit); `memory_mb`: address space the query may add to what the store already
    takes (None: no cap; with no time limit either, the query runs in this process and only the depth applies);
    `max_depth`: deepest nesting of (), {} and []; `max_optionals`: OPTIONAL clauses (pyoxigraph 0.5.13 plans them in
    time growing with the fourth power of their number: 100 0.65 s, 200 9.5 s, 250 22 s of CPU; the library's
    queries have at most 12); `services`: SERVICE endpoints a query may call (None: any, as on the command line;
    an empty tuple: none, and the query process has no network).
    """

    timeout: float | None = 30.0
    memory_mb: int | None = 1024
    max_depth: int = 64
    max_optionals: int = 64
    services: tuple[str, ...] | None = None

    def __post_init__(self):
        if self.timeout is not None and (math.isnan(self.timeout) or self.timeout < 0):
            raise EduGraphError(f"the time limit must be 0 (none) or a positive number of seconds, "
                                f"not {self.timeout:g}")
        if self.memory_mb is not None and self.memory_mb <= 0:
            raise EduGraphError(f"the memory limit must be a positive number of MB, not {self.memory_mb}")


@dataclass(frozen=True)
class Dataset:
    """The SPARQL Protocol's `default-graph-uri` / `named-graph-uri` (they override FROM / FROM NAMED)."""

    default: tuple[str, ...] = ()
    named: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.default or self.named)


@dataclass(frozen=True)
class Request:
    """Everything `run` needs besides the store."""

    text: str
    bindings: dict | None = None
    solution_format: str | None = formats.TABLE
    graph_format: str | None = "turtle"
    dataset: Dataset = field(default_factory=Dataset)


def is_update(text: str) -> bool:
    """Whether text that is not a valid query is a SPARQL Update request."""
    from rdflib.plugins.sparql.parser import parseUpdate
    try:
        parseUpdate(text)
    except Exception:  # noqa: BLE001 - any parse failure means "not an update"
        return False
    return True


def syntax_error(text: str, err: SyntaxError) -> QueryError:
    if not lexer.tokens(text):
        return QuerySyntaxError("the query is empty (nothing but spaces and comments)")
    if is_update(text):
        return UpdateRefused("updates (INSERT, DELETE, LOAD, CLEAR, DROP, …) are not allowed: the graph is read-only "
                             "(change the articles or curation files and run `edugraph build`)")
    message = " ".join(str(err).split())
    match = POSITION.match(message)
    if match:
        line, column, detail = match.groups()
        message = f"line {line}, column {column}: {detail}"
    return QuerySyntaxError(f"SPARQL syntax error at {message}")


def check(text: str, limits: Limits) -> lexer.Shape:
    """Refuse what must never reach the parser or the engine: deep nesting, too many OPTIONAL clauses, SERVICE calls
    not allowed."""
    shape = lexer.inspect(text)
    if shape.depth > limits.max_depth:
        raise QuerySyntaxError(f"the query nests brackets {shape.depth} levels deep; at most {limits.max_depth} "
                               "are allowed")
    if shape.optionals > limits.max_optionals:
        raise QuerySyntaxError(f"the query has {shape.optionals} OPTIONAL clauses; at most {limits.max_optionals} are "
                               "allowed (the engine's time grows with the fourth power of their number)")
    if limits.services is not None:
        for target in shape.services:
            if target not in limits.services:
                allowed = ("only " + ", ".join(f"<{s}>" for s in limits.services)) if limits.services else "none"
                raise ServiceRefused(f"SERVICE {'<' + target + '>' if target else 'with a variable or prefixed name'}"
                                     f" is not allowed: this endpoint calls {allowed} (see `serve --allow-service`)")
    return shape


def _graphs(iris) -> list:
    try:
        return [ox.NamedNode(iri) for iri in iris]
    except ValueError as err:
        raise QueryError(f"not a valid graph IRI: {err}") from None


def dataset_options(store: ox.Store, shape: lexer.Shape, dataset: Dataset) -> dict:
    """pyoxigraph keyword arguments for the query's dataset.

    The protocol's graph lists win over FROM; FROM wins over the store's default; a store whose default
    graph is empty (every triple sits in a named graph) answers with the union of its graphs.
    """
    if dataset:
        return {"default_graph": _graphs(dataset.default), "named_graphs": _graphs(dataset.named)}
    if shape.has_dataset:
        return {}
    empty_default = next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is None
    return {"use_default_graph_as_union": empty_default}


def run(store: ox.Store, text: str, bindings: dict | None = None, solution_format: str | None = formats.TABLE,
        graph_format: str | None = "turtle", dataset: Dataset = Dataset(), shape: lexer.Shape | None = None
        ) -> tuple[bytes, str]:
    """Execute and serialize a query: (body, media type). No limits here: see `execute`."""
    shape = shape or lexer.inspect(text)
    try:
        result = store.query(with_values(text, bindings), prefixes=PREFIX_IRIS,
                             **dataset_options(store, shape, dataset))
        return formats.serialize(result, solution_format, graph_format)
    except SyntaxError as err:
        raise syntax_error(text, err) from None
    except MemoryError:
        raise QueryTooLarge("the query needed more memory than it may use and was stopped") from None
    except (RuntimeError, OSError, ValueError) as err:
        message = " ".join(str(err).split())
        if isinstance(err, RuntimeError) and is_damage(err):
            raise StoreDamaged(f"the build's store is damaged: {REBUILD} ({message[:200]})") from None
        if "projection" in message:
            message += " (a parameter must be a variable the query selects)"
        raise QueryError(f"the query failed: {message}") from None


def _leave_network() -> None:
    """Move this (single-threaded, forked) process into an empty network namespace, if the kernel lets it."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.unshare(CLONE_NEWUSER | CLONE_NEWNET) != 0:
        libc.unshare(CLONE_NEWNET)


def _die_with_parent() -> None:
    """Have the kernel kill this process when the thread that forked it ends (the server stopped or killed),
    so that no query runs on without anyone to stop it."""
    prctl = getattr(ctypes.CDLL(None, use_errno=True), "prctl", None)  # Linux only
    if prctl is not None:
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != multiprocessing.parent_process().pid:  # the parent ended before that took effect
        os._exit(1)


def _cap_memory(memory_mb: int) -> None:
    """Let this process grow by `memory_mb` beyond what it maps now (the store included)."""
    with open("/proc/self/statm") as statm:
        mapped = int(statm.read().split()[0]) * resource.getpagesize()
    cap = mapped + memory_mb * MB
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def _quiet_stderr() -> None:
    """Silence this process: an allocation failure in the engine aborts it, printing backtraces."""
    faulthandler.disable()
    with open(os.devnull, "wb") as devnull:
        os.dup2(devnull.fileno(), 2)


def _child(connection, store, request: Request, shape, limits: Limits) -> None:
    try:
        _die_with_parent()
        _quiet_stderr()
        if limits.services == ():
            _leave_network()
        if limits.memory_mb:
            _cap_memory(limits.memory_mb)
        connection.send(("ok", run(store, request.text, request.bindings, request.solution_format,
                                   request.graph_format, request.dataset, shape)))
    except EduGraphError as err:
        connection.send(("error", err))
    except MemoryError:
        connection.send(("error", QueryTooLarge("the query needed more memory than it may use and was stopped")))
    except Exception as err:  # noqa: BLE001 - reported to the parent as one line
        connection.send(("error", QueryError(f"the query failed: {type(err).__name__}: {err}")))
    finally:
        connection.close()


def _wait_for_answer(receiver, timeout: float | None, cancelled: Callable[[], bool]) -> None:
    """Return when the query process has answered (or ended); raise at the time limit or when cancelled."""
    deadline = time.monotonic() + (timeout or math.inf)
    while not receiver.poll(max(0.0, min(CHECK_SECONDS, deadline - time.monotonic()))):
        if cancelled():
            raise QueryCancelled("the client left; the query was stopped")
        if time.monotonic() >= deadline:
            raise QueryTimeout(f"the query took longer than {timeout:g} s and was stopped "
                               "(raise the limit with --timeout)")


def execute(store: ox.Store, text: str, bindings: dict | None = None, solution_format: str | None = formats.TABLE,
            graph_format: str | None = "turtle", timeout: float | None = None, *,
            limits: Limits | None = None, dataset: Dataset = Dataset(),
            cancelled: Callable[[], bool] | None = None) -> tuple[bytes, str]:
    """`run` within `limits` (or, given only `timeout`, the default limits with that time; 0/None: no limit at all,
    the query runs in this process). Limits without a time limit still cap the memory in a query process:
    pyoxigraph 0.5.13 answers some queries over a damaged data block of the store by allocating without end.

    `cancelled` is asked every `CHECK_SECONDS` while the query process runs: when it says True, the process
    is killed at once and `QueryCancelled` raised.
    """
    limits = limits or (Limits(timeout=timeout) if timeout else Limits(timeout=None, memory_mb=None))
    request = Request(text, bindings, solution_format, graph_format, dataset)
    shape = check(text, limits)
    if not (limits.timeout or limits.memory_mb) or "fork" not in multiprocessing.get_all_start_methods():
        return run(store, text, bindings, solution_format, graph_format, dataset, shape)
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, store, request, shape, limits), daemon=True)
    child.start()
    sender.close()
    try:
        _wait_for_answer(receiver, limits.timeout, cancelled or (lambda: False))
        status, payload = receiver.recv()
    except EOFError:
        child.join(KILL_GRACE)
        if limits.memory_mb and child.exitcode in (-6, -11, 134):
            raise QueryTooLarge(f"the query needed more than {limits.memory_mb} MB of memory and was stopped "
                                "(raise the limit with --memory)") from None
        raise QueryError(f"the query process ended unexpectedly (exit code {child.exitcode})") from None
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join(KILL_GRACE)
    if status == "error":
        raise payload
    return payload
