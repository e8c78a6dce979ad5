"""Read a data tree for the report: like ``load_checked``, but a listed code whose catalogue file
is gone (E140) does not stop it, because showing such codes is part of the report's job.

Any other error still stops the run: figures computed from records that do not pass ``check``
would not be honest. The dates of last change come from git (generator.history.last_changed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.checks.result import CheckResult
from generator.history import last_changed
from generator.model.types import ProvinceData
from generator.oversight.compute import ProvinceOversight, province_oversight
from generator.pipeline import load_checked

TOLERATED = frozenset({"E140"})


@dataclass(frozen=True)
class OversightInput:
    result: CheckResult
    provinces: list[ProvinceData]
    lines: dict[str, int]  # commune source → line of its ``procedures:`` key (for annotations)


def changes_by_source(
    root: Path, provinces: list[ProvinceData], found: Mapping[str, dt.date] | None = None
) -> dict[str, dt.date]:
    """Dates of last change keyed like the model's ``source`` strings ({} without git history).

    ``last_changed`` keys paths relative to ``root`` (``found``, when the caller has them already, e.g.
    ``History.dates``); the model keeps paths as displayed (relative to the working directory, or
    absolute), so each source is resolved and re-keyed.
    """
    found = last_changed(root) if found is None else found
    if not found:
        return {}
    real_root = root.resolve()
    out: dict[str, dt.date] = {}
    for data in provinces:
        sources = [p.source for p in data.procedures.values()] + [c.source for c in data.communes.values()]
        for source in sources:
            path = Path(source).resolve()
            if path.is_relative_to(real_root) and (day := found.get(path.relative_to(real_root).as_posix())):
                out[source] = day
    return out


def load_for_report(root: Path) -> OversightInput:
    """Check ``root``; raise DataHasErrors for any error but E140; else build the model."""
    loaded = load_checked(root, tolerate=TOLERATED)
    tree = loaded.result.tree
    lines = {doc.path: doc.key_at(("procedures",))[0] for src in tree.provinces for doc in src.communes.values()}
    return OversightInput(result=loaded.result, provinces=loaded.provinces, lines=lines)


def reports(root: Path, changes: Mapping[str, dt.date] | None = None) -> tuple[OversightInput, list[ProvinceOversight]]:
    """Load ``root`` and compute every province's report (``changes``: see ``changes_by_source``)."""
    loaded = load_for_report(root)
    found = changes if changes is not None else changes_by_source(root, loaded.provinces)
    return loaded, [province_oversight(p, found) for p in loaded.provinces]
