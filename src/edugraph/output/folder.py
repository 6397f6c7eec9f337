"""Replacing the build folder safely: only a folder the build made, in one atomic swap, fsynced.

The new build is written to a sibling ``.<name>.new-<pid>`` folder, fsynced, and swapped with the old one
by ``renameat2(RENAME_EXCHANGE)`` (one atomic step: readers see the old or the new build, never none).
Where the kernel or file system cannot exchange, two renames are used and an interrupted swap is undone
at the start of the next build (``.<name>.old`` put back). Builds of the same parent folder take turns
(an exclusive lock on the parent), and leftovers of killed builds (``.<name>.new-*``) are removed then.
A build reads the previous build without that lock (reading 10,000 cache entries under it would hold up every
other build): under the lock, before anything is written, it checks that the folder still holds the build it read
(`check_same_build`), and else fails in one line, writing nothing.
Entries of the old folder that the build does not write itself (``viz/`` of `edugraph viz`, …) are moved
into the new one. The old folder, once swapped out, is renamed ``.<name>.trash-<pid>`` and deleted by a
detached ``rm -rf`` (deleting some 20,000 files takes longer than writing a small build): the new build is
complete by then, and a deletion cut short is finished by the next build.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import subprocess
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from ..errors import EduGraphError

MARKER = "summary.json"  # every build writes it last: a folder holding it was made by a build
# what the old folder may hold that the new build replaces or drops: its SHACL report (absent when the graph
# conforms) and the query cache of earlier versions (the build now writes its store itself)
NOT_CARRIED = {"shacl-report.txt", ".oxigraph"}
AT_FDCWD = -100
RENAME_EXCHANGE = 2


def check_replaceable(target: Path) -> None:
    """Refuse (one-line error) a target that is not a folder made by a build, nor empty, nor absent."""
    target = Path(target)
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise EduGraphError(f"{target}: not a folder: refusing to replace it (choose another --out)")
    if foreign_folder(target, MARKER):
        raise EduGraphError(f"{target}: not empty and not made by `edugraph build` (no {MARKER}): "
                            "refusing to replace it (choose another --out)")


def foreign_folder(folder: Path, marker: str) -> bool:
    """True when `folder` is a folder that holds files but not the file `marker` its own writer always leaves
    (``summary.json`` of a build, ``CURRENT`` of an Oxigraph store): another program's files, not to be replaced."""
    return folder.is_dir() and not (folder / marker).is_file() and any(folder.iterdir())


def fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sync_file_range():
    function = getattr(ctypes.CDLL(None, use_errno=True), "sync_file_range", None)
    if function is not None:
        function.argtypes = [ctypes.c_int, ctypes.c_int64, ctypes.c_int64, ctypes.c_uint]
    return function


SYNC_FILE_RANGE = _sync_file_range()
SYNC_FILE_RANGE_WRITE = 2


WRITEBACK: list[Future] = []  # writebacks started and not yet waited for
_writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="edugraph-writeback")


def start_writeback(fd: int) -> None:
    """Start writing a file's data to disk (Linux sync_file_range, in a thread: it blocks while the disk's queue
    is full), so that the `fsync_tree` before the swap finds most of it written while the build went on;
    nothing elsewhere. `fd` may be closed at once."""
    if SYNC_FILE_RANGE is not None:
        own = os.dup(fd)

        def write_back():
            try:
                SYNC_FILE_RANGE(own, 0, 0, SYNC_FILE_RANGE_WRITE)
            finally:
                os.close(own)

        WRITEBACK.append(_writer.submit(write_back))


def fsync_tree(folder: Path) -> None:
    """Flush every file and folder below `folder` (and itself) to disk: one syncfs(2) of its file system
    where Linux has it, else an fsync per file."""
    while WRITEBACK:
        WRITEBACK.pop().result()
    syncfs = getattr(ctypes.CDLL(None, use_errno=True), "syncfs", None)
    if syncfs is not None:
        fd = os.open(folder, os.O_RDONLY)
        try:
            if syncfs(fd) == 0:
                return
        finally:
            os.close(fd)
    for root, _, files in os.walk(folder):
        for name in files:
            fsync_path(Path(root) / name)
        fsync_path(Path(root))


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux renameat2); False where that is not available."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    if ctypes.get_errno() in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(b))


def recover(target: Path) -> None:
    """Undo what a killed build left: put back an old folder moved aside, drop unfinished new folders."""
    old = target.parent / f".{target.name}.old"
    if old.is_dir():
        if target.exists():
            shutil.rmtree(old)
        else:
            old.rename(target)
    for pattern in (f".{target.name}.new-*", f".{target.name}.trash-*"):
        for leftover in target.parent.glob(pattern):
            shutil.rmtree(leftover, ignore_errors=True)


