"""The kit's ``assert_problems`` reads Problems and ``check``'s text alike, and fails on any difference."""

from __future__ import annotations

import pytest

from generator.problems import make
from generator.problems.formats import render
from tests.kit.problems import assert_problems, codes, located

FILE = "khanh-hoa/catalogue/1.001193.yaml"
PROBLEMS = [
    make("E112", FILE, (18, 17), "fees[0].amount", raw="8.000", suggest="8000"),
    make("E001", "a:b.yaml", (0, 0), reason="x"),
]


def test_problems_and_their_text_are_located_alike() -> None:
    text = "niemyet: một dòng khác\n" + render(PROBLEMS) + "\n1 lỗi, 0 cảnh báo."
    assert located(text) == located(PROBLEMS) == [("E001", "a:b.yaml", 0, 0), ("E112", FILE, 18, 17)]
    assert codes(text) == codes(PROBLEMS) == {"E001", "E112"}


def test_positions_with_or_without_the_file() -> None:
    assert_problems(PROBLEMS, [("E112", 18, 17), ("E001", 0, 0)])
    assert_problems(render(PROBLEMS), [("E112", "catalogue/1.001193.yaml", 18, 17), ("E001", "a:b.yaml", 0, 0)])
    assert_problems([], [])


@pytest.mark.parametrize(
    "expected",
    [
        [("E112", 18, 17)],  # one missing
        [("E112", 18, 16), ("E001", 0, 0)],  # a column off
        [("E112", "other.yaml", 18, 17), ("E001", "a:b.yaml", 0, 0)],  # another file
        [("E112", "93.yaml", 18, 17), ("E001", "a:b.yaml", 0, 0)],  # a tail that is not a whole file name
        [("E112", 18, 17), ("E001", "a:b.yaml", 0, 0)],  # with and without the file mixed
    ],
)
def test_any_difference_fails(expected: list[tuple[str, int, int] | tuple[str, str, int, int]]) -> None:
    with pytest.raises(AssertionError):
        assert_problems(PROBLEMS, expected)
