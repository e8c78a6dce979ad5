"""Atomic replacement of an output folder, and of one file.

Everything is written into a scratch folder next to the target (same filesystem), then swapped in
with two renames: target → backup, new → target; the scratch folder is then removed. If the process
dies before the swap, the previous output is untouched. Between the two renames the target briefly
does not exist; a run that dies exactly there leaves the backup, which the next run restores.

Scratch names are ones the next run recognises and removes: ``.<name>.tmp-*`` beside an output
folder, ``.niemyet-tmp-*`` beside a file. Each scratch folder holds a ``.gitignore`` of ``*``, so
that what a killed run leaves is ignored by git (``git add -A`` does not commit it) until then.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SCRATCH = ".niemyet-tmp-"  # a file's scratch folder, beside it


def _scratch(parent: Path, prefix: str) -> Path:
    """A new scratch folder under ``parent`` that git ignores (its own ``.gitignore``)."""
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    (folder / ".gitignore").write_text("*\n", encoding="utf-8")
    return folder


def _cleanup_leftovers(target: Path) -> None:
    parent = target.parent
    for scratch in sorted(parent.glob(f".{target.name}.tmp-*")):
        if (scratch / "old").is_dir() and not target.exists():
            (scratch / "old").rename(target)  # a run died between the two renames: put the old output back
        shutil.rmtree(scratch, ignore_errors=True)
    for item in parent.glob(f".{target.name}.old-*"):  # the same, left by earlier versions of niemyet
        if not target.exists():
            item.rename(target)
        else:
            shutil.rmtree(item, ignore_errors=True)


@contextmanager
def atomic_folder(target: Path) -> Iterator[Path]:
    """Yield a temporary folder; on success it replaces ``target`` as a whole, on failure it is removed.

    The caller holds the output's lock (``guard.output_folder``): the clean-up removes any scratch
    folder of ``target``, which only a dead run can have left."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    _cleanup_leftovers(target)
    scratch = _scratch(target.parent, f".{target.name}.tmp-")
    work = scratch / "new"
    work.mkdir(mode=0o755)
    try:
        yield work
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    os.chmod(work, 0o755)
    if target.exists():
        target.rename(scratch / "old")
    work.rename(target)
    shutil.rmtree(scratch, ignore_errors=True)


def remove_scratch(folder: Path) -> None:
    """Remove the scratch folders a killed ``write_text_atomic`` left in ``folder`` (and older ``.*.tmp-*`` files).

    Call it only while holding the lock on the data (``lock.folder_lock``): a live run's scratch looks the same."""
    if not folder.is_dir():
        return
    for item in folder.glob(f"{SCRATCH}*"):
        shutil.rmtree(item, ignore_errors=True)
    for item in folder.glob(".*.tmp-*"):
        if item.is_file() and not item.is_symlink():
            item.unlink(missing_ok=True)


def write_text_atomic(path: Path, text: str) -> None:
    """Write one file whole or not at all: into a git-ignored scratch folder beside it, then one rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    scratch = _scratch(path.parent, SCRATCH)
    try:
        tmp = scratch / path.name
        with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
