"""What niemyet may delete or replace: only an output folder it wrote itself (issue 19).

Every writer of an output folder (``build``, ``posters``, ``posters --since``) goes through
:func:`output_folder`: it refuses, before any work and again under the folder's lock, an output that

- is, contains or lies inside the data root;
- is or contains a git work tree (a ``.git`` folder or file), or contains the current folder;
- is a file, or a non-empty folder without niemyet's marker file (``.niemyet-output``).

An absent or empty folder is fine. The marker is written into every output niemyet builds, so
its next run may replace it (atomically, ``atomic.py``). A folder built by a niemyet from before
the marker existed is refused once, with a message asking to remove it: guessing that a folder
is an old output from its contents could replace a person's own copy of a site.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.errors import UsageError
from generator.output.atomic import atomic_folder
from generator.output.lock import folder_lock

MARKER = ".niemyet-output"
MARKER_TEXT = (
    "Thư mục này do niemyet tạo ra; mỗi lần chạy, niemyet xoá và dựng lại toàn bộ thư mục.\n"
    "Đừng để tệp của bạn ở đây. (Written by niemyet, which replaces this whole folder on each run.)\n"
)


class UnsafeOutput(UsageError):
    """niemyet will not write this output folder; the message (Vietnamese) says why. Exit code 3."""


def _contains(outer: Path, inner: Path) -> bool:
    return outer == inner or outer in inner.parents


def _git_inside(folder: Path) -> Path | None:
    """The first ``.git`` (folder or file) at or below ``folder``, without following symlinks."""
    for here, dirs, files in os.walk(folder):
        if ".git" in dirs or ".git" in files:
            return Path(here) / ".git"
    return None


def _refusal(target: Path, root: Path) -> str | None:
    if _contains(target, root):
        return f"thư mục kết quả {target} là hoặc chứa thư mục dữ liệu {root}"
    if _contains(root, target):
        return f"thư mục kết quả {target} nằm trong thư mục dữ liệu {root}"
    if _contains(target, Path.cwd().resolve()):
        return f"thư mục kết quả {target} là hoặc chứa thư mục đang làm việc"
    if not target.exists():
        return None
    if not target.is_dir():
        return f"{target} là một tệp, không phải thư mục"
    git = _git_inside(target)
    if git is not None:
        return f"thư mục kết quả {target} là hoặc chứa một kho git ({git})"
    if not (target / MARKER).is_file() and any(target.iterdir()):
        return (
            f"thư mục kết quả {target} không trống và không do niemyet tạo (thiếu tệp {MARKER}); "
            "nếu đó là kết quả của một phiên bản niemyet cũ, hãy xoá nó một lần rồi chạy lại, "
            "hoặc chọn một thư mục khác với --out"
        )
    return None


def guard_output(out: Path, data_root: Path) -> None:
    """Raise UnsafeOutput when niemyet must not replace ``out`` (see the module docstring)."""
    target, root = out.resolve(), data_root.resolve()
    reason = _refusal(target, root)
    if reason is not None:
        raise UnsafeOutput(f"{reason}. niemyet chỉ xoá hoặc thay thư mục do chính nó tạo ra; không ghi gì.")


@contextmanager
def output_folder(out: Path, data_root: Path) -> Iterator[Path]:
    """Yield a temporary folder that replaces ``out`` as a whole on success, marked as niemyet's.

    Guarded (:func:`guard_output`) and locked: a second run on the same output waits for this one.
    """
    guard_output(out, data_root)
    with folder_lock(out.resolve().parent / f".{out.resolve().name}.lock", f"thư mục kết quả {out}"):
        guard_output(out, data_root)  # the folder may have changed while this run waited
        with atomic_folder(out) as tmp:
            yield tmp
            (tmp / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
