"""A real `oxigraph serve` for tests: on 127.0.0.1, a free port, a folder of your choice.

    from support.oxigraph import OxigraphServer   # the `oxigraph_server` fixture (conftest.py) starts one in tmp_path

    with OxigraphServer(folder) as server:   # or server.start() / server.kill() / server.stop()
        server.url                           # http://127.0.0.1:PORT (GSP /store, /query, /update)
"""

from __future__ import annotations

import shutil
import signal
import socket
import json
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest


def oxigraph_binary() -> str | None:
    """The `oxigraph` CLI of the PyPI package installed beside this Python (the venv), else on PATH."""
    return shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class OxigraphServer:
    """`oxigraph serve --location FOLDER` as a child process; the port is kept across restarts."""

    def __init__(self, location: Path, port: int | None = None):
        self.location = Path(location)
        self.port = port or free_port()
        self.process: subprocess.Popen | None = None
        self.log = self.location.parent / f"{self.location.name}.oxigraph.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30.0) -> "OxigraphServer":
        binary = oxigraph_binary()
        if not binary:
            pytest.fail("the oxigraph server CLI is missing: it is a test dependency, run `make test`")
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen([binary, "serve", "--location", str(self.location),
                                             "--bind", f"127.0.0.1:{self.port}"], stdout=log, stderr=log)
        self.wait_ready(timeout)
        return self

    def wait_ready(self, timeout: float) -> None:
        """Poll until the server answers a query (or fail with its log if it exits or never answers)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"oxigraph serve exited with {self.process.returncode}: {self.log.read_text()}")
            try:
                with urllib.request.urlopen(f"{self.url}/query?query=ASK%7B%7D", timeout=2):
                    return
            except (urllib.error.URLError, OSError):
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"oxigraph serve did not answer on {self.url} within {timeout} s")

    def kill(self) -> None:
        """SIGKILL: the server dies without any chance to clean up, as in a crash."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()

    def select(self, sparql: str) -> list[dict[str, str]]:
        """Rows of a SELECT query, values as plain strings."""
        request = urllib.request.Request(f"{self.url}/query", urllib.parse.urlencode({"query": sparql}).encode(),
                                         {"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(request, timeout=30) as answer:
            bindings = json.load(answer)["results"]["bindings"]
        return [{k: v["value"] for k, v in row.items()} for row in bindings]

    def counts(self) -> dict[str, int]:
        """Triples per named graph."""
        rows = self.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        return {row["g"]: int(row["n"]) for row in rows}

    def put(self, graph: str, ntriples: str) -> None:
        """Replace a named graph (Graph Store Protocol)."""
        url = f"{self.url}/store?" + urllib.parse.urlencode({"graph": graph})
        request = urllib.request.Request(url, ntriples.encode(), {"Content-Type": "application/n-triples"}, method="PUT")
        urllib.request.urlopen(request, timeout=30).close()

    def __enter__(self) -> "OxigraphServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

