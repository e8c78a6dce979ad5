"""``niemyet import``: read every export, then merge, then write; one bad file never stops the others.

Phases: read all sources (a file that fails is reported and left out) → refuse codes that come
from two files → merge each record with the file on disk → write each changed file atomically →
add codes to the communes named. ``dry_run`` stops before writing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.errors import UsageError
from generator.history.records import procedure_items
from generator.importer.blocks import ImportFailure
from generator.importer.communes import add_codes
from generator.importer.findings import decision_note, failure, file_problems
from generator.importer.merge import merge
from generator.importer.record import Parsed
from generator.importer.sources import collect, read_export
from generator.importer.yamlout import dump, header_comments
from generator.output.atomic import write_text_atomic
from generator.problems import Problem, make


@dataclass
class Outcome:
    code: str
    source: str
    status: str  # "imported" | "updated" | "unchanged"
    changes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # what ``check`` will say of the file, and more
    record: dict[str, Any] = field(default_factory=dict)


@dataclass
class ImportSummary:
    outcomes: list[Outcome] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)  # files left out (E160, E161)
    communes: dict[str, list[str]] = field(default_factory=dict)
    dry_run: bool = False

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def problems(self) -> list[Problem]:
        """Every finding: the files left out, then each procedure's."""
        return self.errors + [p for o in self.outcomes for p in o.problems]


def _commune_files(province: Path, slugs: list[str]) -> dict[str, Path]:
    files = {slug: province / "communes" / f"{slug}.yaml" for slug in slugs}
    missing = [slug for slug, path in files.items() if not path.is_file()]
    if missing:
        raise UsageError(f"không có xã/phường {', '.join(missing)} trong {province / 'communes'}")
    return files


def _read_all(files: list[Path], report: ImportSummary) -> list[Parsed]:
    parsed: list[Parsed] = []
    for path in files:
        try:
            parsed.append(read_export(path))
        except ImportFailure as exc:
            report.errors.append(failure(exc))
    by_code: dict[str, list[Parsed]] = defaultdict(list)
    for p in parsed:
        by_code[p.record["code"]].append(p)
    for code, group in by_code.items():
        if len(group) > 1:
            names = ", ".join(p.source for p in group)
            report.errors.append(make("E161", group[0].source, code=code, files=names))
    return [p for p in parsed if len(by_code[p.record["code"]]) == 1]


def _existing(path: Path) -> tuple[str | None, dict[str, Any] | None]:
    if not path.is_file():
        return None, None
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.load(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError as exc:
        raise ImportFailure(path, f"tệp hiện có không đọc được ({type(exc).__name__}); sửa tệp rồi nhập lại") from exc
    if not isinstance(data, dict):
        raise ImportFailure(path, "tệp hiện có không phải khối khóa: giá trị; sửa tệp rồi nhập lại")
    return text, data


def _plan(p: Parsed, catalogue: Path) -> tuple[Outcome, Path, str]:
    path = catalogue / f"{p.record['code']}.yaml"
    old_text, old = _existing(path)
    merged = merge(p.record, old)
    text = dump(merged, header_comments(old_text or ""))
    changes: list[str] = []
    if old is None:
        status = "imported"
    elif text == old_text or merged == old:  # the same record, even if hand-edited in another key order
        status = "unchanged"
    else:
        status = "updated"
        changes = [item.text for item in procedure_items(old, merged)] or [
            "chỉ đổi cách viết trong tệp (nội dung như cũ; chú thích giữa tệp không giữ được)"
        ]
    problems = file_problems(text, str(path), p.notes + decision_note(old, merged))
    return Outcome(p.record["code"], p.source, status, changes, problems, merged), path, text


def import_exports(sources: list[Path], province: Path, communes: list[str], dry_run: bool = False) -> ImportSummary:
    """Import the exports in ``sources`` into ``province``; see the module docstring for the phases."""
    if not (province / "province.yaml").is_file():
        raise UsageError(
            f"{province} không phải thư mục tỉnh (thiếu province.yaml); ví dụ: --province procedures/khanh-hoa"
        )
    commune_files = _commune_files(province, communes)
    report = ImportSummary(dry_run=dry_run)
    files, report.errors = collect(sources)
    writes: list[tuple[Path, str]] = []
    for p in _read_all(files, report):
        try:
            outcome, path, text = _plan(p, province / "catalogue")
        except ImportFailure as exc:
            report.errors.append(failure(exc))
            continue
        report.outcomes.append(outcome)
        if outcome.status != "unchanged":
            writes.append((path, text))
    codes = [o.code for o in report.outcomes]
    for slug, path in commune_files.items():
        try:
            text, added = add_codes(path.read_text(encoding="utf-8"), codes, str(path))
        except ImportFailure as exc:
            report.errors.append(failure(exc))
            continue
        report.communes[slug] = added
        if added:
            writes.append((path, text))
    if not dry_run:
        for path, text in writes:
            write_text_atomic(path, text)
    return report
