"""Per-file exports of a one-stop system for the statistics tests (issue 21): rows in the national sync's shape,
written as CSV (UTF-8, BOM, Windows-1258, semicolons) or XLSX (a minimal workbook written here, dates as Excel date
cells or serials)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from tests.kit.encodings import windows_1258

SYNC_HEADER = (
    "MaHoSo",
    "MaTTHC",
    "TenTTHC",
    "KenhThucHien",
    "NgayTiepNhan",
    "NgayHenTra",
    "NgayKetThucXuLy",
    "NgayTra",
    "TrangThaiHoSo",
    "DonViXuLy",
    "ChuHoSo",
    "SoGiayToChuHoSo",
    "SoDienThoai",
    "Email",
    "DiaChi",
    "TrichYeuHoSo",
    "DinhDanhCHS",
)
PERSONAL = SYNC_HEADER[10:]


def stamp(value: dt.datetime | dt.date | None) -> str:
    """The national sync's date form, yyyyMMddHHmmss."""
    if value is None:
        return ""
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day)
    return value.strftime("%Y%m%d%H%M%S")


def csv_bytes(
    header: Sequence[str], rows: Iterable[Sequence[object]], encoding: str = "utf-8", delimiter: str = ","
) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([["" if c is None else str(c) for c in row] for row in rows])
    text = out.getvalue()
    if encoding == "windows-1258":
        return windows_1258(text)
    return text.encode(encoding)


def _col(i: int) -> str:
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name


def _serial(value: dt.datetime) -> float:
    delta = value - dt.datetime(1899, 12, 30)
    return delta.days + delta.seconds / 86400


def _xcell(ref: str, value: object) -> str:
    if isinstance(value, dt.datetime):  # a date cell: a serial number with a date format
        return f'<c r="{ref}" s="1"><v>{_serial(value)!r}</v></c>'
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f'<c r="{ref}"><v>{value}</v></c>'
    if isinstance(value, str) and value.startswith("=") and len(value) > 1:  # a formula with its cached result
        return f'<c r="{ref}"><f>{escape(value[1:])}</f><v>0</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(str(value))}</t></is></c>'


_OOXML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"'
        ">"
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_OOXML}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_OOXML}.worksheet+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{_OOXML}.styles+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"'
        ">"
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"'
        ' Target="xl/workbook.xml"/>'
        "</Relationships>"
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
        " "
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
        '<sheet name="HoSo" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"'
        ">"
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"'
        ' Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"'
        ' Target="styles.xml"/>'
        "</Relationships>"
    ),
    "xl/styles.xml": (
        '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
        ">"
        '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy hh:mm"/></numFmts>'
        '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>'
        '<cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/>'
        '<xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>'
    ),
}


def xlsx_bytes(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """A one-sheet workbook; datetimes become date cells, ``"=..."`` a formula cell with a cached 0."""
    lines = []
    for r, row in enumerate([list(header), *rows], start=1):
        cells = "".join(_xcell(f"{_col(c)}{r}", v) for c, v in enumerate(row) if v not in (None, ""))
        lines.append(f'<row r="{r}">{cells}</row>')
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
        ">"
        f"<sheetData>{''.join(lines)}</sheetData></worksheet>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in _PARTS.items():
            z.writestr(name, text)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    return out.getvalue()


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
