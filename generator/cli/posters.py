"""``niemyet posters [ROOT] [--commune SLUG ...] [--out posters/]``: parse, call build_posters, print."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from generator.cliargs import add_root

EXIT_USAGE = 3


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"ngày không hợp lệ: {text!r} (dạng YYYY-MM-DD)") from exc


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("posters", help="dựng tờ niêm yết A4 (PDF) cho từng xã/phường")
    add_root(p)
    p.add_argument("--commune", action="append", default=[], metavar="SLUG", help="chỉ xã/phường này (lặp lại được)")
    p.add_argument("--out", type=Path, default=Path("posters"), help="thư mục kết quả (mặc định posters/)")
    p.add_argument(
        "--date", type=_date, default=None, metavar="YYYY-MM-DD", help="ngày niêm yết in trên tờ (mặc định: từ dữ liệu)"
    )
    p.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), metavar="N", help="số tiến trình dựng PDF")
    p.add_argument(
        "--since",
        metavar="REF|NGÀY",
        help="chỉ dựng tờ đã thay đổi kể từ phiên bản git hoặc ngày YYYY-MM-DD, kèm danh sách tờ cần thay cho mỗi xã",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from generator.model.resolve import UnknownCommune
    from generator.pipeline import DataHasErrors
    from generator.posters.build import PosterOptions, build_posters
    from generator.problems.report import render

    options = PosterOptions(communes=tuple(args.commune), posted=args.date, jobs=max(1, args.jobs))
    if args.since:
        from generator.history.posters import run_since

        return run_since(args, options)
    try:
        report = build_posters(args.root, args.out, options)
    except DataHasErrors as exc:
        print(render(exc.result.problems))
        return 1
    except UnknownCommune as exc:
        print(f"niemyet: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(
        f"Đã ghi {report.files} tệp PDF ({report.pages} trang) cho {report.communes} xã/phường vào {args.out} "
        f"trong {report.seconds:.1f} giây; dựng {report.rendered} tài liệu, dùng lại {report.reused}.",
        file=sys.stderr,
    )
    return 0
