"""The shared front of every command: load → check → stop on errors → build the model."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.checks.result import CheckResult, check
from generator.errors import DataError
from generator.model.build import build_province
from generator.model.types import ProvinceData


class DataHasErrors(DataError):
    """A command that renders was asked to run on data that ``check`` rejects."""

    def __init__(self, result: CheckResult) -> None:
        super().__init__(result.problems)
        self.result = result


@dataclass
class Loaded:
    result: CheckResult
    provinces: list[ProvinceData]


def load_checked(root: Path, base: Path | None = None, tolerate: frozenset[str] = frozenset()) -> Loaded:
    """Check ``root``; raise DataHasErrors if anything is wrong (errors whose code is in ``tolerate``
    aside), else return the model."""
    result = check(root, base)
    if any(p.code not in tolerate for p in result.errors):
        raise DataHasErrors(result)
    return Loaded(result=result, provinces=[build_province(src) for src in result.tree.provinces])
