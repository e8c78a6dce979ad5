"""The issue's planted defects, each reported with file and line; and data that is never executed."""

from __future__ import annotations

from pathlib import Path

from generator.checks.result import check
from tests.kit.cases import build_tree, cases
from tests.kit.paths import REPO, SAMPLE
from tests.kit.problems import assert_problems

CATALOGUE_FILE = "tinh-mau/catalogue/1.001193.yaml"
COMMUNE_FILE = "tinh-mau/communes/xa-mau.yaml"


def _check_case(name: str, tmp_path: Path) -> list:  # type: ignore[type-arg]
    [case] = [c for c in cases("invalid") if c.folder.name == name]
    root = build_tree(case, tmp_path)
    return check(root, base=root).problems


def test_missing_documents(tmp_path: Path) -> None:
    assert_problems(_check_case("E100-missing-documents", tmp_path), [("E100", CATALOGUE_FILE, 1, 1)])


def test_float_code_says_to_quote_it(tmp_path: Path) -> None:
    [problem] = _check_case("E110-unquoted-code", tmp_path)
    assert_problems([problem], [("E110", CATALOGUE_FILE, 1, 7)])
    assert 'code: "1.001193"' in problem.message


def test_float_fee_says_to_write_whole_dong(tmp_path: Path) -> None:
    [problem] = _check_case("E112-fee-with-dot", tmp_path)
    assert_problems([problem], [("E112", CATALOGUE_FILE, 18, 17)])
    assert "8.000" in problem.message
    assert "hãy ghi 8000" in problem.message


def test_duplicate_key(tmp_path: Path) -> None:
    [problem] = _check_case("E004-duplicate-key", tmp_path)
    assert_problems([problem], [("E004", CATALOGUE_FILE, 34, 1)])
    assert "dòng 33" in problem.message


def test_overlay_extra_document(tmp_path: Path) -> None:
    assert_problems(_check_case("E150-overlay-extra-document", tmp_path), [("E150", COMMUNE_FILE, 11, 9)])


def test_overlay_longer_time(tmp_path: Path) -> None:
    assert_problems(_check_case("E151-overlay-longer-time", tmp_path), [("E151", COMMUNE_FILE, 10, 14)])


def test_non_utf8_file_is_named_with_a_hint(tmp_path: Path) -> None:
    [problem] = _check_case("E002-windows-1258", tmp_path)
    assert problem.path == COMMUNE_FILE
    assert_problems([problem], [("E002", 1, 9)])
    assert "Windows-1258" in problem.message
    assert "UTF-8" in problem.message


def test_unknown_key_suggests_the_right_one(tmp_path: Path) -> None:
    problems = _check_case("E102-typo-key", tmp_path)
    assert_problems(problems, [("E100", CATALOGUE_FILE, 1, 1), ("E102", CATALOGUE_FILE, 32, 1)])
    assert [p.message for p in problems if p.code == "E102"] == ["khóa không xác định 'agenci'; có phải 'agency'?"]


def test_python_tags_are_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    data = tmp_path / "data/tinh-mau"
    data.mkdir(parents=True)
    (data / "province.yaml").write_text(
        f'name: !!python/object/apply:os.system ["touch {marker}"]\n'
        f'site_url: !!python/object/apply:subprocess.check_output [["touch", "{marker}"]]\n',
        encoding="utf-8",
    )
    problems = check(tmp_path / "data", base=tmp_path).problems
    assert not marker.exists()
    assert_problems([p for p in problems if p.code == "E008"], [("E008", 1, 7), ("E008", 2, 11)])


def test_nfd_text_is_normalised_to_nfc(tmp_path: Path) -> None:
    from generator.load.tree import load_tree

    [case] = [c for c in cases("invalid") if c.folder.name == "W001-nfd-text"]
    root = build_tree(case, tmp_path)
    commune = load_tree(root, root).provinces[0].communes["xa-mau"]
    assert commune.data["counter"]["address"] == "Thôn Một, xã Mẫu, tỉnh Mẫu"


def test_sample_data_checks_clean() -> None:
    result = check(SAMPLE, base=REPO)
    assert result.problems == []
