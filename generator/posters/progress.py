"""Progress on stderr without a dependency: a redrawn bar on a terminal, plain lines otherwise (CI logs)."""

from __future__ import annotations

import sys
from typing import TextIO


class Progress:
    def __init__(self, total: int, label: str, stream: TextIO | None = None) -> None:
        self.total = max(total, 1)
        self.label = label
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        self.tty = self.stream.isatty()

    def step(self, note: str = "") -> None:
        """One unit done. On a terminal redraw the bar; otherwise print a line only for a ``note``."""
        self.done += 1
        if self.tty:
            filled = 30 * self.done // self.total
            bar = "#" * filled + "." * (30 - filled)
            self.stream.write(f"\r{self.label} [{bar}] {self.done}/{self.total} {note[:40]:<40}")
            if self.done >= self.total:
                self.stream.write("\n")
            self.stream.flush()
        elif note:
            print(f"{self.label} {self.done}/{self.total}: {note}", file=self.stream, flush=True)
