"""Import tests build their own exports with ``tests.kit.exports`` (docx with the portal's structure and quirks).

Real exports are read in place (``REAL_EXPORTS`` in tests/kit/paths.py, never copied into the project); the
tests that need them say so and skip only when that folder is absent (it is present in CI).
"""

import shutil
from pathlib import Path

import pytest

from tests.kit import paths


@pytest.fixture
def province(tmp_path: Path) -> Path:
    """A temporary copy of the sample province (the repository's data is never written)."""
    root = tmp_path / "procedures"
    shutil.copytree(paths.SAMPLE, root)
    return root / "khanh-hoa"


@pytest.fixture
def real_exports() -> Path:
    return paths.real_exports()
