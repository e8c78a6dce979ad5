"""The one writer of the docs_dir: rendering returns files, this writes them.

A file is its bytes, or an existing file to copy as it is (the subset fonts from their cache, the
site's own assets, the form files kept in the data repository): those are never read into memory.
Keys are paths relative to the docs_dir, always with ``/``.
"""

from __future__ import annotations

import filecmp
import shutil
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from generator.errors import BuildError

Output = bytes | Path  # the bytes to write, or the file to copy
SiteFiles = dict[str, Output]


def _target(folder: Path, rel: str) -> Path:
    """``folder / rel``; a path that would leave the folder is a bug, never written."""
    pure = PurePosixPath(rel)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts:
        raise BuildError(f"đường dẫn tệp không hợp lệ trong trang: {rel!r}")
    return folder.joinpath(*pure.parts)


def _write(target: Path, content: Output) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, Path):
        shutil.copyfile(content, target)
    else:
        target.write_bytes(content)


def write_files(files: Mapping[str, Output], folder: Path) -> None:
    """Write every file under ``folder`` (created when missing)."""
    for rel, content in files.items():
        _write(_target(folder, rel), content)


def _same(target: Path, content: Output) -> bool:
    if not target.is_file():
        return False
    if isinstance(content, Path):
        return filecmp.cmp(content, target, shallow=False)
    return target.stat().st_size == len(content) and target.read_bytes() == content


def sync_files(files: Mapping[str, Output], folder: Path) -> int:
    """Make ``folder`` hold exactly ``files``, touching only what changed (so a watcher sees only
    those); returns how many files were written or removed."""
    changed = 0
    for rel, content in files.items():
        target = _target(folder, rel)
        if not _same(target, content):
            _write(target, content)
            changed += 1
    wanted = {_target(folder, rel) for rel in files}
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.is_dir():
            if not any(path.iterdir()):
                path.rmdir()
        elif path not in wanted:
            path.unlink()
            changed += 1
    return changed
