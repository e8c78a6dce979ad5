"""Names and codes say what they show: no bidirectional override, no zero-width character (E128).

``"Đăng ký khai sinh\\u202e"`` reorders what follows on the screen; ``1.001193\\u200b`` looks like
``1.001193`` and is another string. Neither belongs in a name or a code, so both are reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.load import SourceFile
from generator.problems import Problem
from generator.schema.types import Context
from generator.text.terminal import INVISIBLE, printable

KEYS = ("code", "local_code", "name")
_INVISIBLE = re.compile(f"[{INVISIBLE}]")


def check_invisible(doc: SourceFile) -> Iterator[Problem]:
    """``name: Đăng ký khai sinh`` passes; ``name: "Đăng ký\\u202e khai sinh"`` fails (E128)."""
    for key in KEYS:
        value = doc.data.get(key)
        if isinstance(value, str) and (found := _INVISIBLE.findall(value)):
            shown = ", ".join(dict.fromkeys(printable(c) for c in found))
            yield Context(doc).problem("E128", (key,), key=key, chars=shown)
