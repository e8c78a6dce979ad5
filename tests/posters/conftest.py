"""Build the sample province's posters once per session, with a few hostile values mixed in.

The sample data is copied and one commune note is replaced with markup and template syntax, so the
same build proves that values are escaped. Tools from poppler-utils and zbar-tools read the PDFs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.importer.run import import_exports
from generator.posters.build import PosterOptions, PosterSummary, build_posters
from generator.synth.province import PROVINCE_SLUG, synthesize
from tests.kit.longrecords import COMMUNE, long_province
from tests.kit.paths import real_export_files, real_exports
from tests.kit.posters import POSTED, fill_time_limits, hostile_copy


@pytest.fixture(scope="session")
def data_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return hostile_copy(tmp_path_factory.mktemp("data") / "procedures")


@pytest.fixture(scope="session")
def built(data_root: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, PosterSummary]:
    out = tmp_path_factory.mktemp("posters") / "posters"
    report = build_posters(data_root, out, PosterOptions(posted=POSTED, jobs=2, progress=False))
    return out, report


@pytest.fixture(scope="session")
def out(built: tuple[Path, PosterSummary]) -> Path:
    return built[0] / "khanh-hoa"


@pytest.fixture(scope="session")
def long_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The long records (tests/kit/longrecords.py) as a data root: one commune posts them all."""
    return long_province(tmp_path_factory.mktemp("long") / "procedures")


@pytest.fixture(scope="session")
def long_out(long_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Posters of the long records: the commune's sheets and booklet."""
    out = tmp_path_factory.mktemp("long-posters") / "posters"
    build_posters(long_root, out, PosterOptions(posted=POSTED, jobs=2, progress=False))
    return out / "khanh-hoa" / COMMUNE


@pytest.fixture(scope="session")
def synth_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small synthetic province (``niemyet synth``): 3 communes × 30 procedures."""
    root = tmp_path_factory.mktemp("synth") / "procedures"
    synthesize(root, communes=3, procedures=30, seed=1)
    return root


@pytest.fixture(scope="session")
def synth_out(synth_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth-posters") / "posters"
    build_posters(synth_root, out, PosterOptions(posted=POSTED, jobs=2, progress=False))
    return out / PROVINCE_SLUG


@pytest.fixture(scope="session")
def real_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two real exports (``<repo>/../shared/real-exports``), imported with ``niemyet import`` into a copy
    of the sample province and posted by one commune: its sheets and booklet."""
    sources = real_export_files()
    root = hostile_copy(tmp_path_factory.mktemp("real") / "procedures")
    report = import_exports(sources, root / "khanh-hoa", ["xa-cam-lam"])
    assert report.errors == [] and len(report.outcomes) == 2
    out = tmp_path_factory.mktemp("real-posters") / "posters"
    build_posters(root, out, PosterOptions(communes=("xa-cam-lam",), posted=POSTED, jobs=2, progress=False))
    return out / "khanh-hoa" / "xa-cam-lam"


@pytest.fixture(scope="session")
def corpus_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every record of the real corpus (``../shared/real-exports/corpus``) imported into a copy of the sample
    province, posted by one commune (about 130 procedures). The records the export leaves without a time
    limit get "Không quy định", as the office would write."""
    sources = sorted((real_exports() / "corpus").glob("ChiTietTTHC_*"))
    root = hostile_copy(tmp_path_factory.mktemp("corpus") / "procedures")
    report = import_exports(sources, root / "khanh-hoa", ["xa-cam-lam"])
    assert report.errors == [] and len(report.outcomes) == len(sources)
    fill_time_limits(root / "khanh-hoa" / "catalogue")
    return root


@pytest.fixture(scope="session")
def corpus_out(corpus_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus commune's sheets and booklet (~500 pages)."""
    out = tmp_path_factory.mktemp("corpus-posters") / "posters"
    build_posters(corpus_root, out, PosterOptions(communes=("xa-cam-lam",), posted=POSTED, jobs=2, progress=False))
    return out / "khanh-hoa" / "xa-cam-lam"
