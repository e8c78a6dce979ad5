"""A build or poster run killed mid-way (SIGKILL) leaves the previous output complete and readable,
and the next run cleans up what the killed one left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.output.atomic import atomic_folder
from generator.synth.province import synthesize
from tests.kit.paths import SAMPLE
from tests.kit.trees import tree_digest


def _niemyet(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "generator", *map(str, args)]


def _kill_while_writing(args: list[str], out: Path, min_files: int) -> None:
    """Start a run, wait until it has written ``min_files`` into its temporary folder, SIGKILL it."""
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            temps = list(out.parent.glob(f".{out.name}.tmp-*"))
            if temps and sum(1 for p in temps[0].rglob("*") if p.is_file()) >= min_files:
                break
            time.sleep(0.05)
        assert proc.poll() is None, "the run ended before it could be killed mid-way"
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("synth")
    synthesize(root, communes=12, procedures=60, seed=3)
    return root


@pytest.mark.parametrize(("command", "min_files"), [("build", 40), ("posters", 3)])
def test_killed_run_leaves_previous_output(command: str, min_files: int, big: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)  # the output beside a git repository's files
    (tmp_path / ".git" / "info" / "exclude").write_text("/out/\n")
    subprocess.run(_niemyet(command, SAMPLE, "--out", out), check=True, capture_output=True)
    before = tree_digest(out)
    assert len(before) > 5

    _kill_while_writing(_niemyet(command, big, "--out", out), out, min_files)

    assert tree_digest(out) == before  # complete and unchanged
    assert list(tmp_path.glob(".out.tmp-*")), "the killed run should have been writing beside the output"
    status = subprocess.run(
        ["git", "-C", tmp_path, "status", "--porcelain", "--untracked-files=all"], capture_output=True
    )
    assert b".out.tmp-" not in status.stdout  # its scratch folder holds a .gitignore of *
    subprocess.run(_niemyet(command, SAMPLE, "--out", out), check=True, capture_output=True)
    assert tree_digest(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".git", "out"]  # leftovers cleaned by the next run


def test_run_killed_between_the_two_renames_is_restored(tmp_path: Path) -> None:
    target = tmp_path / "site"
    target.mkdir()
    (target / "index.html").write_text("cũ", encoding="utf-8")
    target.rename(tmp_path / ".site.old-abc")  # the state right after the first rename
    with atomic_folder(target) as tmp:
        assert (target / "index.html").read_text(encoding="utf-8") == "cũ"  # restored before writing
        (tmp / "index.html").write_text("mới", encoding="utf-8")
    assert (target / "index.html").read_text(encoding="utf-8") == "mới"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
