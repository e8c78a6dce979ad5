"""Parsers for the export's table cells. Each keeps the verbatim text where it says more than a value.

Examples (docstrings of each function): ``"15 Ngày làm việc"`` → value 15, unit working_day;
``"Lệ phí : 03 USD (…)"`` → amount 3, currency USD; ``"Bản chính: 1\\nBản sao: 0"`` → (1, 0).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from generator.importer.blocks import norm

UNITS = {"ngày làm việc": "working_day", "ngày": "day", "giờ": "hour"}
METHODS = {
    "trực tiếp": "in_person",
    "trực tuyến": "online",
    "dịch vụ bưu chính": "post",
    "bưu chính": "post",
    "dịch vụ bưu chính công ích": "post",
    "qua dịch vụ bưu chính công ích": "post",
}
_TIME = re.compile(r"^(\d+(?:[.,]\d+)?)\s+(ngày làm việc|ngày|giờ)$", re.IGNORECASE)
_FEE = re.compile(r"^(Phí|Lệ phí|Phí, lệ phí)\s*:\s*(.*)$", re.IGNORECASE | re.DOTALL)
_AMOUNT = re.compile(r"^(\d{1,3}(?:\.\d{3})+|\d+)\s*(đồng|vnđ|vnd|usd)\b", re.IGNORECASE)
_ORIGINALS = re.compile(r"Bản\s+chính\s*:\s*(\d+)", re.IGNORECASE)
_COPIES = re.compile(r"Bản\s+sao\s*:\s*(\d+)", re.IGNORECASE)
_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_FILE = re.compile(r"\S.*?\.(?:docx?|xlsx?|pdf|rtf|odt|ods|zip|rar|jpe?g|png)(?=\s|$)", re.IGNORECASE)
_CASE = re.compile(r"Trường hợp\s*\(\s*\d+\s*\)")
_BULLET = re.compile(r"\s\+{1,3}\s")
_STEP = re.compile(r"\s(?=\+ Bước \d+)|\n(?=Bước \d+)")


def method(cell: str) -> str | None:
    """``"Dịch vụ bưu chính"`` → ``post``; text not known → None."""
    return METHODS.get(norm(cell))


def _number(text: str) -> int | float:
    value = float(text.replace(",", "."))
    return int(value) if value.is_integer() else value


def time_limit(cell: str) -> dict[str, Any]:
    """``"0.5 Giờ"`` → {value: 0.5, unit: hour, text: "0.5 Giờ"}; ``"0"``, ``"Khác"`` → {text} only."""
    out: dict[str, Any] = {}
    match = _TIME.match(" ".join(cell.split()))
    if match:
        out["value"] = _number(match.group(1))
        out["unit"] = UNITS[match.group(2).casefold()]
    out["text"] = cell
    return out


def _amount(rest: str) -> tuple[int | None, str]:
    match = _AMOUNT.match(rest)
    if not match:
        return None, "VND"
    currency = "USD" if match.group(2).upper() == "USD" else "VND"
    digits = match.group(1)
    if currency == "USD" and "." in digits:
        return None, currency
    return int(digits.replace(".", "")), currency


def fees(cell: str) -> list[dict[str, Any]]:
    """One fee per ``Phí : …``/``Lệ phí : …`` line; other lines stay with the fee above them.

    ``"Phí : 0 Đồng"`` → [{name: Phí, amount: 0, text: "Phí : 0 Đồng"}]; ``"Phí : Không Đồng"`` keeps only
    the text (no amount is invented); ``"Lệ phí : 03 USD (…)"`` → amount 3, currency USD.
    """
    out: list[dict[str, Any]] = []
    for line in (ln.strip() for ln in cell.split("\n")):
        if not line:
            continue
        match = _FEE.match(line)
        if match or not out:
            fee: dict[str, Any] = {"name": match.group(1) if match else "Phí, lệ phí"}
            amount, currency = _amount(match.group(2).strip()) if match else (None, "VND")
            if amount is not None:
                fee["amount"] = amount
            if currency != "VND":
                fee["currency"] = currency
            fee["text"] = line
            out.append(fee)
        else:
            out[-1]["text"] += "\n" + line
    return out


def quantities(cell: str) -> tuple[int | None, int | None, str | None]:
    """``"Bản chính: 1\\nBản sao: 0"`` → (1, 0, None); other words in the cell come back as a note."""
    originals, copies = _ORIGINALS.search(cell), _COPIES.search(cell)
    rest = _COPIES.sub("", _ORIGINALS.sub("", cell)).strip()
    return (
        int(originals.group(1)) if originals else None,
        int(copies.group(1)) if copies else None,
        cell if rest else None,
    )


def form_files(cell: str) -> list[str]:
    """Form file names, one per line, or split after each file extension when a line holds several."""
    names: list[str] = []
    for line in (ln.strip() for ln in cell.split("\n")):
        if not line:
            continue
        found = [m.group(0).strip() for m in _FILE.finditer(line)]
        names.extend(found if "".join(found).replace(" ", "") == line.replace(" ", "") else [line])
    return names


def legal_date(cell: str) -> dt.date | None:
    """``"29-11-2006"`` → 2006-11-29; anything else → None."""
    match = _DATE.match("".join(cell.split()))
    if not match:
        return None
    try:
        return dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    except ValueError:
        return None


def document_case(name: str) -> str | None:
    """The ``Trường hợp (N): …`` a document cell opens, up to its next ``+``/``++`` item; verbatim."""
    match = _CASE.search(name)
    if not match:
        return None
    tail = name[match.start() :]
    bullet = _BULLET.search(tail)
    case = (tail[: bullet.start()] if bullet else tail.split("\n")[0]).strip()
    return case or None


def split_steps(paragraph: str) -> list[str]:
    """One paragraph holding several steps → one item per step, text unchanged.

    ``"+ Bước 1: … + Bước 2. …"`` (the 2025 portal) splits before each ``+ Bước N``; a line that opens
    with ``Bước N`` starts a new step (a PDF shows separate step paragraphs as lines of one block).
    """
    if not paragraph.startswith(("+ Bước", "Bước")):
        return [paragraph]
    return [p for p in (p.strip() for p in _STEP.split(paragraph)) if p]
