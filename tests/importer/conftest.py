"""Import tests build their own exports with ``exportkit`` (docx with the portal's structure and quirks).

Real exports are read from ``<repo>/../shared/real-exports`` (never copied into the project); the
tests that need them say so and skip only when that folder is absent (it is present in CI).
"""

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

REPO = Path(__file__).resolve().parents[2]
# <repo>/../shared/real-exports; a git worktree under <checkout>/wt/<name> finds it one level further up
_CANDIDATES = [REPO.parent / "shared" / "real-exports", REPO.parent.parent / "shared" / "real-exports"]
REAL_EXPORTS = next((p for p in _CANDIDATES if p.is_dir()), _CANDIDATES[0])


@pytest.fixture
def province(tmp_path: Path) -> Path:
    """A temporary copy of the sample province (the repository's data is never written)."""
    root = tmp_path / "procedures"
    shutil.copytree(REPO / "procedures", root)
    return root / "khanh-hoa"


@pytest.fixture
def real_exports() -> Path:
    if not REAL_EXPORTS.is_dir():
        pytest.skip(f"thiếu thư mục tệp xuất thật {REAL_EXPORTS} (có trong CI)")
    return REAL_EXPORTS
