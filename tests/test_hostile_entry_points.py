"""Hostile input through every entry point, as a user or a network client sends it (review 3): each case failed
on the code before it with a traceback-like internal error, a hang or unbounded memory. The endpoint's cases are
in tests/test_server.py."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from edugraph.cli import main
from edugraph.paths import ARTICLES
from support.errors import one_error_line
from support.fakestore import JsonStore, serving

ROOT = Path(__file__).resolve().parents[1]
SEED_ID = "002_413037bb6e5346a1"


def test_query_with_a_codepoint_escape_beyond_unicode(seed_build, capsys):
    """`\\UFFFFFFFF` made chr() fail before the parser saw the query: an internal error."""
    for escape in ("\\UFFFFFFFF", "\\U00110000"):
        code = main(["query", "--build", str(seed_build), "-e", f'SELECT * WHERE {{ ?s ?p "{escape}" }}'])
        assert code != 0
        one_error_line(capsys, "syntax error")


def folder_digest(folder: Path) -> str:
    """SHA-256 over every file's relative path and bytes (the build folder before and after a failure)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def edugraph(*argv: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """The command in a child, so that a hang is a failed test and not a stuck suite."""
    return subprocess.run([sys.executable, "-m", "edugraph.cli", *argv], capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)


@pytest.fixture()
def articles_and_build(tmp_path, seed_build):
    """A folder with one seed article, an empty curation folder, and a copy of the seed build to write over."""
    (tmp_path / "articles").mkdir()
    (tmp_path / "curation").mkdir()
    for suffix in (".txt", ".json"):
        shutil.copy(ARTICLES / f"{SEED_ID}{suffix}", tmp_path / "articles")
    shutil.copytree(seed_build, tmp_path / "build", symlinks=True)
    return tmp_path


@pytest.mark.parametrize("damage", ["metadata-pipe", "curation-pipe", "link-loop", "two-link-loop"])
def test_build_refuses_pipes_and_link_loops_and_keeps_the_build(articles_and_build, damage):
    """A `.json` or `.yaml` that is a named pipe blocked the build forever (open() waits for a writer); a symbolic
    link to itself gave an internal error (RuntimeError from Path.resolve)."""
    work = articles_and_build
    if damage == "metadata-pipe":
        (work / "articles" / f"{SEED_ID}.json").unlink()
        os.mkfifo(work / "articles" / f"{SEED_ID}.json")
    elif damage == "curation-pipe":
        os.mkfifo(work / "curation" / f"{SEED_ID}.yaml")
    elif damage == "link-loop":
        os.symlink("x.txt", work / "articles" / "x.txt")
    else:
        os.symlink("y.txt", work / "articles" / "x.txt")
        os.symlink("x.txt", work / "articles" / "y.txt")
    before = folder_digest(work / "build")
    done = edugraph("build", "--quiet", "--articles", str(work / "articles"), "--curation", str(work / "curation"),
                    "--out", str(work / "build"))
    assert done.returncode != 0
    assert done.stderr.startswith("edugraph: error: ") and done.stderr.count("\n") == 1, done.stderr
    assert ("not a regular file" if "pipe" in damage else "loop") in done.stderr
    assert folder_digest(work / "build") == before


def test_evaluate_refuses_a_gold_file_that_is_a_pipe(tmp_path):
    os.mkfifo(tmp_path / "dev01_tomsk_kvantorium.json")
    done = edugraph("evaluate", str(tmp_path), "--articles", str(ROOT / "tests" / "dev" / "articles"))
    assert done.returncode != 0 and "not a regular file" in done.stderr and done.stderr.count("\n") == 1


class BadStore(JsonStore):
    """A SPARQL store that answers every request with a body that never ends: `giant` sends far more than the
    limit at once, `trickle` a byte every 0.2 s (each read is within the socket's timeout)."""

    protocol_version = "HTTP/1.1"
    mode = "giant"

    def claimed_length(self) -> int:
        return 10 ** 9

    def answer(self) -> None:
        try:
            for _ in range(10 ** 6):
                self.wfile.write(b" " * (1 << 20) if self.mode == "giant" else b" ")
                self.wfile.flush()
                if self.mode == "trickle":
                    time.sleep(0.2)
        except OSError:  # the client gave up
            pass


