"""``niemyet check [ROOT] [--format text|json|github] [--strict]``: what CI runs."""

from __future__ import annotations

import argparse
import sys

from generator.cli.args import add_root


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("check", help="kiểm tra dữ liệu (CI chạy lệnh này)")
    add_root(p)
    p.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="dạng báo cáo: text (người đọc), json (máy đọc), github (chú thích trên GitHub); mặc định text",
    )
    p.add_argument("--strict", action="store_true", help="cảnh báo cũng làm lệnh thất bại (mã thoát 2)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from generator.checks.result import check
    from generator.problems.formats import render, summary

    result = check(args.root)
    if result.problems:
        print(render(result.problems, args.format))
    if args.format == "text":
        print(summary(result.problems), file=sys.stderr)
        if result.accepted:
            codes = ", ".join(sorted({p.code for p in result.accepted}))
            print(f"Không liệt kê {len(result.accepted)} cảnh báo loại tỉnh đã chấp nhận ({codes}).", file=sys.stderr)
    return result.exit_code(args.strict)
