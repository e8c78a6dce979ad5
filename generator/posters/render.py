"""HTML → PDF for posting sheets: one Jinja environment, WeasyPrint, fixed metadata.

* One environment with ``StrictUndefined`` (a missing value fails the build instead of printing a
  blank on a poster) and autoescape on every template: YAML values are passed as data, never as
  template source, so ``{{ x }}`` or ``<b>`` in a record prints literally.
* Fonts come from ``generator/assets/fonts`` through ``@font-face`` with file URLs, so output does not
  depend on the system's fonts; WeasyPrint embeds the subset it uses.
* Reproducible: the creation date written into the PDF is the posting date (from SOURCE_DATE_EPOCH
  or the data, never "now"), and the PDF identifier is derived from the content.
"""

from __future__ import annotations

import atexit
import datetime as dt
import hashlib
from dataclasses import dataclass
from functools import cache
from typing import Any

import jinja2
import segno

from generator.errors import BuildError
from generator.posters.rows import WIDTHS, cell_lines, row_break
from generator.resources import FONTS
from generator.resources import POSTERS as TEMPLATES


@dataclass(frozen=True)
class FontFace:
    url: str
    weight: str
    style: str


def font_faces() -> tuple[FontFace, ...]:
    names = {
        "Regular": ("normal", "normal"),
        "Bold": ("bold", "normal"),
        "Italic": ("normal", "italic"),
        "BoldItalic": ("bold", "italic"),
    }
    return tuple(FontFace((FONTS / f"NotoSans-{n}.ttf").as_uri(), w, s) for n, (w, s) in names.items())


@cache
def qr_data_uri(url: str) -> str:
    """A QR code as an inline PNG data URI (medium error correction survives a worn print).

    Cached per process: a procedure's record address is on every variant of its body.

    PNG, not SVG: WeasyPrint spends about 45 ms drawing a QR code's SVG path, and nothing on a
    PNG; one pixel per module, scaled up without smoothing (``image-rendering: pixelated``), stays
    exactly as sharp in print.
    """
    uri: str = segno.make(url, error="m", micro=False).png_data_uri(scale=1, border=2, dark="#000", light="#fff")
    return uri


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=True,  # every template, whatever its extension
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["qr_data_uri"] = qr_data_uri
    env.filters["row_break"] = row_break
    env.filters["cell_lines"] = cell_lines
    env.globals.update(WIDTHS)
    return env


def render_html(template: str, created: dt.date, **context: Any) -> str:
    """A sheet's HTML; a template error becomes a BuildError naming the template and the procedure or
    commune the sheet is for."""
    stamp = dt.datetime.combine(created, dt.time(), tzinfo=dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    try:
        return environment().get_template(template).render(fonts=font_faces(), created=stamp, **context)
    except jinja2.TemplateError as exc:
        raise BuildError(f"không dựng được tờ {_subject(context)}(mẫu {template}): {exc}") from exc


def _subject(context: dict[str, Any]) -> str:
    """What a sheet is about, for an error message: the first code or slug found in its context."""
    for value in context.values():
        for attr in ("code", "slug"):
            if isinstance(getattr(value, attr, None), str):
                return f"{getattr(value, attr)} "
    return ""


@cache
def _sheet_stylesheet() -> tuple[Any, Any]:
    """The posting sheets' stylesheet, parsed once per process with its fonts (saves ~55 ms a render)."""
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    atexit.register(_sheet_stylesheet.cache_clear)  # free it while Pango is still loaded, not at teardown
    css = environment().get_template("sheet.css").render(fonts=font_faces())
    return CSS(string=css, base_url=str(TEMPLATES), font_config=fonts), fonts


#: Where an element with an ``id`` lies on its page: (top, bottom) in points from the page's top edge.
Marks = dict[str, tuple[float, float]]
_PT_PER_PX = 0.75  # WeasyPrint measures in CSS pixels, 96 to the inch; PDF in points, 72 to the inch


def html_to_pdf(html: str, sheet: bool = True) -> bytes:
    """Render with WeasyPrint, with the shared sheet stylesheet unless ``sheet`` is False (the stamp
    brings its own); the PDF identifier is a hash of the HTML, so equal input gives equal bytes."""
    return html_to_pdf_marked(html, sheet)[0]


def html_to_pdf_marked(html: str, sheet: bool = True) -> tuple[bytes, tuple[Marks, ...]]:
    """:func:`html_to_pdf`, and per page where each element with an ``id`` lies on it (from the same
    layout: WeasyPrint's public ``Page.anchors``)."""
    from weasyprint import HTML  # imported late: loading Pango costs time that `--help` should not pay

    identifier = hashlib.md5(html.encode(), usedforsecurity=False).hexdigest().encode()
    source = HTML(string=html, base_url=str(TEMPLATES))
    if sheet:
        css, fonts = _sheet_stylesheet()
        document = source.render(stylesheets=[css], font_config=fonts)
    else:
        document = source.render()
    marks = tuple(
        {name: (box[1] * _PT_PER_PX, box[3] * _PT_PER_PX) for name, box in page.anchors.items()}
        for page in document.pages
    )
    return bytes(document.write_pdf(pdf_identifier=identifier)), marks
