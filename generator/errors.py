"""niemyet's one exception family and its exit codes, stated once.

Checks never raise: they yield Problem records. A command raises one of these only when it cannot
go on; ``generator.cli`` is the one door that turns them into a message and an exit code::

    NiemyetError            exit 3  (the base: something stopped the run)
    ├── UsageError          exit 3  bad arguments, a missing path, an unknown commune, a bad --since
    ├── BuildError          exit 3  a page, a sheet or an external step (MkDocs, Pagefind) failed
    │   ├── UnsafeOutput    exit 3  (generator.output.guard) an output folder niemyet did not write
    │   └── Busy            exit 3  (generator.output.lock) another run holds the lock on the same data or output
    └── DataError           exit 1  the data has errors; carries the problems to print

This module is the lowest layer: every other layer may raise these, and it imports nothing of niemyet's
(a DataError's problems are ``generator.problems.Problem`` records, typed here by what the door uses).
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any


class ExitCode(IntEnum):
    """What a niemyet process tells its caller (CI reads these)."""

    CLEAN = 0
    ERRORS = 1  # errors in the data
    STRICT = 2  # warnings under --strict (report: gaps under --strict)
    USAGE = 3  # usage or I/O failure, or a step that could not run
    INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT


class NiemyetError(Exception):
    """The base of every error a command raises on purpose; its message is Vietnamese and final."""

    exit_code: ExitCode = ExitCode.USAGE


class UsageError(NiemyetError):
    """The command cannot run as asked: a bad argument, a missing path, an unknown commune."""


class BuildError(NiemyetError):
    """Rendering or an external step failed; the message names the page, sheet or step."""


class DataError(NiemyetError):
    """The data has errors (as ``niemyet check`` reports them); nothing was written."""

    exit_code = ExitCode.ERRORS

    def __init__(self, problems: Sequence[Any], message: str = "") -> None:
        errors = sum(1 for p in problems if p.is_error)
        super().__init__(message or f"{errors} lỗi trong dữ liệu")
        self.problems = list(problems)
