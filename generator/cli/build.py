"""``niemyet build`` and ``niemyet serve``: parse arguments, call site/build.py or site/serve.py, print."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.cli.args import add_root


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("build", help="dựng trang công khai (MkDocs + Pagefind)")
    add_root(p)
    p.add_argument("--out", type=Path, default=Path("site"), help="thư mục trang (mặc định site/)")
    p.add_argument("--no-search", action="store_true", help="bỏ qua bước lập chỉ mục tìm kiếm")
    p.set_defaults(func=run_build, on_data_error="không dựng trang, trang cũ giữ nguyên.")
    p = sub.add_parser("serve", help="xem trước trang, tự tải lại khi tệp YAML thay đổi")
    add_root(p)
    p.add_argument("--host", default="127.0.0.1", help="địa chỉ lắng nghe (mặc định 127.0.0.1: chỉ máy này)")
    p.add_argument("--port", type=int, default=8000, metavar="N", help="cổng (mặc định 8000)")
    p.set_defaults(func=run_serve)


def run_build(args: argparse.Namespace) -> int:
    from generator.site.build import build_site

    summary = build_site(args.root, args.out, search=not args.no_search)
    phases = ", ".join(f"{name} {sec:.1f} s" for name, sec in summary.seconds.items())
    print(f"Đã dựng {summary.pages} trang vào {args.out} ({phases})", file=sys.stderr)
    return 0


def run_serve(args: argparse.Namespace) -> int:
    from generator.site.serve import serve

    return serve(args.root, args.host, args.port)
