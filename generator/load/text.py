"""Turn a file's bytes into NFC text, or say exactly why not.

Vietnamese files arrive in UTF-8 with or without a BOM, in UTF-16 from Windows tools, in
Windows-1258 or TCVN3 (ABC) from old office software, and in NFD from macOS or Word. Only
UTF-8 is accepted (E002, naming the likely encoding); NFD is accepted with a warning (W001)
and normalised to NFC, the form the data is compared and rendered in.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from generator.problems import Problem, make

_TAB_INDENT = re.compile(r"^( *)\t", re.MULTILINE)
# Windows-1258 writes tones as combining marks at these bytes; TCVN3 uses precomposed letters.
_CP1258_TONES = {0xCC, 0xEC, 0xDE, 0xD2, 0xF2}


@dataclass
class DecodedText:
    text: str | None
    problems: list[Problem] = field(default_factory=list)


def position_of(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    start = text.rfind("\n", 0, offset) + 1
    return line, offset - start + 1


def guess_encoding(raw: bytes) -> str:
    """The likely encoding of bytes that are not UTF-8 (named in E002 by ``check`` and ``stats import``)."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff") or raw[:200].count(b"\x00") > 10:
        return "UTF-16"
    high = [b for b in raw if b >= 0x80]
    if high and sum(b in _CP1258_TONES for b in high) * 4 >= len(high):
        return "Windows-1258"
    return "TCVN3 (ABC) hoặc Windows-1258"


def decode(raw: bytes, path: str) -> DecodedText:
    """Decode UTF-8 (a BOM is allowed); refuse other encodings and tab indentation; warn on NFD and normalise it."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return DecodedText(None, [make("E002", path, (1, 1), guess=" (có vẻ là UTF-16)")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        head = raw[: exc.start].decode("utf-8", errors="replace")
        guess = f" (có vẻ là {guess_encoding(raw)})"
        return DecodedText(None, [make("E002", path, position_of(head, len(head)), guess=guess)])
    problems: list[Problem] = []
    if "\x00" in text:
        return DecodedText(None, [make("E002", path, (1, 1), guess=" (có ký tự NUL, có vẻ là UTF-16)")])
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        offset = next(i for i, ch in enumerate(text) if unicodedata.combining(ch))
        start = max(0, offset - 12)
        snippet = text[start : offset + 4].split("\n")[-1]
        problems.append(make("W001", path, position_of(text, offset), text=unicodedata.normalize("NFC", snippet)))
        text = unicodedata.normalize("NFC", text)
    if "\t" in text:  # the scan for tab indentation costs more than this test; most files have no tab
        tabs = [make("E005", path, position_of(text, m.end() - 1)) for m in _TAB_INDENT.finditer(text)]
        if tabs:
            return DecodedText(None, problems + tabs[:5])
    return DecodedText(text, problems)
