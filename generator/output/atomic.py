"""Atomic replacement of an output folder.

Everything is written into a fresh temporary folder next to the target (same filesystem), then
swapped in with two renames: target → backup, temp → target; the backup is then removed. If the
process dies before the swap, the previous output is untouched; a leftover temporary folder is
cleaned up by the next run. Between the two renames the target briefly does not exist; a run that
dies exactly there leaves ``.<name>.old-*`` which the next run restores.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _cleanup_leftovers(target: Path) -> None:
    parent = target.parent
    for item in parent.glob(f".{target.name}.old-*"):
        if not target.exists():
            item.rename(target)  # a run died between the two renames: put the old output back
        else:
            shutil.rmtree(item, ignore_errors=True)
    for item in parent.glob(f".{target.name}.tmp-*"):
        shutil.rmtree(item, ignore_errors=True)


@contextmanager
def atomic_folder(target: Path) -> Iterator[Path]:
    """Yield a temporary folder; on success it replaces ``target`` as a whole, on failure it is removed."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    _cleanup_leftovers(target)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))
    try:
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    os.chmod(tmp, 0o755)
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        old.rmdir()
        target.rename(old)
        tmp.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        tmp.rename(target)


def write_text_atomic(path: Path, text: str) -> None:
    """Write one file whole or not at all: a temporary file beside it, then one rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
