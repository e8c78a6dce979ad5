"""Every command and every argument of ``niemyet`` is described in --help, in Vietnamese.

Walks the parser tree generically, so commands added later (in their own packages) are held to the
same rule without a list to update here.
"""

from __future__ import annotations

import argparse
import contextlib
import io
from collections.abc import Iterator
from importlib.metadata import version

import pytest

from generator.cli import main
from generator.cli import parser as _parser

# argparse's own English, which must not reach the user
ENGLISH = ("usage:", "options:", "positional arguments", "show this help", "show program's version")


def _walk(parser: argparse.ArgumentParser, path: tuple[str, ...] = ("niemyet",)) -> Iterator[tuple[str, ...]]:
    yield path
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from _walk(child, (*path, name))


def _parser_at(path: tuple[str, ...]) -> argparse.ArgumentParser:
    parser = _parser()
    for name in path[1:]:
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        parser = sub.choices[name]
    return parser


def _help_of(path: tuple[str, ...]) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit) as done:
        main([*path[1:], "--help"])
    assert done.value.code == 0
    return out.getvalue()


PATHS = list(_walk(_parser()))


def test_the_walk_sees_every_command() -> None:
    names = {path[-1] for path in PATHS}
    assert {"check", "build", "serve", "posters", "schema", "synth"} <= names


@pytest.mark.parametrize("path", PATHS, ids=" ".join)
def test_every_argument_has_a_description(path: tuple[str, ...]) -> None:
    parser = _parser_at(path)
    for action in parser._actions:
        assert action.help and action.help != argparse.SUPPRESS, f"{' '.join(path)}: {action.dest} has no help"
        if isinstance(action, argparse._SubParsersAction):
            described = {a.dest for a in action._choices_actions if a.help}
            assert described == set(action.choices), f"{' '.join(path)}: commands without help"


@pytest.mark.parametrize("path", PATHS, ids=" ".join)
def test_help_output_is_vietnamese(path: tuple[str, ...]) -> None:
    text = _help_of(path)
    assert text.startswith(f"cách dùng: {' '.join(path)}")
    assert not [word for word in ENGLISH if word in text], text


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"niemyet {version('niemyet')}"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["check", "--bad"], "tham số không nhận ra: --bad"),
        (["posters", "--jobs", "x"], "tham số --jobs: 'x' không phải số nguyên"),
        (["check", "--format", "xml"], "tham số --format: không có lựa chọn 'xml' (chọn một trong 'text', 'json'"),
        (["synth"], "thiếu tham số bắt buộc: OUT"),
        (["posters", "--jobs"], "tham số --jobs cần một giá trị"),
        (["bogus"], "tham số LỆNH: không có lựa chọn 'bogus'"),
    ],
)
def test_usage_errors_are_vietnamese(argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 3
    err = capsys.readouterr().err
    assert f"niemyet: lỗi tham số: {expected}" in err
    assert not [word for word in ("argument", "invalid", "required", "expected", "choose") if word in err], err
