"""The endpoint under load: `edugraph serve` on the build, hit by many concurrent clients.

    python bench/endpoint.py [--build build] [--clients 200] [--requests 1000]
    python bench/endpoint.py --fairness [--greedy 8] [--greedy-clients 1] [--normal 4] [--seconds 45] [--leave-after S]
                             [--server-src OTHER/src] [--serve-option=--timeout=30 ...]

Load: each client on its own loopback address (127.1.x.y); prints the answers by status, their latency (median,
95th percentile, slowest), requests per second, the per-query overhead of the sandboxed query process, and the
server's peak memory (RSS of the server and its query processes, sampled).

Fairness: `--greedy-clients` greedy clients (127.1.0.1, …) each keep `--greedy` slow queries in flight (each
sent again once answered; with `--leave-after S` they give up on each after S seconds and close the connection, as
an impatient user reloading), while `--normal` clients (127.0.0.10, …) each send a quick query after another.
Prints the run's wall time (until the last answer), the normal clients' answers by status and latency, and the
greedy clients'. `--server-src` runs the server from another source tree (e.g. the code before a change) for
comparison.
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUERY = "PREFIX eg: <https://w3id.org/edugraph/ontology#> SELECT ?e ?n WHERE { ?e eg:participantCount ?n }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # runs until the time limit


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ask(url: str) -> tuple[int, float]:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as err:
        status = err.code
    except OSError:
        status = 0  # no answer
    return status, time.perf_counter() - started


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (MB)."""
    total = 0
    for line in subprocess.run(["ps", "-o", "rss=", "--ppid", str(pid), "-p", str(pid)], capture_output=True,
                               text=True).stdout.split():
        total += int(line)
    return total / 1024


def ask_from(port: int, source: str, query: str, leave_after: float | None = None) -> tuple[int | str, float]:
    """GET the query from a loopback address: (status, or "left" when given up after `leave_after` s; seconds)."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=leave_after or 120,
                                            source_address=(source, 0))
    try:
        connection.request("GET", "/sparql?" + urllib.parse.urlencode({"query": query}),
                           headers={"Accept": "text/csv"})
        response = connection.getresponse()
        response.read()
        status = response.status
    except socket.timeout:
        status = "left" if leave_after else 0
    except OSError:
        status = 0  # no answer
    finally:
        connection.close()
    return status, time.perf_counter() - started


def client_address(number: int) -> str:
    """The loopback address of client `number` (the endpoint shares its query slots per address).

    >>> client_address(0), client_address(251)
    ('127.1.0.1', '127.1.1.2')
    """
    return f"127.1.{number // 250}.{number % 250 + 1}"


def summary(answers: list[tuple[int | str, float]]) -> str:
    latencies = sorted(seconds for _, seconds in answers) or [0.0]
    statuses = dict(sorted(Counter(str(status) for status, _ in answers).items()))
    return (f"{len(answers)} answers {statuses}; latency median {statistics.median(latencies):.2f} s, "
            f"p95 {latencies[int(0.95 * (len(latencies) - 1))]:.2f} s, slowest {latencies[-1]:.2f} s")


def fairness(port: int, args) -> None:
    """Greedy clients with slow queries against `args.normal` clients with quick ones, for `args.seconds`."""
    started = time.monotonic()
    stop_at = started + args.seconds
    greedy, normal = [], []

    def keep_sending(source: str, query: str, answers: list, leave_after=None):
        while time.monotonic() < stop_at:
            answers.append(ask_from(port, source, query, leave_after))
            if answers[-1][0] in (429, 503, 0):
                time.sleep(1)  # Retry-After

    with ThreadPoolExecutor(args.greedy_clients * args.greedy + args.normal) as pool:
        for number in range(args.greedy_clients * args.greedy):
            pool.submit(keep_sending, client_address(number % args.greedy_clients), SLOW, greedy, args.leave_after)
        time.sleep(1)  # the greedy clients are there first
        for number in range(args.normal):
            pool.submit(keep_sending, f"127.0.0.{10 + number}", QUERY, normal)
    print(f"{args.seconds:g} s, wall {time.monotonic() - started:.1f} s; {args.greedy_clients} greedy "
          f"client{'s' * (args.greedy_clients > 1)}, {args.greedy} slow queries in flight each"
          f"{f', each given up after {args.leave_after:g} s' if args.leave_after else ''}: {summary(greedy)}")
    print(f"{args.normal} normal clients, one quick query after another: {summary(normal)}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", type=Path, default=ROOT / "build")
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--fairness", action="store_true", help="a greedy client against normal ones")
    parser.add_argument("--greedy", type=int, default=8, help="slow queries each greedy client keeps in flight")
    parser.add_argument("--greedy-clients", type=int, default=1, help="greedy clients (own addresses)")
    parser.add_argument("--normal", type=int, default=4, help="normal clients")
    parser.add_argument("--seconds", type=float, default=45.0, help="how long the fairness run lasts")
    parser.add_argument("--leave-after", type=float, help="each greedy client gives up on each query after S s")
    parser.add_argument("--server-src", type=Path, help="run the server from this source tree")
    parser.add_argument("--serve-option", action="append", default=[], help="passed to `edugraph serve`")
    args = parser.parse_args(argv)
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(args.server_src.resolve())} if args.server_src else None
    options = args.serve_option if args.fairness else ["--queue-wait", "60", *args.serve_option]
    server = subprocess.Popen([sys.executable, "-m", "edugraph.cli", "serve", "--build", str(args.build),
                               "--port", str(port), *options], stderr=subprocess.DEVNULL, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            if ask(base + "/")[0] == 200:
                break
            time.sleep(0.1)
        if args.fairness:
            fairness(port, args)
            return 0
        url = base + "/sparql?" + urllib.parse.urlencode({"query": QUERY})
        single = [ask(url)[1] for _ in range(20)]
        peak, done = [rss_mb(server.pid)], threading.Event()

        def sample():
            while not done.wait(0.05):
                peak.append(rss_mb(server.pid))

        threading.Thread(target=sample, daemon=True).start()
        started = time.perf_counter()
        with ThreadPoolExecutor(args.clients) as pool:
            answers = list(pool.map(lambda n: ask_from(port, client_address(n % args.clients), QUERY),
                                    range(args.requests)))
        wall = time.perf_counter() - started
        done.set()
        latencies = sorted(seconds for _, seconds in answers)
        print(f"{args.requests} requests from {args.clients} concurrent clients in {wall:.1f} s "
              f"({args.requests / wall:.0f} requests/s)")
        print("answers by status:", dict(Counter(status for status, _ in answers)))
        print(f"latency: median {statistics.median(latencies) * 1000:.0f} ms, "
              f"p95 {latencies[int(0.95 * len(latencies))] * 1000:.0f} ms, slowest {latencies[-1]:.1f} s")
        print(f"one query alone (sandboxed process): median {statistics.median(single) * 1000:.1f} ms")
        print(f"server memory: {peak[0]:.0f} MB idle, peak {max(peak):.0f} MB under load")
    finally:
        server.terminate()
        server.wait(10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
