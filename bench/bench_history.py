"""Benchmark the change history: a synthetic province (default 150 communes × 400 procedures) with 200
commits of history, and what reading that history adds to ``niemyet build``.

The history is made with plain git commands: one initial commit, then commits that each change a few
records the way a province does (a fee, a time limit, a document added, a commune's note or phone),
dated one day apart. Measured: ``province_history`` alone (best of three), and whole builds in the
repository and of a copy without ``.git``, alternated for ``--rounds`` rounds, best time of each phase
(the difference is what history costs a build). Set BENCH_KEEP=DIR to keep the repository. Usage:

    .venv/bin/python bench/bench_history.py [--communes 150] [--procedures 400] [--commits 200]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.history.walk import province_history  # noqa: E402
from generator.pipeline import load_checked  # noqa: E402
from generator.site.build import build_site  # noqa: E402
from generator.synth.province import synthesize  # noqa: E402


def _git(top: Path, *args: str, day: dt.date | None = None) -> None:
    env = dict(os.environ)
    if day is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{day.isoformat()}T09:00:00+07:00"
    subprocess.run(["git", "-C", str(top), *args], check=True, capture_output=True, env=env)


def _edit_procedure(path: Path, n: int) -> None:
    text = path.read_text(encoding="utf-8")
    kind = n % 3
    if kind == 0:  # a fee: add or change an amount on the first fee line
        text = re.sub(
            r'(fees:\n\s+- name: "[^"]*"\n)',
            lambda m: m.group(1) + f"        amount: {1000 * (n + 1)}\n",
            text,
            count=1,
        )
        text = re.sub(r"(amount: \d+\n)(\s+amount: \d+\n)", r"\1", text)
    elif kind == 1:  # a time limit
        text = re.sub(
            r"value: (\d+)", lambda m: f"value: {int(m.group(1)) + 1}", text, count=1
        )  # overlays stay shorter
    else:  # a document added
        doc = f'documents:\n  - name: "Giấy tờ bổ sung số {n}"\n    originals: 1\n    copies: 0\n'
        text = text.replace("documents:\n", doc, 1)
    path.write_text(text, encoding="utf-8")


def _edit_commune(path: Path, n: int) -> None:
    text = path.read_text(encoding="utf-8")
    text = re.sub(
        r'(  - code: "[^"]+"\n)', lambda m: m.group(1) + f'    note: "Ghi chú của xã, lần {n}"\n', text, count=1
    )
    path.write_text(
        re.sub(r"(\n    note: \"Ghi chú của xã, lần \d+\")\n    note: [^\n]*", r"\1", text), encoding="utf-8"
    )


def make_history(root: Path, top: Path, commits: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    _git(top, "init", "-q", "-b", "main")
    _git(top, "config", "user.name", "Bench")
    _git(top, "config", "user.email", "bench@example.vn")
    _git(top, "add", "-A")
    day = dt.date(2025, 7, 1)
    _git(top, "commit", "-q", "-m", "Dữ liệu ban đầu", day=day)
    catalogue = sorted(root.glob("*/catalogue/*.yaml"))
    communes = sorted(root.glob("*/communes/*.yaml"))
    for n in range(1, commits):
        for path in rng.sample(catalogue, 3):
            _edit_procedure(path, n)
        if n % 4 == 0:
            _edit_commune(rng.choice(communes), n)
        _git(top, "commit", "-q", "-a", "-m", f"Sửa {n}", day=day + dt.timedelta(days=n))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--communes", type=int, default=150)
    parser.add_argument("--procedures", type=int, default=400)
    parser.add_argument("--commits", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    keep = os.environ.get("BENCH_KEEP")
    with tempfile.TemporaryDirectory(prefix="niemyet-bench-history-") as tmp:
        if keep:
            tmp = keep
        top = Path(tmp) / "repo"
        root = top / "procedures"
        synthesize(root, communes=args.communes, procedures=args.procedures, seed=1)
        start = time.perf_counter()
        make_history(root, top, args.commits)
        print(f"history of {args.commits} commits made in {time.perf_counter() - start:.1f} s")
        data = load_checked(root).provinces[0]
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            history = province_history(root, data)
            best = min(best, time.perf_counter() - start)
        print(f"province_history: {len(history.changes)} entries, best of 3 {best:.2f} s")
        plain = Path(tmp) / "plain"
        shutil.copytree(root, plain)
        best_git: dict[str, float] = {}
        best_plain: dict[str, float] = {}
        for _ in range(args.rounds):  # alternated, best phase of each: the machine is shared and noisy
            for source, best in ((root, best_git), (plain, best_plain)):
                seconds = build_site(source, Path(tmp) / "site").seconds
                for phase, value in seconds.items():
                    best[phase] = min(best.get(phase, value), value)
        added = sum(best_git.values()) - sum(best_plain.values())
        print(
            f"build with history {sum(best_git.values()):.1f} s, without git {sum(best_plain.values()):.1f} s, ", end=""
        )
        print(f"added {added:+.1f} s (history phase {best_git['history']:.2f} s; best phases of {args.rounds} rounds)")
        print("phases with history:", {k: round(v, 2) for k, v in best_git.items()})
        print("phases without git:", {k: round(v, 2) for k, v in best_plain.items()})


if __name__ == "__main__":
    main()
