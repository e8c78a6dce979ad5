"""The command line: the one door. Parse arguments, call a plain function, print, exit.

Every command lives in its own module here and registers with plain imports; each keeps its heavy
imports inside its ``run`` so that starting niemyet (``check`` in CI, ``--help``) stays fast. Errors
raised on purpose (``generator.errors``) become a message and an exit code in :func:`main` only.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from generator.cli import build, changes, check, importer, posters, report, schema, stats, synth
from generator.cli.args import Parser
from generator.errors import DataError, ExitCode, NiemyetError

COMMANDS = (check, build, posters, changes, report, importer, stats, schema, synth)  # in the order --help lists them


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


def parser() -> argparse.ArgumentParser:
    """niemyet's whole argument parser: every command of ``COMMANDS``."""
    top = Parser(prog="niemyet", description="Niêm yết thủ tục hành chính: kiểm tra, trang công khai, tờ niêm yết.")
    top.add_argument("--version", action=_VersionAction, nargs=0, help="in phiên bản rồi thoát")
    sub = top.add_subparsers(
        dest="command",
        required=True,
        parser_class=Parser,
        title="lệnh",
        metavar="LỆNH",
        help="một trong các lệnh dưới đây; niemyet LỆNH -h cho chi tiết",
    )
    for command in COMMANDS:
        command.register(sub)
    return top


def _data_error(exc: DataError, args: argparse.Namespace) -> None:
    from generator.problems.formats import render

    print(render(exc.problems))
    then = getattr(args, "on_data_error", "")
    print(f"niemyet: {exc}{'; ' + then if then else ''}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("niemyet: đã dừng.", file=sys.stderr)
        return ExitCode.INTERRUPTED
    except DataError as exc:
        _data_error(exc, args)
        return exc.exit_code
    except NiemyetError as exc:
        print(f"niemyet: {exc}", file=sys.stderr)
        return exc.exit_code
    except OSError as exc:
        print(f"niemyet: lỗi đọc/ghi: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    except Exception as exc:  # a bug in niemyet, not in the data: say so without a traceback
        if os.environ.get("NIEMYET_DEBUG"):
            raise
        print(
            f"niemyet: lỗi nội bộ ({type(exc).__name__}: {exc}); chạy lại với NIEMYET_DEBUG=1 "
            "để xem chi tiết và báo cho nhóm phát triển.",
            file=sys.stderr,
        )
        return ExitCode.USAGE


if __name__ == "__main__":
    sys.exit(main())
