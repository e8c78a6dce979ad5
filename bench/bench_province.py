"""Benchmark a whole province's posters: every commune's sheets and booklet, as ``niemyet posters`` runs.

    .venv/bin/python bench/bench_province.py [--communes 150] [--procedures 400] [--few 10] [--jobs 2]

Generates the province with ``niemyet synth`` (seed 1), then times ``build_posters`` (load and check,
render, stamp and write, atomic swap) twice: for ``--few`` communes and for all of them. The
difference divided by the communes added is the marginal cost of a commune. Prints the machine's load
(``/proc/loadavg``) before and after, since other work on the machine changes the figures.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
from pathlib import Path

from generator.posters.build import PosterOptions, PosterSummary, build_posters
from generator.synth.province import synthesize


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the render and writing processes)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _run(root: Path, out: Path, communes: tuple[str, ...], jobs: int) -> tuple[float, float, PosterSummary]:
    """Wall and CPU seconds of one ``niemyet posters`` run; CPU time is what a busy machine changes least."""
    shutil.rmtree(out, ignore_errors=True)
    start, cpu = time.perf_counter(), _cpu()
    report = build_posters(root, out, PosterOptions(communes=communes, jobs=jobs, progress=False))
    return time.perf_counter() - start, _cpu() - cpu, report


def _line(name: str, seconds: float, cpu: float, r: PosterSummary) -> str:
    return (
        f"{name:<6} {seconds:7.1f} s wall, {cpu:7.1f} s CPU (render {r.render_seconds:.1f} s)  {r.communes} communes, "
        f"{r.files} files, {r.pages} pages, {r.rendered} rendered, {r.reused} reused"
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
        few_s, few_cpu, few = _run(root, Path(tmp) / "few", slugs[: args.few], args.jobs)
        print(_line("few", few_s, few_cpu, few), flush=True)
        all_s, all_cpu, full = _run(root, Path(tmp) / "all", (), args.jobs)
        print(_line("all", all_s, all_cpu, full), flush=True)
        size = sum(f.stat().st_size for f in (Path(tmp) / "all").rglob("*.pdf")) / 1e9
        added = full.communes - few.communes
        print(f"load after: {_load()}; output {size:.1f} GB", flush=True)
        print(
            f"per added commune: {(all_s - few_s) / added:.2f} s wall, {(all_cpu - few_cpu) / added:.2f} s CPU; "
            f"all {full.communes} communes: {all_s:.1f} s wall, {all_cpu:.1f} s CPU "
            f"(at least {all_cpu / args.jobs:.1f} s wall on {args.jobs} idle cores)",
            flush=True,
        )


if __name__ == "__main__":
    main()
