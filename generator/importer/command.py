"""``niemyet import SOURCE... --province procedures/<tỉnh> [--commune SLUG ...] [--dry-run] [--format F]``.

Findings are Problems printed by ``problems/report.py``: under each procedure in text (the two
warnings every fresh record has, W020 and W021, counted in the summary), or all of them as JSON or
GitHub annotations on stdout, the summary then on stderr.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from generator.importer.run import ImportReport
    from generator.problems import Problem

EXIT_USAGE = 3
STATUS = {"imported": "mới", "updated": "cập nhật", "unchanged": "không đổi"}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "import",
        help="nhập tệp xuất thủ tục từ Cổng Dịch vụ công (.doc, .docx, .pdf) thành tệp YAML của tỉnh",
        description="Đọc tệp xuất ChiTietTTHC_<mã> (.doc, .docx hoặc .pdf) và ghi catalogue/<mã>.yaml của tỉnh. "
        "Nhập lại là cập nhật: phần lấy từ tệp xuất được thay, phần tỉnh tự bổ sung được giữ.",
    )
    p.add_argument("sources", nargs="+", type=Path, metavar="SOURCE", help="tệp xuất hoặc thư mục chứa tệp xuất")
    p.add_argument("--province", type=Path, required=True, help="thư mục dữ liệu của tỉnh, ví dụ procedures/khanh-hoa")
    p.add_argument(
        "--commune",
        action="append",
        default=[],
        metavar="SLUG",
        help="thêm các mã vừa nhập vào danh sách thủ tục của xã/phường này (lặp lại được)",
    )
    p.add_argument("--dry-run", action="store_true", help="chỉ in những gì sẽ thay đổi, không ghi tệp nào")
    p.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="dạng báo cáo: text (người đọc), json (máy đọc), github (chú thích trên GitHub); mặc định text",
    )
    p.set_defaults(func=run)


def _to_review(problems: list[Problem]) -> list[Problem]:
    from generator.importer.findings import ROUTINE

    return [p for p in problems if p.code not in ROUTINE]


def _print_outcomes(report: ImportReport, out: TextIO) -> None:
    from generator.problems.report import render

    for o in report.outcomes:
        name = o.record.get("name", "")
        print(f"{STATUS[o.status]:<10} {o.code}  {name}  ({o.source})", file=out)
        for line in o.changes:
            print(f"           - {line}", file=out)
        for p in _to_review(o.problems):
            print(f"           ! {render([p])}", file=out)
    for slug, added in report.communes.items():
        shown = ", ".join(added) if added else "không có mã mới"
        print(f"xã/phường {slug}: thêm {len(added)} mã ({shown})", file=out)


def _print_summary(report: ImportReport, out: TextIO) -> None:
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


def run(args: argparse.Namespace) -> int:
    from generator.importer.run import UsageError, import_exports

    try:
        report = import_exports(list(args.sources), args.province, list(args.commune), dry_run=args.dry_run)
    except UsageError as exc:
        print(f"niemyet import: {exc}", file=sys.stderr)
        return EXIT_USAGE
    from generator.problems.report import render

    human = sys.stdout if args.format == "text" else sys.stderr  # JSON and annotations alone on stdout
    _print_outcomes(report, human)
    if args.format == "text":
        if report.errors:
            print(render(report.errors), file=sys.stderr)
    elif args.format == "json" or report.problems:
        print(render(report.problems, args.format))
    _print_summary(report, human)
    return report.exit_code
