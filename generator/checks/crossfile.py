"""Checks across the files of a province: codes unique, commune codes known and listed once."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from pathlib import PurePath
from typing import Any

from generator.checks.procedure import dict_items
from generator.load import SourceFile
from generator.problems import Problem
from generator.schema.types import Context
from generator.text.codes import CODE_RE
from generator.text.levels import DISTRICT_LEVEL, commune_handles, level_parts


def catalogue_index(docs: list[SourceFile]) -> tuple[dict[str, SourceFile], list[Problem]]:
    """Map code → the first document declaring it. Fails: two files with one code (E142)."""
    index: dict[str, SourceFile] = {}
    problems: list[Problem] = []
    for doc in docs:
        code = doc.data.get("code") if isinstance(doc.data, dict) else None
        if isinstance(code, float):  # reported as E110; index by what was written to avoid cascades
            code = doc.raw.get(("code",))
        if not (isinstance(code, str) and CODE_RE.fullmatch(code)):  # reported as E111: index by file name
            stem = PurePath(doc.path).stem
            code = stem if CODE_RE.fullmatch(stem) else code
        if not isinstance(code, str):
            continue
        if code in index:
            problems.append(Context(doc).problem("E142", ("code",), code=code, other=index[code].path))
        else:
            index[code] = doc
    return index, problems


def check_commune_codes(doc: SourceFile, known: dict[str, Any]) -> Iterator[Problem]:
    """Every code a commune lists exists in the catalogue, once.

    Passes: ``procedures: [{code: "1.001193"}, {code: "1.000894"}]`` with both in the catalogue.
    Fails:  ``{code: "1.999999"}`` (E140); ``"1.001193"`` listed twice (E141)
    """
    ctx = Context(doc)
    first: dict[str, int] = {}
    entries = doc.data.get("procedures")
    for i, entry in enumerate(entries if isinstance(entries, list) else []):
        code = entry.get("code") if isinstance(entry, dict) else None
        if not isinstance(code, str):
            continue
        line = doc.at(("procedures", i, "code"))[0]
        if code in first:
            yield ctx.problem("E141", ("procedures", i, "code"), code=code, first_line=first[code])
            continue
        first[code] = line
        if code not in known:
            close = difflib.get_close_matches(code, list(known), n=1, cutoff=0.8)
            hint = f"; có phải '{close[0]}'?" if close else ""
            yield ctx.problem("E140", ("procedures", i, "code"), code=code, hint=hint)


def check_commune_levels(doc: SourceFile, catalogue: dict[str, Any]) -> Iterator[Problem]:
    """A commune lists procedures the commune level handles.

    Passes: a listed code whose ``level`` names "Cấp Xã" ("Cấp Tỉnh, Cấp Xã" too).
    Fails:  a listed code at "Cấp Huyện" alone (W041: the district level ended on 1/7/2025); at other
            levels without "Cấp Xã", e.g. "Cấp Bộ, Cấp Tỉnh" (W040)
    """
    ctx = Context(doc)
    for i, entry in dict_items(doc.data.get("procedures")):
        record = catalogue.get(entry.get("code"))  # type: ignore[arg-type]
        if not isinstance(record, dict) or "level" not in record or commune_handles(record["level"]):
            continue
        parts = level_parts(record["level"])
        level = ", ".join(record["level"]) if isinstance(record["level"], list) else str(record["level"])
        code = "W041" if parts and set(parts) == {DISTRICT_LEVEL} else "W040"
        yield ctx.problem(code, ("procedures", i, "code"), code=entry["code"], level=level)
