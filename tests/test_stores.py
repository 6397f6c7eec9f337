"""Third-party stores started by the tests: `edugraph load` and `edugraph query --endpoint` against `oxigraph serve`
and Virtuoso 7 (Debian package, skipped with the reason when it is not installed), and every library query giving
the same rows there, and on Jena ARQ (Debian's libapache-jena-java has no Fuseki: the query text
`query --endpoint` would send runs on ARQ directly, with the same dataset), as on the embedded store."""

from __future__ import annotations

import shlex
import shutil

import pyoxigraph
import pytest

from edugraph.cli import main
from edugraph.loading import targets
from edugraph.loading.graphs import read_build_graphs
from edugraph.paths import ARTICLES
from edugraph.sparql import library, parse_assignments
from edugraph.sparql.client import RemoteError, prepare_query
from edugraph.prefixes import PREFIX_IRIS
from edugraph.sparql.params import bind_resolved, store_lookup
from edugraph.sparql.store import open_built
from support import jena
from support.oxigraph import OxigraphServer
from support.stores import PASSWORD_VAR, answer, jena_lines, load, run, virtuoso_login

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def oxigraph_loaded(seed_build, tmp_path_factory):
    """An `oxigraph serve` holding the seed build, loaded through its documented Graph Store URL /store."""
    with OxigraphServer(tmp_path_factory.mktemp("oxigraph") / "db") as server:
        assert main(["load", "--build", str(seed_build), "--endpoint", f"{server.url}/store"]) == 0
        yield server.url


