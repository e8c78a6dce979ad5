"""Legacy Vietnamese encodings that test inputs are written in."""

from __future__ import annotations

import unicodedata


def windows_1258(text: str) -> bytes:
    """Windows-1258 writes a base letter (maybe with a hat or horn) then a combining tone mark."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", ch)
        hats = [m for m in marks if m in "\u0302\u0306\u031b"]
        tones = [m for m in marks if m not in hats]
        out += unicodedata.normalize("NFC", base + "".join(hats)).encode("cp1258")
        out += "".join(tones).encode("cp1258")
    return bytes(out)
