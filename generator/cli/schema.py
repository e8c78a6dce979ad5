"""``niemyet schema [catalogue|province|commune|calendar|all]``: print the JSON Schema editors validate with."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("schema", help="in JSON Schema của tệp dữ liệu")
    p.add_argument(
        "kind",
        nargs="?",
        choices=("catalogue", "province", "commune", "calendar", "all"),
        default="all",
        metavar="KIND",
        help="loại tệp: catalogue (thủ tục), province (tỉnh), commune (xã), calendar (lịch nghỉ, làm bù); "
        "mặc định all (tất cả)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import json

    from generator.schema.publish import schemas

    docs = schemas()
    print(json.dumps(docs if args.kind == "all" else docs[args.kind], ensure_ascii=False, indent=2))
    return 0
