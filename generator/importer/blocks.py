"""What both readers produce: the export's flow of paragraphs and tables, text already NFC.

The docx and the PDF reader differ only in how they find these blocks; ``record.py`` reads the
labelled fields and tables out of the same flow for both.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

NO_INFO = "Không có thông tin"
MAX_CELL = 100_000  # characters in one cell or paragraph; the longest real one has 9,300
MAX_MARKS = 30  # combining marks in a row; Vietnamese writes at most two on a letter


class ImportFailure(Exception):
    """A file that cannot be imported: its ``path`` and a Vietnamese ``reason`` naming what to do (E160)."""

    def __init__(self, path: object, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


class CellRefused(Exception):
    """A cell that is not normalised, for its size: the reason (Vietnamese); the reader names the file."""


@cache
def _marks_run() -> re.Pattern[str]:
    """A run of more than MAX_MARKS combining marks (built once, only when some text is not NFC)."""
    marks = "".join(re.escape(chr(c)) for c in range(0x110000) if unicodedata.combining(chr(c)))
    return re.compile(f"[{marks}]{{{MAX_MARKS + 1}}}")


def clean(text: str) -> str:
    """NFC, outer whitespace trimmed; inner text (newlines included) kept as written.

    Length-checked first: NFC sorts each run of combining marks, quadratic in the run's length
    (400,000 marks take minutes), so a cell longer than MAX_CELL or with a run longer than
    MAX_MARKS is refused (CellRefused) before it is normalised."""
    if len(text) > MAX_CELL:
        raise CellRefused(f"một ô dài {len(text):,} ký tự, quá giới hạn {MAX_CELL:,} ký tự của một ô")
    if unicodedata.is_normalized("NFC", text):
        return text.strip()
    if _marks_run().search(text):
        raise CellRefused(f"một ô có chuỗi hơn {MAX_MARKS} dấu kết hợp liền nhau, không phải chữ viết thật")
    return unicodedata.normalize("NFC", text).strip()


def norm(text: str) -> str:
    """Inner whitespace runs → one space, casefolded: how labels, headers and methods are compared."""
    return " ".join(text.split()).casefold()


@dataclass
class Paragraph:
    """One paragraph: its runs as (text, bold)."""

    runs: list[tuple[str, bool]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return clean("".join(t for t, _ in self.runs))

    def label(self) -> tuple[str, str] | None:
        """``Label: value`` when the paragraph opens with a bold run ending in a colon."""
        head = ""
        for i, (text, bold) in enumerate(self.runs):
            if not bold:
                break
            head += text
            if head.rstrip().endswith(":"):
                rest = "".join(t for t, _ in self.runs[i + 1 :])
                return clean(head.rstrip()[:-1]), clean(rest)
        return None

    @property
    def bold(self) -> bool:
        return bool(self.text) and all(b for t, b in self.runs if t.strip())


@dataclass
class Table:
    rows: list[list[str]] = field(default_factory=list)


Block = Paragraph | Table
