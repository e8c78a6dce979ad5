"""Cấp thực hiện: the levels a record names ("Cấp Bộ, Cấp Tỉnh, Cấp Xã"), read one way everywhere."""

from __future__ import annotations

import re
from typing import Any

COMMUNE_LEVEL = "cấp xã"
DISTRICT_LEVEL = "cấp huyện"  # ended on 1 July 2025 (two-level local government)
_SPLIT = re.compile(r"[,;]")


def level_parts(level: Any) -> list[str]:
    """ "Cấp Bộ, Cấp Tỉnh" or ["Cấp Tỉnh", "Cấp Xã"] → ["cấp bộ", "cấp tỉnh", ...] (folded)."""
    items = level if isinstance(level, list) else [level]
    return [part.strip().casefold() for item in items if isinstance(item, str) for part in _SPLIT.split(item)]


def commune_handles(level: Any) -> bool:
    """The level names "Cấp Xã"."""
    return COMMUNE_LEVEL in level_parts(level)
