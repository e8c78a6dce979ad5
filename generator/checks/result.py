"""``niemyet check``: load a tree, run every check, decide the exit code."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.checks.run import check_tree
from generator.errors import ExitCode
from generator.load.tree import Tree, load_tree
from generator.problems import Problem


@dataclass
class CheckResult:
    tree: Tree
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    def exit_code(self, strict: bool = False) -> ExitCode:
        if self.errors:
            return ExitCode.ERRORS
        if strict and self.problems:
            return ExitCode.STRICT
        return ExitCode.CLEAN


def check(root: Path, base: Path | None = None) -> CheckResult:
    """Load and check everything under ``root``; never raises for bad data."""
    tree = load_tree(root, base)
    return CheckResult(tree=tree, problems=check_tree(tree))
