"""The hostile articles of tests/support/hostile.py built, loaded with `edugraph load` into `oxigraph serve` and
Virtuoso 7 (skipped with the reason when it is not installed), and read back: every triple of every graph as built
(review 5), the library queries giving the local rows on every store (Jena ARQ too), and a store that keeps a value
in another form or another text said so by the load.

Before: a load into Oxigraph said "all counts match" although Oxigraph keeps every `xsd:nonNegativeInteger` (the
evidence offsets, the counts) as `xsd:integer`, and a store holding another text for a literal was not noticed."""

from __future__ import annotations

import json

import pyoxigraph
import pytest

from edugraph.cli import main
from edugraph.commands import load as load_command
from edugraph.loading.fidelity import sample
from edugraph.loading.graphs import UNION, read_build_graphs
from edugraph.sparql import library
from edugraph.sparql.client import SPARQL_JSON, Client
from support import hostile
from support.oxigraph import OxigraphServer
from support.stores import PASSWORD_VAR, answer, jena_lines, load, run, virtuoso_login

pytestmark = pytest.mark.server
XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGER_SUBTYPES = {XSD + "nonNegativeInteger"}  # the only ones the build writes


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    return hostile.hostile_build(tmp_path_factory.mktemp("hostile-stores"))


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    """A Virtuoso of this module's own: loading other data into the session's changes what Virtuoso 7.2 answers to
    some library queries there (its plans follow the data: organisations-by-place answered no row afterwards)."""
    from support.virtuoso import running

    yield from running(tmp_path_factory.mktemp("virtuoso-hostile"))


@pytest.fixture(scope="module")
def oxigraph_hostile(hostile_build, tmp_path_factory):
    with OxigraphServer(tmp_path_factory.mktemp("oxigraph-hostile") / "db") as server:
        yield server


def read_back(service: str, graph: str) -> set[str]:
    """The triples without blank nodes of `graph` in the store whose query service is `service`, in N-Triples form
    (Virtuoso names blank nodes `nodeID://…` in its answers, which are no blank node labels)."""
    query = f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o FILTER(!isBlank(?s) && !isBlank(?o)) }} }}"
    body = Client(retries=0).post_query(service, query, SPARQL_JSON).body
    rows = pyoxigraph.parse_query_results(body, format=pyoxigraph.QueryResultsFormat.JSON)
    return {str(pyoxigraph.Triple(row["s"], row["p"], row["o"])) for row in rows}


def as_built(triples, integers_as: str | None = None) -> set[str]:
    """The build's triples in N-Triples form, integer subtypes retyped as `integers_as` if given."""
    def retyped(term):
        if integers_as and isinstance(term, pyoxigraph.Literal) and term.datatype.value in INTEGER_SUBTYPES:
            return pyoxigraph.Literal(term.value, datatype=pyoxigraph.NamedNode(integers_as))
        return term
    return {str(pyoxigraph.Triple(t.subject, t.predicate, retyped(t.object))) for t in triples}


def without_blank_nodes(triples: set[str]) -> set[str]:
    return {line for line in triples if not line.startswith("_:") and " _:" not in line
            and "/.well-known/genid/" not in line}


@pytest.mark.parametrize("store", ["oxigraph", "virtuoso", "virtuoso-update"])
def test_every_triple_comes_back_as_built(hostile_build, oxigraph_hostile, store, request, monkeypatch, capsys):
    if store == "oxigraph":
        url, options = oxigraph_hostile.url, []
    else:
        virtuoso = request.getfixturevalue("virtuoso")
        url, options = virtuoso.url, virtuoso_login(virtuoso, monkeypatch)
        options += ["--protocol", "update"] if store == "virtuoso-update" else []
    code, out, err = load(capsys, hostile_build, "--endpoint", url, *options)
    assert code == 0, err
    retyped = "xsd:nonNegativeInteger as xsd:integer" in out  # said, not silent
    assert retyped == (store == "oxigraph"), out
    service = f"{url}/sparql" if store != "oxigraph" else f"{url}/query"
    for graph in read_build_graphs(hostile_build):
        built = as_built(graph.triples, XSD + "integer" if retyped else None)
        assert without_blank_nodes(read_back(service, graph.iri)) == without_blank_nodes(built), graph.iri


def hostile_runs() -> list[tuple[str, list[str]]]:
    """Each library query without parameters (when none is required), and with hostile names as parameters."""
    runs = [(query.name, []) for query in library() if not any(query.params.values())]
    return runs + [("people-posts", ["--param", "person=Иван\u0301 Петрович Сидоров"]),
             ("event-participants", ["--param", "event=Открытие «Кванториума «ёлки»»"]),
             ("entity-facts", ["--param", "entity=Форум «Форум <b>{x}</b> \\«»»"]),
             ("entity-facts", ["--param", "entity=egr:person/sidorov-ivan"])]


VIRTUOSO_DIFFERS: dict = {}  # (query, params): what Virtuoso 7.2 answers wrongly on this build (queries/, review 5)


