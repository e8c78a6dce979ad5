"""``niemyet stats import EXPORT... --province procedures/<tỉnh>`` and ``niemyet stats report [ROOT]``.

Kết quả giải quyết hồ sơ: the one-stop system's per-file export becomes monthly counts per commune and procedure
in ``procedures/<tỉnh>/statistics/<YYYY-MM>.csv``; ``report`` prints them with the late rate against a threshold.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from generator.cli.args import Parser, add_root, iso_date
from generator.errors import ExitCode

if TYPE_CHECKING:
    from generator.stats.run import StatsImportSummary

DEFINITIONS = (
    "Theo ngày lịch, cho mỗi tháng M và mỗi xã: tiếp nhận = ngày tiếp nhận trong M, trừ trạng thái 1 (mới đăng ký) "
    "và 3 (không được tiếp nhận); kỳ trước chuyển qua = tiếp nhận trước M, chưa giải quyết trước M; đã giải quyết = "
    "trạng thái 7, 9, 10 có ngày kết thúc xử lý (không có thì ngày trả) trong M: trước hạn nếu trước ngày hẹn trả, "
    "đúng hạn nếu cùng ngày (hồ sơ rút tính đúng hạn), quá hạn nếu sau; đang giải quyết = đã tiếp nhận đến cuối M, "
    "chưa giải quyết đến cuối M, quá hạn nếu ngày hẹn trả trước ngày cuối M; tỷ lệ trễ hạn = quá hạn ÷ đã giải "
    "quyết; hẹn dài hơn niêm yết = ngày hẹn trả sau ngày cuối cùng thời hạn xã niêm yết cho phép."
)


def _month(text: str) -> dt.date:
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", text):
        raise argparse.ArgumentTypeError(f"tháng không hợp lệ: {text!r} (dạng YYYY-MM)")
    return dt.date(int(text[:4]), int(text[5:]), 1)


def _register_import(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "import",
        help="đọc tệp xuất hồ sơ của hệ thống một cửa, ghi số liệu tháng vào statistics/<YYYY-MM>.csv",
        description="Đọc tệp xuất từng hồ sơ (CSV UTF-8 hoặc XLSX) của hệ thống một cửa điện tử và ghi số liệu "
        "theo tháng, theo xã và thủ tục vào statistics/<YYYY-MM>.csv của tỉnh. Không đọc, không ghi thông tin cá "
        "nhân và mã hồ sơ. Nhập lại thay số liệu của các tháng và các xã tệp xuất có.",
        epilog=DEFINITIONS,
    )
    p.add_argument("exports", nargs="+", type=Path, metavar="EXPORT", help="tệp xuất hồ sơ (.csv, .xlsx)")
    p.add_argument("--province", type=Path, required=True, help="thư mục dữ liệu của tỉnh, ví dụ procedures/khanh-hoa")
    p.add_argument(
        "--as-of",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="ngày chốt số liệu của tệp xuất (mặc định: ngày muộn nhất trong tệp); "
        "tháng của ngày này tính đến ngày này",
    )
    p.add_argument(
        "--from",
        dest="start",
        type=_month,
        metavar="YYYY-MM",
        help="tháng đầu tiên được ghi (mặc định: tháng của hồ sơ tiếp nhận sớm nhất)",
    )
    p.add_argument("--dry-run", action="store_true", help="chỉ in những gì sẽ thay đổi, không ghi tệp nào")
    p.set_defaults(func=run_import, on_data_error="chưa ghi tệp nào; sửa tệp xuất rồi chạy lại.")


def _register_report(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "report",
        help="kết quả giải quyết hồ sơ theo xã và tháng (hoặc theo thủ tục)",
        description="Mỗi xã và tháng một dòng: tiếp nhận (theo kênh), kỳ trước chuyển qua, đã giải quyết (trước "
        "hạn, đúng hạn, quá hạn), đang giải quyết (quá hạn), tỷ lệ trễ hạn, hẹn dài hơn niêm yết.",
        epilog=DEFINITIONS,
    )
    add_root(p)
    p.add_argument("--month", type=_month, metavar="YYYY-MM", help="chỉ tháng này (mặc định: mọi tháng có số liệu)")
    p.add_argument(
        "--by",
        choices=("commune", "procedure"),
        default="commune",
        help="mỗi dòng một xã (mặc định) hoặc một xã và thủ tục",
    )
    p.add_argument(
        "--format", choices=("text", "json", "csv", "github"), default="text", help="dạng in (mặc định text)"
    )
    p.add_argument(
        "--threshold", type=float, metavar="PHẦN_TRĂM", help="ngưỡng tỷ lệ trễ hạn (mặc định: province.yaml, hoặc 10)"
    )
    p.add_argument("--strict", action="store_true", help="mã thoát 1 nếu có xã có tỷ lệ trễ hạn vượt ngưỡng")
    p.set_defaults(func=run_report, on_data_error="sửa các lỗi này rồi chạy lại báo cáo.")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "stats",
        help="kết quả giải quyết hồ sơ: nhập tệp xuất của hệ thống một cửa, báo cáo theo xã",
        description="Kết quả giải quyết hồ sơ (Biểu 06): nhập tệp xuất từng hồ sơ, báo cáo theo xã và tháng.",
    )
    inner = p.add_subparsers(
        dest="stats_command",
        required=True,
        parser_class=Parser,
        title="lệnh",
        metavar="LỆNH",
        help="import (nhập tệp xuất) hoặc report (báo cáo); niemyet stats LỆNH -h cho chi tiết",
    )
    _register_import(inner)
    _register_report(inner)


def _print_summary(summary: StatsImportSummary) -> None:
    from generator.problems.formats import render

    if summary.warnings:
        print(render(summary.warnings))
    print(
        f"Đọc {summary.files} hồ sơ; tính {summary.counted} hồ sơ đã tiếp nhận của {len(summary.communes)} xã; "
        f"số liệu đến ngày {summary.as_of.isoformat() if summary.as_of else 'không rõ'}."
    )
    if summary.months:
        print(
            f"Tháng: {summary.months[0]} đến {summary.months[-1]}; "
            f"tệp thay đổi: {', '.join(summary.changed) or 'không có'}."
        )
    if summary.dry_run:
        print("Chạy thử (--dry-run): chưa ghi tệp nào.")


def run_import(args: argparse.Namespace) -> int:
    from generator.stats.run import import_statistics

    summary = import_statistics(list(args.exports), args.province, args.as_of, args.start, dry_run=args.dry_run)
    _print_summary(summary)
    if not summary.communes:
        print("niemyet stats import: không hồ sơ nào khớp với xã, phường của tỉnh; chưa ghi tệp nào.", file=sys.stderr)
        return ExitCode.ERRORS
    return ExitCode.CLEAN


def run_report(args: argparse.Namespace) -> int:
    from generator.stats.formats import render
    from generator.stats.report import load_report

    found = load_report(args.root, args.month, args.by == "procedure", args.threshold)
    text = render(found, args.format)
    if text:
        print(text, end="" if text.endswith("\n") else "\n")
    return ExitCode.ERRORS if args.strict and found.over else ExitCode.CLEAN
