"""Text forms shared by every writer of data files: JSON that two runs write byte-identically, CSV whose
cells a spreadsheet never runs as formulas, and a human file size."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: str) -> str:
    """A spreadsheet must not run a cell as a formula (``=HYPERLINK(...)``, or a leading "- " in a
    document name): such cells get a leading apostrophe, the usual neutraliser. JSON keeps the text verbatim."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def csv_text(rows: Iterable[dict[str, str]], columns: Sequence[str]) -> str:
    """A header row of ``columns`` (even with no rows), then the rows, every cell through ``csv_cell``."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in rows)
    return out.getvalue()


def json_text(value: Any) -> str:
    """Compact JSON with sorted keys and a final newline: two builds of the same data are byte-identical."""
    # No indent: json only uses its C encoder without one (4x faster on the 10 MB of a province).
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


def file_size(n: int) -> str:
    return f"{n / 1024:.0f} KB" if n >= 1024 else f"{n} B"
