"""Concurrent and interrupted runs lose nothing (issue 19, item 5).

Two imports into one province: the second waits for the first, and both files' codes end in the
commune file. An import killed mid-run (SIGKILL): the next one is not blocked, removes what it left,
and git never sees a scratch file. A second run on a locked output folder waits, then refuses.
"""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import generator.output.lock as lock
from generator.cli import main
from generator.output.guard import MARKER
from generator.output.lock import folder_lock
from tests.kit.exports import Export, write_docx
from tests.kit.git import ScriptedRepo
from tests.kit.paths import SAMPLE

COMMUNE = "xa-cam-lam"
WAITING = "đang đợi một lần chạy khác ghi xong thư mục tỉnh"


# An import that SIGKILLs itself at its tenth file write, between writing the file and renaming it in
KILLED_AT_TENTH_WRITE = """
import os, signal, sys
import generator.output.atomic as atomic
from generator.cli import main
calls, replace = [], os.replace
def dying(src, dst):
    calls.append(dst)
    if len(calls) == 10:
        os.kill(os.getpid(), signal.SIGKILL)
    replace(src, dst)
atomic.os.replace = dying
main(["import", sys.argv[1], "--province", sys.argv[2], "--commune", "xa-cam-lam"])
"""


def _exports(folder: Path, first: int, count: int) -> set[str]:
    folder.mkdir()
    codes = {f"1.9{first + i:05d}" for i in range(count)}
    for code in sorted(codes):
        write_docx(Export(code=code, name=f"Thủ tục {code}"), folder)
    return codes


def _import(source: Path, province: Path, err: Path) -> subprocess.Popen[bytes]:
    args = [sys.executable, "-m", "generator", "import", str(source), "--province", str(province)]
    with err.open("wb") as sink:
        return subprocess.Popen([*args, "--commune", COMMUNE], stdout=subprocess.DEVNULL, stderr=sink)


def _listed(province: Path) -> set[str]:
    text = (province / "communes" / f"{COMMUNE}.yaml").read_text(encoding="utf-8")
    return set(re.findall(r'code: "(1\.9\d{5})"', text))


def _wait_for(condition: Callable[[], bool], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not condition():
        time.sleep(0.1)


def test_two_imports_into_one_province_both_land(tmp_path: Path) -> None:
    repo = ScriptedRepo(tmp_path / "office")
    repo.git("add", "-A")
    repo.git("commit", "-q", "-m", "dữ liệu")
    province = repo.root / "khanh-hoa"
    first, second = _exports(tmp_path / "a", 0, 30), _exports(tmp_path / "b", 100, 30)
    errs = [tmp_path / "a.err", tmp_path / "b.err"]
    with folder_lock(province, "thử"):  # both start while the province is busy, then race for it
        runs = [_import(tmp_path / "a", province, errs[0]), _import(tmp_path / "b", province, errs[1])]
        _wait_for(lambda: all(WAITING in e.read_text("utf-8") for e in errs))
        assert [r.poll() for r in runs] == [None, None], "an import ran while the province was locked"
    codes = [r.wait(timeout=180) for r in runs]
    assert codes == [0, 0], [e.read_text("utf-8") for e in errs]
    assert _listed(province) == first | second
    assert {p.stem for p in (province / "catalogue").glob("1.9*.yaml")} == first | second
    status = repo.git("status", "--porcelain", "--untracked-files=all").splitlines()
    assert sorted(line[3:] for line in status if not line.startswith("??")) == [
        f"procedures/khanh-hoa/communes/{COMMUNE}.yaml"
    ]
    assert all(line.startswith("?? procedures/khanh-hoa/catalogue/1.9") for line in status if "??" in line)


def test_a_killed_import_is_cleaned_up_and_never_seen_by_git(tmp_path: Path) -> None:
    repo = ScriptedRepo(tmp_path / "office")
    repo.git("add", "-A")
    repo.git("commit", "-q", "-m", "dữ liệu")
    province = repo.root / "khanh-hoa"
    catalogue = province / "catalogue"
    codes = _exports(tmp_path / "a", 0, 60)
    old_style = catalogue / ".1.001193.yaml.tmp-k3j2"  # what a killed import of earlier versions left
    old_style.write_text("code: nửa chừng", encoding="utf-8")
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_AT_TENTH_WRITE, str(tmp_path / "a"), str(province)], capture_output=True
    )
    assert killed.returncode == -signal.SIGKILL
    left = list(catalogue.glob(".niemyet-tmp-*"))
    assert len(left) == 1 and (left[0] / ".gitignore").is_file()  # its tenth file, written, never renamed
    assert len(list(catalogue.glob("1.9*.yaml"))) == 9 and not _listed(province)
    status = repo.git("status", "--porcelain", "--untracked-files=all")
    assert ".niemyet-tmp" not in status  # ignored by git while it waits for the next run

    again = subprocess.run(
        [sys.executable, "-m", "generator", "import", str(tmp_path / "a"), "--province", str(province)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert again.returncode == 0, again.stderr
    assert WAITING not in again.stderr  # the killed run's lock died with it
    assert not list(catalogue.glob(".*")) and not list(province.glob(".niemyet-tmp-*"))
    assert {p.stem for p in catalogue.glob("1.9*.yaml")} == codes
    assert main(["check", str(repo.root)]) == 0


def test_a_second_run_on_a_locked_output_waits_then_refuses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / MARKER).write_text("")
    (out / "index.html").write_text("trước")
    monkeypatch.setattr(lock, "WAIT_SECONDS", 0.5)
    with folder_lock(tmp_path / ".site.lock", "thử"):
        assert main(["posters", str(SAMPLE), "--out", str(out)]) == 3
    err = capsys.readouterr().err
    assert "đang đợi một lần chạy khác ghi xong thư mục kết quả" in err
    assert "một lần chạy niemyet khác đang ghi vào thư mục kết quả" in err
    assert (out / "index.html").read_text() == "trước"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # the lock file goes with its lock
