"""Everything the site is made from, gathered once before anything renders: ``niemyet build`` and
``niemyet serve`` both call ``gather``.

``SiteInput`` holds the checked province model, its change history, the dates of last change by
source file and the oversight figures computed from them ("Tình hình công khai"), the data's date
(SOURCE_DATE_EPOCH when set, for reproducible builds) and the form files kept in the data repository
that the site publishes a copy of. Rendering (render.py) reads nothing else.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import BuildError
from generator.history.walk import History, province_history
from generator.model.dates import data_date
from generator.model.types import ProvinceData
from generator.oversight.compute import ProvinceOversight, province_oversight
from generator.oversight.load import changes_by_source
from generator.pipeline import load_checked
from generator.site.results import Statistics, no_statistics, read_statistics
from generator.stats.durations import Durations, procedure_durations

FORMS = "bieu-mau"  # site folder of the form copies: bieu-mau/<code>/<file name>

#: Times one named phase (``BuildSummary.phase`` in build.py); the default times nothing.
Phase = Callable[[str], AbstractContextManager[None]]


class SiteError(BuildError):
    """The build cannot go on (not a data error: those raise DataHasErrors)."""


@dataclass(frozen=True)
class FormCopy:
    """A form file kept in the data repository, published at ``path`` (from the site root)."""

    code: str
    title: str
    path: str
    source: Path


@dataclass(frozen=True)
class SiteInput:
    data: ProvinceData
    history: History
    changes: Mapping[str, dt.date]  # source file → date of last change ({} without git history)
    oversight: ProvinceOversight
    date: dt.date  # the data's date: the feed's ``updated`` when there is no change
    forms: tuple[FormCopy, ...]
    statistics: Statistics  # Kết quả giải quyết hồ sơ: the month files of statistics/ (site/results.py)
    # how long files really took, by procedure code (statistics/durations); None: the province has no figures
    durations: Mapping[str, Durations] | None = field(default=None)


def only_province(provinces: list[ProvinceData]) -> ProvinceData:
    if len(provinces) != 1:
        raise SiteError(f"cần đúng một tỉnh trong thư mục dữ liệu, tìm thấy {len(provinces)}")
    return provinces[0]


def form_copies(data: ProvinceData) -> tuple[FormCopy, ...]:
    """Form files named by the records that exist inside the province's folder (others are skipped)."""
    out = []
    for proc in data.procedures.values():
        base = Path(proc.source).parent
        for form in proc.forms:
            if not form.file:
                continue
            source = (base / form.file).resolve()
            if source.is_file() and source.is_relative_to(base.parent.resolve()):
                out.append(FormCopy(proc.code, form.title, f"{FORMS}/{proc.code}/{source.name}", source))
    return tuple(out)


def site_input(
    data: ProvinceData,
    history: History | None = None,
    changes: Mapping[str, dt.date] | None = None,
    statistics: Statistics | None = None,
    durations: Mapping[str, Durations] | None = None,
) -> SiteInput:
    """The input of one province's site from its parts. Without ``history`` the history sections say
    that none is available; ``changes``: see ``generator.oversight.load.changes_by_source``; without
    ``statistics`` every commune says it has no figures yet; without ``durations`` no procedure page shows any."""
    return SiteInput(
        data=data,
        history=history or History(available=False),
        changes=changes or {},
        oversight=province_oversight(data, changes),
        date=data_date([data]),
        forms=form_copies(data),
        statistics=statistics or no_statistics(data),
        durations=durations,
    )


@contextmanager
def _untimed(name: str) -> Iterator[None]:
    yield


def gather(root: Path, phase: Phase = _untimed) -> SiteInput:
    """Check the data under ``root`` (DataHasErrors on errors), read its history, compute the figures."""
    with phase("check"):
        loaded = load_checked(root)
        data = only_province(loaded.provinces)
    with phase("statistics"):
        folder = loaded.result.tree.provinces[0].folder
        statistics = read_statistics(data, Path(folder), folder)
        durations = procedure_durations(Path(folder))
    with phase("history"):
        history = province_history(root, data)
        return site_input(data, history, changes_by_source(root, [data], history.dates), statistics, durations)
