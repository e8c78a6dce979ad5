"""Vietnamese-aware folding and slugs: "Đăng ký khai sinh" → ``dang-ky-khai-sinh``.

Unicode decomposition strips tones and hats, but "đ"/"Đ" is its own letter (no decomposition),
which is why Python-Markdown's default slugify drops it; it is mapped to "d" here explicitly.
"""

from __future__ import annotations

import re
import unicodedata

_D = str.maketrans({"đ": "d", "Đ": "D"})
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def ascii_fold(text: str) -> str:
    """Remove Vietnamese diacritics: "Chứng thực bản sao" → "Chung thuc ban sao"."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slugify(text: str, max_length: int = 80) -> str:
    """A stable URL slug: lower-case ASCII words joined by "-"."""
    slug = _NON_SLUG.sub("-", ascii_fold(text).lower()).strip("-")
    return slug[:max_length].rstrip("-") or "x"


SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def sort_key(text: str) -> tuple[str, str]:
    """Vietnamese-friendly ordering: "Đặc khu" sorts with "D", not after "Z"; ties by the text."""
    return ascii_fold(text).casefold(), text
