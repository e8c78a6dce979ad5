"""Read the export's docx (also when it comes under a .doc name) straight from its OOXML.

The files are written by Apache POI: no ``<w:tblGrid>``, every cell opens with an empty paragraph,
values keep literal newlines inside ``<w:t>``, quantities are ``Bản chính: 1<w:br/>Bản sao: 0``.
Reading the XML directly (zipfile + ElementTree) copes with all of that and is fast.

Bounded whatever the file says of itself: ``word/document.xml`` is inflated 64 KiB at a time and the
bytes are counted as they come (a zip header's sizes are not trusted), the XML is parsed as it
arrives with a limit on elements, and each paragraph or table is dropped once read. Only what Word
writes is opened: stored or deflated members, no encryption, no DTD.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import IO, Any
from xml.etree import ElementTree as ET

from generator.importer.blocks import Block, ImportFailure, Paragraph, Table, clean

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_XML = 16 * 1024 * 1024  # inflated document.xml; the largest real export's is 60 KB
MAX_ELEMENTS = 500_000  # XML elements; a real export has a few thousand
CHUNK = 64 * 1024
_METHODS = {12: "bzip2", 14: "LZMA", 99: "AES (mã hóa có mật khẩu)"}
_OFF = {"false", "0", "off", "none"}
_T, _BR, _CR, _TAB, _P = W + "t", W + "br", W + "cr", W + "tab", W + "p"
_BODY, _TBL = W + "body", W + "tbl"


def _run(run: ET.Element) -> tuple[str, bool]:
    parts: list[str] = []
    for child in run:
        if child.tag == _T:
            parts.append(child.text or "")
        elif child.tag in (_BR, _CR):
            parts.append("\n")
        elif child.tag == _TAB:
            parts.append("\t")
    bold_el = run.find(f"{W}rPr/{W}b")
    bold = bold_el is not None and bold_el.get(W + "val", "true").lower() not in _OFF
    return "".join(parts), bold


def _paragraph(p: ET.Element) -> Paragraph:
    runs = [_run(r) for r in p.iter(W + "r")]
    return Paragraph([r for r in runs if r[0]])


def _cell(tc: ET.Element) -> str:
    """A cell's paragraphs joined by line breaks (one pass over the XML: cells are most of a file)."""
    parts: list[str] = []
    for el in tc.iter():
        tag = el.tag
        if tag == _T:
            parts.append(el.text or "")
        elif tag in (_BR, _CR):
            parts.append("\n")
        elif tag == _TAB:
            parts.append("\t")
        elif tag == _P and parts:
            parts.append("\n")
    return clean("".join(parts))


def _table(tbl: ET.Element) -> Table:
    return Table([[_cell(tc) for tc in tr.findall(W + "tc")] for tr in tbl.findall(W + "tr")])


def _member(zf: zipfile.ZipFile, name: str) -> zipfile.ZipInfo:
    """``word/document.xml``, refused when Word could not have written it so (encrypted, odd compression)."""
    try:
        info = zf.getinfo("word/document.xml")
    except KeyError as exc:
        raise ImportFailure(name, "tệp nén không có word/document.xml, không phải tệp Word .docx") from exc
    if info.flag_bits & 0x1 or info.compress_type == 99:
        raise ImportFailure(
            name, "tệp Word có mật khẩu (đã mã hóa); hãy mở bằng Word, bỏ mật khẩu, lưu lại .docx rồi nhập lại"
        )
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        method = _METHODS.get(info.compress_type, f"mã {info.compress_type}")
        raise ImportFailure(
            name,
            f"tệp nén dùng kiểu nén {method}, Word không dùng kiểu này; tệp đã bị sửa hoặc hỏng: tải lại tệp từ Cổng",
        )
    return info


def _blocks(stream: IO[bytes], name: str) -> list[Block]:
    """Parse the XML as it is inflated, counting bytes and elements; keep only the blocks read."""
    parser: Any = ET.XMLPullParser(events=("start", "end"))
    depth = elements = size = 0
    body: ET.Element | None = None
    blocks: list[Block] = []
    tail = b""
    while chunk := stream.read(CHUNK):
        size += len(chunk)
        if size > MAX_XML:
            raise ImportFailure(name, f"phần nội dung Word giải nén ra hơn {MAX_XML // 2**20} MB, không phải tệp xuất")
        if b"<!DOCTYPE" in tail + chunk or b"<!ENTITY" in tail + chunk:
            raise ImportFailure(name, "nội dung Word có khai báo DTD, tệp Word không có; tệp đã bị sửa")
        tail = chunk[-16:]
        parser.feed(chunk)
        for event, item in parser.read_events():
            el: ET.Element = item
            if event == "start":
                depth, elements = depth + 1, elements + 1
                if elements > MAX_ELEMENTS:
                    raise ImportFailure(name, f"nội dung Word có hơn {MAX_ELEMENTS:,} phần tử XML, không phải tệp xuất")
                if depth == 2 and el.tag == _BODY:
                    body = el
                continue
            depth -= 1
            if depth == 2 and body is not None:  # a child of <w:body> is whole: read it, then drop it
                if el.tag == _P:
                    blocks.append(_paragraph(el))
                elif el.tag == _TBL:
                    blocks.append(_table(el))
                del body[:]
    parser.close()
    return blocks


def read_docx(data: bytes, name: str) -> list[Block]:
    """Blocks of a docx export; ImportFailure (Vietnamese) when the file is not a readable docx."""
    if data.startswith(OLE_MAGIC):
        raise ImportFailure(
            name,
            "đây là tệp Word 97-2003 (.doc nhị phân), không phải tệp xuất docx; "
            "hãy mở tệp bằng Word hoặc LibreOffice, lưu lại dạng .docx rồi nhập lại",
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf, zf.open(_member(zf, name)) as stream:
            return _blocks(stream, name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, zlib.error) as exc:
        raise ImportFailure(name, f"tệp hỏng, không mở được dạng .docx (tệp nén ZIP) ({exc})") from exc
    except ET.ParseError as exc:
        raise ImportFailure(name, f"nội dung Word bị hỏng, không đọc được XML ({exc})") from exc
