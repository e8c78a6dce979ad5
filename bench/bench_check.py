"""Benchmark: `niemyet check` as a whole process against a bare CSafeLoader parse of the same files.

Target (issue 2): on ``synth --communes 150 --procedures 400`` the check costs at most 3× the bare
parse. Both are timed as whole processes (interpreter start and imports included), best of N.
Run: ``.venv/bin/python bench/bench_check.py [--communes 150] [--procedures 400] [--repeat 3]``.
Writes the figures to ``bench/results-check.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
NIEMYET = Path(sys.executable).parent / "niemyet"
TARGET = 3.0
BARE_PARSE = """
import sys
from pathlib import Path
import yaml
for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    with open(path, "rb") as fh:
        yaml.load(fh, Loader=yaml.CSafeLoader)
"""


def best_of(command: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run(command, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
        if proc.returncode != 0:
            raise SystemExit(f"{command[0]} failed ({proc.returncode}): {proc.stdout[-500:]!r} {proc.stderr[-500:]!r}")
    return min(times)


def report(args: argparse.Namespace, files: int, bare: float, check: float) -> str:
    ratio = check / bare
    verdict = "đạt" if ratio <= TARGET else "CHƯA ĐẠT"
    return "\n".join(
        [
            "# Benchmark: niemyet check",
            "",
            f"- Date: {dt.date.today().isoformat()}; Python {platform.python_version()}; {platform.machine()}",
            f"- Data: `niemyet synth --communes {args.communes} --procedures {args.procedures} --seed {args.seed}`"
            f" ({files} YAML files)",
            f"- Whole process, best of {args.repeat}:",
            "",
            "| run | seconds |",
            "|---|---|",
            f"| bare `yaml.load(..., Loader=yaml.CSafeLoader)` of every file | {bare:.2f} |",
            f"| `niemyet check` | {check:.2f} |",
            f"| ratio (target ≤ {TARGET:g}) | {ratio:.2f} ({verdict}) |",
            "",
        ]
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--communes", type=int, default=150)
    parser.add_argument("--procedures", type=int, default=400)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=BENCH / "results-check.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="niemyet-bench-") as tmp:
        data = Path(tmp)
        from generator.synth.province import synthesize

        synthesize(data, args.communes, args.procedures, args.seed)
        files = len(list(data.rglob("*.yaml")))
        bare = best_of([sys.executable, "-c", BARE_PARSE, str(data)], args.repeat)
        check = best_of([str(NIEMYET), "check", str(data)], args.repeat)
    text = report(args, files, bare, check)
    print(text)
    args.out.write_text(text, encoding="utf-8")
    return 0 if check / bare <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
