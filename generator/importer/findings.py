"""What the importer reports, as Problems with catalogue codes, the same records ``check`` gives.

A written record is checked by ``check``'s own per-file checks (shape E1xx, W020-W023, ...), so an
import says of a file exactly what ``check`` will say of it, at the same lines. Only what ``check``
cannot see has a code of its own: a file left out (E160, E161), a row of the export left out (W030,
W031), a decision date dropped on re-import (W032).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from generator.checks.run import check_procedure
from generator.importer.blocks import ImportFailure
from generator.load import SourceFile, parse
from generator.problems import Problem, make
from generator.text.decisions import decision_number

# Warnings every freshly imported record has until the province adds them: counted in the summary
# rather than listed under each procedure (text output; JSON and GitHub output list them all).
ROUTINE = frozenset({"W020", "W021", "W025"})


def failure(exc: ImportFailure) -> Problem:
    """A file that cannot be imported (E160)."""
    return make("E160", exc.path, reason=exc.reason)


def file_problems(text: str, path: str, notes: Iterable[Problem] = ()) -> list[Problem]:
    """``check``'s problems of one catalogue file's text (its checks across files aside), and the
    importer's ``notes`` (made before the file was known) at the key they name; in file order."""
    doc = parse(text, path)
    problems = list(doc.problems) + check_procedure(doc)
    problems += [_at(note, doc) for note in notes]
    return sorted(set(problems), key=lambda p: (p.line, p.column, p.code, p.field, p.message))


def _at(note: Problem, doc: SourceFile) -> Problem:
    line, column = doc.key_at((note.field,)) if note.field in (doc.data or {}) else (0, 0)
    return dataclasses.replace(note, path=doc.path, line=line, column=column)


def _bare(number: Any) -> Any:
    return decision_number(number) if isinstance(number, str) else number


def decision_note(old: dict[str, Any] | None, merged: dict[str, Any]) -> list[Problem]:
    """W032 when the decision's number changed and the province had dated the old one."""
    before = (old or {}).get("decision")
    number = merged.get("decision", {}).get("number")
    if isinstance(before, dict) and before.get("date") and _bare(before.get("number")) != _bare(number):
        return [make("W032", "", (0, 0), "decision", old=before.get("number"), new=number)]
    return []
