"""`edugraph load` against a real `oxigraph serve`: load, query, reload, crash mid-load and repair, store folders."""

from __future__ import annotations

import shlex
import shutil

import pyoxigraph
import pytest

from edugraph.cli import main
from edugraph.commands import load as load_command
from edugraph.loading.graphs import read_build_graphs
from edugraph.sparql.client import Client, Dataset, RemoteError, remote_results
from support.oxigraph import OxigraphServer
from support.stores import load

pytestmark = pytest.mark.server

FOREIGN = ("http://example.org/foreign", '<http://example.org/x> <http://example.org/p> "not ours" .\n')
KALINICHENKO = """SELECT ?p WHERE { GRAPH ?g { ?p <http://www.w3.org/2000/01/rdf-schema#label> "Алла Калиниченко"@ru } }"""


def expected_counts(build, base=None) -> dict[str, int]:
    graphs = read_build_graphs(build, base) if base else read_build_graphs(build)
    return {g.iri: g.count for g in graphs}


def test_load_query_reload_keeps_other_graphs(seed_build, oxigraph_server, capsys):
    oxigraph_server.put(*FOREIGN)
    expected = expected_counts(seed_build)
    for _ in range(2):  # the second load replaces, never appends
        code, out, err = load(capsys, seed_build, "--endpoint", oxigraph_server.url)
        assert code == 0, err
        assert "all counts match" in out and " NO" not in out
        assert oxigraph_server.counts() == expected | {FOREIGN[0]: 1}  # no staging graph left, no duplicate
    assert oxigraph_server.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{FOREIGN[0]}> {{ ?s ?p ?o }} }}") == [
        {"s": "http://example.org/x", "p": "http://example.org/p", "o": "not ours"}]
    assert oxigraph_server.select(KALINICHENKO), "a known fact from article 002 is in the store"


def test_update_protocol_under_another_graph_base(seed_build, oxigraph_server, capsys):
    base = "http://example.org/eg/graph/"
    code, _, err = load(capsys, seed_build, "--endpoint", oxigraph_server.url, "--protocol", "update",
                        "--graph-base", base)
    assert code == 0, err
    assert oxigraph_server.counts() == expected_counts(seed_build, base)


def test_auto_falls_back_to_update_without_graph_store_protocol(seed_build, oxigraph_server, capsys):
    code, _, err = load(capsys, seed_build, "--query-url", f"{oxigraph_server.url}/query",
                        "--update-url", f"{oxigraph_server.url}/update", "--gsp-url", f"{oxigraph_server.url}/nothing")
    assert code == 0, err
    assert oxigraph_server.counts() == expected_counts(seed_build)
    code, _, err = load(capsys, seed_build, "--endpoint", oxigraph_server.url, "--gsp-url",
                        f"{oxigraph_server.url}/nothing", "--protocol", "gsp", "--retries", "0")
    assert code != 0 and "HTTP 404" in err


def older_build(seed_build, folder, graph: str):
    """A copy of the build in which `graph` has only one triple: the "previous version" in the store."""
    shutil.copytree(seed_build, folder)
    lines = (seed_build / "all.nq").read_text(encoding="utf-8").splitlines(keepends=True)
    ours = [line for line in lines if line.rstrip().endswith(f"<{graph}> .")]
    (folder / "all.nq").write_text("".join(line for line in lines if line not in ours[1:]), encoding="utf-8")
    return folder


