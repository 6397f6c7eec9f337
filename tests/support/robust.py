"""Running the CLI on a bad input and judging the outcome (used by tests/test_robustness*.py).

A case passes when the command either refuses the input with one line ``edugraph: error: …``
(warnings before it are allowed) or accepts it, as the case expects, with no traceback and no
``internal error``, within a time and memory bound. Subprocess runs get hard limits
(`resource.RLIMIT_AS`, a timeout); in-process runs are timed and the process peak memory is checked.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import resource
import shutil
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

SECONDS = 120  # per command
MEMORY_BYTES = 3 << 30  # address space of a subprocess; the in-process peak must stay below it too
RESULTS: Counter = Counter()  # (kind, outcome) -> count, printed at the end of the run by conftest.py
VERDICTS = ("refused", "accepted", "answered", "failed")  # "answered": an HTTP request, status < 500


@dataclass
class Case:
    """One bad (or borderline) input: the command line, the files it needs, what must happen."""

    kind: str  # articles, metadata, curation, queries, output, arguments, load, http
    name: str
    argv: list[str]  # may hold {case}, {build}, {seed}, {store}: folders filled in when the case runs
    files: dict[str, bytes] = field(default_factory=dict)  # relative to {case}
    expect: str = "error"  # "error", "ok" or "any" (either, as long as it is clean)
    words: tuple[str, ...] = ()  # must appear in the error line
    subprocess: bool = False  # run in a child with hard time and memory limits (crashes and bombs)
    env: dict[str, str] = field(default_factory=dict)
    stdin: bytes = b""
    forbidden: tuple[str, ...] = ()  # must appear nowhere in the output (secrets)
    damage: tuple[str, str] | None = None  # (file, how): {case}/b is a copy of the build with that file damaged

    @property
    def id(self) -> str:
        return f"{self.kind}-{self.name}"


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str
    seconds: float
    peak_bytes: int


def hash_tree(folder: Path) -> dict[str, str]:
    """sha256 of every file under a folder (and its mode), by relative path."""
    digests = {}
    for path in sorted(Path(folder).rglob("*")):
        if path.is_file() and not path.is_symlink():
            digests[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest() + oct(
                path.stat().st_mode)
    return digests


def store_digest(folder: Path) -> str:
    """sha256 of every quad in an Oxigraph store folder, in sorted order (its files change on each open)."""
    import pyoxigraph

    store = pyoxigraph.Store.read_only(str(folder))
    quads = sorted(str(quad) for quad in store)
    del store
    return hashlib.sha256("\n".join(quads).encode()).hexdigest()


def damage_copy(build: Path, target: Path, file: str, how: str) -> None:
    """Copy a build folder and damage one of its files: "truncate" (half of it), "garbage" (binary appended),
    "empty" or "missing"."""
    shutil.copytree(build, target)
    path = target / file
    content = path.read_bytes()
    if how == "missing":
        path.unlink()
    else:
        path.write_bytes({"truncate": content[: len(content) // 2], "garbage": content + bytes(range(256)),
                          "empty": b""}[how])


def peak_memory() -> int:
    """Peak resident memory of this process, in bytes."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def run_inprocess(argv: list[str], env: dict[str, str], stdin: bytes = b"") -> Outcome:
    """`edugraph ARGV` through `cli.main`, standard streams captured."""
    from edugraph.cli import main

    out, err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8"), io.StringIO()
    saved_env = {name: os.environ.get(name) for name in env}
    os.environ.update(env)
    saved_stdin = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    start = time.perf_counter()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as exit_:
                code = exit_.code if isinstance(exit_.code, int) else 1
    finally:
        sys.stdin = saved_stdin
        for name, value in saved_env.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    seconds = time.perf_counter() - start
    out.flush()
    stdout = out.buffer.getvalue().decode("utf-8", errors="replace")
    return Outcome(code, stdout, err.getvalue(), seconds, peak_memory())


def limit_child() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))


def run_subprocess(argv: list[str], env: dict[str, str], stdin: bytes = b"") -> Outcome:
    """`edugraph ARGV` in a child process with an address-space limit and a timeout."""
    command = [sys.executable, "-c", "import sys; from edugraph.cli import main; sys.exit(main())", *argv]
    start = time.perf_counter()
    child = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env=os.environ | env | {"PYTHONFAULTHANDLER": "1"}, preexec_fn=limit_child)
    try:
        stdout, stderr = child.communicate(stdin, timeout=SECONDS)
    except subprocess.TimeoutExpired:
        child.kill()
        stdout, stderr = child.communicate()
        stderr += f"\n(killed after {SECONDS} s)".encode()
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024  # the biggest child so far
    return Outcome(child.returncode, stdout.decode("utf-8", "replace"), stderr.decode("utf-8", "replace"), seconds,
                   peak)


def problems(case: Case, outcome: Outcome) -> list[str]:
    """What is wrong with an outcome (empty: the case passed)."""
    found = []
    everything = outcome.stdout + outcome.stderr
    if "Traceback" in everything or "internal error" in everything or "Fatal Python error" in everything:
        found.append("a traceback or internal error")
    if outcome.seconds > SECONDS:
        found.append(f"took {outcome.seconds:.0f} s")
    if outcome.peak_bytes > MEMORY_BYTES:
        found.append(f"peak memory {outcome.peak_bytes >> 20} MB")
    if outcome.code < 0:
        found.append(f"killed by signal {-outcome.code}")
    lines = [line for line in outcome.stderr.splitlines() if line.strip()]
    errors = [line for line in lines if not line.startswith("edugraph: warning: ")]
    if outcome.code != 0:
        if case.expect == "ok":
            found.append(f"refused an input it should accept (exit {outcome.code})")
        if len(errors) != 1 or not errors[0].startswith("edugraph: error: "):
            found.append("not exactly one line `edugraph: error: …`")
        missing = [word for word in case.words if word not in outcome.stderr]
        if missing:
            found.append(f"the error does not say {missing}")
    elif case.expect == "error":
        found.append("accepted an input it should refuse (exit 0)")
    leaked = [secret for secret in case.forbidden if secret in everything]
    if leaked:
        found.append(f"printed a secret {leaked}")
    return found


def record(case: Case, outcome: Outcome, found: list[str]) -> None:
    verdict = "failed" if found else "refused" if outcome.code else "accepted"
    RESULTS[(case.kind, verdict)] += 1


def summary_lines() -> list[str]:
    """The counts printed at the end of the run."""
    if not RESULTS:
        return []
    totals = {verdict: sum(n for (_, v), n in RESULTS.items() if v == verdict) for verdict in VERDICTS}
    lines = [f"robustness: {sum(RESULTS.values())} generated inputs: {totals['refused']} refused in one line, "
             f"{totals['accepted']} accepted, {totals['answered']} HTTP requests answered below 500, "
             f"{totals['failed']} failed"]
    for kind in sorted({kind for kind, _ in RESULTS}):
        lines.append(f"  {kind:<10} " + ", ".join(f"{RESULTS[(kind, v)]} {v}" for v in VERDICTS if RESULTS[(kind, v)]))
    return lines
