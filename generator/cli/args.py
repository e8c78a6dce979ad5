"""Argument pieces shared by the commands: the parser class, the data folder ROOT, a date, the Vietnamese help."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from generator.errors import ExitCode

DEFAULT_ROOT = Path("procedures")


def data_folder(text: str) -> Path:
    """ROOT: an existing folder; a missing one is a usage error (exit 3), said in Vietnamese."""
    path = Path(text)
    if not path.is_dir():
        what = "không phải thư mục" if path.exists() else "không có"
        raise argparse.ArgumentTypeError(f"thư mục dữ liệu {text} {what} (cần thư mục chứa <tỉnh>/province.yaml)")
    return path


def add_root(parser: argparse.ArgumentParser) -> None:
    """The positional ROOT every data command takes."""
    parser.add_argument(
        "root",
        nargs="?",
        type=data_folder,
        default=str(DEFAULT_ROOT),
        metavar="ROOT",
        help="thư mục dữ liệu, chứa <tỉnh>/province.yaml (mặc định procedures/)",
    )


class VietnameseHelp(argparse.HelpFormatter):
    """argparse's layout with the usage line headed in Vietnamese."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, "cách dùng: " if prefix is None else prefix)


# argparse's own error messages (Python 3.11+), in the order they are tried; anything else is shown as is
_ERRORS = (
    (r"unrecognized arguments: (.*)", r"tham số không nhận ra: \1"),
    (r"the following arguments are required: (.*)", r"thiếu tham số bắt buộc: \1"),
    (
        r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)",
        r"tham số \1: không có lựa chọn \2 (chọn một trong \3)",
    ),
    (r"argument (\S+): invalid int value: (.*)", r"tham số \1: \2 không phải số nguyên"),
    (r"argument (\S+): invalid (\S+) value: (.*)", r"tham số \1: giá trị \3 không hợp lệ"),
    (r"argument (\S+): expected one argument", r"tham số \1 cần một giá trị"),
    (r"ambiguous option: (\S+) could match (.*)", r"tùy chọn \1 không rõ: có thể là \2"),
    (r"argument (\S+): not allowed with argument (\S+)", r"tham số \1 không dùng cùng \2"),
    (r"argument (\S+): (.*)", r"tham số \1: \2"),
)


def vietnamese_error(message: str) -> str:
    """argparse's English error message in Vietnamese (the known forms; others unchanged)."""
    for pattern, replacement in _ERRORS:
        if re.fullmatch(pattern, message):
            return re.sub(pattern, replacement, message)
    return message


class Parser(argparse.ArgumentParser):
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
        raise SystemExit(ExitCode.USAGE)


def iso_date(text: str) -> dt.date:
    """An argument in the form YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"ngày không hợp lệ: {text!r} (dạng YYYY-MM-DD)") from exc
