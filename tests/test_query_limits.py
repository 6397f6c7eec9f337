"""Query limits and checks in the engine (no server): nesting, SERVICE, memory, time, datasets; and the
doctests of the endpoint's small modules."""

from __future__ import annotations


import pyoxigraph as ox
import pytest

from edugraph.errors import EduGraphError
from edugraph.sparql import Dataset, Limits, QueryError, ServiceRefused, execute
from edugraph.sparql.engine import QuerySyntaxError, QueryTooLarge
from edugraph.sparql.lexer import inspect

GRAPH = "https://w3id.org/edugraph/graph/article/000_8959cadbfaf7abe6"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
SANDBOX = Limits(timeout=10, memory_mb=150, services=())



@pytest.fixture(scope="module")
def store(seed_build):
    store = ox.Store()
    store.bulk_load(path=str(seed_build / "all.nq"), format=ox.RdfFormat.N_QUADS)
    return store


def number(store, text, **options) -> int:
    body, _ = execute(store, text, None, "csv", "turtle", limits=SANDBOX, **options)
    return int(body.split()[1])


@pytest.mark.parametrize("text, services", [
    ("SELECT * WHERE { SERVICE <http://a/> { ?s ?p ?o } }", ["http://a/"]),
    ("select * where { service silent <http://a/> {} }", ["http://a/"]),
    ("SELECT * WHERE { \\u0053ERVICE <http://a/> {} }", ["http://a/"]),
    ("SELECT * WHERE { SERVICE ?endpoint {} }", [None]),
    ("SELECT * WHERE { SERVICE ex:endpoint {} }", [None]),
    ("SELECT ?service WHERE { ?service a ex:service . FILTER(?x = 'SERVICE <http://a/>') } # SERVICE <http://b/>", []),
    ('SELECT * WHERE { ?s ?p """ SERVICE <http://a/> { """ }', []),
    ("SELECT * WHERE { ?s ex:a\\#b ?o . SERVICE <http://a/> {} }", ["http://a/"]),  # an escaped # is no comment
    ("SELECT * WHERE { ?s ex:a\\'b ?o . SERVICE <http://a/> {} }", ["http://a/"]),  # nor an escaped quote a string
])
def test_service_calls_are_found_outside_strings_comments_and_names(text, services):
    assert inspect(text).services == services


def test_service_is_refused_unless_listed(store):
    text = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    with pytest.raises(ServiceRefused, match="not allowed"):
        execute(store, text, None, "csv", "turtle", limits=SANDBOX)
    with pytest.raises(QueryError) as err:  # listed: it is called (and fails to connect, port 9 is closed)
        execute(store, text, None, "csv", "turtle", limits=Limits(timeout=10, services=("http://127.0.0.1:9/sparql",)))
    assert not isinstance(err.value, ServiceRefused)


def test_deep_nesting_is_refused_before_parsing(store):
    with pytest.raises(QuerySyntaxError, match="100002 levels deep"):
        execute(store, "SELECT * WHERE { FILTER(" + "(" * 100000 + "1" + ")" * 100000 + ") }", limits=SANDBOX)
    assert inspect("SELECT * WHERE { { ?s ?p [ ?q ( 1 2 ) ] } }").depth == 4


def test_memory_is_capped_in_the_query_process(store):
    with pytest.raises(QueryTooLarge, match="more than 150 MB"):
        execute(store, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f", None, "csv", "turtle",
                limits=SANDBOX)
    assert number(store, COUNT) > 0  # the store is untouched


@pytest.mark.parametrize("timeout", [float("nan"), -1.0])
def test_bad_time_limits_are_refused(timeout):
    with pytest.raises(EduGraphError, match="time limit"):
        Limits(timeout=timeout)


def test_empty_query_is_called_empty_not_an_update(store):
    for text in ("", "   \n", "# just a comment\n"):
        with pytest.raises(QuerySyntaxError, match="the query is empty"):
            execute(store, text, limits=SANDBOX)


def test_from_and_protocol_dataset(store):
    in_graph = len(list(store.quads_for_pattern(None, None, None, ox.NamedNode(GRAPH))))
    assert number(store, COUNT.replace("WHERE", f"FROM <{GRAPH}> WHERE")) == in_graph
    assert number(store, COUNT, dataset=Dataset(default=(GRAPH,))) == in_graph
    # the protocol's graphs override FROM (SPARQL 1.1 Protocol 2.1.4)
    assert number(store, COUNT.replace("WHERE", "FROM <urn:nothing> WHERE"), dataset=Dataset(default=(GRAPH,))) \
        == in_graph
    assert number(store, COUNT) > in_graph  # no dataset: every graph
    with pytest.raises(QueryError, match="not a valid graph IRI"):
        number(store, COUNT, dataset=Dataset(default=("not an iri",)))


def can_leave_network() -> bool:
    """Whether a forked process may enter a network namespace here (root, or unprivileged user namespaces)."""
    import os

    from edugraph.sparql import engine
    before = os.readlink("/proc/self/ns/net")
    pid = os.fork()
    if pid == 0:
        engine._leave_network()
        os._exit(0 if os.readlink("/proc/self/ns/net") != before else 1)
    return os.waitpid(pid, 0)[1] == 0


def test_query_process_has_no_network_when_no_service_is_allowed(store, monkeypatch):
    """Second line of defence: even a SERVICE the text check missed reaches nothing."""
    import socket

    from edugraph.sparql import engine, lexer
    if not can_leave_network():
        pytest.skip("this kernel does not let this user create a network namespace: the text check is the only "
                    "defence against SERVICE here")
    monkeypatch.setattr(engine, "check", lambda text, limits: lexer.inspect(text))  # as if the check missed it
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        listener.settimeout(0.5)
        text = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.getsockname()[1]}/x> {{ ?s ?p ?o }} }}"
        with pytest.raises(QueryError, match="unreachable|not permitted|refused"):
            execute(store, text, None, "csv", "turtle", limits=SANDBOX)
        with pytest.raises(socket.timeout):
            listener.accept()
