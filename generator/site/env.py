"""The one Jinja2 environment of the site, and the filters templates may use.

Why HTML inside Markdown: every value from YAML goes through Jinja's autoescape, so a name like
``<script>`` or ``{{ x }}`` becomes text. Pages are mostly raw HTML blocks (which Python-Markdown
passes through untouched), so Markdown syntax in data (``*``, ``[a](b)``) is never interpreted
either. Where a value must sit in a Markdown heading (so the table of contents sees it), the
``md`` filter escapes it for HTML *and* Markdown. Data is only ever passed as values, never as
template source, so ``{{ }}`` in data is never evaluated.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup, escape

from generator.resources import TEMPLATES
from generator.text.labels import METHOD_LABELS
from generator.text.slug import ascii_fold

# Python-Markdown's escapable characters (base set); a backslash makes each literal.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!|~<])")
# Python-Markdown uses STX/ETX to mark its stash placeholders; data must never contain them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BLANK_LINES = re.compile(r"\n\s*\n")


def _finalize(value: Any) -> Any:
    """Every ``{{ value }}``: drop control characters; a blank line would end a raw HTML block."""
    if type(value) is not str or value.isprintable():  # fast path: autoescape does the rest
        return value
    return escape(_CONTROL.sub("", value)).replace("\n", Markup("<br>"))


def md_inline(value: str) -> Markup:
    """Text for a Markdown heading: HTML-escaped, then every Markdown special backslash-escaped."""
    text = str(escape(_CONTROL.sub("", value).replace("\n", " ")))
    return Markup(_MD_SPECIAL.sub(r"\\\1", text))


def safe_url(value: str) -> str:
    """Only http(s) and relative links get through; anything else (``javascript:``) becomes ``#``."""
    scheme = urlsplit(value.strip()).scheme.lower()
    return value.strip() if scheme in ("http", "https", "") and not value.strip().startswith("//") else "#"


def fold(value: str) -> str:
    """The diacritic-free form Pagefind matches for "dang ky" (see search.py)."""
    return ascii_fold(value).lower()


def date_vi(value: dt.date) -> str:
    return value.strftime("%d/%m/%Y")


def environment(templates: Path = TEMPLATES) -> jinja2.Environment:
    """StrictUndefined (a missing value fails the build) and autoescape on every template."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates / "pages"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_finalize,
    )
    env.filters.update(md=md_inline, url=safe_url, date_vi=date_vi, method_label=METHOD_LABELS.get, fold=fold)
    return env
