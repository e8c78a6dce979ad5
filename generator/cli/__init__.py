"""The command line: parse arguments, call plain functions, print, exit. Nothing else lives here.

Exit codes: 0 clean, 1 errors in the data, 2 warnings under ``--strict``, 3 usage or I/O failure.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from generator.cliargs import VietnameseHelp, add_root, vietnamese_error

EXIT_USAGE = 3


class _Parser(argparse.ArgumentParser):
    """Vietnamese headings and -h help; usage errors exit with code 3."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", VietnameseHelp)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "tham số"
        self._optionals.title = "tùy chọn"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="in hướng dẫn này rồi thoát")

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"niemyet: lỗi tham số: {vietnamese_error(message)}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _cmd_check(args: argparse.Namespace) -> int:
    from generator.check import check
    from generator.problems.report import render, summary

    result = check(args.root)
    if result.problems:
        print(render(result.problems, args.format))
    if args.format == "text":
        print(summary(result.problems), file=sys.stderr)
    return result.exit_code(args.strict)


def _cmd_schema(args: argparse.Namespace) -> int:
    import json

    from generator.schema.publish import schemas

    docs = schemas()
    chosen = docs if args.kind == "all" else {args.kind: docs[args.kind]}
    print(json.dumps(chosen if args.kind == "all" else chosen[args.kind], ensure_ascii=False, indent=2))
    return 0


def _cmd_synth(args: argparse.Namespace) -> int:
    from generator.synth import synthesize

    synthesize(args.out, communes=args.communes, procedures=args.procedures, seed=args.seed)
    print(f"Đã tạo {args.communes} xã, {args.procedures} thủ tục trong {args.out}", file=sys.stderr)
    return 0


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version  # read only when asked: ~30 ms at start-up

    try:
        return f"niemyet {version('niemyet')}"
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "niemyet (chưa cài đặt)"


class _VersionAction(argparse.Action):
    """``--version``: print the installed version and exit (looked up only when given)."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(_version())
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="niemyet", description="Niêm yết thủ tục hành chính: kiểm tra, trang công khai, tờ niêm yết.")
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="in phiên bản rồi thoát")
    sub = parser.add_subparsers(
        dest="command",
        required=True,
        parser_class=_Parser,
        title="lệnh",
        metavar="LỆNH",
        help="một trong các lệnh dưới đây; niemyet LỆNH -h cho chi tiết",
    )
    p = sub.add_parser("check", help="kiểm tra dữ liệu (CI chạy lệnh này)")
    add_root(p)
    p.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="dạng báo cáo: text (người đọc), json (máy đọc), github (chú thích trên GitHub); mặc định text",
    )
    p.add_argument("--strict", action="store_true", help="cảnh báo cũng làm lệnh thất bại (mã thoát 2)")
    p.set_defaults(func=_cmd_check)
    p = sub.add_parser("schema", help="in JSON Schema của tệp dữ liệu")
    p.add_argument(
        "kind",
        nargs="?",
        choices=("catalogue", "province", "commune", "all"),
        default="all",
        metavar="KIND",
        help="loại tệp: catalogue (thủ tục), province (tỉnh), commune (xã); mặc định all (cả ba)",
    )
    p.set_defaults(func=_cmd_schema)
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
    p.set_defaults(func=_cmd_synth)
    _add_extensions(sub)
    return parser


def _add_extensions(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Commands that live in their own packages register here (site, posters, import, changes, report)."""
    for module_name in (
        "generator.site.command",
        "generator.posters.command",
        "generator.importer.command",
        "generator.history.command",
        "generator.report.command",
    ):
        try:
            module = __import__(module_name, fromlist=["register"])
        except ModuleNotFoundError as exc:
            if exc.name and module_name.startswith(exc.name):
                continue
            raise
        register: Callable[[argparse._SubParsersAction], None] = module.register  # type: ignore[type-arg]
        register(sub)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        code: int = args.func(args)
    except KeyboardInterrupt:
        print("niemyet: đã dừng.", file=sys.stderr)
        return 130
    except OSError as exc:
        print(f"niemyet: lỗi đọc/ghi: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # a bug in niemyet, not in the data: say so without a traceback
        if os.environ.get("NIEMYET_DEBUG"):
            raise
        print(
            f"niemyet: lỗi nội bộ ({type(exc).__name__}: {exc}); chạy lại với NIEMYET_DEBUG=1 "
            "để xem chi tiết và báo cho nhóm phát triển.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    return code


if __name__ == "__main__":
    sys.exit(main())
