"""Put cached procedure bodies and a commune's stamp together into output PDFs, with pypdf's public API.

Every output page is a new page of two Form XObjects: the commune's stamp, then the cached body page
over it (``q /NiemyetStamp Do Q q /NiemyetBody Do Q``). Why XObjects rather than
``PageObject.merge_page``: merge_page parses and rewrites both content streams (and renames
resources) on every page, which costs more than the render it saves. Here a page of a parsed PDF is
turned into a Form XObject *once*, in place (its content stream gains ``/Type /XObject /Subtype
/Form``, a ``/BBox`` and the page's resources), and ``PdfWriter.add_page`` copies what the new page
refers to, each object once per output file. Drawing the stamp first is safe because the body paints
nothing in the bands the stamp uses (the sheet CSS sets no page or root background). The stamp PDF has
a portrait page and a landscape page; a body page gets the one of its own orientation.

Reproducible: no timestamps are written (the dates are the posting date) and no file identifier
(``/ID`` is optional in an unencrypted PDF 1.7 file, and pypdf only makes random ones).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass, field

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, IndirectObject, NameObject

STAMP = NameObject("/NiemyetStamp")
BODY = NameObject("/NiemyetBody")
_DRAW = b"q /NiemyetStamp Do Q q /NiemyetBody Do Q\n"


@dataclass(frozen=True)
class XPage:
    """One page of a rendered PDF, as a Form XObject (a reference into its reader) and its size."""

    xobject: IndirectObject
    mediabox: ArrayObject

    @property
    def landscape(self) -> bool:
        return float(self.mediabox[2]) > float(self.mediabox[3])


def _as_xobject(page: PageObject) -> XPage:
    """Turn ``page``'s content stream into a Form XObject in place; WeasyPrint writes one stream a page."""
    ref = page.raw_get("/Contents")
    stream = ref.get_object() if isinstance(ref, IndirectObject) else None
    if not isinstance(stream, DictionaryObject):
        raise ValueError("trang PDF không có đúng một luồng nội dung")
    stream[NameObject("/Type")] = NameObject("/XObject")
    stream[NameObject("/Subtype")] = NameObject("/Form")
    stream[NameObject("/BBox")] = ArrayObject(page.mediabox)
    stream[NameObject("/Resources")] = page.raw_get("/Resources")
    return XPage(ref, ArrayObject(page.mediabox))


@dataclass(frozen=True)
class RenderedPdf:
    """A rendered PDF kept parsed, its pages as Form XObjects."""

    pages: tuple[XPage, ...] = field(repr=False)

    @classmethod
    def from_bytes(cls, data: bytes) -> RenderedPdf:
        reader = PdfReader(io.BytesIO(data))
        return cls(tuple(_as_xobject(page) for page in reader.pages))

    @property
    def page_count(self) -> int:
        return len(self.pages)


def _page(stamp: XPage, body: XPage) -> PageObject:
    page = PageObject.create_blank_page(width=body.mediabox[2], height=body.mediabox[3])
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/XObject"): DictionaryObject({STAMP: stamp.xobject, BODY: body.xobject})}
    )
    draw = DecodedStreamObject()
    draw.set_data(_DRAW)
    page[NameObject("/Contents")] = draw  # add_page makes a page's content stream an indirect object
    return page


def write_stamped(parts: Iterable[RenderedPdf], stamp: RenderedPdf, title: str, created: dt.date) -> bytes:
    """Concatenate ``parts`` page by page, the stamp drawn under every page; return the PDF bytes.

    ``created`` (the posting date, never "now") is written as the creation and modification date.
    """
    portrait, landscape = stamp.pages[0], stamp.pages[-1]
    writer = PdfWriter()
    writer.pdf_header = "%PDF-1.7"  # what WeasyPrint writes; pypdf's default says 1.3
    for part in parts:
        for body in part.pages:
            writer.add_page(_page(landscape if body.landscape else portrait, body))
    date = created.strftime("D:%Y%m%d000000Z")
    writer.add_metadata(
        {"/Title": title, "/Producer": "niemyet (WeasyPrint, pypdf)", "/CreationDate": date, "/ModDate": date}
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
