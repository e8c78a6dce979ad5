"""Talking to git: a fixed, small number of processes per run, never one per file or per commit.

Everything here returns ``None`` (or an empty result) when there is no usable history: git missing, not a
repository, or a shallow clone (whose oldest commit would claim to have added every file). Callers treat that
as "no history available", never as an error.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

_ENV = {"LC_ALL": "C", "GIT_OPTIONAL_LOCKS": "0", "GIT_CONFIG_NOSYSTEM": "1"}


@dataclass(frozen=True)
class Repo:
    """Where ``root`` sits in its repository: ``prefix`` is root's path from the top level ("" or "a/b/")."""

    root: Path
    prefix: str


def run_git(root: Path, args: list[str], stdin: bytes | None = None) -> bytes | None:
    """Run ``git -C root args``; its stdout, or None when git is missing or fails."""
    env = {**os.environ, **_ENV}
    env.pop("GIT_DIR", None)
    env.pop("GIT_WORK_TREE", None)
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotepath=off", "-C", str(root), *args],
            input=stdin,
            capture_output=True,
            env=env,
            check=False,
        )
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None


def probe(root: Path) -> Repo | None:
    """The repository holding ``root``, or None when there is none or it is a shallow clone."""
    if not root.is_dir():
        return None
    out = run_git(root, ["rev-parse", "--is-shallow-repository", "--show-prefix"])
    if out is None:
        return None
    lines = out.decode("utf-8", "surrogateescape").split("\n")
    if len(lines) < 2 or lines[0] != "false":
        return None
    return Repo(root=root, prefix=lines[1])


def decode_path(raw: bytes) -> str:
    """A path as git printed it (``core.quotepath=off``, ``-z``): raw UTF-8 bytes."""
    return raw.decode("utf-8", "surrogateescape")


def last_changed(root: Path) -> dict[str, dt.date]:
    """Each file under ``root`` (POSIX path relative to ``root``) → date of the last commit that touched it.

    The date is the committer date of that commit (in the committer's time zone), so it is reproducible from
    the repository alone. One ``git log`` over the whole tree (after a ``rev-parse`` probe); ``{}`` without git,
    outside a repository or in a shallow clone. Only files that exist under ``root`` now are listed.
    """
    if probe(root) is None:
        return {}
    out = run_git(root, ["log", "-z", "--format=%x01%cs", "--name-only", "--relative", "--diff-filter=d", "--", "."])
    if out is None:
        return {}
    dates: dict[str, dt.date] = {}
    for record in out.split(b"\x01")[1:]:
        head, _, names = record.partition(b"\0")
        day = dt.date.fromisoformat(head.decode("ascii"))
        for raw in names.lstrip(b"\n").split(b"\0"):
            if raw:
                path = decode_path(raw)
                if path not in dates or dates[path] < day:
                    dates[path] = day
    return {path: day for path, day in dates.items() if (root / path).is_file()}
