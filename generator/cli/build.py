"""``niemyet build`` and ``niemyet serve``: parse arguments, call build.py / serve.py, print, exit."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.cliargs import add_root


def _cmd_build(args: argparse.Namespace) -> int:
    from generator.pipeline import DataHasErrors
    from generator.problems.report import render
    from generator.site.build import SiteError, build_site
    from generator.site.mkdocs_run import MkDocsFailed
    from generator.site.search import IndexingFailed

    try:
        report = build_site(args.root, args.out, search=not args.no_search)
    except DataHasErrors as exc:
        print(render(exc.result.problems))
        print(f"niemyet: {exc}; không dựng trang, trang cũ giữ nguyên.", file=sys.stderr)
        return 1
    except (SiteError, MkDocsFailed, IndexingFailed) as exc:
        print(f"niemyet: không dựng được trang: {exc}", file=sys.stderr)
        return 3
    phases = ", ".join(f"{name} {sec:.1f} s" for name, sec in report.seconds.items())
    print(f"Đã dựng {report.pages} trang vào {args.out} ({phases})", file=sys.stderr)
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    from generator.site.serve import serve

    return serve(args.root, args.host, args.port)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("build", help="dựng trang công khai (MkDocs + Pagefind)")
    add_root(p)
    p.add_argument("--out", type=Path, default=Path("site"), help="thư mục trang (mặc định site/)")
    p.add_argument("--no-search", action="store_true", help="bỏ qua bước lập chỉ mục tìm kiếm")
    p.set_defaults(func=_cmd_build)
    p = sub.add_parser("serve", help="xem trước trang, tự tải lại khi tệp YAML thay đổi")
    add_root(p)
    p.add_argument("--host", default="127.0.0.1", help="địa chỉ lắng nghe (mặc định 127.0.0.1: chỉ máy này)")
    p.add_argument("--port", type=int, default=8000, metavar="N", help="cổng (mặc định 8000)")
    p.set_defaults(func=_cmd_serve)
