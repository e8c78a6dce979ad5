"""MkDocs hooks (``hooks:`` in mkdocs.yml): keep Python-Markdown away from the generated HTML blocks.

Measured on synth 150 × 400: 80 of 97 s of ``mkdocs build`` went into Python-Markdown's raw HTML
parser (``html.parser`` over ~600,000 tags). The generated pages are Markdown headings (for the
table of contents and anchors) separated by blank lines from raw HTML blocks (lines starting
with ``<``, never containing a blank line: env.py turns newlines in values into ``<br>``).
``on_page_markdown`` swaps each HTML block for a placeholder paragraph; ``on_page_content``
puts the blocks back verbatim. The placeholder can only come from here: values from YAML appear
only inside HTML blocks or escaped headings, never as a whole ``<p>`` of their own.

Light pages (issue 13): the pages load no Material script, which is what wraps every plain table
in ``md-typeset__scrollwrap`` / ``md-typeset__table`` at run time; ``on_page_content`` writes the
same wrapper at build time so tables keep Material's look. A ``<table>`` tag can only come from
the templates: every YAML value is HTML-escaped.
"""

from __future__ import annotations

import re
from typing import Any

_TOKEN = "NMHTMLBLOCK{:06d}"
_PLACEHOLDER = re.compile(r"<p>NMHTMLBLOCK(\d{6})</p>")
_stash: dict[str, list[str]] = {}
_TABLE_OPEN = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table>'
_TABLE_CLOSE = "</table></div></div>"
_PLAIN_TABLE = re.compile(r"<table>(.*?)</table>", re.S)


def on_page_markdown(markdown: str, page: Any, **kwargs: Any) -> str:
    blocks: list[str] = []
    chunks = markdown.split("\n\n")
    for i, chunk in enumerate(chunks):
        if chunk.startswith("<") and not chunk.startswith("<!--"):
            chunks[i] = _TOKEN.format(len(blocks))
            blocks.append(chunk)
    _stash[page.file.src_uri] = blocks
    return "\n\n".join(chunks)


def on_page_content(html: str, page: Any, **kwargs: Any) -> str:
    blocks = _stash.pop(page.file.src_uri, [])
    html = _PLACEHOLDER.sub(lambda m: blocks[int(m.group(1))], html) if blocks else html
    return wrap_tables(html)


def wrap_tables(html: str) -> str:
    """Material's table wrapper, written at build time (its script is not loaded). Like Material's script,
    only plain ``<table>`` elements get it; a table with a class (the oversight table) keeps its own
    container, and its ``</table>`` is left alone (tables are never nested in the templates)."""
    return _PLAIN_TABLE.sub(lambda m: _TABLE_OPEN + m.group(1) + _TABLE_CLOSE, html)
