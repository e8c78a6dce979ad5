"""Report tests reuse the scripted git repositories of the history tests (tests/history/gitkit.py)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "history"))
