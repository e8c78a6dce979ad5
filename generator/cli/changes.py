"""``niemyet changes [ROOT] --since REF|DATE [--commune SLUG ...] [--format text|json]``."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from generator.cli.args import add_root

if TYPE_CHECKING:  # the history machinery loads when the command runs, not at every niemyet start
    from generator.history.since import ChangesSummary, CommuneSheets

ACTIONS = {"replace": "Thay", "new": "Mới", "remove": "Gỡ"}
SINCE_HELP = "phiên bản git (nhánh, thẻ, mã commit) hoặc ngày YYYY-MM-DD: so dữ liệu hiện nay với lúc đó"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("changes", help="tờ niêm yết mỗi xã cần thay kể từ một phiên bản hoặc một ngày")
    add_root(p)
    p.add_argument("--since", required=True, metavar="REF|NGÀY", help=SINCE_HELP)
    p.add_argument("--commune", action="append", default=[], metavar="SLUG", help="chỉ xã/phường này (lặp lại được)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="dạng kết quả: text hoặc json")
    p.set_defaults(func=run)


def commune_text(c: CommuneSheets) -> list[str]:
    """A commune's part of the text report."""
    counts = {a: sum(s.action == a for s in c.sheets) for a in ACTIONS}
    feedback = [f"  Thay tờ phản ánh, kiến nghị: {line}" for line in c.feedback]
    if not c.sheets:
        return [f"{c.name} ({c.slug}):" if feedback else f"{c.name} ({c.slug}): không có tờ nào cần thay.", *feedback]
    head = f"{c.name} ({c.slug}): {counts['replace']} tờ cần thay, {counts['new']} tờ mới, {counts['remove']} tờ cần gỡ"
    lines = [head]
    for line in c.counter:
        lines.append(f"  Đầu trang mọi tờ: {line}")
    for s in c.sheets:
        lines.append(f"  {ACTIONS[s.action]:<4} {s.code} {s.name}")
        lines += [f"         - {line}" for line in s.lines]
    if c.list_changed:
        lines.append("  In lại cả trang danh mục thủ tục (đầu tập niêm yết).")
    return lines + feedback


def report_text(report: ChangesSummary) -> str:
    base = report.base[:12] if report.base else "chưa có dữ liệu"
    lines = [f"Thay đổi kể từ {report.since} (phiên bản {base}):"]
    for c in report.communes:
        lines += commune_text(c)
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from generator.history.since import changes_since
    from generator.model.resolve import selected_pairs
    from generator.pipeline import load_checked

    loaded = load_checked(args.root, tolerate=frozenset({"E140"}))  # a listed code removed: what changes is for
    selected_pairs(loaded.provinces, tuple(args.commune))  # UnknownCommune before any git work
    report = changes_since(args.root, args.since, loaded.provinces, tuple(args.commune))
    if args.format == "json":
        print(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    else:
        print(report_text(report))
    return 0
