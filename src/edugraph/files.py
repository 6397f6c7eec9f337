"""Reading input files safely: regular files only (never a pipe or device), no bigger than a limit."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from .errors import EduGraphError
from .limits import limit


def open_regular(path: Path):
    """A regular file opened for reading in binary; OSError for anything else. A pipe (`mkfifo x.json`) would
    block the reader forever and a device never end: they are refused without waiting for a writer."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        raise OSError(errno.EINVAL, "not a regular file (a pipe, socket or device)", str(path))
    os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def read_at_most(path: Path, max_bytes: int) -> bytes | None:
    """The bytes of a regular file, or None when it holds more than `max_bytes` (read no further); OSError as
    `open_regular` raises it (IsADirectoryError for a folder)."""
    with open_regular(path) as handle:
        raw = handle.read(max_bytes + 1)
    return raw if len(raw) <= max_bytes else None


def read_limited(path: Path, limit_name: str, what: str) -> bytes:
    """The bytes of a file no bigger than the limit `limit_name` (see `limits`), or a one-line error."""
    max_bytes = limit(limit_name)
    try:
        raw = read_at_most(path, max_bytes)
    except IsADirectoryError:
        raise EduGraphError(f"{path}: the {what} is a folder, not a file") from None
    except OSError as err:
        raise EduGraphError(f"{path}: cannot read the {what}: {err.strerror}") from None
    if raw is None:
        raise EduGraphError(f"{path}: the {what} is bigger than {max_bytes} bytes "
                            f"(EDUGRAPH_{limit_name} raises the limit, see docs/SECURITY.md)")
    return raw
