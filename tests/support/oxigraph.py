"""A real `oxigraph serve` for tests: on 127.0.0.1, a free port, a folder of your choice.

    from support.oxigraph import OxigraphServer   # the `oxigraph_server` fixture (conftest.py) starts one in tmp_path

    with OxigraphServer(folder) as server:   # or server.start() / server.kill() / server.stop()
        server.url                           # http://127.0.0.1:PORT (GSP /store, /query, /update)
"""

from __future__ import annotations

import shutil
import json
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from .process import free_port, kill, stop, wait_until_answers


def oxigraph_binary() -> str | None:
    """The `oxigraph` CLI of the PyPI package installed beside this Python (the venv), else on PATH."""
    return shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")


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
        wait_until_answers(self.process, f"{self.url}/query?query=ASK%7B%7D", timeout, self.log.read_text)
        return self

    def kill(self) -> None:
        kill(self.process)

    def stop(self) -> None:
        stop(self.process, grace=10)

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
        headers = {"Content-Type": "application/n-triples"}
        request = urllib.request.Request(url, ntriples.encode(), headers, method="PUT")
        urllib.request.urlopen(request, timeout=30).close()

    def __enter__(self) -> "OxigraphServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

