"""Benchmark ``niemyet posters``: content-keyed cache + stamping against rendering every pair.

    .venv/bin/python bench/bench_posters.py [--communes 20] [--procedures 100] [--naive-communes 3]
                                           [--booklet 400] [--jobs 1]

* cached: the real build (each distinct body rendered once, the commune stamped on).
* naive: every (commune, procedure) pair rendered by WeasyPrint (``cache=False``). It grows linearly
  with communes, so by default it runs on ``--naive-communes`` communes and is scaled to all of
  them (pass ``--naive-communes`` equal to ``--communes`` to measure it in full).
* booklet: one commune with ``--booklet`` procedures, the per-procedure sheets and the booklet.

Both sides run with the same ``--jobs`` (1 by default, so the ratio is about work, not cores).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from generator.pipeline import load_checked
from generator.posters.build import PosterOptions, PosterSummary, write_posters
from generator.synth.province import synthesize


def _run(root: Path, options: PosterOptions) -> PosterSummary:
    provinces = load_checked(root).provinces
    with tempfile.TemporaryDirectory() as out:
        return write_posters(provinces, Path(out), options)


def _line(name: str, r: PosterSummary) -> str:
    return (
        f"{name:<10} {r.seconds:7.1f} s (render {r.render_seconds:.1f} s)  {r.communes} communes, "
        f"{r.files} files, {r.pages} pages, "
        f"{r.rendered} rendered, {r.reused} reused, {r.pages / r.seconds:.1f} pages/s"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--communes", type=int, default=20)
    ap.add_argument("--procedures", type=int, default=100)
    ap.add_argument("--naive-communes", type=int, default=3)
    ap.add_argument("--booklet", type=int, default=400)
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "data"
        synthesize(root, communes=args.communes, procedures=args.procedures, seed=1)
        cached = _run(root, PosterOptions(jobs=args.jobs, progress=False))
        print(_line("cached", cached), flush=True)
        slugs = tuple(sorted(c.slug for p in load_checked(root).provinces for c in p.communes.values()))
        sample = slugs[: args.naive_communes]
        naive = _run(root, PosterOptions(communes=sample, jobs=args.jobs, cache=False, progress=False))
        print(_line("naive", naive), flush=True)
        scaled = naive.seconds * len(slugs) / len(sample)
        print(f"naive for all {len(slugs)} communes: {scaled:.1f} s; speed-up {scaled / cached.seconds:.1f}x")
        if args.booklet:
            one = Path(tmp) / "one"
            synthesize(one, communes=1, procedures=args.booklet, seed=2)
            print(_line("booklet", _run(one, PosterOptions(jobs=args.jobs, progress=False))), flush=True)


if __name__ == "__main__":
    main()
