"""The Problem record: code, severity, message, file, line, column, field path."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.problems.catalogue import CATALOGUE, Severity


@dataclass(frozen=True, order=True)
class Problem:
    """A located finding. Lines and columns are 1-based; 0 means "the whole file"."""

    path: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str
    field: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "field": self.field,
        }


def make(
    code: str,
    path: str,
    position: tuple[int, int] = (0, 0),
    field: str = "",
    /,
    **params: Any,
) -> Problem:
    """Build a Problem from a catalogue code; the message comes from the code's template."""
    entry = CATALOGUE[code]
    return Problem(
        path=path,
        line=position[0],
        column=position[1],
        code=code,
        severity=entry.severity,
        message=entry.message.format(**params),
        field=field,
    )
