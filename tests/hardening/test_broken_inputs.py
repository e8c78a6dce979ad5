"""Every broken input: exit 1, the file named (with its line where there is one), no traceback,
and nothing written — the previous site or poster set stays exactly as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.output.guard import MARKER
from tests.kit.cases import Case, build_tree, cases
from tests.kit.problems import assert_problems, located
from tests.kit.trees import tree_digest

BROKEN = [c for c in cases("invalid") if any(" error " in line for line in c.expected())]


def test_corpus_is_large_enough() -> None:
    assert len(BROKEN) >= 40


@pytest.mark.parametrize("command", ["build", "posters"])
@pytest.mark.parametrize("case", BROKEN, ids=lambda c: c.name)
def test_broken_input_writes_nothing(
    case: Case, command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = build_tree(case, tmp_path)
    monkeypatch.chdir(root)
    previous = tmp_path / "out"
    previous.mkdir()
    (previous / "index.html").write_text("bản cũ", encoding="utf-8")
    (previous / MARKER).write_text("", encoding="utf-8")  # an earlier output of niemyet's
    before = tree_digest(previous)

    code = main([command, str(root), "--out", str(previous)])

    out, err = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in out + err
    assert_problems(out, located("\n".join(case.expected())))  # each file, with line and column where there is one
    assert tree_digest(previous) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out")) == []
