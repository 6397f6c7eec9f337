"""The two things the endpoint takes from waitress beyond its documented API, each in one function. Both are read
as waitress 3.0.2 (pinned in pyproject.toml) has them; tests/test_endpoint_waitress.py fails if either changes.

- `connection_of`: the client's socket, to peek whether the client has left. The documented way to tell,
  `channel_request_lookahead`, closes a half-closed connection before its answer (docs/SPARQL.md).
- `before_shutdown`: a call before the worker threads are stopped, so that the queries running or waiting give up
  first; waitress has no shutdown hook.
"""

from __future__ import annotations

import socket
from typing import Callable

WAITRESS_VERSION = "3.0.2"


def connection_of(environ: dict) -> socket.socket | None:
    """The socket of the request's connection, else None. `environ["waitress.client_disconnected"]` (documented)
    is the bound method `HTTPChannel.check_client_disconnected`; its channel (a wasyncore dispatcher) keeps the
    connection as `.socket`."""
    channel = getattr(environ.get("waitress.client_disconnected"), "__self__", None)
    connection = getattr(channel, "socket", None)
    return connection if isinstance(connection, socket.socket) else None


def before_shutdown(server, call: Callable[[], None]) -> None:
    """Have `call()` run first when the server stops its worker threads: `server.task_dispatcher.shutdown()`, which
    `run()` calls on Ctrl-C or SIGTERM (KeyboardInterrupt or SystemExit) and then waits up to 5 s for busy threads."""
    dispatcher = server.task_dispatcher
    stop_threads = dispatcher.shutdown

    def shutdown(*args, **kwargs):
        call()
        return stop_threads(*args, **kwargs)

    dispatcher.shutdown = shutdown
