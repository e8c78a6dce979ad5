"""Assert problems by exact code and position, from Problem records or from ``check``'s text output.

``assert_problems(found, [("E112", 18, 17)])`` says: exactly these problems, by (code, line, column);
``[("E112", "catalogue/1.001193.yaml", 18, 17)]`` names the file too (its tail is enough). ``found`` is
Problems or text whose problem lines read ``path:line:column: error E112 message (field)`` (a problem
about a whole file reads ``path: error E001 ...``); other lines of the text are ignored.
``codes(found)`` is the set of codes, for tests that assert only which codes occur.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.problems import Problem

Found = str | Iterable[Problem]
_LINE = re.compile(r"^(?P<path>.+?)(?::(?P<line>\d+):(?P<column>\d+))?: (?:error|warning) (?P<code>[EW]\d{3}) ", re.M)


def located(found: Found) -> list[tuple[str, str, int, int]]:
    """Every problem as (code, file, line, column), sorted."""
    if isinstance(found, str):
        return sorted((m["code"], m["path"], int(m["line"] or 0), int(m["column"] or 0)) for m in _LINE.finditer(found))
    return sorted((p.code, p.path, p.line, p.column) for p in found)


def codes(found: Found) -> set[str]:
    """The codes of the problems found."""
    return {code for code, *_ in located(found)}


def _same_file(actual: str, wanted: str) -> bool:
    return actual == wanted or actual.endswith("/" + wanted)


def assert_problems(found: Found, expected: Iterable[tuple[str, int, int] | tuple[str, str, int, int]]) -> None:
    """Exactly these problems, by (code, line, column) or by (code, file, line, column); see the module."""
    actual = located(found)
    wanted = list(expected)
    assert len({len(w) for w in wanted}) <= 1, f"give every expected problem with its file, or none: {wanted}"
    wanted.sort()
    if all(len(w) == 3 for w in wanted):
        shown: list[tuple[str, int, int]] | list[tuple[str, str, int, int]] = [(c, ln, col) for c, _, ln, col in actual]
        matched = sorted(shown) == wanted
    else:
        shown = actual
        matched = len(actual) == len(wanted) and all(
            a[0] == w[0] and _same_file(a[1], str(w[1])) and a[2:] == w[2:] for a, w in zip(actual, wanted, strict=True)
        )
    assert matched, f"problems differ:\n  actual:   {shown}\n  expected: {wanted}"
