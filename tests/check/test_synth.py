"""`niemyet synth`: a valid province of the asked size, the same bytes for the same seed."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.checks.result import check
from generator.cli import main
from generator.problems import Problem
from generator.synth.province import synthesize
from tests.kit.problems import assert_problems
from tests.kit.schema import schema_errors


def _data_problems(root: Path) -> list[Problem]:
    """Everything `check` reports except W010: long documents lists make long posting sheets, as in real data."""
    return [p for p in check(root, base=root).problems if p.code != "W010"]


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.yaml"))}


def test_small_province_checks_clean(tmp_path: Path) -> None:
    synthesize(tmp_path, communes=5, procedures=20, seed=7)
    folder = next(tmp_path.iterdir())
    assert len(list((folder / "catalogue").glob("*.yaml"))) == 20
    assert len(list((folder / "communes").glob("*.yaml"))) == 5
    assert_problems(_data_problems(tmp_path), [])


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    synthesize(tmp_path / "a", communes=4, procedures=15, seed=3)
    synthesize(tmp_path / "b", communes=4, procedures=15, seed=3)
    synthesize(tmp_path / "c", communes=4, procedures=15, seed=4)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert _files(tmp_path / "a") != _files(tmp_path / "c")


def test_output_validates_against_json_schema(tmp_path: Path) -> None:
    synthesize(tmp_path, communes=3, procedures=10, seed=5)
    assert {p.name: schema_errors(p) for p in tmp_path.rglob("*.yaml") if schema_errors(p)} == {}


def test_overlays_and_widened_values_appear(tmp_path: Path) -> None:
    synthesize(tmp_path, communes=10, procedures=40, seed=1)
    text = "".join(b.decode("utf-8") for b in _files(tmp_path).values())
    for needle in ("time_limit:\n      value:", "online:\n      url:", "USD", "Không quy định", 'unit: "hour"'):
        assert needle in text
    # Real exports' shapes (issue 8): a method in two rows, zero time limits, fees only per channel.
    for needle in ("description:", "value: 0\n", 'text: "0 Giờ"', 'text: "0"'):
        assert needle in text
    catalogue = [p for p in tmp_path.rglob("catalogue/*.yaml")]
    assert any("\nfees:" not in p.read_text(encoding="utf-8") for p in catalogue)
    assert_problems(_data_problems(tmp_path), [])


def test_cli_synth(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["synth", str(tmp_path), "--communes", "2", "--procedures", "3", "--seed", "9"]) == 0
    assert "2 xã, 3 thủ tục" in capsys.readouterr().err
    assert main(["check", str(tmp_path)]) == 0
