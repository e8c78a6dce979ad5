"""``niemyet stats import`` of a 1,000,000-row export against Python's own ``csv`` module merely reading it (issue 21).

Both as whole processes, best of ``--repeat``: ``python -c "for row in csv.reader(...): pass"`` on the export, and
``python -m generator stats import EXPORT --province ...`` writing the month files into a fresh copy of the
province each time (the copy is not timed). Target: ratio ≤ 1.0 and under 2 GB of memory (peak resident size of
the import process). The export comes from ``niemyet synth --export`` (150 communes × 400 procedures, one year,
personal columns filled with made-up values). Writes its own section of bench/results.md (``--write``). Usage:

    .venv/bin/python bench/bench_stats.py [--files 1000000] [--repeat 3] [--keep DIR] [--write]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
from results_file import replace_section  # noqa: E402

CSV_READ = (
    "import csv, sys\nwith open(sys.argv[1], encoding='utf-8', newline='') as f:\n    for row in csv.reader(f): pass"
)
PROVINCE = "tinh-gia-lap"


def _run(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, every thread) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=REPO, env=env)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return seconds, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _peak(cmd: list[str], env: dict[str, str]) -> int:
    """Peak resident kilobytes of one run, read by GNU time when it is there (ru_maxrss of children is a maximum)."""
    if not Path("/usr/bin/time").exists():
        return 0
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *cmd], check=True, capture_output=True, text=True, cwd=REPO, env=env
    )
    return int(done.stderr.strip().splitlines()[-1])


def _synth(py: str, args: argparse.Namespace, data: Path, export: Path) -> None:
    cmd = [py, "-m", "generator", "synth", str(data), "--communes", str(args.communes)]
    cmd += ["--procedures", str(args.procedures), "--export", str(export), "--files", str(args.files)]
    seconds, _ = _run(cmd)
    print(f"synth: {seconds:.1f} s, {export.stat().st_size / 1e6:.0f} MB", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--files", type=int, default=1_000_000)
    ap.add_argument("--communes", type=int, default=150)
    ap.add_argument("--procedures", type=int, default=400)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--write", action="store_true", help="write the section of bench/results.md")
    ap.add_argument("--keep", type=Path, help="folder for the synthetic province and export, made once and reused")
    args = ap.parse_args()
    py = sys.executable
    with tempfile.TemporaryDirectory(prefix="niemyet-bench-stats-") as tmp:
        kept = args.keep or Path(tmp)
        data, export = kept / "data", kept / "xuat" / "ho-so.csv"
        if args.keep and export.is_file():
            print(f"reusing {export}", file=sys.stderr)
        else:
            _synth(py, args, data, export)
        load_before = os.getloadavg()[0]
        env = {**os.environ, "NIEMYET_CACHE": str(Path(tmp) / "cache")}  # a cache of the province's model of its own
        target = Path(tmp) / "run"

        def import_once() -> tuple[float, float]:
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(data, target)
            return _run([*cmd], env)

        cmd = [py, "-m", "generator", "stats", "import", str(export), "--province", str(target / PROVINCE)]
        cold, cold_cpu = import_once()  # the first import of this province: its YAML checked, the model cached
        print(f"first import (no cached model) {cold:.2f} s", file=sys.stderr)
        reads, imports, cpu_reads, cpu_imports, loads = [], [], [], [], []
        for i in range(args.repeat):  # interleaved, in turns first: both meet the same load
            steps = [("read", lambda: _run([py, "-c", CSV_READ, str(export)])), ("import", import_once)]
            for name, step in steps if i % 2 == 0 else steps[::-1]:
                wall, cpu = step()
                (reads if name == "read" else imports).append(wall)
                (cpu_reads if name == "read" else cpu_imports).append(cpu)
            loads.append(os.getloadavg()[0])
            print(
                f"csv read {reads[-1]:.2f} s, stats import {imports[-1]:.2f} s (load {loads[-1]:.1f})",
                file=sys.stderr,
            )
        peak = _peak(cmd, env)
        size = export.stat().st_size
        months = sorted((target / PROVINCE / "statistics").glob("*.csv"))
        durations = sorted((target / PROVINCE / "statistics" / "durations").glob("*.csv"))
        written = sum(p.stat().st_size for p in [*months, *durations])
        lines = sum(p.read_text(encoding="utf-8").count("\n") - 1 for p in months)
        spans = sum(p.read_text(encoding="utf-8").count("\n") - 1 for p in durations)
    ratio = min(imports) / min(reads)
    body = "\n".join(
        [
            "## Kết quả giải quyết hồ sơ: niemyet stats import (issue 21)",
            "",
            f"- Date: {dt.date.today().isoformat()}; Python {platform.python_version()}; {platform.machine()}, "
            f"{os.cpu_count()} cores; load average {load_before:.2f} before the runs, "
            f"{', '.join(f'{x:.1f}' for x in loads)} after each round (a shared machine: the import runs on both "
            "cores, so other processes slow it more than the one-thread read).",
            f"- Data: `niemyet synth --communes {args.communes} --procedures {args.procedures} --export ... --files "
            f"{args.files}`: {args.files:,} rows, {size / 1e6:.0f} MB of UTF-8 "
            "CSV in the national sync's columns, personal ones filled.",
            f"- Whole processes, interleaved (each round both, in turns first), best of {args.repeat}: `python -c` "
            "reading every row with `csv.reader`, and `python -m generator stats import` writing the month and "
            "duration files into a fresh copy of the province; the province's checked model cached by a first "
            "import (stats/cache.py), timed on its own.",
            "",
            "| run | seconds |",
            "|---|---|",
            f"| Python's `csv` module, reading only | {min(reads):.2f} |",
            f"| `niemyet stats import` (read, validate, compute, write; the province's model cached) | "
            f"{min(imports):.2f} |",
            f"| ratio (target ≤ 1.0) | {ratio:.2f} ({'đạt' if ratio <= 1.0 else 'chưa đạt'}) |",
            f"| first import of the province (its YAML checked, no cached model) | {cold:.2f} ({cold_cpu:.2f} CPU) |",
            f"| peak memory of the import (target < 2 GB) | {peak / 1024:.0f} MB |",
            f"| CPU seconds, best run (user + system, all threads): csv read / import | {min(cpu_reads):.2f} / "
            f"{min(cpu_imports):.2f} |",
            "",
            f"All runs: csv {', '.join(f'{s:.2f}' for s in reads)}; import {', '.join(f'{s:.2f}' for s in imports)}. "
            f"Written: {len(months)} month files, {lines:,} rows; {len(durations)} duration files, {spans:,} rows; "
            f"{written / 1e6:.1f} MB.",
        ]
    )
    print(body)
    if args.write:
        replace_section(REPO / "bench" / "results.md", "stats", body)


if __name__ == "__main__":
    main()
