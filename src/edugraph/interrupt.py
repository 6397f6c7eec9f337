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


_held: list[int] = []  # the stops received while `signals_held` ran


def _hold(signum, frame):
    _held.append(signum)


def reset_in_child() -> None:
    """A forked worker dies of SIGTERM at once, as `Pool.terminate` expects (a Python handler would wait for the
    lock the worker is blocked on, and the worker would outlive the command), and Ctrl-C interrupts it again."""
    if signal.getsignal(signal.SIGTERM) in (raise_terminated, _hold):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if signal.getsignal(signal.SIGINT) is _hold:
        signal.signal(signal.SIGINT, signal.default_int_handler)


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
    half-way would leave running with no parent (`multiprocessing.Pool` stops its workers on an `Exception` only).
    A stop is recorded by a handler (which Python runs in the main thread, whichever thread the kernel gives the
    signal to: a mask would hold it for this thread only) and raised again once the block is over."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {stop: signal.signal(stop, _hold) for stop in STOPS}
    first = len(_held)
    try:
        yield
    finally:
        for stop, handler in previous.items():
            signal.signal(stop, signal.SIG_DFL if handler is None else handler)
        pending, _held[first:] = _held[first:], []
        if pending:
            signal.raise_signal(pending[0])
