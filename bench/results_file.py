"""bench/results.md holds one section per benchmark, each between ``<!-- begin NAME -->`` and
``<!-- end NAME -->``: a benchmark rewrites its own section and leaves the others as they are."""

from __future__ import annotations

from pathlib import Path


def replace_section(path: Path, name: str, body: str) -> None:
    begin, end = f"<!-- begin {name} -->\n", f"<!-- end {name} -->\n"
    block = begin + body.rstrip("\n") + "\n" + end
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        text = head + block + rest.split(end, 1)[1]
    else:
        text = text + ("\n" if text and not text.endswith("\n\n") else "") + block
    path.write_text(text, encoding="utf-8")
