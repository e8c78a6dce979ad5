"""Generated province-scale data for benchmarks and scale tests (``niemyet synth``)."""

from __future__ import annotations

from pathlib import Path


def synthesize(out: Path, communes: int, procedures: int, seed: int = 1) -> None:
    raise NotImplementedError("synth is being written")
