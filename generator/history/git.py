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


@dataclass(frozen=True)
class FileChange:
    """One line of ``git log --raw``: status letter, blob ids (zeros for a missing side), paths."""

    status: str  # A, M, D, R (rename), C, T
    old_blob: str
    new_blob: str
    old_path: str
    new_path: str


@dataclass(frozen=True)
class Commit:
    sha: str
    date: dt.date
    files: tuple[FileChange, ...]


NULL_BLOB = "0" * 40


def _raw_entries(fields: list[bytes]) -> list[FileChange]:
    out: list[FileChange] = []
    i = 0
    while i < len(fields):
        meta = fields[i].lstrip(b"\n").decode("ascii").split()
        if len(meta) < 5:
            break
        status = meta[4][0]
        two = status in "RC"
        old_path = decode_path(fields[i + 1])
        new_path = decode_path(fields[i + 2]) if two else old_path
        out.append(FileChange(status, meta[2], meta[3], old_path, new_path))
        i += 3 if two else 2
    return out


def log_raw(root: Path) -> list[Commit]:
    """Every commit touching ``root`` (newest first) with its file changes, paths relative to ``root``;
    renames detected. One ``git log`` process."""
    args = ["log", "-z", "--raw", "--no-abbrev", "-M", "--no-merges", "--format=%x01%H%x00%cs", "--relative", "--"]
    out = run_git(root, [*args, "."])
    if not out:
        return []
    commits = []
    for record in out.split(b"\x01")[1:]:
        fields = record.split(b"\0")
        sha, day = fields[0].decode("ascii"), dt.date.fromisoformat(fields[1].decode("ascii"))
        commits.append(Commit(sha, day, tuple(_raw_entries([f for f in fields[2:] if f.strip(b"\n")]))))
    return commits


def cat_blobs(root: Path, blobs: list[str]) -> dict[str, bytes]:
    """The contents of many blobs from one ``git cat-file --batch`` process."""
    if not blobs:
        return {}
    out = run_git(root, ["cat-file", "--batch"], ("\n".join(blobs) + "\n").encode("ascii"))
    found: dict[str, bytes] = {}
    pos = 0
    while out and pos < len(out):
        end = out.index(b"\n", pos)
        header = out[pos:end].split()
        if len(header) < 3 or header[1] == b"missing":
            pos = end + 1
            continue
        size = int(header[2])
        found[header[0].decode("ascii")] = out[end + 1 : end + 1 + size]
        pos = end + 1 + size + 1
    return found


def tree_blobs(root: Path, commit: str) -> dict[str, str]:
    """Path (relative to ``root``) → blob id, for the tree of ``commit`` under ``root``."""
    out = run_git(root, ["ls-tree", "-r", "-z", commit, "--", "."]) or b""
    blobs = {}
    for line in out.split(b"\0"):
        meta, _, path = line.partition(b"\t")
        parts = meta.split()
        if len(parts) == 3 and parts[1] == b"blob":
            blobs[decode_path(path)] = parts[2].decode("ascii")
    return blobs


def hash_files(root: Path, paths: list[str]) -> dict[str, str]:
    """Path → blob id of the file as it is on disk now (one ``git hash-object`` process)."""
    if not paths:
        return {}
    listed = "\n".join(str(root.resolve() / p) for p in paths)  # git reads these from the top level, not root
    out = run_git(
        root, ["hash-object", "--no-filters", "--stdin-paths"], listed.encode("utf-8", "surrogateescape") + b"\n"
    )
    ids = (out or b"").decode("ascii").split()
    return dict(zip(paths, ids, strict=False)) if len(ids) == len(paths) else {}


def commit_before(root: Path, day: dt.date) -> str | None:
    """The newest commit (first-parent line of HEAD) dated before ``day``; None when there is none."""
    out = run_git(root, ["log", "-z", "--first-parent", "--format=%H%x00%cs", "HEAD"]) or b""
    fields = out.split(b"\0")
    for sha, cs in zip(fields[0::2], fields[1::2], strict=False):
        if dt.date.fromisoformat(cs.strip(b"\n").decode("ascii")) < day:
            return sha.strip(b"\n").decode("ascii")
    return None


def resolve_commit(root: Path, ref: str) -> str | None:
    out = run_git(root, ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"])
    return out.decode("ascii").strip() if out else None


def renamed_since(root: Path, commit: str) -> dict[str, str]:
    """Old path → new path (relative to ``root``) for files renamed between ``commit`` and the work tree."""
    out = run_git(root, ["diff", "-z", "--raw", "--no-abbrev", "-M", "--relative", commit, "--", "."]) or b""
    entries = _raw_entries([f for f in out.split(b"\0") if f.strip(b"\n")])
    return {f.old_path: f.new_path for f in entries if f.status == "R"}


def last_changed(root: Path) -> dict[str, dt.date]:
    """Each file under ``root`` (POSIX path relative to ``root``) → date of the last commit that touched it.

    The date is the committer date of that commit (in the committer's time zone), so it is reproducible from
    the repository alone. One ``git log`` over the whole tree (after a ``rev-parse`` probe); ``{}`` without git,
    outside a repository or in a shallow clone. Only files that exist under ``root`` now are listed. A build
    that reads the history anyway takes the same dates from it (``History.dates``).
    """
    return dates_from(log_raw(root), root) if probe(root) is not None else {}


def dates_from(commits: list[Commit], root: Path) -> dict[str, dt.date]:
    """``last_changed`` from commits already read: a file's newest commit in which it was not deleted (a
    renamed file counts under its new path), for the files that exist under ``root`` now."""
    dates: dict[str, dt.date] = {}
    for commit in commits:
        for change in commit.files:
            if change.status != "D" and dates.get(change.new_path, dt.date.min) < commit.date:
                dates[change.new_path] = commit.date
    return {path: day for path, day in dates.items() if (root / path).is_file()}
