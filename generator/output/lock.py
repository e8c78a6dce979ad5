"""One writer at a time: ``fcntl.flock`` on a lock file beside an output, or on a data folder itself.

A second run waits up to ``WAIT_SECONDS`` (saying so once on stderr), then refuses with
:class:`Busy`. The kernel drops a lock when its process dies, so a killed run never blocks the next
one. A lock file is removed when its lock is released; one left by a killed run is taken over and
removed by the next run. Locking a folder (``folder_lock`` on a directory) leaves no file at all,
which keeps a data tree that is a git repository clean.
"""

from __future__ import annotations

import fcntl
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.errors import UsageError
from generator.output.atomic import remove_scratch

WAIT_SECONDS = 120.0


class Busy(UsageError):
    """Another niemyet run held the lock longer than the wait; the message (Vietnamese) says on what."""


def _open(path: Path) -> int:
    if path.is_dir():
        return os.open(path, os.O_RDONLY)
    path.parent.mkdir(parents=True, exist_ok=True)
    return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)


def _acquire(path: Path, what: str, wait: float) -> int:
    deadline = time.monotonic() + wait
    told = False
    while True:
        fd = _open(path)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            if time.monotonic() >= deadline:
                raise Busy(
                    f"một lần chạy niemyet khác đang ghi vào {what}; đã đợi {wait:.0f} giây. "
                    "Hãy chạy lại khi lần kia xong."
                ) from None
            if not told:
                print(f"niemyet: đang đợi một lần chạy khác ghi xong {what}…", file=sys.stderr)
                told = True
            time.sleep(0.1)
            continue
        try:
            same = os.stat(path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False  # the holder removed the lock file as it released it: take the new one
        if same:
            return fd
        os.close(fd)


@contextmanager
def folder_lock(path: Path, what: str, wait: float | None = None) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (a lock file, created if absent, or an existing folder)."""
    fd = _acquire(path, what, WAIT_SECONDS if wait is None else wait)
    try:
        yield
    finally:
        if not path.is_dir():
            path.unlink(missing_ok=True)  # while still locked: a waiting run then retries on a fresh file
        os.close(fd)


@contextmanager
def data_lock(province: Path) -> Iterator[None]:
    """Hold the lock of one province's data (``import``, any later writer of the data tree), after removing
    the scratch files a killed writer left in it: under the lock, none can be a live run's."""
    with folder_lock(province, f"thư mục tỉnh {province}"):
        for name in ("", "catalogue", "communes", "statistics", "statistics/durations"):
            remove_scratch(province / name)
        yield
