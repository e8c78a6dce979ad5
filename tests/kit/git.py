"""Scripted temporary git repositories with fixed dates, for the history tests."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.kit.paths import SAMPLE


class ScriptedRepo:
    """A git repository in ``top`` whose data root is ``top/procedures``; each commit gets the date it is given."""

    def __init__(self, top: Path, *, copy_sample: bool = True) -> None:
        self.top = top
        self.root = top / "procedures"
        top.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")
        self.git("config", "user.name", "Sở Tư pháp")
        self.git("config", "user.email", "tttt@example.vn")
        self.git("config", "commit.gpgsign", "false")
        if copy_sample:
            shutil.copytree(SAMPLE, self.root)

    def git(self, *args: str, date: str = "2025-07-01T09:00:00+07:00") -> str:
        env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
        env.pop("GIT_DIR", None)
        done = subprocess.run(["git", "-C", str(self.top), *args], env=env, capture_output=True, check=True)
        return done.stdout.decode()

    def path(self, rel: str) -> Path:
        return self.root / rel

    def edit(self, rel: str, old: str, new: str) -> None:
        """Replace exactly one occurrence of ``old`` in a data file."""
        text = self.path(rel).read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {rel}"
        self.path(rel).write_text(text.replace(old, new), encoding="utf-8")

    def commit(self, message: str, date: str) -> str:
        """Commit everything at ``date`` (ISO 8601); the new commit's id."""
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message, date=date)
        return self.git("rev-parse", "HEAD").strip()
