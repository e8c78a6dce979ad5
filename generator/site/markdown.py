"""Markdown heading anchors with the project's Vietnamese-aware slug (``toc: slugify`` in mkdocs.yml).

Python-Markdown's default drops "Đ" ("Đăng ký" → ``ang-ky``); this keeps it as "d".
"""

from __future__ import annotations

from generator.text.slug import slugify as _slugify


def slugify(value: str, separator: str) -> str:
    slug = _slugify(value)
    return slug if separator == "-" else slug.replace("-", separator)
