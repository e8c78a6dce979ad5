"""Benchmark what Kết quả giải quyết hồ sơ adds to ``niemyet build`` (issue 21: at most 3 s at 150 communes ×
400 procedures × 12 months of statistics).

Makes the data as a province would (``niemyet synth --export`` then ``niemyet stats import``, in a temporary
folder, never in procedures/), then builds the same province with and without its ``statistics/`` folder,
alternating, and keeps the best of each phase. Usage:

    .venv/bin/python bench/bench_build_results.py [--communes 150] [--procedures 400] [--files 600000]
        [--rounds 2] [--root PREPARED_ROOT]

``--root``: a folder of provinces already made that way (its one province's ``statistics/`` is moved aside and
back, nothing else is touched).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.site.build import build_site  # noqa: E402
from generator.stats.run import import_statistics  # noqa: E402
from generator.synth.province import PROVINCE_SLUG, synthesize  # noqa: E402

PHASES = ("check", "statistics", "history", "render", "mkdocs", "search")


def prepare(tmp: Path, communes: int, procedures: int, files: int) -> Path:
    root, export = tmp / "procedures", tmp / "export.csv"
    start = time.perf_counter()
    synthesize(root, communes, procedures, seed=1, export=export, files=files)
    synth = time.perf_counter() - start
    start = time.perf_counter()
    summary = import_statistics([export], root / PROVINCE_SLUG)
    print(f"synth {synth:.1f} s; stats import {time.perf_counter() - start:.1f} s ({len(summary.months)} months)")
    return root


def _cpu() -> float:
    """CPU seconds of this process and its finished children (Pagefind): less at the mercy of the machine's
    load than wall time, on a machine shared with other work."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def build_once(root: Path, out: Path) -> dict[str, float]:
    start, cpu = time.perf_counter(), _cpu()
    report = build_site(root, out)
    seconds = dict(report.seconds)
    seconds["whole"] = time.perf_counter() - start
    seconds["whole, CPU"] = _cpu() - cpu
    shutil.rmtree(out)
    return seconds


def measure(root: Path, rounds: int) -> tuple[dict[str, float], dict[str, float]]:
    province = next(p for p in root.iterdir() if (p / "province.yaml").is_file())
    stats, aside = province / "statistics", root.parent / "statistics-aside"
    best: dict[bool, dict[str, float]] = {True: {}, False: {}}
    for _ in range(rounds):
        for with_stats in (True, False):
            if not with_stats:
                stats.rename(aside)
            try:
                got = build_once(root, root.parent / "site")
            finally:
                if not with_stats:
                    aside.rename(stats)
            for name, value in got.items():
                best[with_stats][name] = min(value, best[with_stats].get(name, value))
    return best[True], best[False]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--communes", type=int, default=150)
    parser.add_argument("--procedures", type=int, default=400)
    parser.add_argument("--files", type=int, default=600_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--root", type=Path, help="a prepared folder of provinces (see the docstring)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="niemyet-bench-results-") as tmp_name:
        root = args.root or prepare(Path(tmp_name), args.communes, args.procedures, args.files)
        rows = sum(1 for p in root.glob("*/statistics/*.csv") for _ in p.open(encoding="utf-8")) - len(
            list(root.glob("*/statistics/*.csv"))
        )
        print(f"statistics: {len(list(root.glob('*/statistics/*.csv')))} month files, {rows} rows")
        with_stats, without = measure(root, args.rounds)
        print(f"{'phase (best of ' + str(args.rounds) + ')':<22} {'with':>7} {'without':>8} {'added':>7}")
        for name in (*PHASES, "whole", "whole, CPU"):
            a, b = with_stats.get(name, 0.0), without.get(name, 0.0)
            print(f"{name:<22} {a:7.2f} {b:8.2f} {a - b:+7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
