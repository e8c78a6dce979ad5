"""A pre-scan of flow nesting depth, before libyaml sees the text.

libyaml's composer recurses in C: ``a: [[[[...]]]]`` 100,000 levels deep crashes the process
(segmentation fault), and even its event parser is quadratic on such input (48 s for 100,000
levels here). Block nesting needs indentation, so the 2 MiB file limit bounds it to about 2,000
levels, which composes safely; flow nesting (brackets) does not, hence this scan. It only runs
when the text has many brackets at all, so ordinary files pay one ``str.count`` each.
"""

from __future__ import annotations

import re

_BRACKETS_WORTH_SCANNING = 200
_TOKENS = re.compile(r"""'(?:[^']|'')*'|"(?:[^"\\]|\\.)*"|#[^\n]*|[\[\]{}]""")


def flow_depth_exceeds(text: str, limit: int) -> tuple[int, int] | None:
    """The offset of the first bracket deeper than ``limit`` (quotes and comments skipped), else None."""
    if text.count("[") + text.count("{") < _BRACKETS_WORTH_SCANNING:
        return None
    depth = 0
    for match in _TOKENS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > limit:
                return match.start(), depth
        elif token in "]}":
            depth = max(0, depth - 1)
    return None