@pytest.fixture(scope="module")
def virtuoso_loaded(seed_build, virtuoso):
    """The session's Virtuoso holding the seed build, loaded by its bare server URL with Digest authentication."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(PASSWORD_VAR, virtuoso.password)
        assert main(["load", "--build", str(seed_build), "--endpoint", virtuoso.url, "--user", virtuoso.user,
                     "--password-env", PASSWORD_VAR]) == 0
    return virtuoso.url


# entity-facts beyond its example (a person): Virtuoso 7.2 gave the eg:locatedIn facts of every organisation an empty
# sentence (review 6)
MORE_RUNS = [("entity-facts", ["--param", "entity=egr:org/kvantorium-mozdok"]),
             ("entity-facts", ["--param", "entity=egr:event/mezhrayonnaya-konferentsiya-resursyplyus-obsuzhdayem-"
                                          "impulsy-k-razvitiyu-2023-10-30"])]


def library_runs() -> list[tuple[str, list[str]]]:
    """Each library query without parameters (when none is required) and with its documented example, and the
    runs of MORE_RUNS."""
    runs = []
    for query in library():
        if not any(query.params.values()):
            runs.append((query.name, []))
        runs += [(query.name, shlex.split(example)) for example in query.examples]
    return runs + MORE_RUNS


def test_every_declared_parameter_has_a_store_run():
    """Each parameter a library query declares is bound in one of its examples, so the stores are compared with
    it bound too (a bound entity parameter also pins the variable it is compared with: params.pinned)."""
    bound = {(name, word.split("=")[0]) for name, params in library_runs() for word in params if "=" in word}
    declared = {(query.name, param) for query in library() for param in query.params}
    assert declared - bound == set()


@pytest.fixture(scope="module")
def jena_answers(seed_build, tmp_path_factory) -> dict:
    """Every library run answered by Jena ARQ in one JVM, on the build's graphs plus their union as the default
    graph (what `query --endpoint` names): {(name, params): sorted answer lines}."""
    reason = jena.missing()
    if reason:
        pytest.skip(reason)
    folder = tmp_path_factory.mktemp("jena")
    local = open_built(seed_build)
    distinct = list(dict.fromkeys(quad.triple for quad in local))
    union = pyoxigraph.serialize(distinct, format=pyoxigraph.RdfFormat.N_TRIPLES)
    dataset = folder / "dataset.nq"
    dataset.write_bytes((seed_build / "all.nq").read_bytes() + union)
    runs, files = library_runs(), []
    for number, (name, params) in enumerate(runs):
        query = next(q for q in library() if q.name == name)
        values = parse_assignments([word for word in params if word != "--param"])
        bindings = bind_resolved(values, query.text, query.params, query.param_class, name, store_lookup(local))
        files.append(folder / f"{number}.rq")
        files[-1].write_text(prepare_query(query.text, PREFIX_IRIS, bindings), encoding="utf-8")
    answers = {}
    for (name, params), path in zip(runs, jena.run_queries(folder, dataset, files)):
        answers[name, tuple(params)] = sorted(jena_lines(path, name).splitlines())
    return answers


@pytest.mark.parametrize("store", ["oxigraph", "virtuoso", "jena"])
@pytest.mark.parametrize("name, params", library_runs(), ids=lambda v: v if isinstance(v, str) else " ".join(v))
def test_library_query_gives_the_local_rows_on_every_store(seed_build, store, name, params, request, capsys):
    local = answer(capsys, name, params, ["--build", str(seed_build)])
    assert len(local) > 1 or local in (["true"], ["false"]), f"{name} answers nothing on the seed build"
    if store == "jena":
        assert request.getfixturevalue("jena_answers")[name, tuple(params)] == local
    else:
        url = request.getfixturevalue(f"{store}_loaded")
        assert answer(capsys, name, params, ["--endpoint", url]) == local


def test_labels_and_codes_work_remotely_and_unknown_names_are_errors(oxigraph_loaded, seed_build, capsys):
    where = ["--endpoint", oxigraph_loaded]
    by_code = answer(capsys, "events-in-region", ["--param", "region=RU-SPE"], where)
    by_label = answer(capsys, "events-in-region", ["--param", "region=Saint Petersburg"], where)
    assert by_code == by_label and any("РесурсыПлюс" in line for line in by_code)
    code, _, err = run(capsys, "query", "people-posts", "--param", "person=Вера Князев", *where)
    assert code == 0
    code, _, err = run(capsys, "query", "people-posts", "--param", "person=Vera Knyzeva", *where)
    assert code != 0 and err.count("\n") == 1 and "closest:" in err and "vera knyazeva" in err


def test_virtuoso_load_by_update_protocol_and_explicit_urls(seed_build, virtuoso, monkeypatch, capsys):
    """INSERT DATA in chunks with skolemised blank nodes (Virtuoso refuses blank nodes there), and the store's
    own service URLs instead of the base URL; the reload replaces, never adds."""
    login = virtuoso_login(virtuoso, monkeypatch)
    expected = {graph.iri: graph.count for graph in read_build_graphs(seed_build)}
    for options in (["--endpoint", virtuoso.url, "--protocol", "update"],
                    ["--query-url", f"{virtuoso.url}/sparql", "--update-url", f"{virtuoso.url}/sparql-auth",
                     "--gsp-url", f"{virtuoso.url}/sparql-graph-crud-auth"]):
        code, out, err = load(capsys, seed_build, *options, *login)
        assert code == 0, err
        assert "all counts match" in out and f"loaded {len(expected)} graphs" in out


def test_virtuoso_refuses_bad_credentials_in_one_line(seed_build, virtuoso, monkeypatch, capsys):
    monkeypatch.setenv(PASSWORD_VAR, "wrong-password")
    code, _, err = load(capsys, seed_build, "--endpoint", virtuoso.url, "--user", virtuoso.user,
                        "--password-env", PASSWORD_VAR, "--protocol", "update", "--retries", "0")
    assert code != 0 and err.count("\n") == 1 and "wrong-password" not in err
    assert "HTTP 401" in err and f"user {virtuoso.user} was refused" in err and "Digest" in err
    code, _, err = load(capsys, seed_build, "--endpoint", virtuoso.url, "--retries", "0")
    assert code != 0 and "asks for Digest authentication: give --user" in err


def test_staging_graphs_are_not_queried_and_the_next_load_removes_them(seed_build, oxigraph_server, capsys):
    assert load(capsys, seed_build, "--endpoint", oxigraph_server.url)[0] == 0
    article = next(g for g in read_build_graphs(seed_build) if "/article/" in g.iri)
    leftover = article.staging
    oxigraph_server.put(leftover, article.ntriples().decode())  # what an interrupted load leaves behind
    count = ["-e", "SELECT (COUNT(DISTINCT ?g) AS ?graphs) WHERE { GRAPH ?g { ?s ?p ?o } }", "-f", "csv"]
    local = run(capsys, "query", *count, "--build", str(seed_build))[1]
    assert run(capsys, "query", *count, "--endpoint", oxigraph_server.url)[1] == local
    code, out, err = load(capsys, seed_build, "--endpoint", oxigraph_server.url)
    assert code == 0, err
    assert "removed 1 staging graphs left by an interrupted load" in out and leftover not in oxigraph_server.counts()


def test_a_lost_answer_after_a_committed_switch_is_reported_as_loaded(seed_build, oxigraph_server, monkeypatch, capsys):
    """The switch commits, its answer is lost: the report counts the store instead of guessing "not loaded"."""
    switch = targets.RemoteTarget.switch
    calls = []

    def switch_then_lose_the_answer(self, graphs):
        switch(self, graphs)
        calls.append(graphs)
        if len(calls) == 2:
            raise RemoteError("POST /update: connection reset", retriable=True)
    monkeypatch.setattr(targets.RemoteTarget, "switch", switch_then_lose_the_answer)
    graphs = read_build_graphs(seed_build)
    code, out, err = load(capsys, seed_build, "--endpoint", oxigraph_server.url, "--batch-triples", "1")
    assert code != 0 and err.count("\n") == 1
    assert f"counted after the failure, 2 of {len(graphs)} graphs in the store match the build" in err
    matching = [line.split()[0] for line in out.splitlines() if line.endswith(" yes")]
    assert matching == [graphs[0].iri, graphs[1].iri]


def test_store_errors_keep_the_line_of_the_query_file(virtuoso_loaded, tmp_path, capsys):
    """The PREFIX declarations go in front of line 1, so a store's line numbers are the file's."""
    query = tmp_path / "bad.rq"
    query.write_text("# a comment\nSELECT ?s WHERE {\n  ?s ?p ?o .\n  FILTER(?s = )\n}\n", encoding="utf-8")
    code, _, err = run(capsys, "query", str(query), "--endpoint", virtuoso_loaded)
    assert code != 0 and err.count("\n") == 1 and "line 4" in err


def test_a_store_without_the_union_graph_is_an_error(oxigraph_server, capsys):
    """A store `edugraph load` never filled (or filled by an older version) must not answer 0 rows silently."""
    triple = '<http://example.org/a> <http://example.org/b> "1" .\n'
    oxigraph_server.put("https://w3id.org/edugraph/graph/entities", triple)
    code, _, err = run(capsys, "query", "people-posts", "--endpoint", oxigraph_server.url)
    assert code != 0 and err.count("\n") == 1 and "has no graph <https://w3id.org/edugraph/graph/union>" in err


def test_string_parameters_match_on_virtuoso(virtuoso_loaded, seed_build, capsys):
    """A string parameter is sent as a plain literal: Virtuoso 7.2 matches nothing with "…"^^xsd:string in VALUES."""
    query = ["query", "-e", "SELECT ?place WHERE { ?place eg:iso3166Code ?code }", "-p", "code=RU-SE", "-f", "csv"]
    expected = ["place", "https://w3id.org/edugraph/id/place/north-ossetia-alania"]
    assert run(capsys, *query, "--build", str(seed_build))[1].splitlines() == expected
    assert run(capsys, *query, "--endpoint", virtuoso_loaded)[1].splitlines() == expected


def test_a_reload_drops_the_graphs_of_articles_the_build_no_longer_has(seed_build, oxigraph_server, tmp_path, capsys):
    """Before, an article removed from the build kept its graph in the store: `GRAPH ?source` queries still found its
    facts while the counts said "all counts match" (review 5)."""
    assert load(capsys, seed_build, "--endpoint", oxigraph_server.url)[0] == 0
    articles = tmp_path / "articles"
    articles.mkdir()
    for path in ARTICLES.glob("002_*"):
        shutil.copy(path, articles / path.name)
    smaller = tmp_path / "build"
    assert main(["build", "--quiet", "--jobs", "1", "--articles", str(articles), "--out", str(smaller)]) == 0
    code, out, err = load(capsys, smaller, "--endpoint", oxigraph_server.url)
    assert code == 0, err
    gone = len(list(seed_build.glob("facts/*.json"))) - 1
    removed = f"removed {gone} graphs of articles the build no longer has: <https://w3id.org/edugraph/graph/article/"
    assert removed in out
    graphs = ["-e", "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g", "-f", "csv"]
    local = sorted(run(capsys, "query", *graphs, "--build", str(smaller))[1].splitlines())
    assert sorted(run(capsys, "query", *graphs, "--endpoint", oxigraph_server.url)[1].splitlines()) == local


@pytest.mark.parametrize("store", ["oxigraph", "virtuoso"])
def test_a_graph_base_beyond_ascii_loads_and_is_queried(seed_build, oxigraph_server, store, request, monkeypatch,
                                                        capsys):
    """The graph base went into the graph-listing query as a JSON string, astral characters as surrogate escapes
    (\\ud835\\udd18): Oxigraph refused the query (the load failed), Virtuoso matched no graph (the query said the store
    had no union graph). Review 5."""
    base = "https://example.org/граф𝔘#kg/"
    if store == "oxigraph":
        url, login = oxigraph_server.url, []
    else:
        virtuoso = request.getfixturevalue("virtuoso")
        url, login = virtuoso.url, virtuoso_login(virtuoso, monkeypatch)
    code, out, err = load(capsys, seed_build, "--endpoint", url, "--graph-base", base, *login)
    assert code == 0 and f"{base}union" in out, err
    local = answer(capsys, "people-posts", [], ["--build", str(seed_build)])
    expected = sorted(line.replace("https://w3id.org/edugraph/graph/", base) for line in local)
    assert answer(capsys, "people-posts", [], ["--endpoint", url, "--graph-base", base]) == expected
