"""Helpers of the poster tests: a sample copy with hostile values, and the poppler/zbar tools."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[2] / "procedures"
HOSTILE_NOTE = "Ghi chú <b>đậm</b> {{ x }} <script>alert(1)</script>"
POSTED = dt.date(2025, 11, 3)


def hostile_copy(target: Path) -> Path:
    shutil.copytree(SAMPLE, target)
    commune = target / "khanh-hoa" / "communes" / "xa-cam-lam.yaml"
    text = commune.read_text(encoding="utf-8")
    text, n = re.subn(r"(    note: ).*", lambda m: f"{m.group(1)}'{HOSTILE_NOTE}'", text, count=1)
    assert n == 1
    commune.write_text(text, encoding="utf-8")
    return target


def tool(*args: str | Path) -> str:
    return subprocess.run([str(a) for a in args], check=True, capture_output=True, text=True).stdout


def words(text: str) -> str:
    """Text with every run of whitespace made one space, so wrapped lines compare as one."""
    return " ".join(text.split())
