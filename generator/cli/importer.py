"""``niemyet import SOURCE... --province procedures/<tỉnh> [--commune SLUG ...] [--dry-run] [--format F]``."""

from __future__ import annotations

import argparse
from pathlib import Path


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


def run(args: argparse.Namespace) -> int:
    from generator.importer.run import import_exports
    from generator.importer.summary import print_report

    report = import_exports(list(args.sources), args.province, list(args.commune), dry_run=args.dry_run)
    print_report(report, args.format)
    return report.exit_code
