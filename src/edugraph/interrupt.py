"""SIGTERM handled like Ctrl-C (docs/SECURITY.md): while a command runs, SIGTERM raises `Terminated` (a
`KeyboardInterrupt`) in the main process, so that the same clean-up runs (worker processes stopped, the staging
folder removed, the previous build and store left as they were) and the command ends with one line.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading

STOPS = {signal.SIGINT, signal.SIGTERM}


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised in the main process."""


def raise_terminated(signum, frame):
    raise Terminated


def reset_in_child() -> None:
    """A forked worker dies of SIGTERM at once, as `Pool.terminate` expects (a Python handler would wait for the
    lock the worker is blocked on, and the worker would outlive the command), and takes signals again."""
    if signal.getsignal(signal.SIGTERM) is raise_terminated:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPS)


os.register_at_fork(after_in_child=reset_in_child)


@contextlib.contextmanager
def terminate_as_interrupt():
    """While the block runs, SIGTERM raises `Terminated` (in the main thread only: elsewhere nothing changes)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def signals_held():
    """Ctrl-C and SIGTERM wait until the block is over: for starting worker processes, which an exception raised
    half-way would leave running with no parent (`multiprocessing.Pool` stops its workers on an `Exception` only)."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, STOPS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
