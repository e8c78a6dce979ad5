"""Write the binary E002 case files (legacy encodings, UTF-16, NUL) from the base commune file.

Run from the repository root: ``python -m tests.check.make_binary_cases``. The outputs are
committed; this script documents how they were made.
"""

from __future__ import annotations

from tests.kit.encodings import windows_1258
from tests.kit.paths import CASES

SOURCE = CASES / "base/tinh-mau/communes/xa-mau.yaml"
TARGET = "tinh-mau/communes/xa-mau.yaml"
# TCVN3 (ABC) bytes for the letters of the base commune file (a partial TCVN 5712 table, enough here).
TCVN3 = {
    "ã": 0xB7,
    "ẫ": 0xC9,
    "ô": 0xAB,
    "ộ": 0xE9,
    "ỉ": 0xD8,
    "ứ": 0xF8,
    "đ": 0xAE,
    "ế": 0xD5,
    "á": 0xB8,
    "ẩ": 0xC8,
    "ệ": 0xD6,
    "ư": 0xAD,
}


def tcvn3(text: str) -> bytes:
    return bytes(TCVN3[ch] if ch in TCVN3 else ord(ch) for ch in text if ch in TCVN3 or ord(ch) < 128)


def write(case: str, data: bytes) -> None:
    path = CASES / "invalid" / case / TARGET
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def main() -> None:
    text = SOURCE.read_text(encoding="utf-8")
    write("E002-windows-1258", windows_1258(text))
    write("E002-tcvn3", tcvn3(text))
    write("E002-utf16", text.encode("utf-16"))
    write("E002-nul", text.encode("utf-8").replace(b"procedures:", b"procedures:\x00", 1))


if __name__ == "__main__":
    main()
