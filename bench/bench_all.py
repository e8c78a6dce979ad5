"""Run check, build and posters on generated provinces of three sizes; write bench/results.md.

Every figure is a whole process (``python -m generator ...``), as a user or CI pays it. The bare
parse is ``yaml.load(..., Loader=yaml.CSafeLoader)`` of the same files in one process, the floor
``niemyet check`` is measured against. Posters at the largest size are rendered for a few communes
only (``--poster-communes``): the content cache makes every further commune cost mostly stamping.

    .venv/bin/python bench/bench_all.py [--sizes 5x30,20x100,150x400] [--poster-communes 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from results_file import replace_section

REPO = Path(__file__).resolve().parents[1]
BARE_PARSE = (
    "import sys, pathlib, yaml\n"
    "for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.yaml')):\n"
    "    yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)\n"
)


@dataclass
class Row:
    size: str
    files: int
    bare: float
    check: float
    build: float
    pages: int
    site_mb: float
    posters: float
    poster_files: int
    poster_communes: int


def _timed(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True, cwd=REPO)
    return time.perf_counter() - start


def _py(*args: str | Path) -> list[str]:
    return [sys.executable, *map(str, args)]


def _size_of(folder: Path) -> tuple[int, float]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files) / 1e6


def measure(communes: int, procedures: int, poster_communes: int, work: Path) -> Row:
    data = work / f"data-{communes}x{procedures}"
    subprocess.run(
        _py("-m", "generator", "synth", data, "--communes", communes, "--procedures", procedures),
        check=True,
        capture_output=True,
    )
    files = len(list(data.rglob("*.yaml")))
    bare = min(_timed(_py("-c", BARE_PARSE, data)) for _ in range(2))
    check = min(_timed(_py("-m", "generator", "check", data)) for _ in range(2))
    site = work / f"site-{communes}x{procedures}"
    build = _timed(_py("-m", "generator", "build", data, "--out", site))
    pages = len(list(site.rglob("index.html")))
    _, site_mb = _size_of(site)
    slugs = sorted(p.stem for p in data.glob("*/communes/*.yaml"))
    assert slugs, f"no communes under {data}"
    chosen = slugs if poster_communes >= len(slugs) else slugs[:poster_communes]
    posters_out = work / f"posters-{communes}x{procedures}"
    select = [a for slug in chosen for a in ("--commune", slug)] if chosen != slugs else []
    posters = _timed(_py("-m", "generator", "posters", data, "--out", posters_out, *select))
    poster_files, _ = _size_of(posters_out)
    return Row(
        f"{communes}×{procedures}", files, bare, check, build, pages, site_mb, posters, poster_files, len(chosen)
    )


def table(rows: list[Row]) -> str:
    head = (
        "| size (communes×procedures) | YAML files | bare parse s | check s | check ÷ parse | build s | pages "
        "| pages ÷ (communes×procedures) | site MB | posters s (communes) | PDF files | s per PDF |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|---|\n"
    )
    lines = []
    for r in rows:
        c, p = (int(x) for x in r.size.split("×"))
        lines.append(
            f"| {r.size} | {r.files} | {r.bare:.2f} | {r.check:.2f} | {r.check / r.bare:.2f} | {r.build:.1f} "
            f"| {r.pages} | {r.pages / (c * p):.4f} | {r.site_mb:.1f} | {r.posters:.1f} ({r.poster_communes}) "
            f"| {r.poster_files} | {r.posters / max(r.poster_files, 1):.3f} |"
        )
    return head + "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="5x30,20x100,150x400")
    ap.add_argument("--poster-communes", type=int, default=3, help="communes rendered at the largest size")
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "results.md")
    args = ap.parse_args()
    sizes = [tuple(int(x) for x in s.split("x")) for s in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory(prefix="niemyet-bench-") as tmp:
        for i, (communes, procedures) in enumerate(sizes):
            limit = args.poster_communes if i == len(sizes) - 1 else communes
            rows.append(measure(communes, procedures, limit, Path(tmp)))
            print(table(rows).splitlines()[-1], flush=True)
    text = (
        "# Benchmarks: check, build and posters at three sizes\n\n"
        f"- Date: {dt.date.today().isoformat()}; Python {platform.python_version()}; "
        f"{platform.machine()}, 2 cores; whole processes via `python -m generator`.\n"
        "- Data: `niemyet synth` (seed 1). Posters at the largest size for the first "
        f"{args.poster_communes} communes only (each distinct body is rendered once; further communes cost "
        "mostly stamping).\n\n" + table(rows)
    )
    replace_section(args.out, "all", text)
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()
