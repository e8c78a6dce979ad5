"""Where the tests find things: the checkout, its sample data and case files, and the real exports."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
#: The repository's sample data root (``procedures/``, one province: ``khanh-hoa``); tests copy it before writing.
SAMPLE = REPO / "procedures"
#: Test cases as files (``valid/``, ``invalid/<CODE>-<name>/``, ``base/``, ...).
CASES = REPO / "tests" / "cases"
#: Real exports from the national portal, read in place and never copied into the repository (CI has them):
#: ``<checkout>/../shared/real-exports``; a git worktree under ``<checkout>/wt/<name>`` reads its checkout's.
_CHECKOUTS = [REPO, REPO.parents[1]] if REPO.parent.name == "wt" else [REPO]
_CANDIDATES = [checkout.parent / "shared" / "real-exports" for checkout in _CHECKOUTS]
REAL_EXPORTS = next((p for p in _CANDIDATES if p.is_dir()), _CANDIDATES[0])


def real_exports() -> Path:
    """The real exports' folder; skips the calling test when it is absent (it is present in CI)."""
    if not REAL_EXPORTS.is_dir():
        pytest.skip(f"thiếu thư mục tệp xuất thật {REAL_EXPORTS} (có trong CI)")
    return REAL_EXPORTS


def real_export_files() -> list[Path]:
    """The two real exports at the folder's top (``ChiTietTTHC_*``), not its ``corpus/``; skips when absent."""
    return sorted(real_exports().glob("ChiTietTTHC_*"))
