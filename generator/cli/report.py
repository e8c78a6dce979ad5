"""``niemyet report``: parse arguments, call load.py / compute.py, print, exit."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.report.compute import CHANGED, FORMULA, NOT_CURRENT

DEFAULT_ROOT = Path("procedures")
EXIT_GAPS = 2


def _cmd_report(args: argparse.Namespace) -> int:
    from generator.pipeline import DataHasErrors
    from generator.problems.report import render as render_problems
    from generator.report.formats import render
    from generator.report.load import reports

    try:
        loaded, found = reports(args.root)
    except DataHasErrors as exc:
        print(render_problems(exc.result.problems))
        print(f"niemyet: {exc}; sửa các lỗi này rồi chạy lại báo cáo.", file=sys.stderr)
        return 1
    text = render(found, args.format, loaded.lines)
    if text:
        print(text, end="" if text.endswith("\n") else "\n")
    gaps = any(c.has_gaps for r in found for c in r.communes)
    return EXIT_GAPS if args.strict and gaps else 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "report",
        help="tình hình công khai: xã nào niêm yết chưa đủ, chưa cập nhật",
        description="Mỗi xã một dòng: thủ tục cấp xã còn thiếu, mã không còn trong danh mục, điểm riêng của xã, "
        "dịch vụ trực tuyến chưa có địa chỉ, ngày dữ liệu thay đổi và ngày niêm yết.",
        epilog=f"{FORMULA} {NOT_CURRENT} {CHANGED}",
    )
    p.add_argument("root", nargs="?", type=Path, default=DEFAULT_ROOT, help="thư mục dữ liệu (mặc định procedures/)")
    p.add_argument(
        "--format",
        choices=("text", "json", "csv", "github"),
        default="text",
        help="dạng in: text (mặc định), json, csv, github (cảnh báo trên tệp của xã)",
    )
    p.add_argument(
        "--strict",
        action="store_true",
        help="mã thoát 2 nếu có xã còn thiếu, còn mã không còn trong danh mục, trực tuyến chưa có địa chỉ "
        "hoặc dữ liệu thay đổi sau ngày niêm yết",
    )
    p.set_defaults(func=_cmd_report)
