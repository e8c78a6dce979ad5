"""Which commune handled a file: the export's unit (DonViXuLy, or the register's unit column) matched to a
commune file by its ``unit_code`` (mã định danh) or by its ``name``, ignoring case, diacritics, spacing and a
leading "UBND" / "Ủy ban nhân dân": "UBND xã Cam Lâm" and "Ủy ban nhân dân Xã Cam Lam" are Xã Cam Lâm."""

from __future__ import annotations

import re
import unicodedata

from generator.model.types import ProvinceData
from generator.text.slug import ascii_fold

_PREFIX = re.compile(r"^(ubnd|uy ban nhan dan)\s+")
_SPACES = re.compile(r"[\s.,;:_-]+")


def unit_key(text: str) -> str:
    """``"UBND  Xã Cam Lâm"`` → ``"xa cam lam"``."""
    folded = _SPACES.sub(" ", ascii_fold(unicodedata.normalize("NFC", text)).casefold()).strip()
    return _PREFIX.sub("", folded)


def unit_index(data: ProvinceData) -> dict[str, str]:
    """Folded unit code or name → commune slug (codes first: a name never overrides a code)."""
    index: dict[str, str] = {}
    for commune in data.communes.values():
        index.setdefault(unit_key(commune.name), commune.slug)
    for commune in data.communes.values():
        if commune.unit_code:
            index[commune.unit_code.strip().casefold()] = commune.slug
    return index


def match_units(units: list[str], data: ProvinceData | dict[str, str]) -> dict[str, str]:
    """Each unit text that names a commune → its slug; the others are left out (reported as unmatched).
    ``data``: the province, or its ``unit_index``."""
    index = data if isinstance(data, dict) else unit_index(data)
    out = {}
    for unit in units:
        slug = index.get(unit.strip().casefold()) or index.get(unit_key(unit))
        if slug is not None:
            out[unit] = slug
    return out


def shown_text(text: str, limit: int = 60) -> str:
    """A cell named in a warning (a unit, a code): control characters out, shortened, never run as a formula."""
    clean = "".join(ch if ch.isprintable() else " " for ch in text).strip()
    clean = clean if len(clean) <= limit else clean[: limit - 1] + "…"
    return "'" + clean if clean.startswith(("=", "+", "-", "@")) else clean
