"""The endpoint under load: `edugraph serve` on the build, hit by many concurrent clients.

    python bench/endpoint.py [--build build] [--clients 200] [--requests 1000]

Prints the answers by status, their latency (median, 95th percentile, slowest), requests per second, the
per-query overhead of the sandboxed query process, and the server's peak memory (RSS of the server and
its query processes, sampled).
"""

from __future__ import annotations

import argparse
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


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", type=Path, default=ROOT / "build")
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--requests", type=int, default=1000)
    args = parser.parse_args(argv)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "edugraph.cli", "serve", "--build", str(args.build),
                               "--port", str(port), "--queue-wait", "60"], stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            if ask(base + "/")[0] == 200:
                break
            time.sleep(0.1)
        url = base + "/sparql?" + urllib.parse.urlencode({"query": QUERY})
        single = [ask(url)[1] for _ in range(20)]
        peak, done = [rss_mb(server.pid)], threading.Event()

        def sample():
            while not done.wait(0.05):
                peak.append(rss_mb(server.pid))

        threading.Thread(target=sample, daemon=True).start()
        started = time.perf_counter()
        with ThreadPoolExecutor(args.clients) as pool:
            answers = list(pool.map(lambda _: ask(url), range(args.requests)))
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
