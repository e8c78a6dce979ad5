"""One way to write a publication decision's number, whatever the export wrote.

The portal's export writes "Số quyết định" sometimes as ``6375/QĐ-BQP`` and sometimes as
``Quyết định số 6375/QĐ-BQP``; both are one number. The record keeps the bare number and every page,
sheet and message writes "Quyết định số " once in front of it.
"""

from __future__ import annotations

import re

# "Quyết định số 6375/QĐ-BQP", "QĐ số 12/QĐ-UBND"; never the "QĐ" of a number such as "QĐ/0001-BCA"
_PREFIX = re.compile(r"^\s*(?:quyết\s+định|qđ)\s+(?:số\s*)?[:.]?\s*", re.IGNORECASE)


def decision_number(text: str) -> str:
    """ "Quyết định số 6375/QĐ-BQP" → "6375/QĐ-BQP"; a bare number is returned as is (trimmed)."""
    bare = _PREFIX.sub("", text, count=1).strip()
    return bare or text.strip()


def decision_label(text: str) -> str:
    """ "Quyết định số 6375/QĐ-BQP", from either form of the number."""
    return f"Quyết định số {decision_number(text)}"
