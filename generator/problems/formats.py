"""Print problems: one line each, as JSON, or as GitHub workflow annotations."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable

from generator.problems.catalogue import CATALOGUE
from generator.problems.record import Problem
from generator.text.terminal import printable

FORMATS = ("text", "json", "github")


def _text(p: Problem) -> str:
    where = f"{p.path}:{p.line}:{p.column}" if p.line else p.path
    field = f" ({p.field})" if p.field else ""
    return printable(f"{where}: {p.severity.value} {p.code} {p.message}{field}")  # file text never drives the terminal


def escape_github(value: str, is_property: bool = False) -> str:
    out = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if is_property:
        out = out.replace(":", "%3A").replace(",", "%2C")
    return out


def _github(p: Problem) -> str:
    props = [f"file={escape_github(printable(p.path), True)}"]
    if p.line:
        props += [f"line={p.line}", f"col={p.column}"]
    props.append(f"title={escape_github(p.code, True)}")
    return f"::{p.severity.value} {','.join(props)}::{escape_github(printable(p.message))}"


def render(problems: Iterable[Problem], fmt: str = "text") -> str:
    items = list(problems)
    if fmt == "json":
        return json.dumps([p.as_dict() for p in items], ensure_ascii=False, indent=2)
    line = _github if fmt == "github" else _text
    return "\n".join(line(p) for p in items)


def remedy(code: str) -> str:
    """What to do about a code, from its catalogue entry: the message's advice after "; " when it has no
    placeholder, else the code's description."""
    entry = CATALOGUE[code]
    advice = entry.message.split("; ", 1)[1] if "; " in entry.message else ""
    try:
        return advice.format() if advice else entry.description  # "{{" stands for a brace
    except (KeyError, IndexError):  # the advice names the value found: say what the code is about instead
        return entry.description


def summary(problems: list[Problem]) -> str:
    """The totals, then one line per code (count, title, what to do), errors first: what an office acts on."""
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    if not problems:
        return "Không có lỗi."
    counts = Counter(p.code for p in problems)
    lines = [f"{errors} lỗi, {warnings} cảnh báo."]
    for code in sorted(counts, key=lambda c: (CATALOGUE[c].severity.value != "error", c)):
        lines.append(f"  {code} × {counts[code]}: {CATALOGUE[code].title} — {remedy(code)}")
    return "\n".join(lines)