@pytest.fixture(params=["giant", "trickle"])
def bad_store(request):
    with serving(type("Handler", (BadStore,), {"mode": request.param})) as base:
        yield request.param, base


@pytest.mark.parametrize("command", ["load", "query"])
def test_a_store_sending_without_end_is_given_up(bad_store, seed_build, command):
    """The body was read whole (memory without bound) within a timeout per read only (time without bound)."""
    mode, url = bad_store
    argv = (["load", "--build", str(seed_build), "--retries", "0"] if command == "load" else ["query", "articles"])
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "edugraph.cli", *argv, "--endpoint", url, "--store-kind", "oxigraph",
                           "--timeout", "2"], capture_output=True, text=True, timeout=60,
                          env=os.environ | {"EDUGRAPH_MAX_RESPONSE_BYTES": "5000000"})
    assert done.returncode != 0 and done.stderr.count("\n") == 1, done.stderr
    assert ("bigger than 5000000 bytes" if mode == "giant" else "did not arrive within 2 s") in done.stderr
    assert time.monotonic() - started < 30


def test_a_curation_replace_that_blows_the_facts_up_is_refused(articles_and_build, capsys):
    """An 800 KB curation file replacing each «о» by 400,000 characters took 2.5 GB and more than two minutes
    (every string of the facts grew); now its line is named before any string is made."""
    work = articles_and_build
    (work / "curation" / f"{SEED_ID}.yaml").write_text(
        f'article: {SEED_ID}\nnote: a replacement bomb\nreplace:\n  "о": "{"ж" * 20_000}"\n', encoding="utf-8")
    before = folder_digest(work / "build")
    code = main(["build", "--quiet", "--articles", str(work / "articles"), "--curation", str(work / "curation"),
                 "--out", str(work / "build")])
    assert code != 0
    one_error_line(capsys, f"{SEED_ID}.yaml:4:", "longer than 10000 characters")
    assert folder_digest(work / "build") == before


def test_a_query_from_a_pipe_without_end_is_refused(seed_build):
    """`yes | edugraph query -` read standard input whole: memory without bound."""
    with subprocess.Popen(["yes"], stdout=subprocess.PIPE) as source:
        done = subprocess.run([sys.executable, "-m", "edugraph.cli", "query", "--build", str(seed_build), "-"],
                              stdin=source.stdout, capture_output=True, text=True, timeout=60,
                              env=os.environ | {"EDUGRAPH_MAX_QUERY_CHARS": "1000000"})
        source.kill()
    assert done.returncode != 0 and done.stderr.count("\n") == 1
    assert "longer than 1000000 characters" in done.stderr


def test_an_error_echoing_a_huge_value_stays_a_short_line(seed_build, capsys):
    """An unresolved 60 KB `--param` value was echoed whole on the error line (60 KB of one line)."""
    code = main(["query", "--build", str(seed_build), "who-met-whom", "--param", "person=" + "Я" * 60_000])
    assert code != 0
    err = one_error_line(capsys, "--param person", "characters")
    assert len(err) < 500


def test_a_web_page_among_the_articles_is_refused_not_skipped(articles_and_build, capsys):
    """A saved page (`.html`) in the articles folder was skipped without a word, so its facts silently missed."""
    articles, build = articles_and_build / "articles", articles_and_build / "build"
    before = folder_digest(build)
    (articles / "page.html").write_text("<html><h1>Кванториум</h1><p>Открыт.</p></html>", encoding="utf-8")
    assert main(["build", "--articles", str(articles), "--out", str(build)]) != 0
    one_error_line(capsys, "page.html", "edugraph add")
    assert folder_digest(build) == before
