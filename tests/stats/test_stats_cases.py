"""Bad exports as case files: ``tests/cases/stats/<CODE>-<name>/`` holds ``export.csv`` and, under ``tinh-thu/``,
files laid over the test province (an edited province.yaml, an existing month file); ``expected.txt`` is the
exact text of the problems, located by file, row and column. An error case writes nothing; a warning case
imports. Set ``NIEMYET_UPDATE_CASES=1`` to rewrite expected.txt from the output, then review the diff."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from generator.errors import DataError
from generator.problems.formats import render
from generator.stats.run import import_statistics
from tests.kit.paths import CASES
from tests.kit.trees import tree_digest
from tests.stats.conftest import PROVINCE

STATS_CASES = sorted(p for p in (CASES / "stats").iterdir() if p.is_dir())


def _run(case: Path, tmp: Path) -> tuple[list[str], bool]:
    shutil.copytree(PROVINCE / "tinh-thu", tmp / "tinh-thu")
    for source in sorted(case.rglob("*")):
        if source.is_file() and source.name != "expected.txt":
            target = tmp / source.relative_to(case)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    before = tree_digest(tmp / "tinh-thu")
    cwd = Path.cwd()
    os.chdir(tmp)
    try:
        summary = import_statistics([Path("export.csv")], Path("tinh-thu"), as_of=dt.date(2026, 2, 28))
        problems, failed = summary.warnings, False
    except DataError as exc:
        problems, failed = exc.problems, True
    finally:
        os.chdir(cwd)
    if failed:
        assert tree_digest(tmp / "tinh-thu") == before, "an import that failed wrote something"
    return render(problems).splitlines(), failed


@pytest.mark.parametrize("case", STATS_CASES, ids=[c.name for c in STATS_CASES])
def test_stats_case(case: Path, tmp_path: Path) -> None:
    lines, failed = _run(case, tmp_path)
    expected_file = case / "expected.txt"
    if os.environ.get("NIEMYET_UPDATE_CASES"):
        expected_file.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    code = case.name.split("-", 1)[0]
    assert lines == expected_file.read_text(encoding="utf-8").splitlines()
    assert any(f" {code} " in line for line in lines), f"{case.name} does not give {code}"
    assert failed == code.startswith("E")
