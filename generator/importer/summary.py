"""What ``niemyet import`` prints: each procedure with its changes and findings, then a summary.

Findings are Problems printed by ``problems/report.py``: under each procedure in text (the two
warnings every fresh record has, W020 and W021, counted in the summary), or all of them as JSON or
GitHub annotations on stdout, the summary then on stderr.
"""

from __future__ import annotations

import sys
from typing import TextIO

from generator.importer.findings import ROUTINE
from generator.importer.run import ImportSummary
from generator.problems import Problem
from generator.problems.formats import render
from generator.text.terminal import printable

STATUS = {"imported": "mới", "updated": "cập nhật", "unchanged": "không đổi"}


def _to_review(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.code not in ROUTINE]


def _print_outcomes(report: ImportSummary, out: TextIO) -> None:
    for o in report.outcomes:
        name = o.record.get("name", "")
        print(printable(f"{STATUS[o.status]:<10} {o.code}  {name}  ({o.source})"), file=out)
        for line in o.changes:
            print(printable(f"           - {line}"), file=out)
        for p in _to_review(o.problems):
            print(f"           ! {render([p])}", file=out)
    for slug, added in report.communes.items():
        shown = ", ".join(added) if added else "không có mã mới"
        print(f"xã/phường {slug}: thêm {len(added)} mã ({shown})", file=out)


def _print_summary(report: ImportSummary, out: TextIO) -> None:
    review = sum(1 for o in report.outcomes if _to_review(o.problems))
    codes = [{p.code for p in o.problems} for o in report.outcomes]
    no_date, no_online = (sum(1 for found in codes if code in found) for code in ("W020", "W021"))
    print(
        f"Tổng kết: nhập mới {report.count('imported')}, cập nhật {report.count('updated')}, "
        f"không đổi {report.count('unchanged')}, cần xem lại {review}, tệp lỗi {len(report.errors)}.",
        file=out,
    )
    if no_date or no_online:
        print(
            f"Tỉnh bổ sung tay: {no_date} thủ tục chưa có ngày quyết định (decision.date, W020), "
            f"{no_online} chưa có mức dịch vụ công trực tuyến (online, W021).",
            file=out,
        )
    if report.dry_run:
        print("Chạy thử (--dry-run): chưa ghi tệp nào.", file=out)


def print_report(report: ImportSummary, fmt: str = "text") -> None:
    """Print ``report`` in ``fmt`` (text, json or github)."""
    human = sys.stdout if fmt == "text" else sys.stderr  # JSON and annotations alone on stdout
    _print_outcomes(report, human)
    if fmt == "text":
        if report.errors:
            print(render(report.errors), file=sys.stderr)
    elif fmt == "json" or report.problems:
        print(render(report.problems, fmt))
    _print_summary(report, human)
