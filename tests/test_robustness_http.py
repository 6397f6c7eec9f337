"""The robustness suite, HTTP part: generated bad requests to `edugraph serve`, as a black box over a socket.

Only protocol-level behaviour is asserted (the endpoint itself is documented in docs/SPARQL.md): every
request gets an answer with a status below 500, or the connection is closed cleanly, within a bound
time; the server never prints a traceback, and it still answers a good query afterwards.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse

import pytest

from support.process import free_port
from support.robust import RESULTS

ANSWER_SECONDS = 20
GOOD = "/sparql?query=" + urllib.parse.quote("ASK { ?s ?p ?o }")


def http_request(method: str, target: str, headers: dict[str, str] | None = None, body: bytes = b"",
            version: str = "HTTP/1.1") -> bytes:
    lines = [f"{method} {target} {version}".strip(), "Host: 127.0.0.1", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8", "surrogateescape") + body


def generated_requests() -> list[tuple[str, bytes]]:
    """(name, raw bytes) of every generated request."""
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    cases = []
    for method in ("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "CONNECT", "FOO", "get"):
        cases.append((f"method-{method}", http_request(method, "/sparql", {"Content-Length": "0"})))
    for index, target in enumerate([
            "/", "/sparql", "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "//etc/passwd", "/sparql?query=",
            "/sparql?query=%ZZ", "/sparql?query=%ff%fe", GOOD, "/sparql?query=" + urllib.parse.quote("CLEAR ALL"),
            "/sparql?query=" + urllib.parse.quote("SELECT * WHERE { ?s ?p ?o"), "/" + "a" * 10000,
            "/sparql?" + "a=1&" * 5000, "/sparql?query=x&query=y", "*", "http://evil.example/sparql",
            "/sparql?query=" + urllib.parse.quote("ASK {}") + "&default-graph-uri=urn:x",
            "/sparql?query=" + urllib.parse.quote("SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")]):
        cases.append((f"target-{index}", http_request("GET", target)))
    bodies = [
        ("cl-minus-one", {"Content-Length": "-1"} | form, b"query=ASK%7B%7D"),
        ("cl-abc", {"Content-Length": "abc"} | form, b"query=ASK%7B%7D"),
        ("cl-huge", {"Content-Length": "99999999999"} | form, b"query=ASK%7B%7D"),
        ("cl-short", {"Content-Length": "3"} | form, b"query=ASK%7B%7D"),
        ("no-cl", form, b"query=ASK%7B%7D"),
        ("chunked", {"Transfer-Encoding": "chunked"} | form, b"f\r\nquery=ASK%7B%7D\r\n0\r\n\r\n"),
        ("chunked-bad", {"Transfer-Encoding": "chunked"} | form, b"zz\r\nxx\r\n"),
        ("form-empty", {"Content-Length": "0"} | form, b""),
        ("form-update", {"Content-Length": "14"} | form, b"update=CLEAR+A"),
        ("sparql-update", {"Content-Type": "application/sparql-update", "Content-Length": "9"}, b"CLEAR ALL"),
        ("sparql-query-binary", {"Content-Type": "application/sparql-query", "Content-Length": "4"},
         b"\xff\xfe\x00\x01"),
        ("json-body", {"Content-Type": "application/json", "Content-Length": "2"}, b"{}"),
        ("no-content-type", {"Content-Length": "15"}, b"query=ASK%7B%7D"),
    ]
    for name, headers, body in bodies:
        cases.append((f"post-{name}", http_request("POST", "/sparql", headers, body)))
    raw = [
        ("http09", b"GET /\r\n\r\n"),
        ("version-9", http_request("GET", GOOD, version="HTTP/9.9")),
        ("no-version", b"GET " + GOOD.encode() + b"\r\n\r\n"),
        ("garbage", bytes(range(256))),
        ("empty-line", b"\r\n\r\n"),
        ("tls-hello", b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\x00" * 64),
        ("long-header", http_request("GET", GOOD, {"X-Long": "a" * 100_000})),
        ("many-headers", http_request("GET", GOOD, {f"X-H{i}": "v" for i in range(500)})),
        ("bad-header", b"GET / HTTP/1.1\r\nNoColonHere\r\n\r\n"),
        ("host-evil", http_request("GET", GOOD, {"Host": "evil.example"})),
        ("accept-odd", http_request("GET", GOOD, {"Accept": "text/csv;q=abc, */*;q=-1, ;;;"})),
        ("non-utf8-header", b"GET " + GOOD.encode() + b" HTTP/1.1\r\nX-A: \xff\xfe\r\nConnection: close\r\n\r\n"),
        ("null-in-path", b"GET /spa\x00rql HTTP/1.1\r\nConnection: close\r\n\r\n"),
        ("origin-evil", http_request("GET", GOOD, {"Origin": "http://evil.example"})),
    ]
    cases += [(f"raw-{name}", data) for name, data in raw]
    return cases


REQUESTS = generated_requests()


@pytest.fixture(scope="module")
def server(seed_build, tmp_path_factory):
    """`edugraph serve` over the seed build, in a child process; its stderr is kept for inspection."""
    port = free_port()
    log = tmp_path_factory.mktemp("serve") / "stderr.txt"
    with open(log, "wb") as err:
        child = subprocess.Popen([sys.executable, "-c", "import sys; from edugraph.cli import main; sys.exit(main())",
                                  "serve", "--build", str(seed_build), "--port", str(port), "--timeout", "10"],
                                 stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if child.poll() is not None:
                pytest.fail(f"edugraph serve ended: {log.read_text(errors='replace')}")
            time.sleep(0.2)
    yield port, log
    os.killpg(child.pid, signal.SIGTERM)
    child.wait(timeout=20)


def exchange(port: int, data: bytes) -> tuple[int | None, float]:
    """(status or None when the server closed without answering, seconds)."""
    data = data.replace(b"Host: 127.0.0.1\r\n", f"Host: 127.0.0.1:{port}\r\n".encode(), 1)  # the bound address
    start = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=ANSWER_SECONDS) as sock:
        try:
            sock.sendall(data)
            sock.shutdown(socket.SHUT_WR)
        except OSError:
            pass  # the server may close early on a request it refuses
        answer = b""
        try:
            while len(answer) < 64:
                chunk = sock.recv(4096)
                if not chunk:
                    break
                answer += chunk
        except ConnectionResetError:
            pass
    first = answer.split(b"\r\n", 1)[0].split()
    status = int(first[1]) if len(first) >= 2 and first[0].startswith(b"HTTP/") and first[1].isdigit() else None
    return status, time.monotonic() - start


def test_there_are_enough_generated_requests():
    assert len(REQUESTS) >= 40


@pytest.mark.parametrize("name, data", REQUESTS, ids=[name for name, _ in REQUESTS])
def test_bad_request(server, name, data):
    port, log = server
    before = log.read_bytes()
    found = []
    try:
        status, seconds = exchange(port, data)
        if status is not None and status >= 500:
            found.append(f"status {status}")
    except socket.timeout:
        found.append(f"no answer within {ANSWER_SECONDS} s")
    written = log.read_bytes()[len(before):].decode("utf-8", "replace")
    if "Traceback" in written:
        found.append("a traceback in the server's stderr")
    good, _ = exchange(port, http_request("GET", GOOD))
    if good != 200:
        found.append(f"a good query afterwards got {good}")
    RESULTS[("http", "failed" if found else "answered")] += 1
    assert not found, f"{name}: {'; '.join(found)}\n{written[-1500:]}"


def test_a_slow_client_does_not_block_others(server):
    port, _ = server
    with socket.create_connection(("127.0.0.1", port), timeout=5) as slow:
        slow.sendall(b"GET /sparql?query=ASK HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")  # never finished
        status, seconds = exchange(port, http_request("GET", GOOD))
    assert status == 200 and seconds < ANSWER_SECONDS
