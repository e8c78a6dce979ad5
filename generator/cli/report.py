"""``niemyet report``: parse arguments, call oversight/load.py and oversight/compute.py, print, exit."""

from __future__ import annotations

import argparse

from generator.cli.args import add_root
from generator.errors import ExitCode
from generator.oversight.compute import CHANGED, FORMULA, NOT_CURRENT


def run(args: argparse.Namespace) -> int:
    from generator.oversight.formats import render
    from generator.oversight.load import reports

    loaded, found = reports(args.root)
    text = render(found, args.format, loaded.lines)
    if text:
        print(text, end="" if text.endswith("\n") else "\n")
    gaps = any(c.has_gaps for r in found for c in r.communes)
    return ExitCode.STRICT if args.strict and gaps else ExitCode.CLEAN


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "report",
        help="tình hình công khai: xã nào niêm yết chưa đủ, chưa cập nhật",
        description="Mỗi xã một dòng: thủ tục cấp xã còn thiếu, mã không còn trong danh mục, điểm riêng của xã, "
        "dịch vụ trực tuyến chưa có địa chỉ, ngày dữ liệu thay đổi và ngày niêm yết.",
        epilog=f"{FORMULA} {NOT_CURRENT} {CHANGED}",
    )
    add_root(p)
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
    p.set_defaults(func=run, on_data_error="sửa các lỗi này rồi chạy lại báo cáo.")