def test_server_killed_mid_load_then_repaired(seed_build, tmp_path, monkeypatch, capsys):
    graphs = [g.iri for g in read_build_graphs(seed_build)]
    victim = graphs[3]  # the first article graph: killed after it is staged, before it is switched
    previous = older_build(seed_build, tmp_path / "previous", victim)
    server = OxigraphServer(tmp_path / "db").start()
    try:
        assert load(capsys, previous, "--endpoint", server.url)[0] == 0
        assert server.counts()[victim] == 1

        def kill_when_victim_staged(event, batch):
            if event == "staged" and batch[0].iri == victim:
                server.kill()
        monkeypatch.setattr(load_command, "after_step", kill_when_victim_staged)
        code, out, err = load(capsys, seed_build, "--endpoint", server.url, "--retries", "1", "--backoff", "0",
                              "--batch-triples", "1")  # one graph per switch
        assert code != 0 and "Traceback" not in err
        assert f"3 of {len(graphs)} graphs were loaded before the failure, the others could not be counted" in err
        assert "cannot reach" in err
        assert [line.split()[-1] for line in out.splitlines() if line.startswith("loaded ")] == [
            f"<{g}>" for g in graphs[:3]]
        assert [line.split()[-1] for line in out.splitlines() if line.startswith("unknown ")] == [
            f"<{g}>" for g in graphs[3:]]

        monkeypatch.setattr(load_command, "after_step", None)
        server.start()  # same folder, same port
        expected = expected_counts(seed_build)
        counts = server.counts()
        assert all(counts[g] == expected[g] for g in graphs[:3])
        assert counts[victim] == 1, "the interrupted graph still holds the previous version, not half a new one"

        code, out, err = load(capsys, seed_build, "--endpoint", server.url)
        assert code == 0, err
        assert server.counts() == expected  # repaired; the leftover staging graph is gone
    finally:
        server.stop()


def test_store_folder_is_served_as_is(seed_build, tmp_path, capsys):
    folder = tmp_path / "store"
    code, _, err = load(capsys, seed_build, "--store", str(folder))
    assert code == 0, err
    with OxigraphServer(folder) as server:
        assert server.counts() == expected_counts(seed_build)
        assert server.select(KALINICHENKO)
        code, _, err = load(capsys, seed_build, "--endpoint", server.url)  # and a remote load on top agrees
        assert code == 0, err


def solutions(results) -> set[tuple]:
    return {tuple(str(row[v]) for v in results.variables) for row in results}


def test_remote_query_gives_the_local_results(seed_build, oxigraph_server, capsys):
    assert load(capsys, seed_build, "--endpoint", oxigraph_server.url)[0] == 0
    local = pyoxigraph.Store()
    local.bulk_load(path=str(seed_build / "all.nq"), format=pyoxigraph.RdfFormat.N_QUADS)
    url, client = f"{oxigraph_server.url}/query", Client(retries=0)
    query = "SELECT ?p ?label WHERE { GRAPH ?g { ?p a ?type ; <http://www.w3.org/2000/01/rdf-schema#label> ?label } }"
    assert solutions(remote_results(client, url, query)) == solutions(local.query(query))
    assert solutions(remote_results(client, url, KALINICHENKO)) == solutions(local.query(KALINICHENKO))
    assert remote_results(client, url, "ASK { GRAPH ?g { ?s ?p ?o } }")
    union = Dataset(("https://w3id.org/edugraph/graph/union",))
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    distinct = {quad.triple for quad in local}
    assert [int(row["n"].value) for row in remote_results(client, url, count, union)] == [len(distinct)]


ATOMIC_PROBE = "DROP SILENT GRAPH <http://example.org/g> ; MOVE <http://example.org/missing> TO <http://example.org/g>"


def test_oxigraph_runs_one_update_request_as_one_transaction(oxigraph_server):
    """The switch relies on it: a request whose last operation fails leaves the first one undone too."""
    oxigraph_server.put("http://example.org/g", "<http://example.org/a> <http://example.org/b> \"1\" .\n"
                                                "<http://example.org/a> <http://example.org/b> \"2\" .\n")
    with pytest.raises(RemoteError, match="HTTP 500"):
        Client(retries=0).update(f"{oxigraph_server.url}/update", ATOMIC_PROBE)
    assert oxigraph_server.counts() == {"http://example.org/g": 2}


@pytest.mark.parametrize("name, fmt", [("people-posts", "csv"), ("events-in-region", "tsv"),
                                       ("construct-initiative-network", "ntriples")])
def test_query_command_on_the_remote_store_matches_local(seed_build, oxigraph_server, capsys, name, fmt):
    from edugraph.sparql import find
    assert load(capsys, seed_build, "--endpoint", oxigraph_server.url)[0] == 0
    query = find(name)
    params = shlex.split(query.examples[0]) if query.examples else []
    outputs = []
    for where in (["--build", str(seed_build)], ["--endpoint", oxigraph_server.url]):
        assert main(["query", name, "--format", fmt, *params, *where]) == 0
        outputs.append(sorted(capsys.readouterr().out.splitlines()))
    assert outputs[0] == outputs[1] and len(outputs[0]) > 1
