"""`edugraph` run in-process against stores (tests/test_stores.py, tests/test_hostile_stores.py): the command with
its output captured, `load`, the Virtuoso login, a library query's answer lines, and Jena ARQ's answer in the same
form."""

from __future__ import annotations

import pyoxigraph

from edugraph.cli import main
from edugraph.sparql.library import find
from edugraph.sparql.client import query_form
from edugraph.sparql.formats import serialize

PASSWORD_VAR = "EG_STORE_PASSWORD"


def run(capsys, *argv) -> tuple[int, str, str]:
    """`edugraph ARGV…`: (exit code, stdout, stderr)."""
    capsys.readouterr()  # drop what a fixture printed
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def load(capsys, build, *options):
    return run(capsys, "load", "--build", str(build), *options)


def virtuoso_login(virtuoso, monkeypatch) -> list[str]:
    monkeypatch.setenv(PASSWORD_VAR, virtuoso.password)
    return ["--user", virtuoso.user, "--password-env", PASSWORD_VAR]


def jena_lines(path, name: str) -> str:
    """An ARQ answer file in the form `edugraph query` prints (csv, or N-Triples for CONSTRUCT)."""
    query = find(name)
    if query_form(query.text) == "CONSTRUCT":
        scratch = pyoxigraph.Store()
        scratch.load(path=str(path), format=pyoxigraph.RdfFormat.N_TRIPLES)
        body, _ = serialize(scratch.query("CONSTRUCT WHERE { ?s ?p ?o }"), None, "ntriples")
    else:
        results = pyoxigraph.parse_query_results(path=str(path), format=pyoxigraph.QueryResultsFormat.JSON)
        body, _ = serialize(results, "csv", None)
    return body.decode("utf-8")


def answer(capsys, name: str, params: list[str], where: list[str]) -> list[str]:
    """The sorted lines `edugraph query NAME PARAMS… WHERE…` prints (csv, or N-Triples for CONSTRUCT)."""
    fmt = "ntriples" if query_form(find(name).text) == "CONSTRUCT" else "csv"
    code, out, err = run(capsys, "query", name, "--format", fmt, *params, *where)
    assert code == 0, err
    return sorted(out.splitlines())
