"""Text from files made safe to print on a terminal: control characters shown, never obeyed.

A PDF, a file name or a YAML value may hold escape sequences (``ESC [2J`` clears the screen, OSC
sequences set titles or links) or bidirectional overrides that reorder what a clerk reads.
``printable`` writes each of them as a visible escape (``\\x1b``, ``\\u202e``); line breaks become
``\\n`` too, so one message stays one line. Everything else (Vietnamese included) is unchanged.
"""

from __future__ import annotations

import re

# C0 controls, DEL, C1 controls; bidirectional marks, embeddings, overrides and isolates; zero-width
# characters and the line/paragraph separators.
INVISIBLE = "\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029{INVISIBLE}]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control, bidi and zero-width character written as a visible escape."""
    return _UNSAFE.sub(_escape, text)


def lines_printable(text: str) -> str:
    """``printable`` line by line: the line breaks of a multi-line report are kept."""
    return "\n".join(printable(line) for line in text.split("\n"))
