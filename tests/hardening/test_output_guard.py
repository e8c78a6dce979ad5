"""niemyet deletes or replaces only what it wrote (issue 19, item 1).

The six choices of ``--out`` that used to destroy data, each run in a git repository of the data:
refused with exit 3 and a Vietnamese message, nothing written or removed. Then what stays allowed:
an absent or empty folder, and niemyet's own earlier output (it carries the marker), replaced whole.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from generator.cli import main
from generator.output.guard import MARKER, UnsafeOutput, guard_output, output_folder
from tests.kit.git import ScriptedRepo
from tests.kit.trees import tree_digest


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ScriptedRepo:
    """A git repository of the data with a person's own file in notes/, committed; the current folder."""
    repo = ScriptedRepo(tmp_path / "office")
    (repo.top / "notes").mkdir()
    (repo.top / "notes" / "ghi-chu.txt").write_text("của tôi", encoding="utf-8")
    repo.git("add", "-A")
    repo.git("commit", "-q", "-m", "dữ liệu")
    monkeypatch.chdir(repo.top)
    return repo


REFUSED = [
    (["build", "procedures", "--out", "."], "là hoặc chứa thư mục dữ liệu"),
    (["build", "procedures", "--out", "procedures/khanh-hoa"], "nằm trong thư mục dữ liệu"),
    (["build", "procedures", "--out", "procedures"], "là hoặc chứa thư mục dữ liệu"),
    (["posters", "procedures", "--out", "procedures"], "là hoặc chứa thư mục dữ liệu"),
    (["build", "procedures", "--out", "notes"], "không trống và không do niemyet tạo"),
    (["posters", "procedures", "--out", "notes"], "không trống và không do niemyet tạo"),
    (["posters", "procedures", "--since", "HEAD", "--out", "notes"], "không trống và không do niemyet tạo"),
]


@pytest.mark.parametrize(("argv", "reason"), REFUSED, ids=[" ".join(a) for a, _ in REFUSED])
def test_an_output_niemyet_did_not_write_is_refused(
    repo: ScriptedRepo, capsys: pytest.CaptureFixture[str], argv: list[str], reason: str
) -> None:
    before = tree_digest(repo.top)
    assert main([*argv, *(["--no-search"] if argv[0] == "build" else [])]) == 3
    err = capsys.readouterr().err
    assert reason in err and "niemyet chỉ xoá hoặc thay thư mục do chính nó tạo ra" in err
    assert tree_digest(repo.top) == before  # .git, the data and the person's file untouched
    assert repo.git("status", "--porcelain") == ""


def _refusal(out: Path, root: Path) -> str:
    with pytest.raises(UnsafeOutput) as caught:
        guard_output(out, root)
    return str(caught.value)


def test_a_git_work_tree_is_refused_even_empty_or_nested(tmp_path: Path) -> None:
    root = tmp_path / "procedures"
    root.mkdir()
    subprocess.run(["git", "init", "-q", str(tmp_path / "repo")], check=True)
    assert "kho git" in _refusal(tmp_path / "repo", root)
    (tmp_path / "out" / "deep").mkdir(parents=True)
    (tmp_path / "out" / MARKER).write_text("")
    (tmp_path / "out" / "deep" / ".git").write_text("gitdir: /elsewhere\n")  # a linked work tree
    assert "kho git" in _refusal(tmp_path / "out", root)


def test_a_file_the_current_folder_and_a_symlink_into_the_data_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "procedures"
    (root / "khanh-hoa").mkdir(parents=True)
    (tmp_path / "a-file").write_text("x")
    assert "là một tệp" in _refusal(tmp_path / "a-file", root)
    (tmp_path / "link").symlink_to(root / "khanh-hoa")
    assert "nằm trong thư mục dữ liệu" in _refusal(tmp_path / "link", root)
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    assert "thư mục đang làm việc" in _refusal(Path("."), root)


def test_an_absent_or_empty_folder_is_written_and_marked(tmp_path: Path) -> None:
    root = tmp_path / "procedures"
    root.mkdir()
    (tmp_path / "empty").mkdir()
    for out in (tmp_path / "absent" / "site", tmp_path / "empty"):
        with output_folder(out, root) as tmp:
            (tmp / "index.html").write_text("mới")
        assert sorted(p.name for p in out.iterdir()) == [MARKER, "index.html"]


def test_its_own_earlier_output_is_replaced_whole(repo: ScriptedRepo) -> None:
    assert main(["build", "procedures", "--out", "site", "--no-search"]) == 0
    assert (repo.top / "site" / MARKER).is_file()
    (repo.top / "site" / "left-over.html").write_text("cũ")
    assert main(["build", "procedures", "--out", "site", "--no-search"]) == 0
    assert not (repo.top / "site" / "left-over.html").exists()
    assert (repo.top / "site" / "index.html").is_file() and (repo.top / "site" / MARKER).is_file()
    assert main(["posters", "procedures", "--out", "site"]) == 0  # a niemyet output of another kind: also its own
    assert sorted(p.name for p in (repo.top / "site").iterdir()) == [MARKER, "khanh-hoa"]
    assert sorted(p.name for p in repo.top.iterdir()) == [".git", "notes", "procedures", "site"]


def test_an_output_from_before_the_marker_is_refused_once(
    repo: ScriptedRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    """Decision: an old site/ is not recognised by its contents (a person's copy of a site looks the same);
    the message asks to remove it once, and the run after that writes and marks it."""
    old = repo.top / "site"
    old.mkdir()
    (old / "index.html").write_text("<html>cũ</html>")
    (old / "sitemap.xml").write_text("<urlset/>")
    assert main(["build", "procedures", "--out", "site", "--no-search"]) == 3
    assert "phiên bản niemyet cũ, hãy xoá nó một lần" in capsys.readouterr().err
    assert (old / "index.html").read_text() == "<html>cũ</html>"
    for item in old.iterdir():
        item.unlink()
    assert main(["build", "procedures", "--out", "site", "--no-search"]) == 0
    assert (old / MARKER).is_file()