def carry_over(old: Path, new: Path, moved: list[str]) -> None:
    """Move what other commands wrote into the old build (not written by this build) into the new one; the names
    moved are added to `moved` as they go (for :func:`carry_back`)."""
    if not old.is_dir():
        return
    for entry in old.iterdir():
        if entry.name not in NOT_CARRIED and not (new / entry.name).exists():
            entry.rename(new / entry.name)
            moved.append(entry.name)


def carry_back(new: Path, old: Path, moved: list[str]) -> None:
    """Undo :func:`carry_over` of a build that failed afterwards: the old build keeps what other commands wrote."""
    for name in moved:
        try:
            (new / name).rename(old / name)
        except OSError:
            pass


def swap(target: Path, staging: Path) -> Path | None:
    """Make `staging` the `target` folder; returns the previous `target` (moved aside), if there was one."""
    parent = target.parent
    old = None
    if not target.exists():
        staging.rename(target)
    elif exchange(staging, target):
        old = staging
    else:
        old = parent / f".{target.name}.old"
        target.rename(old)
        fsync_path(parent)
        staging.rename(target)
    fsync_path(parent)
    return old


DELETIONS: list[subprocess.Popen] = []  # the deletions started by this process (tests wait for them)


def delete_later(folder: Path, target: Path) -> None:
    """Delete a folder swapped out of `target` without waiting: renamed ``.<name>.trash-<pid>`` (which the next
    build deletes if this deletion is cut short), then removed by a detached ``rm -rf``, or here without one."""
    trash = target.parent / f".{target.name}.trash-{os.getpid()}"
    shutil.rmtree(trash, ignore_errors=True)
    folder.rename(trash)
    DELETIONS[:] = [deletion for deletion in DELETIONS if deletion.poll() is None]  # poll() reaps the finished
    remover = shutil.which("rm")
    if remover is None:
        shutil.rmtree(trash, ignore_errors=True)
        return
    DELETIONS.append(subprocess.Popen([remover, "-rf", "--", str(trash)], stdin=subprocess.DEVNULL,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True))


def wait_for_deletions() -> None:
    """Wait until the old folders this process swapped out are deleted."""
    while DELETIONS:
        DELETIONS.pop().wait()


@contextmanager
def locked(folder: Path):
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def build_identity(folder: Path) -> tuple | None:
    """What tells one build in `folder` from another that replaced it: the device and inode of the folder and of
    its summary.json, and when and how large that was written; None when no build is there. A swap puts another
    folder at that path, and a new build always writes a new summary.json; an inode number alone may be reused."""
    try:
        own, summary = os.stat(folder), os.stat(Path(folder) / MARKER)
    except OSError:
        return None
    return own.st_dev, own.st_ino, summary.st_ino, summary.st_mtime_ns, summary.st_size


def check_same_build(folder: Path, identity: tuple | None) -> None:
    """Fail (one-line error) when `folder` no longer holds the build that had `identity` when it was read (None:
    there was none, and a build that appeared since may have lent this one its cache entries)."""
    if build_identity(folder) != identity:
        raise EduGraphError(f"{folder}: another build replaced it while this one was reading it; nothing was "
                            "written, the other build is kept (run `edugraph build` again)")


@contextmanager
def replaced_folder(target: Path, read: tuple[Path, tuple | None] | None = None):
    """Yield a new empty folder that replaces `target` only if the block succeeds.

    `target` must be absent, empty or a previous build (see `check_replaceable`). `read`: the previous build the
    new one was made from and its `build_identity` then; if another build replaced it since, nothing is written
    (checked under the lock that builds of the same parent folder take in turns, before the new folder is
    made). New folders get the permissions of the user's umask.
    """
    target = Path(os.path.abspath(target))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise EduGraphError(f"{target}: cannot create the build folder there ({err.strerror})") from None
    with locked(target.parent):
        recover(target)
        check_replaceable(target)
        if read is not None:
            check_same_build(*read)
        staging = target.parent / f".{target.name}.new-{os.getpid()}"
        moved: list[str] = []  # what other commands wrote into the old build, carried into the new one
        try:
            os.mkdir(staging)
            yield staging
            fsync_tree(staging)
            carry_over(target, staging, moved)
            fsync_path(staging)
        except OSError as err:
            carry_back(staging, target, moved)
            shutil.rmtree(staging, ignore_errors=True)
            raise EduGraphError(f"{target}: could not write the build ({err.strerror or err}); "
                                "the previous build is unchanged") from None
        except BaseException:
            carry_back(staging, target, moved)
            shutil.rmtree(staging, ignore_errors=True)
            raise
        old = swap(target, staging)
        if old is not None:
            try:
                delete_later(old, target)
            except OSError:  # the new build is in place all the same; the next build deletes the old one (recover)
                pass
