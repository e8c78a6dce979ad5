"""Argument pieces shared by the commands: the data folder ROOT, and the Vietnamese help layout."""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from pathlib import Path

DEFAULT_ROOT = Path("procedures")


def add_root(parser: argparse.ArgumentParser) -> None:
    """The positional ROOT every data command takes."""
    parser.add_argument(
        "root",
        nargs="?",
        type=Path,
        default=DEFAULT_ROOT,
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
