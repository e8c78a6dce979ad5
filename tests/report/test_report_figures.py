"""Exact figures on a province with planted gaps (tests/kit/planted.py says what was planted)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from generator.checks.result import check
from generator.model.types import Online
from generator.oversight.compute import CommuneStatus, is_commune_level, province_oversight
from generator.oversight.load import reports
from generator.pipeline import DataHasErrors, load_checked
from tests.kit.planted import planted, remove
from tests.kit.problems import codes


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return planted(tmp_path / "data")


def _rows(root: Path) -> dict[str, CommuneStatus]:
    _, found = reports(root, changes={})
    return {c.slug: c for c in found[0].communes}


def test_completeness_is_listed_over_commune_level_rounded_down(root: Path) -> None:
    rows = _rows(root)
    figures = {slug: (c.listed, c.expected, c.permille, c.percent_label) for slug, c in rows.items()}
    assert figures == {
        "xa-du": (12, 12, 1000, "100,0 %"),
        "xa-thieu-ba": (9, 12, 750, "75,0 %"),
        "xa-thieu-mot": (11, 12, 916, "91,6 %"),  # 91.67 rounded down: only a full list shows 100 %
        "xa-trong": (0, 12, 0, "0,0 %"),
    }
    assert [i.code for i in rows["xa-thieu-ba"].missing] == ["1.000656", "1.001193", "2.000815"]
    assert [(i.code, i.name) for i in rows["xa-thieu-mot"].missing] == [("1.000894", "Đăng ký kết hôn")]
    assert "2.000930" not in {i.code for i in rows["xa-trong"].missing}  # provincial: never missing


def test_local_differences_in_force(root: Path) -> None:
    rows = _rows(root)
    assert [(d.code, d.what) for d in rows["xa-du"].local] == [
        ("1.001193", ("liên kết trực tuyến của xã", "ghi chú của xã")),
        ("1.013133", ("thời hạn 4 giờ (Trực tiếp)",)),
    ]
    assert rows["xa-thieu-mot"].local == ()


def test_a_removed_catalogue_file_is_reported_not_fatal(root: Path) -> None:
    remove(root, "1.003554")
    assert codes(check(root).errors) == {"E140"}
    rows = _rows(root)
    assert {slug: [i.code for i in c.not_current] for slug, c in rows.items()} == {
        "xa-du": ["1.003554"],
        "xa-thieu-ba": ["1.003554"],
        "xa-thieu-mot": ["1.003554"],
        "xa-trong": [],
    }
    assert {slug: c.percent_label for slug, c in rows.items()} == {
        "xa-du": "100,0 %",
        "xa-thieu-ba": "72,7 %",  # 8/11
        "xa-thieu-mot": "90,9 %",  # 10/11
        "xa-trong": "0,0 %",
    }


def test_other_errors_stop_the_report(root: Path) -> None:
    path = root / "khanh-hoa" / "communes" / "xa-du.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("name: Xã xa-du\n", ""), encoding="utf-8")
    with pytest.raises(DataHasErrors):
        reports(root, changes={})


def test_changed_since_posted_from_injected_dates(root: Path) -> None:
    data = load_checked(root).provinces[0]
    commune = data.communes["xa-thieu-mot"]
    listed, unlisted = data.procedures["1.001193"], data.procedures["1.000894"]
    assert commune.posted_on == dt.date(2026, 1, 10)

    def row(changes: dict[str, dt.date]) -> CommuneStatus:
        return {c.slug: c for c in province_oversight(data, changes).communes}["xa-thieu-mot"]

    assert row({}).last_changed is None and row({}).changed_since_posted is None
    only_own = row({commune.source: dt.date(2026, 1, 5), unlisted.source: dt.date(2026, 3, 1)})
    assert (only_own.last_changed, only_own.changed_since_posted) == (dt.date(2026, 1, 5), False)  # unlisted ignored
    catalogue = row({commune.source: dt.date(2026, 1, 5), listed.source: dt.date(2026, 2, 1)})
    assert (catalogue.last_changed, catalogue.changed_since_posted) == (dt.date(2026, 2, 1), True)
    same_day = row({commune.source: dt.date(2026, 1, 10)})
    assert same_day.changed_since_posted is False
    unposted = {c.slug: c for c in province_oversight(data, {commune.source: dt.date(2026, 1, 5)}).communes}["xa-du"]
    assert unposted.changed_since_posted is None


def test_online_service_without_any_address(root: Path) -> None:
    """check requires a URL with every online service today (E117); the report still counts the
    case the model allows: a service level and no URL in the record nor in the commune's overlay."""
    data = load_checked(root).provinces[0]
    procs = dict(data.procedures)
    for code in ("1.001193", "1.000656"):
        procs[code] = dataclasses.replace(procs[code], online=Online(service="toan_trinh", url=""))
    procs["1.000894"] = dataclasses.replace(procs["1.000894"], online=Online(service="unknown"))  # no online block
    rows = {c.slug: c for c in province_oversight(dataclasses.replace(data, procedures=procs)).communes}
    assert [i.code for i in rows["xa-du"].no_online_address] == ["1.000656"]  # 1.001193: the commune's own link
    assert [i.code for i in rows["xa-thieu-mot"].no_online_address] == ["1.000656", "1.001193"]
    assert rows["xa-thieu-ba"].no_online_address == ()  # lists neither


def test_levels_and_an_empty_catalogue(root: Path) -> None:
    data = load_checked(root).provinces[0]
    levels = {code: is_commune_level(p) for code, p in data.procedures.items()}
    assert levels["2.000930"] is False and levels["2.000884"] is True and sum(levels.values()) == 12
    provincial = {c: dataclasses.replace(p, levels=("Cấp Tỉnh",)) for c, p in data.procedures.items()}
    rows = province_oversight(dataclasses.replace(data, procedures=provincial)).communes
    assert {(c.expected, c.percent_label) for c in rows} == {(0, "100,0 %")}
