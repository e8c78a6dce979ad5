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

from generator.errors import UsageError
from generator.history.records import procedure_items
from generator.importer.blocks import ImportFailure
from generator.importer.communes import add_codes
from generator.importer.findings import decision_note, failure, file_problems
from generator.importer.isolated import PdfWorker
from generator.importer.merge import merge
from generator.importer.record import Parsed
from generator.importer.sources import collect, read_export
from generator.importer.yamlout import dump, header_comments
from generator.load.files import MAX_BYTES
from generator.load.yamlfile import read_values
from generator.output.atomic import write_text_atomic
from generator.output.lock import data_lock
from generator.problems import Problem, make
from generator.text.terminal import printable


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
    """``--commune`` names a commune file of the province by its stem, nothing else: no path, no ``..``."""
    folder = province / "communes"
    known = {p.stem: p for p in sorted(folder.glob("*.yaml")) if p.is_file()} if folder.is_dir() else {}
    missing = [slug for slug in slugs if slug not in known]
    if missing:
        example = next(iter(known), "xa-cam-lam")
        raise UsageError(
            f"không có xã/phường {', '.join(printable(m) for m in missing)} trong {folder}; "
            f"--commune nhận tên một tệp xã trong thư mục đó, không có .yaml (ví dụ {example})"
        )
    return {slug: known[slug] for slug in slugs}


def _outside(path: Path, root: Path) -> bool:
    """A write to ``path`` would land outside ``root`` (resolved): a symlinked folder or file leads out."""
    return not path.resolve().is_relative_to(root)


def _guard(province: Path, commune_files: dict[str, Path]) -> Path:
    """The resolved province folder; UsageError when catalogue/ or a commune file leads outside it."""
    root = province.resolve()
    for path in [province / "catalogue", *commune_files.values()]:
        if path.exists() and _outside(path, root):
            raise UsageError(
                f"{path} trỏ ra ngoài thư mục tỉnh (liên kết tượng trưng tới {path.resolve()}); "
                "niemyet không ghi qua liên kết ra ngoài dữ liệu"
            )
    return root


def _read_all(files: list[Path], report: ImportSummary) -> list[Parsed]:
    parsed: list[Parsed] = []
    with PdfWorker() as pdfs:
        for path in files:
            try:
                parsed.append(read_export(path, pdfs))
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
    data, errors = read_values(text, str(path))
    if errors:
        raise ImportFailure(path, f"tệp hiện có không đọc được ({errors[0].message}); sửa tệp rồi nhập lại")
    if not isinstance(data, dict):
        raise ImportFailure(path, "tệp hiện có không phải khối khóa: giá trị; sửa tệp rồi nhập lại")
    return text, data


def _too_big(text: str, record: dict[str, Any]) -> str | None:
    """Why ``check`` would refuse this text for its size (E010), naming the biggest part; None when it fits."""
    size = len(text.encode("utf-8"))
    if size <= MAX_BYTES:
        return None
    key, part = max(((k, len(dump({k: v}).encode("utf-8"))) for k, v in record.items()), key=lambda kv: kv[1])
    rows = f", {len(record[key]):,} dòng" if isinstance(record[key], list) else ""
    return (
        f"tệp YAML sẽ lớn {size:,} byte, vượt giới hạn {MAX_BYTES:,} byte mà niemyet check nhận (E010); "
        f"chưa ghi. Phần lớn nhất: {key} ({part:,} byte{rows}); hãy xem lại tệp xuất"
    )


def _plan(p: Parsed, catalogue: Path) -> tuple[Outcome, Path, str]:
    path = catalogue / f"{p.record['code']}.yaml"
    old_text, old = _existing(path)
    merged = merge(p.record, old)
    text = dump(merged, header_comments(old_text or ""))
    if why := _too_big(text, merged):
        raise ImportFailure(p.source, why)
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


def _import_exports(sources: list[Path], province: Path, communes: list[str], dry_run: bool) -> ImportSummary:
    """Import the exports in ``sources`` into ``province``; see the module docstring for the phases."""
    if not (province / "province.yaml").is_file():
        raise UsageError(
            f"{province} không phải thư mục tỉnh (thiếu province.yaml); ví dụ: --province procedures/khanh-hoa"
        )
    commune_files = _commune_files(province, communes)
    root = _guard(province, commune_files)
    report = ImportSummary(dry_run=dry_run)
    files, report.errors = collect(sources)
    writes: list[tuple[Path, str]] = []
    for p in _read_all(files, report):
        try:
            outcome, path, text = _plan(p, province / "catalogue")
        except ImportFailure as exc:
            report.errors.append(failure(exc))
            continue
        except Exception as exc:  # one file's trouble stays that file's: the others are still written
            reason = f"không gộp được với tệp hiện có ({type(exc).__name__}: {str(exc)[:80]})"
            report.errors.append(make("E160", p.source, reason=reason))
            continue
        if _outside(path, root):
            why = f"tệp đích {path} trỏ ra ngoài thư mục tỉnh (liên kết tượng trưng); không ghi"
            report.errors.append(make("E160", p.source, reason=why))
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
        if len(text.encode("utf-8")) > MAX_BYTES:
            why = f"sau khi thêm mã, tệp sẽ vượt giới hạn {MAX_BYTES:,} byte mà niemyet check nhận (E010); chưa ghi"
            report.errors.append(make("E160", str(path), reason=why))
            continue
        report.communes[slug] = added
        if added:
            writes.append((path, text))
    if not dry_run:
        for path, text in writes:
            write_text_atomic(path, text)
    return report


def import_exports(sources: list[Path], province: Path, communes: list[str], dry_run: bool = False) -> ImportSummary:
    """Import the exports in ``sources`` into ``province`` while holding the province's lock (one writer at a
    time: a second import waits, see output/lock.py), after removing what a killed import left."""
    if dry_run or not (province / "province.yaml").is_file():
        return _import_exports(sources, province, communes, dry_run)
    with data_lock(province):
        return _import_exports(sources, province, communes, dry_run)
