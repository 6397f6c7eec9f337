"""The endpoint shared fairly between clients, and a query dropped when its client leaves: the real `edugraph serve`
on the seed build, each client on its own loopback address (127.0.0.N), or named by a trusted proxy."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from edugraph.sparql.endpoint.turns import Displaced, Full, Turns
from support.process import kill, stop
from support.serving import SLOW, start

ASK = "ASK { ?s ?p ?o }"


def query(base: str, text: str, source: str = "127.0.0.1", headers: dict | None = None, timeout: float = 60):
    """GET /sparql?query=text from the loopback address `source`: (status, headers, body, when answered)."""
    return get(base, "/sparql?" + urllib.parse.urlencode({"query": text}), source, headers, timeout)


def get(base: str, target: str, source: str, headers: dict | None = None, timeout: float = 60):
    """GET target from the loopback address `source`: (status, headers, body, when answered); a socket timeout
    raises `TimeoutError`."""
    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=timeout, source_address=(source, 0))
    try:
        connection.request("GET", target, headers={"Accept": "text/csv", **(headers or {})})
        response = connection.getresponse()
        return response.status, response.headers, response.read().decode(), time.monotonic()
    finally:
        connection.close()


def query_processes(server_pid: int) -> set[int]:
    """The server's child processes (each running query has one)."""
    children = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended meanwhile
        if int(fields[1]) == server_pid:
            children.add(int(stat.parent.name))
    return children


def wait_for(condition, seconds: float = 15.0) -> bool:
    """Poll `condition` until it holds (True) or `seconds` pass (False)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return bool(condition())


@pytest.fixture
def serve(seed_build):
    """Start `edugraph serve` with options: (process, base URL); stopped after the test."""
    started = []

    def serve_with(*options):
        started.append(start(seed_build, *options))
        return started[-1]

    yield serve_with
    for proc, _ in started:
        stop(proc)


def flood(pool, proc, base, source: str, headers: dict | None = None) -> list:
    """Four slow queries from one client, sent at once; returns when two of them have been answered (the
    share refused) or, on an endpoint without shares, two are running."""
    greedy = [pool.submit(query, base, SLOW, source, headers) for _ in range(4)]
    assert wait_for(lambda: len(query_processes(proc.pid)) >= 2 or sum(f.done() for f in greedy) >= 2)
    return greedy


def test_a_greedy_client_leaves_a_slot_for_the_others(serve):
    """One client sends four slow queries: it runs one, one waits, two get 429 at once; another client's
    query runs meanwhile. Before: the greedy client held both slots and the other one got 503."""
    proc, base = serve("--timeout", "30", "--max-queries", "2", "--queue-wait", "10")
    with ThreadPoolExecutor(4) as pool:
        greedy = flood(pool, proc, base, "127.0.0.2")
        status, _, body, _ = query(base, ASK, "127.0.0.3")
        assert status == 200 and body.strip() == "true", body
        refused = [future.result() for future in greedy if future.done()]
        assert [status for status, *_ in refused] == [429, 429]
        assert all(headers["Retry-After"] == "1" and "each client may run 1 at once" in body
                   for _, headers, body, _ in refused), refused
        # X-Forwarded-For is no way to pass for another client unless the endpoint trusts a proxy
        assert query(base, ASK, "127.0.0.2", {"X-Forwarded-For": "192.0.2.2"})[0] == 429
        stop(proc)  # its queries, running and waiting, are given up: no worker thread is left behind
    assert "still running" not in proc.stderr.read()


def test_greedy_clients_leave_a_thread_to_answer_the_next_one(serve):
    """Two greedy clients send two slow queries each, as many as the server has threads (4). The endpoint lets
    in 3 (2 run, 1 waits) and refuses the fourth at once (503), so a thread stays free: a fifth client gets the
    query page at once, and its query takes the greedy waiting one's place (429 at once) and runs first when a
    slot frees. Before: the four requests held every thread; the fifth client's requests queued inside waitress
    until a slow query ended (the page timed out), then waited behind the greedy clients' second queries."""
    slow_seconds = 8
    proc, base = serve("--timeout", str(slow_seconds), "--max-queries", "2", "--queue-wait", "30", "--threads", "4")
    with ThreadPoolExecutor(4) as pool:
        greedy = [pool.submit(query, base, SLOW, source) for source in ["127.0.0.2", "127.0.0.3"] * 2]
        assert wait_for(lambda: len(query_processes(proc.pid)) == 2)
        time.sleep(1)  # lets the other greedy requests arrive
        sent = time.monotonic()
        status, _, body, _ = get(base, "/", "127.0.0.4", timeout=slow_seconds / 2)
        assert status == 200 and "<html" in body.lower()
        status, _, body, answered = query(base, ASK, "127.0.0.4")
        assert status == 200 and body.split()[-1] == "true"
        assert answered - sent < 1.5 * slow_seconds  # at the first free slot, not behind a second greedy query
        greedy = [future.result() for future in greedy]
    assert sorted(status for status, *_ in greedy) == [429, 503, 503, 503], greedy
    at_once = [body for status, _, body, answered in greedy if answered < sent + slow_seconds / 2]
    assert len(at_once) == 2 and any("gave its place to a client with fewer" in body for body in at_once) \
        and any("places for queries" in body for body in at_once), greedy


