"""A plain Vietnamese reason for an error a reader did not name itself (the file is named by the caller)."""

from __future__ import annotations

import lzma
import zipfile
import zlib

from generator.importer.blocks import CellRefused

_DAMAGED = (zlib.error, zipfile.BadZipFile, EOFError, lzma.LZMAError, UnicodeDecodeError)


def reason(exc: Exception) -> str:
    """A plain reason for an error the readers did not name themselves."""
    if isinstance(exc, CellRefused):
        return str(exc)
    if isinstance(exc, MemoryError):
        return "đọc tệp cần quá nhiều bộ nhớ; tệp không phải tệp xuất thủ tục bình thường"
    if isinstance(exc, RecursionError):
        return "cấu trúc trong tệp lồng quá sâu; tệp không phải tệp xuất thủ tục bình thường"
    if isinstance(exc, _DAMAGED):
        return f"tệp hỏng (dữ liệu nén bị lỗi); hãy tải lại tệp từ Cổng ({type(exc).__name__})"
    return f"tệp hỏng hoặc không phải tệp xuất, không đọc được ({type(exc).__name__}: {str(exc)[:80]})"
