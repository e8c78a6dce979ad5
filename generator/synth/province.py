"""Generated province-scale data for benchmarks and scale tests (``niemyet synth``).

``synthesize(out, communes=150, procedures=400)`` writes ``out/<province>/`` with a province
file, one catalogue file per procedure and one file per commune, deterministic per seed, and
valid: ``niemyet check out`` reports nothing.
"""

from __future__ import annotations

import random
from pathlib import Path

from generator.output.yamltext import dump
from generator.synth.communes import commune, commune_names, province
from generator.synth.procedures import codes, procedure

PROVINCE_SLUG = "tinh-gia-lap"
PROVINCE_NAME = "Tỉnh Giả Lập"
HEADER = "# Dữ liệu giả lập do niemyet synth tạo ra; không dùng để niêm yết."


def synthesize(
    out: Path, communes: int, procedures: int, seed: int = 1, export: Path | None = None, files: int = 0
) -> None:
    """Write a valid province of ``communes`` communes and ``procedures`` procedures into ``out``; with ``export``,
    also a one-stop system's per-file export of ``files`` rows for it (``generator.synth.export``)."""
    if communes < 0 or procedures < 1:
        raise ValueError("cần ít nhất 1 thủ tục và số xã không âm")
    rng = random.Random(seed)
    folder = Path(out) / PROVINCE_SLUG
    (folder / "catalogue").mkdir(parents=True, exist_ok=True)
    (folder / "communes").mkdir(parents=True, exist_ok=True)
    (folder / "province.yaml").write_text(dump(province(PROVINCE_NAME), HEADER), encoding="utf-8")
    procs = [procedure(rng, code) for code in codes(rng, procedures)]
    for proc in procs:
        (folder / "catalogue" / f"{proc['code']}.yaml").write_text(dump(proc, HEADER), encoding="utf-8")
    names = commune_names(communes)
    for slug, name in names:
        text = dump(commune(rng, slug, name, procs), HEADER)
        (folder / "communes" / f"{slug}.yaml").write_text(text, encoding="utf-8")
    if export is not None:
        from generator.synth.export import write_export

        write_export(export, procs, names, files, seed=seed)
