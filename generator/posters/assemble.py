"""Put cached procedure bodies and a commune's stamp together into output PDFs, with pypdf.

Why a Form XObject rather than ``PageObject.merge_page``: merge_page parses and rewrites both content
streams (and renames resources) on every page, which costs more than the render it saves. Here the
stamp page becomes one Form XObject per output file, and each body page only gains a tiny content
stream ``q /NiemyetStamp Do Q`` placed *before* its own content. Drawing the stamp first needs no
wrapping of the body's graphics state, and is safe because the body paints nothing in the bands the
stamp uses (the sheet CSS sets no page or root background).

Reproducible: no timestamps are written, and the file identifier is a hash of what went in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from collections.abc import Iterable
from dataclasses import dataclass

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DecodedStreamObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    PdfObject,
)

STAMP_NAME = NameObject("/NiemyetStamp")


@dataclass(frozen=True)
class RenderedPdf:
    """A rendered PDF kept parsed, with a digest of its bytes for identifiers."""

    reader: PdfReader
    digest: str

    @classmethod
    def from_bytes(cls, data: bytes) -> RenderedPdf:
        return cls(PdfReader(io.BytesIO(data)), hashlib.sha256(data).hexdigest())

    @property
    def page_count(self) -> int:
        return len(self.reader.pages)


def _stream(writer: PdfWriter, data: bytes, extra: dict[str, PdfObject] | None = None) -> IndirectObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    for key, value in (extra or {}).items():
        stream[NameObject(key)] = value
    return writer._add_object(stream)  # pypdf has no public name for adding a free object


def _stamp_xobject(writer: PdfWriter, stamp: RenderedPdf) -> IndirectObject:
    page = stamp.reader.pages[0]
    contents = page.get_contents()
    data = contents.get_data() if contents is not None else b""
    return _stream(
        writer,
        data,
        {
            "/Type": NameObject("/XObject"),
            "/Subtype": NameObject("/Form"),
            "/BBox": ArrayObject(page.mediabox),
            "/Resources": page["/Resources"].clone(writer),
        },
    )


def _add_stamped_page(
    writer: PdfWriter, source: PdfReader, index: int, xobject: IndirectObject, draw: PdfObject
) -> None:
    page = writer.add_page(source.pages[index])
    resources = page.setdefault(NameObject("/Resources"), DictionaryObject()).get_object()
    assert isinstance(resources, DictionaryObject)
    xobjects = resources.setdefault(NameObject("/XObject"), DictionaryObject()).get_object()
    assert isinstance(xobjects, DictionaryObject)
    xobjects[STAMP_NAME] = xobject
    contents = page.raw_get(NameObject("/Contents"))  # the reference: a stream in an array must be indirect
    resolved = contents.get_object()
    old = list(resolved) if isinstance(resolved, ArrayObject) else [contents]
    page[NameObject("/Contents")] = ArrayObject([draw, *old])


def write_stamped(parts: Iterable[RenderedPdf], stamp: RenderedPdf, title: str, created: dt.date) -> bytes:
    """Concatenate ``parts`` page by page, the stamp drawn under every page; return the PDF bytes.

    ``created`` (the posting date, never "now") is written as the creation and modification date.
    """
    writer = PdfWriter()
    xobject = _stamp_xobject(writer, stamp)
    draw = _stream(writer, b"q /NiemyetStamp Do Q\n")
    digest = hashlib.sha256(stamp.digest.encode())
    for part in parts:
        digest.update(part.digest.encode())
        for i in range(part.page_count):
            _add_stamped_page(writer, part.reader, i, xobject, draw)
    date = created.strftime("D:%Y%m%d000000Z")
    writer.add_metadata(
        {"/Title": title, "/Producer": "niemyet (WeasyPrint, pypdf)", "/CreationDate": date, "/ModDate": date}
    )
    identifier = ByteStringObject(digest.digest()[:16])
    writer._ID = ArrayObject([identifier, identifier])  # fixed /ID: equal input, equal bytes
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
