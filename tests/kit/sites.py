"""Sites the site tests build: the real corpus imported, and a synthetic province.

The corpus (``<checkout>/../shared/real-exports/corpus``, read in place) is imported with
``niemyet import`` into a copy of the sample province and listed by one commune. A few records do
not pass ``check`` as imported (no form column, no time limit, two rows of one method alike: as the
database publishes them); those are left out, with their codes in the commune's list, so the rest
can be built.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.checks.result import check
from generator.importer.run import import_exports
from generator.synth.province import PROVINCE_SLUG, synthesize
from tests.kit.paths import REAL_EXPORTS, SAMPLE

CORPUS = REAL_EXPORTS / "corpus"
CORPUS_COMMUNE = "xa-cam-lam"


def _drop_records_with_errors(province: Path) -> list[str]:
    bad = sorted({Path(p.path).stem for p in check(province.parent).errors})
    commune = province / "communes" / f"{CORPUS_COMMUNE}.yaml"
    text = commune.read_text(encoding="utf-8")
    for code in bad:
        (province / "catalogue" / f"{code}.yaml").unlink()
        text = text.replace(f'  - code: "{code}"\n', "")
    commune.write_text(text, encoding="utf-8")
    return bad


def corpus_root(folder: Path) -> Path:
    """The corpus imported into ``folder``/procedures (skips the test when the corpus is absent)."""
    if not CORPUS.is_dir():
        pytest.skip(f"thiếu thư mục tệp xuất thật {CORPUS} (có trong CI)")
    root = folder / "procedures"
    shutil.copytree(SAMPLE, root)
    summary = import_exports(sorted(CORPUS.glob("ChiTietTTHC_*")), root / "khanh-hoa", [CORPUS_COMMUNE])
    assert summary.errors == []
    dropped = _drop_records_with_errors(root / "khanh-hoa")
    assert len(summary.outcomes) - len(dropped) >= 90, dropped
    return root


def synthetic_root(folder: Path, communes: int = 2, procedures: int = 400, files: int = 4000) -> Path:
    """A synthetic province whose commune pages list 400 procedures (the size of the weight budget), with a
    year of statistics (``files`` generated files imported with ``stats import``; 0: none)."""
    root = folder / "procedures"
    export = folder / "xuat" / "ho-so.csv"
    synthesize(root, communes=communes, procedures=procedures, seed=3, export=export if files else None, files=files)
    if files:
        from generator.stats.run import import_statistics

        import_statistics([export], root / PROVINCE_SLUG)
    return root