@pytest.fixture(scope="module")
def hostile_loaded(hostile_build, oxigraph_hostile, virtuoso):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(PASSWORD_VAR, virtuoso.password)
        for options in (["--endpoint", oxigraph_hostile.url],
                        ["--endpoint", virtuoso.url, "--user", virtuoso.user, "--password-env", PASSWORD_VAR]):
            assert main(["load", "--build", str(hostile_build), *options]) == 0
    return {"oxigraph": oxigraph_hostile.url, "virtuoso": virtuoso.url}


@pytest.mark.parametrize("store", ["oxigraph", "virtuoso", "jena"])
@pytest.mark.parametrize("name, params", hostile_runs(), ids=lambda v: v if isinstance(v, str) else " ".join(v))
def test_library_queries_give_the_local_rows_on_every_store(hostile_build, store, name, params, request, capsys,
                                                           tmp_path):
    local = answer(capsys, name, params, ["--build", str(hostile_build)])
    if store == "jena":
        assert jena_answer(hostile_build, name, params, tmp_path) == local
        return
    if store == "virtuoso" and (name, tuple(params)) in VIRTUOSO_DIFFERS:
        request.applymarker(pytest.mark.xfail(reason=VIRTUOSO_DIFFERS[name, tuple(params)], strict=True))
    url = request.getfixturevalue("hostile_loaded")[store]
    assert answer(capsys, name, params, ["--endpoint", url]) == local


def jena_answer(build, name: str, params: list[str], folder) -> list[str]:
    """The query text `query --endpoint` would send, answered by Jena ARQ on the build's graphs and their union."""
    from support import jena
    from edugraph.sparql import parse_assignments
    from edugraph.sparql.client import prepare_query
    from edugraph.prefixes import PREFIX_IRIS
    from edugraph.sparql.params import bind_resolved, store_lookup
    from edugraph.sparql.store import open_built

    reason = jena.missing()
    if reason:
        pytest.skip(reason)
    local = open_built(build)
    union = pyoxigraph.serialize(list(dict.fromkeys(quad.triple for quad in local)),
                                 format=pyoxigraph.RdfFormat.N_TRIPLES)
    dataset = folder / "dataset.nq"
    dataset.write_bytes((build / "all.nq").read_bytes() + union)
    query = next(q for q in library() if q.name == name)
    values = parse_assignments([word for word in params if word != "--param"])
    bindings = bind_resolved(values, query.text, query.params, query.param_class, name, store_lookup(local))
    (folder / "q.rq").write_text(prepare_query(query.text, PREFIX_IRIS, bindings), encoding="utf-8")
    [path] = jena.run_queries(folder, dataset, [folder / "q.rq"])
    return sorted(jena_lines(path, name).splitlines())


def test_a_store_holding_another_text_fails_the_load(hostile_build, oxigraph_server, monkeypatch, capsys):
    """A store that keeps a literal with another text (as some stores do with astral characters) while the counts
    match: the load names it and exits non-zero. Played by changing one literal of the union graph as soon as it
    is switched in."""
    union = next(graph for graph in read_build_graphs(hostile_build) if graph.source == UNION)
    victim = next(t for t in sample(union) if "𝔘" in t.object.value)
    mangled = pyoxigraph.Literal(victim.object.value.replace("𝔘", "?"), language=victim.object.language)

    def mangle(event, graphs):
        if event == "loaded" and any(graph.source == UNION for graph in graphs):
            graph = f"GRAPH <{union.iri}>"
            Client(retries=0).update(f"{oxigraph_server.url}/update", f"DELETE DATA {{ {graph} {{ {victim} }} }} ; "
                                     f"INSERT DATA {{ {graph} {{ {victim.subject} {victim.predicate} {mangled} }} }}")
    monkeypatch.setattr(load_command, "after_step", mangle)
    code, out, err = load(capsys, hostile_build, "--endpoint", oxigraph_server.url)
    assert code != 0 and err.count("\n") == 1 and "all counts match" not in out
    assert "the store holds other values than the build: 1 of" in err and victim.subject.value in err
    assert run(capsys, "query", "-e", "ASK { ?s ?p ?o }", "--endpoint", oxigraph_server.url)[0] == 0


def test_an_iri_virtuoso_cuts_fails_the_load(tmp_path, virtuoso, monkeypatch, capsys):
    """Virtuoso 7.2 keeps about 1,900 bytes of an IRI, without a word, and the counts match: a url over the limit
    is refused by the build (test_hostile_data); raised past it, the load reads the IRI back and fails."""
    monkeypatch.setenv("EDUGRAPH_MAX_URL_BYTES", "100000")
    articles = hostile.write_articles(tmp_path / "articles")
    url = "https://example.org/" + "a" * 1980
    meta = dict(hostile.METADATA["en_hostile"], url=url)
    (articles / "en_hostile.json").write_text(json.dumps(meta), encoding="utf-8")
    assert main(["build", "--quiet", "--jobs", "1", "--articles", str(articles), "--out", str(tmp_path / "b")]) == 0
    code, out, err = load(capsys, tmp_path / "b", "--endpoint", virtuoso.url, "--graph-base",
                          "https://example.org/long-iri/", *virtuoso_login(virtuoso, monkeypatch))
    assert code != 0 and err.count("\n") == 1 and "all counts match" not in out, err
    assert "the store holds other values than the build" in err and "<http://purl.org/dc/terms/source>" in err
