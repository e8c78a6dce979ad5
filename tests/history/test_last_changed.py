"""last_changed: the date of the last commit that touched each data file, from one git log."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.history import last_changed
from tests.kit.git import ScriptedRepo

COMMUNE = "khanh-hoa/communes/xa-cam-lam.yaml"
PROCEDURE = "khanh-hoa/catalogue/1.001193.yaml"


def _edited_and_renamed(tmp_path: Path, *more: str) -> ScriptedRepo:
    """Three commits: the sample, an edit of a commune, a renamed record (and ``more`` files removed)."""
    repo = ScriptedRepo(tmp_path / "data")
    repo.commit("Dữ liệu ban đầu", "2025-07-01T09:00:00+07:00")
    repo.edit(COMMUNE, "procedures:", "procedures:  # sửa")
    repo.commit("Sửa xã Cam Lâm", "2025-08-15T23:30:00+07:00")
    repo.git("mv", "procedures/khanh-hoa/catalogue/2.000815.yaml", "procedures/khanh-hoa/catalogue/moved.yaml")
    for path in more:
        repo.git("rm", "-q", path)
    repo.commit("Đổi tên", "2025-09-02T08:00:00+07:00")
    return repo


def test_dates_follow_commits_and_renames(tmp_path: Path) -> None:
    repo = _edited_and_renamed(tmp_path)

    dates = last_changed(repo.root)

    assert dates[COMMUNE] == dt.date(2025, 8, 15)  # committer's own date, not shifted to UTC
    assert dates[PROCEDURE] == dt.date(2025, 7, 1)
    assert dates["khanh-hoa/catalogue/moved.yaml"] == dt.date(2025, 9, 2)
    assert "khanh-hoa/catalogue/2.000815.yaml" not in dates  # gone from the tree
    assert set(dates) == {p.relative_to(repo.root).as_posix() for p in repo.root.rglob("*") if p.is_file()}


def test_no_repository_or_shallow_clone_gives_nothing(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    assert last_changed(plain) == {}
    assert last_changed(tmp_path / "missing") == {}

    repo = ScriptedRepo(tmp_path / "data")
    repo.commit("một", "2025-07-01T09:00:00+07:00")
    repo.edit(COMMUNE, "procedures:", "procedures:  # sửa")
    repo.commit("hai", "2025-07-02T09:00:00+07:00")
    clone = tmp_path / "shallow"
    repo.git("clone", "-q", "--depth", "1", f"file://{repo.top}", str(clone))
    assert last_changed(clone / "procedures") == {}


def test_a_build_takes_the_same_dates_from_the_history_it_reads(tmp_path: Path) -> None:
    """``niemyet build`` reads the log once: ``History.dates`` is what ``last_changed`` gives."""
    from generator.history.walk import read_history

    repo = _edited_and_renamed(tmp_path, "procedures/khanh-hoa/catalogue/1.000656.yaml")
    # Reference: git's own answer, newest first, deleted files left out, files still there only.
    inside = repo.root.relative_to(repo.top).as_posix()
    log = repo.git("-C", inside, "log", "--format=%x01%cs", "--name-only", "--relative", "--diff-filter=d", "--", ".")
    expected: dict[str, dt.date] = {}
    for record in log.split("\x01")[1:]:
        day, *names = record.strip().split("\n")
        for name in names:
            if name and (repo.root / name).is_file():
                expected.setdefault(name, dt.date.fromisoformat(day))
    assert read_history(repo.root).dates == last_changed(repo.root) == expected != {}
