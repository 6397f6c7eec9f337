"""What changed between two texts of sorted, distinct lines (the build's N-Triples and N-Quads files), found by
comparing their bytes in large blocks: the cost is that of a few memory comparisons of the texts plus a little
per changed line, instead of splitting and hashing every line.

The result is exact for any two texts (each ending with a newline): replacing each hunk's old bytes by its new
bytes turns the old text into the new one. Sorted lines make it minimal (a line is never removed and added
again).
"""

from __future__ import annotations

import ctypes
import mmap
import os
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

GALLOP = 1 << 16  # bytes compared first; doubled while they are equal
try:
    _memcmp = ctypes.CDLL(None).memcmp
    _memcmp.argtypes, _memcmp.restype = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t], ctypes.c_int
except (OSError, AttributeError, TypeError):  # no C library to call: slices are compared (copies)
    _memcmp = None


class Hunk(NamedTuple):
    """The old bytes [old_start, old_end) are replaced by the new bytes [new_start, new_end) (whole lines)."""

    old_start: int
    old_end: int
    new_start: int
    new_end: int


@contextmanager
def mapped(path: Path):
    """The bytes of a file, mapped into memory (copy-on-write, never written) rather than read."""
    with open(path, "rb") as file:
        if os.fstat(file.fileno()).st_size == 0:
            yield b""
            return
        with mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_COPY) as data:
            yield data


def _equal(old, i: int, new, j: int, size: int) -> bool:
    """Whether old[i:i + size] == new[j:j + size], compared in place (memcmp) where possible."""
    if _memcmp is None:
        return old[i:i + size] == new[j:j + size]
    a, b = _pointer(old), _pointer(new)
    try:
        return _memcmp(ctypes.addressof(a) + i, ctypes.addressof(b) + j, size) == 0
    finally:
        del a, b  # a mapped file cannot be closed while a pointer into it exists


def _pointer(data):
    """A ctypes view of the start of `data` (bytes: its own buffer; a writable buffer: shared)."""
    if isinstance(data, bytes):
        return ctypes.c_char.from_address(ctypes.cast(ctypes.c_char_p(data), ctypes.c_void_p).value)
    return ctypes.c_char.from_buffer(data)


def _common(old, i: int, new, j: int) -> int:
    """The length of the common prefix of old[i:] and new[j:]."""
    n = min(len(old) - i, len(new) - j)
    done, step = 0, GALLOP
    while done < n:
        size = min(step, n - done)
        if _equal(old, i + done, new, j + done, size):
            done, step = done + size, step * 2
            continue
        low, high = done, done + size  # equal up to low, a difference before high
        while high - low > 1:
            middle = (low + high) // 2
            if _equal(old, i + low, new, j + low, middle - low):
                low = middle
            else:
                high = middle
        return low
    return n


def _line_end(text: bytes, start: int) -> int:
    end = text.find(b"\n", start)
    return len(text) if end < 0 else end + 1


def sorted_diff(old: bytes, new: bytes, limit: int = 100_000) -> list[Hunk] | None:
    """The hunks that turn `old` into `new` (texts of sorted distinct lines, ending with a newline), in order,
    neighbouring ones joined; None when there would be more than `limit` (a large change: the caller redoes
    everything instead).

    >>> old, new = b"a\\nc\\nd\\n", b"a\\nb\\nc\\ne\\n"
    >>> sorted_diff(old, new)
    [Hunk(old_start=2, old_end=2, new_start=2, new_end=4), Hunk(old_start=4, old_end=6, new_start=6, new_end=8)]
    >>> sorted_diff(old, old)
    []
    """
    hunks: list[Hunk] = []
    i = j = 0  # line starts: old[:i] and new[:j] are the same text once the hunks so far are applied
    while i < len(old) or j < len(new):
        same = _common(old, i, new, j)
        back = old.rfind(b"\n", i, i + same)  # the mismatch's line starts after the last common newline
        start = i if back < 0 else back + 1
        i, j = start, j + start - i
        if i == len(old) and j == len(new):
            break
        if i == len(old):
            change = Hunk(i, i, j, len(new))
        elif j == len(new):
            change = Hunk(i, len(old), j, j)
        else:
            old_end, new_end = _line_end(old, i), _line_end(new, j)
            if new[j:new_end] < old[i:old_end]:
                change = Hunk(i, i, j, new_end)
            else:
                change = Hunk(i, old_end, j, j)
        if hunks and hunks[-1].old_end == change.old_start and hunks[-1].new_end == change.new_start:
            change = Hunk(hunks[-1].old_start, change.old_end, hunks[-1].new_start, change.new_end)
            hunks[-1] = change
        else:
            hunks.append(change)
            if len(hunks) > limit:
                return None
        i, j = change.old_end, change.new_end
    return hunks


def removed_and_added(old: bytes, new: bytes, hunks: list[Hunk]) -> tuple[bytes, bytes]:
    """The old lines the hunks remove and the new lines they add.

    >>> old, new = b"a\\nc\\nd\\n", b"a\\nb\\nc\\ne\\n"
    >>> removed_and_added(old, new, sorted_diff(old, new))
    (b'd\\n', b'b\\ne\\n')
    """
    return (b"".join(old[h.old_start:h.old_end] for h in hunks),
            b"".join(new[h.new_start:h.new_end] for h in hunks))
