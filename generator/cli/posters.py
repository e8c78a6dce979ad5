"""``niemyet posters [ROOT] [--commune SLUG ...] [--out posters/] [--since REF|DATE | --results YYYY-MM]``: parse,
call, print."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from generator.cli.args import add_root, iso_date

if TYPE_CHECKING:
    from generator.posters.build import PosterOptions


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("posters", help="dựng tờ niêm yết A4 (PDF) cho từng xã/phường")
    add_root(p)
    p.add_argument("--commune", action="append", default=[], metavar="SLUG", help="chỉ xã/phường này (lặp lại được)")
    p.add_argument("--out", type=Path, default=Path("posters"), help="thư mục kết quả (mặc định posters/)")
    p.add_argument(
        "--date",
        type=iso_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="ngày niêm yết in trên tờ (mặc định: từ dữ liệu)",
    )
    p.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), metavar="N", help="số tiến trình dựng PDF")
    which = p.add_mutually_exclusive_group()
    which.add_argument(
        "--since",
        metavar="REF|NGÀY",
        help="chỉ dựng tờ đã thay đổi kể từ phiên bản git hoặc ngày YYYY-MM-DD, kèm danh sách tờ cần thay cho mỗi xã",
    )
    which.add_argument(
        "--results",
        metavar="YYYY-MM",
        help="thêm cho mỗi xã một tờ A4 “Kết quả giải quyết hồ sơ tháng MM/YYYY” (từ số liệu statistics/ đã nhập)",
    )
    p.set_defaults(func=run, on_data_error="không dựng tờ nào, tờ cũ giữ nguyên.")


def run(args: argparse.Namespace) -> int:
    from generator.posters.build import PosterOptions, build_posters

    options = PosterOptions(communes=tuple(args.commune), posted=args.date, jobs=max(1, args.jobs))
    if args.since:
        return _run_since(args, options)
    if args.results is not None:
        return _run_results(args, options)
    summary = build_posters(args.root, args.out, options)
    print(
        f"Đã ghi {summary.files} tệp PDF ({summary.pages} trang) cho {summary.communes} xã/phường vào {args.out} "
        f"trong {summary.seconds:.1f} giây; dựng {summary.rendered} tài liệu, dùng lại {summary.reused}.",
        file=sys.stderr,
    )
    return 0


def _run_since(args: argparse.Namespace, options: PosterOptions) -> int:
    from generator.posters.since import build_changed_posters

    done = build_changed_posters(args.root, args.out, args.since, options)
    sheets = sum(1 for c in done.since.communes for s in c.sheets if s.action != "remove")
    print(
        f"Đã ghi danh sách tờ cần thay cho {len(done.since.communes)} xã/phường và {sheets} tờ đã thay đổi "
        f"vào {args.out} trong {done.posters.seconds:.1f} giây.",
        file=sys.stderr,
    )
    return 0


def _run_results(args: argparse.Namespace, options: PosterOptions) -> int:
    from generator.posters.results_build import build_results_posters
    from generator.stats.formats import month_vi

    done = build_results_posters(args.root, args.out, args.results, options)
    summary = done.posters
    print(
        f"Đã ghi {summary.files} tệp PDF ({summary.pages} trang) cho {summary.communes} xã/phường vào {args.out} "
        f"và {done.sheets} tờ kết quả giải quyết hồ sơ tháng {month_vi(done.month)}"
        f" ({done.without_data} tờ chưa có số liệu) trong {done.seconds:.1f} giây.",
        file=sys.stderr,
    )
    return 0
