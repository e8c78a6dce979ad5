"""What issue 17's speed-ups must not change: YAML typing, and the garbage collector's state after a run."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

import generator.checks.result
from generator.checks.result import check, collector_paused
from generator.load.depth import flow_depth_exceeds
from generator.load.loader import FastSafeLoader
from generator.load.yamlfile import MAX_DEPTH
from tests.kit.paths import CASES

# Plain scalars on each side of every implicit type PyYAML knows, and a few that look like one.
SCALARS = [
    *("~", "null", "Null", "NULL", "nul", "yes", "Yes", "YES", "no", "On", "off", "true", "False", "y", "n"),
    *("0", "-0", "+12", "012", "0o17", "0b101", "0x1F", "1_000", "1:30", "7:30", "190:20:30", "08", "1e3"),
    *("1.5", "-.5", "5.000", "1.000890", "6.8523015e+5", ".inf", "-.Inf", ".NaN", ".nan ", "1.2.3"),
    *("2025-07-01", "2025-7-1 10:00:00", "2025-07-01T10:00:00Z", "2025-07-01 10:00:00.5 +07:00", "2025-13-45"),
    *("<<", "=", "Không", "Thủ tục", "Nộp trực tiếp", "1.001193 ", "http://x.vn", "-", "."),
]


def _tags(node: yaml.Node | None, seen: set[int] | None = None) -> Iterator[tuple[str, Any, int, int]]:
    seen = set() if seen is None else seen
    if node is None or id(node) in seen:
        return
    seen.add(id(node))
    yield type(node).__name__, node.tag, node.start_mark.line, node.start_mark.column
    children = node.value if isinstance(node, yaml.SequenceNode) else []
    if isinstance(node, yaml.MappingNode):
        children = [part for pair in node.value for part in pair]
    for child in children:
        yield from _tags(child, seen)


def _composed(text: str, loader: type[yaml.CSafeLoader]) -> list[tuple[str, Any, int, int]] | str:
    try:
        return list(_tags(yaml.compose(text, Loader=loader)))
    except yaml.YAMLError as exc:
        return str(exc)


@pytest.mark.parametrize("style", ["{}", "'{}'", '"{}"', "!!str {}", "\n  - {}"])
def test_fast_loader_types_scalars_as_pyyaml(style: str) -> None:
    text = "".join(f"k{i}: {style.format(value)}\n{value}: x\n" for i, value in enumerate(SCALARS))
    assert _composed(text, FastSafeLoader) == _composed(text, yaml.CSafeLoader)


def test_fast_loader_types_every_case_file_as_pyyaml() -> None:
    files = [p for p in sorted(CASES.rglob("*.y*ml")) if p.stat().st_size < 300_000]
    assert len(files) > 100
    for path in files:
        text = path.read_text("utf-8", errors="replace")
        if flow_depth_exceeds(text, MAX_DEPTH):  # libyaml itself would crash on these
            continue
        assert _composed(text, FastSafeLoader) == _composed(text, yaml.CSafeLoader), path


@pytest.mark.parametrize("enabled", [True, False])
def test_check_leaves_the_collector_as_it_found_it(enabled: bool, tmp_path: Path) -> None:
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        check(CASES / "base", base=CASES / "base")
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_collector_restored_when_loading_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object) -> None:
        assert not gc.isenabled()
        raise RuntimeError("boom")

    monkeypatch.setattr(generator.checks.result, "load_tree", broken)
    assert gc.isenabled()
    with pytest.raises(RuntimeError, match="boom"):
        check(CASES / "base")
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