def test_waiting_clients_are_served_in_turn_not_first_come_first_served(serve):
    """One slot: client A runs a query and queues a second; client B queues one after it. When A's first
    query ends, B's runs before A's second (first come first served would run A's second first)."""
    proc, base = serve("--timeout", "2", "--max-queries", "1", "--queue-wait", "30")
    with ThreadPoolExecutor(2) as pool:
        first = pool.submit(query, base, SLOW, "127.0.0.2")
        assert wait_for(lambda: len(query_processes(proc.pid)) == 1)
        second = pool.submit(query, base, SLOW, "127.0.0.2")
        time.sleep(0.5)  # lets A's second query get in line before B's (the fair order does not depend on it)
        status, _, _, b_answered = query(base, ASK, "127.0.0.3")
        a_status, _, _, a_answered = second.result()
        assert first.result()[0] == 503
    assert status == 200 and a_status == 503 and b_answered < a_answered


def test_a_running_query_is_stopped_when_its_client_leaves(serve):
    """The client closes its connection while its query runs: the query process is gone at once and the
    only slot serves the next client. Before: the query ran on to its 60 s limit, holding the slot."""
    proc, base = serve("--timeout", "60", "--max-queries", "1", "--queue-wait", "1")
    host, port = base.removeprefix("http://").split(":")
    leaving = socket.create_connection((host, int(port)), source_address=("127.0.0.2", 0))
    target = "/sparql?" + urllib.parse.urlencode({"query": SLOW})
    leaving.sendall(f"GET {target} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: text/csv\r\n\r\n".encode())
    assert wait_for(lambda: len(query_processes(proc.pid)) == 1)
    leaving.close()
    assert wait_for(lambda: not query_processes(proc.pid)), "the query process outlived its client"
    status, _, body, _ = query(base, ASK, "127.0.0.3")
    assert status == 200 and body.split()[-1] == "true"


def test_query_processes_end_with_the_server(serve):
    """A server killed while a query runs takes the query process with it. Before: it ran on, orphaned."""
    proc, base = serve("--timeout", "60")
    with ThreadPoolExecutor(1) as pool:
        pool.submit(query, base, SLOW, "127.0.0.2")
        assert wait_for(lambda: len(query_processes(proc.pid)) == 1)
        orphans = query_processes(proc.pid)
        kill(proc)
    alive = lambda: {pid for pid in orphans if Path(f"/proc/{pid}").exists()}  # noqa: E731
    try:
        assert wait_for(lambda: not alive()), "the query process outlived the server"
    finally:
        for pid in alive():
            os.kill(pid, signal.SIGKILL)


def test_a_trusted_proxy_names_the_client(serve):
    """Behind --trusted-proxy, X-Forwarded-For tells clients apart although all come from the proxy's address."""
    proc, base = serve("--timeout", "30", "--max-queries", "2", "--queue-wait", "10", "--trusted-proxy", "127.0.0.1")
    with ThreadPoolExecutor(4) as pool:
        greedy = flood(pool, proc, base, "127.0.0.1", {"X-Forwarded-For": "192.0.2.1"})
        assert [future.result()[0] for future in greedy if future.done()] == [429, 429]
        assert query(base, ASK, "127.0.0.1", {"X-Forwarded-For": "192.0.2.2"})[0] == 200
        stop(proc)


def test_a_client_that_leaves_while_waiting_gives_up_its_place():
    """Unit level: a waiting query whose client is gone leaves the line, and the next client gets the slot."""
    turns = Turns(slots=1, share=1)
    running, leaving, staying = turns.enqueue("a"), turns.enqueue("b"), turns.enqueue("c")
    assert turns.wait(running, 0) and not turns.wait(leaving, 5, gone=lambda: True)
    turns.release(running)
    assert staying.granted and not leaving.granted and turns.wait(staying, 0)


def test_a_newcomer_takes_the_waiting_place_of_the_client_holding_most():
    """Unit level: with every place taken, a newcomer displaces the newest waiting query of the client that holds
    the most (of equals, the one served last), until no client holds 2 more than the newcomer: then `Full`."""
    turns = Turns(slots=2, share=2, places=6)
    running = [turns.enqueue("a") for _ in range(2)]
    waiting = [turns.enqueue("b") for _ in range(3)] + [turns.enqueue("c")]
    assert all(ticket.granted for ticket in running) and not any(ticket.granted for ticket in waiting)
    turns.enqueue("d")  # b holds 3 (a holds 2, but none of them waits)
    with pytest.raises(Displaced, match="'b' gave the place of a waiting query to 'd'"):
        turns.wait(waiting[2], 1)
    turns.enqueue("e")  # b holds 2
    with pytest.raises(Displaced):
        turns.wait(waiting[1], 1)
    with pytest.raises(Full):
        turns.enqueue("f")  # b, c, d, e hold 1 each
    assert [turns.held(client) for client in "abcdef"] == [2, 1, 1, 1, 1, 0]

    turns = Turns(slots=2, share=1, places=4)
    tickets = [turns.enqueue(client) for client in "abab"]  # a, then b served; both have one waiting
    turns.enqueue("c")
    with pytest.raises(Displaced):
        turns.wait(tickets[3], 1)
    assert turns.held("a") == 2 and turns.held("b") == 1


def test_a_client_of_quick_queries_goes_before_one_of_slow_queries():
    """Unit level: `slow` ran a query for 30 s, then `quick` one for a moment; both have one waiting. The slot goes
    to `quick` again, although `slow` was served longer ago (the order before usage counted)."""
    turns = Turns(slots=1, share=1)
    slow = turns.enqueue("slow")
    slow.started -= 30  # as if it had run for 30 s
    quick, quick_again, slow_again = turns.enqueue("quick"), turns.enqueue("quick"), turns.enqueue("slow")
    turns.release(slow)
    assert quick.granted
    turns.release(quick)
    assert quick_again.granted and not slow_again.granted
    assert turns.used("slow", time.monotonic()) == pytest.approx(30, abs=0.5) \
        and turns.used("quick", time.monotonic()) < 0.5
