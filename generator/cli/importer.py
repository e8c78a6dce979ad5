"""``niemyet import SOURCE... --province procedures/<tỉnh> [--commune SLUG ...] [--dry-run]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.importer.run import ImportReport

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
    p.set_defaults(func=run)


def _print_outcomes(report: ImportReport) -> None:
    for o in report.outcomes:
        name = o.record.get("name", "")
        print(f"{STATUS[o.status]:<10} {o.code}  {name}  ({o.source})")
        for line in o.changes:
            print(f"           - {line}")
        for line in o.review:
            print(f"           ! cần xem lại: {line}")
    for slug, added in report.communes.items():
        shown = ", ".join(added) if added else "không có mã mới"
        print(f"xã/phường {slug}: thêm {len(added)} mã ({shown})")


def run(args: argparse.Namespace) -> int:
    from generator.importer.run import import_exports

    report = import_exports(list(args.sources), args.province, list(args.commune), dry_run=args.dry_run)
    _print_outcomes(report)
    for message in report.errors:
        print(f"niemyet import: lỗi: {message}", file=sys.stderr)
    review = sum(1 for o in report.outcomes if o.review)
    no_date = sum(1 for o in report.outcomes if "date" not in o.record.get("decision", {}))
    no_online = sum(1 for o in report.outcomes if "online" not in o.record)
    print(
        f"Tổng kết: nhập mới {report.count('imported')}, cập nhật {report.count('updated')}, "
        f"không đổi {report.count('unchanged')}, cần xem lại {review}, tệp lỗi {len(report.errors)}."
    )
    if no_date or no_online:
        print(
            f"Tỉnh bổ sung tay: {no_date} thủ tục chưa có ngày quyết định (decision.date), "
            f"{no_online} chưa có mức dịch vụ công trực tuyến (online)."
        )
    if report.dry_run:
        print("Chạy thử (--dry-run): chưa ghi tệp nào.")
    return report.exit_code
