"""Starting and stopping a server process for tests: wait until it answers, stop it gently, then for good."""

from __future__ import annotations

import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from typing import Callable


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_answers(process: subprocess.Popen, url: str, timeout: float, log: Callable[[], str]) -> None:
    """Poll `url` until it answers; RuntimeError with the server's log if the process exits or never answers."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}: {log()}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.05)
    stop(process)
    raise RuntimeError(f"{process.args[0]} did not answer on {url} within {timeout} s: {log()}")


def kill(process: subprocess.Popen | None) -> None:
    """SIGKILL: the server dies without any chance to clean up, as in a crash."""
    if process and process.poll() is None:
        process.send_signal(signal.SIGKILL)
        process.wait()


def stop(process: subprocess.Popen | None, grace: float = 30.0) -> None:
    """SIGTERM, then SIGKILL if it has not ended within `grace` seconds."""
    if process and process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            kill(process)
