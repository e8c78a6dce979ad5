"""Case files on disk drive the checker tests (check-jsonschema style).

A case is a folder under ``tests/cases/valid`` or ``tests/cases/invalid/<CODE>-<short-name>``.
Its data files are laid over a copy of ``tests/cases/base`` (same relative paths), so a case
holds only the files that differ. Beside them:

* ``expected.txt``: the exact text output of ``niemyet check`` (empty or absent for valid cases);
* ``case.yaml`` (optional) for what plain files cannot say: ``remove`` (base paths to delete,
  ``"*"`` for all), ``symlinks`` (``link: target``, target written as is), ``pad`` (``path: bytes``
  of comment appended, for the size limit) and ``root`` (check a sub-folder instead of the tree).

Set ``NIEMYET_UPDATE_CASES=1`` to rewrite ``expected.txt`` from the current output, then review
the diff: a case is only as good as the person who read its expected lines.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.checks.result import CheckResult, check
from generator.problems.formats import render
from tests.kit.paths import CASES

BASE = CASES / "base"
META_FILES = {"expected.txt", "case.yaml"}
OUTSIDE_NAME = "outside.yaml"
OUTSIDE_TEXT = "name: Một tệp nằm ngoài thư mục dữ liệu\n"


@dataclass(frozen=True)
class Case:
    folder: Path

    @property
    def name(self) -> str:
        return f"{self.folder.parent.name}/{self.folder.name}"

    @property
    def code(self) -> str:
        """The code an invalid case is about: ``E112-float-fee`` → ``E112``."""
        return self.folder.name.split("-", 1)[0]

    @property
    def expected_file(self) -> Path:
        return self.folder / "expected.txt"

    def expected(self) -> list[str]:
        if not self.expected_file.exists():
            return []
        return [line for line in self.expected_file.read_text(encoding="utf-8").splitlines() if line.strip()]

    def meta(self) -> dict[str, Any]:
        meta_file = self.folder / "case.yaml"
        if not meta_file.exists():
            return {}
        loaded = yaml.safe_load(meta_file.read_text(encoding="utf-8"))
        return loaded if isinstance(loaded, dict) else {}


def cases(kind: str) -> list[Case]:
    return [Case(p) for p in sorted((CASES / kind).iterdir()) if p.is_dir()]


def build_tree(case: Case, tmp: Path) -> Path:
    """Lay the case over a copy of the base in ``tmp/tree``; return the folder to check."""
    tree = tmp / "tree"
    shutil.copytree(BASE, tree, symlinks=True)
    (tmp / OUTSIDE_NAME).write_text(OUTSIDE_TEXT, encoding="utf-8")
    meta = case.meta()
    for rel in meta.get("remove", []):
        _remove(tree, rel)
    for source in sorted(case.folder.rglob("*")):
        rel_path = source.relative_to(case.folder)
        if source.is_file() and str(rel_path) not in META_FILES:
            target = tree / rel_path
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    for link, target in meta.get("symlinks", {}).items():
        (tree / link).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, tree / link)
    for rel, size in meta.get("pad", {}).items():
        with (tree / rel).open("a", encoding="utf-8") as fh:
            fh.write(("#" + "x" * 99 + "\n") * (int(size) // 100 + 1))
    return tree / meta.get("root", ".")


def _remove(tree: Path, rel: str) -> None:
    if rel == "*":
        for child in tree.iterdir():
            shutil.rmtree(child) if child.is_dir() else child.unlink()
        return
    target = tree / rel
    shutil.rmtree(target) if target.is_dir() else target.unlink()


def run_case(case: Case, tmp: Path) -> tuple[CheckResult, list[str]]:
    """Check a case's tree with paths shown relative to it; return the result and its text lines."""
    root = build_tree(case, tmp)
    result = check(root, base=root)
    lines = render(result.problems, "text").splitlines() if result.problems else []
    if os.environ.get("NIEMYET_UPDATE_CASES") and case.folder.parent.name == "invalid":
        case.expected_file.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return result, lines
