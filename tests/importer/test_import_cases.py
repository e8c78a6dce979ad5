"""Every folder under tests/cases/import runs through ``niemyet import``; its expected.txt is the output.

A case is ``tests/cases/import/<CODE>-<short-name>/``: its files are laid over a copy of
``tests/cases/base`` as a check case's are (a catalogue file there is what a re-import finds on
disk); ``exports.yaml`` lists the exports to build (``exportkit.Export`` fields, plus ``file`` for
the name), written into ``sources/`` beside any file the case keeps there as is. The import runs
from the tree's folder (paths relative to it) into ``tinh-mau``; ``expected.txt`` holds every
problem in text form. ``NIEMYET_UPDATE_CASES=1`` rewrites it; review the diff.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.importer.run import import_exports
from generator.problems import CATALOGUE
from generator.problems.formats import render
from tests.kit.exports import Export, docx_bytes
from tests.kit.paths import CASES

FOLDERS = sorted(p for p in (CASES / "import").iterdir() if p.is_dir())
META = {"exports.yaml", "expected.txt"}


def _export(entry: dict[str, Any]) -> tuple[str, Export]:
    fields = {k: [tuple(v) for v in value] if isinstance(value, list) else value for k, value in entry.items()}
    name = str(fields.pop("file", f"ChiTietTTHC_{fields.get('code', Export.code)}.doc"))
    return name, Export(**fields)


def _tree(case: Path, tmp: Path) -> Path:
    tree = tmp / "tree"
    shutil.copytree(CASES / "base", tree)
    (tree / "sources").mkdir()
    for source in sorted(case.rglob("*")):
        rel = source.relative_to(case)
        if source.is_file() and str(rel) not in META:
            (tree / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, tree / rel)
    exports = case / "exports.yaml"
    for entry in yaml.safe_load(exports.read_text("utf-8")) if exports.exists() else []:
        name, export = _export(entry)
        (tree / "sources" / name).write_bytes(docx_bytes(export))
    return tree


@pytest.mark.parametrize("case", FOLDERS, ids=[p.name for p in FOLDERS])
def test_import_case_gives_expected_problems(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(_tree(case, tmp_path))
    report = import_exports([Path("sources")], Path("tinh-mau"), [])
    lines = render(report.problems).splitlines()
    expected = case / "expected.txt"
    if os.environ.get("NIEMYET_UPDATE_CASES"):
        expected.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    assert lines == expected.read_text("utf-8").splitlines(), f"{case.name}: output differs from expected.txt"
    code = case.name.split("-", 1)[0]
    assert code in CATALOGUE and code in {p.code for p in report.problems}, f"{case.name} does not give {code}"
