"""Argument types shared by the sub-commands: numbers checked when the command line is parsed.

Each raises `argparse.ArgumentTypeError`, which the parser turns into one line
``edugraph: error: argument --x: ...``.

>>> positive_int("3")
3
>>> seconds("1.5")
1.5
>>> seconds("nan")
Traceback (most recent call last):
...
argparse.ArgumentTypeError: 'nan' is not a number of seconds (0 or more)
"""

from __future__ import annotations

import argparse
import math

MAX_SECONDS = 31_536_000  # a year: more overflows the timers of the standard library


def _number(text: str, kind, what: str):
    try:
        value = kind(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not {what}") from None
    if isinstance(value, float) and not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"{text!r} is not {what}")
    return value


def positive_int(text: str) -> int:
    """A whole number of at least 1."""
    value = _number(text, int, "a whole number")
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def non_negative_int(text: str) -> int:
    """A whole number of at least 0."""
    value = _number(text, int, "a whole number")
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {value}")
    return value


def seconds(text: str) -> float:
    """A finite duration of 0 seconds or more (what 0 means is the option's own business)."""
    value = _number(text, float, "a number of seconds (0 or more)")
    if not 0 <= value <= MAX_SECONDS:
        raise argparse.ArgumentTypeError(f"must be 0 to {MAX_SECONDS} seconds, got {text}")
    return value


def positive_seconds(text: str) -> float:
    """A finite duration of more than 0 seconds."""
    value = seconds(text)
    if value == 0:
        raise argparse.ArgumentTypeError("must be more than 0 seconds")
    return value


def port(text: str) -> int:
    """A TCP port, 0 (any free port) to 65535."""
    value = _number(text, int, "a port number")
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"a port is 0 to 65535, got {value}")
    return value
