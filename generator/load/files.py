"""Read one data file from disk into a SourceFile, with every failure as a problem."""

from __future__ import annotations

import os
from pathlib import Path as FsPath

from generator.load.text import decode
from generator.load.yamlfile import SourceFile, parse
from generator.problems import make

MAX_BYTES = 2 * 1024 * 1024


def load_file(path: FsPath, display: str) -> SourceFile:
    """Load ``path``; ``display`` is how the file is named in messages (relative to the run)."""
    try:
        size = os.stat(path).st_size
        if size > MAX_BYTES:
            return SourceFile(display, problems=[make("E010", display, (0, 0), size=size, limit=MAX_BYTES)])
        raw = path.read_bytes()
    except OSError as exc:
        return SourceFile(display, problems=[make("E001", display, (0, 0), reason=exc.strerror or str(exc))])
    decoded = decode(raw, display)
    if decoded.text is None:
        return SourceFile(display, problems=decoded.problems)
    doc = parse(decoded.text, display)
    doc.problems[:0] = decoded.problems
    return doc
