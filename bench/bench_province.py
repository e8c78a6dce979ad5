"""Benchmark a whole province's posters: every commune's sheets and booklet, as ``niemyet posters`` runs.

    .venv/bin/python bench/bench_province.py [--communes 150] [--procedures 400] [--few 10] [--jobs 2]

Generates the province with ``niemyet synth`` (seed 1), then times ``build_posters`` (load and check,
render, stamp and write, atomic swap) twice: for ``--few`` communes and for all of them. The
difference divided by the communes added is the marginal cost of a commune. Prints the machine's load
(``/proc/loadavg``) before and after, since other work on the machine changes the figures.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from generator.posters.build import PosterOptions, PosterReport, build_posters
from generator.synth import synthesize


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def _run(root: Path, out: Path, communes: tuple[str, ...], jobs: int) -> tuple[float, PosterReport]:
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    report = build_posters(root, out, PosterOptions(communes=communes, jobs=jobs, progress=False))
    return time.perf_counter() - start, report


def _line(name: str, seconds: float, r: PosterReport) -> str:
    return (
        f"{name:<6} {seconds:7.1f} s (render {r.render_seconds:.1f} s)  {r.communes} communes, {r.files} files, "
        f"{r.pages} pages, {r.rendered} rendered, {r.reused} reused"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--communes", type=int, default=150)
    ap.add_argument("--procedures", type=int, default=400)
    ap.add_argument("--few", type=int, default=10)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "data"
        synthesize(root, communes=args.communes, procedures=args.procedures, seed=1)
        slugs = tuple(sorted(p.stem for p in root.glob("*/communes/*.yaml")))
        print(f"load before: {_load()}", flush=True)
        few_s, few = _run(root, Path(tmp) / "few", slugs[: args.few], args.jobs)
        print(_line("few", few_s, few), flush=True)
        all_s, full = _run(root, Path(tmp) / "all", (), args.jobs)
        print(_line("all", all_s, full), flush=True)
        size = sum(f.stat().st_size for f in (Path(tmp) / "all").rglob("*.pdf")) / 1e9
        marginal = (all_s - few_s) / (full.communes - few.communes)
        print(f"load after: {_load()}; output {size:.1f} GB", flush=True)
        print(f"per added commune: {marginal:.2f} s; all {full.communes} communes: {all_s:.1f} s", flush=True)


if __name__ == "__main__":
    main()
