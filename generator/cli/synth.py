"""``niemyet synth OUT --communes N --procedures P [--seed N]``: a generated province for benchmarks."""

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
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from generator.synth.province import synthesize

    synthesize(args.out, communes=args.communes, procedures=args.procedures, seed=args.seed)
    print(f"Đã tạo {args.communes} xã, {args.procedures} thủ tục trong {args.out}", file=sys.stderr)
    return 0
