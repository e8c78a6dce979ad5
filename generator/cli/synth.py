"""``niemyet synth OUT --communes N --procedures P [--seed N] [--export FILE --files N]``: a generated province
for benchmarks, and a per-file export of the one-stop system for it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("synth", help="tạo dữ liệu tỉnh giả lập để đo tốc độ")
    p.add_argument("out", type=Path, metavar="OUT", help="thư mục ghi dữ liệu tạo ra")
    p.add_argument("--communes", type=int, default=10, metavar="N", help="số xã/phường (mặc định 10)")
    p.add_argument("--procedures", type=int, default=50, metavar="N", help="số thủ tục (mặc định 50)")
    p.add_argument(
        "--seed",
        type=int,
        default=1,
        metavar="N",
        help="hạt giống ngẫu nhiên: cùng hạt giống, cùng dữ liệu (mặc định 1)",
    )
    p.add_argument(
        "--export",
        type=Path,
        metavar="FILE",
        help="ghi thêm tệp xuất từng hồ sơ (CSV) của hệ thống một cửa cho tỉnh này, có cột thông tin cá nhân giả "
        "lập, để thử niemyet stats import",
    )
    p.add_argument("--files", type=int, default=100_000, metavar="N", help="số hồ sơ trong tệp xuất (mặc định 100000)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from generator.synth.province import synthesize

    synthesize(args.out, args.communes, args.procedures, args.seed, args.export, args.files)
    print(f"Đã tạo {args.communes} xã, {args.procedures} thủ tục trong {args.out}", file=sys.stderr)
    return 0
