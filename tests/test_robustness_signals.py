"""Interruptions: Ctrl-C (SIGINT) or SIGTERM during `build` and `load` give one line and leave the previous build
folder and store as they were (docs/SECURITY.md).

Before, SIGTERM killed a build without clean-up: exit -15, and the extraction workers, left with a closed pipe,
printed tracebacks; an interrupted load left its staging graphs in the store (removed only by the next load).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from edugraph.cli import main
from edugraph.commands import load as load_command
from edugraph.paths import ARTICLES, CURATION
from support.robust import hash_tree, store_digest


def children(pid: int) -> list[str]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return path.read_text().split() if path.exists() else []


def alive(pid: str) -> bool:
    status = Path(f"/proc/{pid}/stat")
    return status.exists() and status.read_text().split(") ")[-1][:1] != "Z"


def test_sigterm_during_a_build_with_workers(seed_build, tmp_path):
    previous = tmp_path / "build"
    shutil.copytree(seed_build, previous)
    before = hash_tree(previous)
    command = [sys.executable, "-c", "import sys; from edugraph.cli import main; sys.exit(main())", "build", "--full",
               "--quiet", "--jobs", "2", "--articles", str(ARTICLES), "--curation", str(CURATION), "--out",
               str(previous)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not children(child.pid) and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)  # until the extraction workers run
    time.sleep(0.3)
    workers = children(child.pid)
    assert workers, "the build started no worker processes"
    child.send_signal(signal.SIGTERM)
    try:
        child.wait(timeout=60)
        left = [pid for pid in workers if alive(pid)]
    finally:
        for pid in workers:
            if alive(pid):
                os.kill(int(pid), signal.SIGKILL)
    assert not left, "worker processes outlived the build"
    assert (child.returncode, child.stderr.read().strip()) == (143, "edugraph: terminated")
    assert hash_tree(previous) == before
    assert sorted(os.listdir(tmp_path)) == ["build"]  # no temporary folder left beside it

def test_interrupted_load_leaves_the_store_as_it_was(seed_build, tmp_path, monkeypatch, capsys):
    store = tmp_path / "store"
    assert main(["load", "--build", str(seed_build), "--store", str(store)]) == 0
    before = store_digest(store)

    def interrupt_when_staged(event, batch):
        if event == "staged":
            raise KeyboardInterrupt

    monkeypatch.setattr(load_command, "after_step", interrupt_when_staged)
    assert main(["load", "--build", str(seed_build), "--store", str(store)]) == 130
    assert capsys.readouterr().err.strip() == "edugraph: interrupted"
    assert store_digest(store) == before  # no staging graph left behind


def test_a_stop_waits_for_the_end_of_a_held_block_even_with_other_threads():
    """`signals_held` (starting the worker pool) holds Ctrl-C even when another thread exists (tqdm starts one),
    to which the kernel may hand the signal: a mask held it for the main thread only, so the interrupt was raised
    inside the block. It is raised once the block is over."""
    import threading

    from edugraph.interrupt import signals_held

    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    reached = False
    try:
        with signals_held():
            os.kill(os.getpid(), signal.SIGINT)
            _sleep_in_steps(2)  # time for the thread the kernel chose to run, on a loaded machine too
            reached = True
        _sleep_in_steps(5)  # the interrupt is raised here
        raise AssertionError("no interrupt after the block")
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
    assert reached


def _sleep_in_steps(seconds: float) -> None:
    """Sleep in short steps, so that a pending signal's handler runs between them."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        time.sleep(0.01)
