"""Which column of an export holds what: national sync names, the register's Vietnamese headers, a province's own.

Headers are compared folded: NFC, diacritics and "đ" removed, case folded, everything but letters and digits
dropped, so ``MaHoSo``, ``Mã hồ sơ`` and ``MÃ HỒ SƠ`` are one name. A province maps other headers in its
``province.yaml`` (``statistics.columns: {received: "Ngày nhận hồ sơ"}``); those are tried first.

Personal columns (applicant, ID numbers, phone, e-mail, address, summary) are never selected: only the
columns of ``FIELDS`` are read past the header, and a mapping onto a personal header is refused.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.text.slug import ascii_fold

# field → the headers it is known by (the national sync name first: it is what messages show)
FIELDS: dict[str, tuple[str, ...]] = {
    "file_code": ("MaHoSo", "Mã hồ sơ", "Số hồ sơ"),
    "procedure": ("MaTTHC", "Mã thủ tục", "Mã thủ tục hành chính"),
    "unit": ("DonViXuLy", "Đơn vị xử lý", "Đơn vị tiếp nhận", "Đơn vị", "Cơ quan xử lý", "Cơ quan tiếp nhận"),
    "channel": ("KenhThucHien", "Kênh thực hiện", "Kênh nộp", "Cách thức nộp", "Hình thức nộp"),
    "status": ("TrangThaiHoSo", "Trạng thái hồ sơ", "Trạng thái"),
    "received": ("NgayTiepNhan", "Ngày tiếp nhận", "Ngày nhận"),
    "due": ("NgayHenTra", "Ngày hẹn trả", "Hạn trả", "Hạn giải quyết"),
    "finished": ("NgayKetThucXuLy", "Ngày kết thúc xử lý", "Ngày kết thúc", "Ngày có kết quả"),
    "returned": ("NgayTra", "Ngày trả", "Ngày trả kết quả"),
    "apology": ("ThuXinLoi", "Thư xin lỗi", "Có thư xin lỗi", "Đã xin lỗi"),
}
REQUIRED = ("file_code", "procedure", "unit", "received", "due")
DATES = ("received", "due", "finished", "returned")
# Headers of personal data (national sync names and the register's): never read, never mapped onto.
# the national sync's personal fields (written by every one-stop system's export)
PERSONAL_SYNC = (
    "ChuHoSo",
    "SoGiayToChuHoSo",
    "SoDienThoai",
    "Email",
    "DiaChi",
    "TrichYeuHoSo",
    "DinhDanhCHS",
)
PERSONAL = (
    *PERSONAL_SYNC,
    "Chủ hồ sơ",
    "Người nộp",
    "Họ tên",
    "Số giấy tờ",
    "Số CCCD",
    "Số định danh",
    "Điện thoại",
    "Thư điện tử",
    "Địa chỉ",
    "Trích yếu",
    "Nội dung",
    "Người nhận",
)
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(header: str) -> str:
    """``"Mã hồ sơ"`` → ``"mahoso"`` (= ``fold("MaHoSo")``)."""
    return _NON_ALNUM.sub("", ascii_fold(unicodedata.normalize("NFC", header)).casefold())


_PERSONAL = frozenset(fold(h) for h in PERSONAL)


def is_personal(header: str) -> bool:
    return fold(header) in _PERSONAL


@dataclass(frozen=True)
class ColumnMap:
    """Where each found field is: its 0-based index and its header as written; what is missing."""

    found: dict[str, tuple[int, str]]
    missing: tuple[str, ...]
    refused: tuple[tuple[str, str], ...]  # (field, header) of a province mapping onto a personal column

    def index(self, name: str) -> int | None:
        hit = self.found.get(name)
        return None if hit is None else hit[0]


def names_of(field: str, overrides: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    return (*overrides.get(field, ()), *FIELDS[field])


def map_columns(header: Sequence[str], overrides: Mapping[str, Sequence[str]] | None = None) -> ColumnMap:
    """Find every field of ``FIELDS`` in ``header`` (the first matching column wins)."""
    overrides = overrides or {}
    by_fold: dict[str, int] = {}
    for i, h in enumerate(header):
        by_fold.setdefault(fold(h), i)
    found: dict[str, tuple[int, str]] = {}
    refused = []
    for field in FIELDS:
        for name in names_of(field, overrides):
            hit = by_fold.get(fold(name))
            if hit is None:
                continue
            i = hit
            if is_personal(header[i]):
                refused.append((field, header[i]))
                break
            found[field] = (i, header[i])
            break
    missing = tuple(f for f in REQUIRED if f not in found)
    return ColumnMap(found, missing, tuple(refused))
