"""What both readers produce: the export's flow of paragraphs and tables, text already NFC.

The docx and the PDF reader differ only in how they find these blocks; ``record.py`` reads the
labelled fields and tables out of the same flow for both.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

NO_INFO = "Không có thông tin"


class ImportFailure(Exception):
    """A file that cannot be imported: its ``path`` and a Vietnamese ``reason`` naming what to do (E160)."""

    def __init__(self, path: object, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


def clean(text: str) -> str:
    """NFC, outer whitespace trimmed; inner text (newlines included) kept as written."""
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
