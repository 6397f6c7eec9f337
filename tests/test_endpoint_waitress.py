"""What the endpoint takes from waitress beyond its documented API (`sparql/endpoint/internals.py`), checked against
the installed waitress: a request's connection is found, and a hook runs before the worker threads are stopped."""

from __future__ import annotations

import http.client
import signal
import threading
import tomllib
from importlib.metadata import version
from pathlib import Path

from waitress import create_server

from edugraph.sparql.endpoint.internals import WAITRESS_VERSION, before_shutdown, connection_of

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def answer(start_response, text: str) -> list[bytes]:
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(text)))])
    return [text.encode()]


def ask(port: int) -> None:
    """A GET whose answer may never come (the server stops meanwhile)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", "/")
        connection.getresponse().read()
    except (OSError, http.client.HTTPException):
        pass
    finally:
        connection.close()


def test_the_internals_were_read_from_the_pinned_waitress():
    """An upgrade of waitress has to be read again: these tests say whether the two internals still hold."""
    dependencies = tomllib.loads(PYPROJECT.read_text())["project"]["dependencies"]
    pins = [dep for dep in dependencies if dep.startswith("waitress")]
    assert pins == [f"waitress=={WAITRESS_VERSION}"] and version("waitress") == WAITRESS_VERSION


def test_a_requests_connection_is_the_socket_of_its_client():
    def app(environ, start_response):
        connection = connection_of(environ)
        return answer(start_response, repr(connection.getpeername() if connection else None))

    server = create_server(app, host="127.0.0.1", port=0, threads=1)
    loop = threading.Thread(target=server.run, daemon=True)
    loop.start()
    try:
        connection = http.client.HTTPConnection("127.0.0.1", server.effective_port, timeout=10)
        connection.request("GET", "/")
        seen = connection.getresponse().read().decode()
        assert seen == repr(connection.sock.getsockname())
        connection.close()
    finally:
        server.task_dispatcher.shutdown()
        server.close()


def test_the_hook_runs_before_the_worker_threads_are_stopped():
    """A request that waits for the server to stop (as a query gives up on `Endpoint.closing`) is let go by the hook
    when Ctrl-C stops `run()`: waitress then finds no busy thread to wait 5 s for."""
    closing, entered, let_go = threading.Event(), threading.Event(), []

    def app(environ, start_response):
        entered.set()
        let_go.append(closing.wait(30))
        return answer(start_response, "done")

    server = create_server(app, host="127.0.0.1", port=0, threads=1)
    before_shutdown(server, closing.set)
    client = threading.Thread(target=ask, args=(server.effective_port,), daemon=True)

    def interrupt():
        entered.wait(30)
        signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)

    previous = signal.signal(signal.SIGINT, signal.default_int_handler)  # even where SIGINT is ignored (a `&` job)
    try:
        client.start()
        threading.Thread(target=interrupt, daemon=True).start()
        server.run()  # until the SIGINT: waitress catches the KeyboardInterrupt and stops its threads
    finally:
        signal.signal(signal.SIGINT, previous)
        server.close()
    assert entered.is_set() and closing.is_set() and let_go == [True]
    assert not server.task_dispatcher.threads  # all stopped, none left running
