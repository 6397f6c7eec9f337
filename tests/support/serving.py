"""`edugraph serve` for tests: started as a child process over a build, spoken to over HTTP."""

from __future__ import annotations

import subprocess
import sys
import urllib.error
import urllib.request

from support.process import free_port, wait_until_answers

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # runs until the query's time limit


def start(build, *options) -> tuple[subprocess.Popen, str]:
    """`edugraph serve` over `build` in a child process, once it answers: (process, base URL)."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "edugraph.cli", "serve", "--port", str(port), "--build", str(build),
                             *options], stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    wait_until_answers(proc, base + "/", timeout=15, log=proc.stderr.read)
    return proc, base


def request(url, data=None, headers=None, method=None):
    """(status, headers, body) of a request, an HTTP error status included."""
    try:
        req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers, r.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read().decode()
