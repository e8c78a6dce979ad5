"""Value types of the data spec. Each type checks a value (yielding problems) and emits JSON Schema.

The same objects drive ``niemyet check`` and ``niemyet schema``, so the validator and the schema
editors use while typing cannot drift apart. Messages quote the text the person wrote (``raw``),
so a YAML conversion such as ``5.000`` → 5.0 is named, never silently accepted.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from generator.load import FieldPath, SourceFile, format_path
from generator.problems import Problem, make
from generator.text.codes import CODE_RE

NONE_WORD = "Không"
NONE_WORD_PATTERN = r"^\s*[Kk][Hh][Ôô][Nn][Gg]\s*$"  # what is_none_word accepts, in ECMA-262 regex
URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


@dataclass
class Context:
    """Where problems go while one document is checked."""

    doc: SourceFile

    def problem(self, code: str, path: FieldPath, /, *, key_pos: bool = False, **params: Any) -> Problem:
        pos = self.doc.key_at(path) if key_pos else self.doc.at(path)
        return make(code, self.doc.path, pos, format_path(path), **params)

    def shown(self, value: Any, path: FieldPath) -> str:
        """How a wrong value is named in a message: the text as written, with its YAML reading."""
        raw = self.doc.raw.get(path)
        kind = _kind_name(value)
        return f"{kind} {raw}" if raw is not None and kind != "chuỗi" else kind


def _kind_name(value: Any) -> str:
    if isinstance(value, bool):
        return "giá trị đúng/sai"
    if isinstance(value, (int, float)):
        return "số"
    if isinstance(value, (dt.date, dt.datetime)):
        return "ngày"
    if isinstance(value, list):
        return "danh sách"
    if isinstance(value, dict):
        return "khối khóa: giá trị"
    if value is None:
        return "giá trị rỗng"
    return "chuỗi"


def is_none_word(value: Any) -> bool:
    return isinstance(value, str) and value.strip().casefold() == NONE_WORD.casefold()


class ValueType(Protocol):
    expected: str

    def check(self, value: Any, path: FieldPath, ctx: Context) -> Iterator[Problem]: ...

    def json(self) -> dict[str, Any]: ...


def wrong_type(ctx: Context, path: FieldPath, value: Any, expected: str) -> Problem:
    shown_key = format_path(path[-2:] if path and isinstance(path[-1], int) else path[-1:])
    return ctx.problem("E103", path, key=shown_key or "gốc", expected=expected, found=ctx.shown(value, path))


@dataclass(frozen=True)
class Text:
    """A non-empty string. ``name: Đăng ký khai sinh`` passes; ``name: 2020`` fails (E103)."""

    expected: str = "chuỗi"
    max_length: int = 20_000

    def check(self, value: Any, path: FieldPath, ctx: Context) -> Iterator[Problem]:
        if not isinstance(value, str):
            yield wrong_type(ctx, path, value, self.expected)
        elif not value.strip():  # a blank line in a list; a blank field is caught by its mapping
            yield ctx.problem("E101", path, key=format_path(path), label="dòng trống trong danh sách")

    def json(self) -> dict[str, Any]:
        return {"type": "string", "minLength": 1, "maxLength": self.max_length, "pattern": r"\S"}


@dataclass(frozen=True)
class Code:
    """A national code as a string. ``"1.001193"`` passes; ``1.001193`` (a float) fails (E110)."""

    expected: str = "mã thủ tục dạng 1.001193"

    def check(self, value: Any, path: FieldPath, ctx: Context) -> Iterator[Problem]:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            yield ctx.problem("E110", path, raw=ctx.doc.raw.get(path, str(value)))
        elif not isinstance(value, str) or not CODE_RE.fullmatch(value):
            yield ctx.problem("E111", path, value=value)

    def json(self) -> dict[str, Any]:
        return {"type": "string", "pattern": CODE_RE.pattern}


@dataclass(frozen=True)
class Count:
    """A count of originals or copies: ``copies: 1`` passes; ``copies: -1`` or ``1.5`` fails (E116)."""

    expected: str = "số nguyên từ 0"

    def check(self, value: Any, path: FieldPath, ctx: Context) -> Iterator[Problem]:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            yield ctx.problem("E116", path, key=path[-1], value=ctx.doc.raw.get(path, value))

    def json(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": 0}


@dataclass(frozen=True)
class Year:
    """A calendar year: ``2026`` passes; ``26``, ``"2026"`` or ``2026.0`` fails (E103, naming the range)."""

    expected: str = "năm dương lịch, số nguyên từ 2000 đến 2100"

    def check(self, value: Any, path: FieldPath, ctx: Context) -> Iterator[Problem]:
        if isinstance(value, bool) or not isinstance(value, int) or not 2000 <= value <= 2100:
            yield wrong_type(ctx, path, value, self.expected)

    def json(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": 2000, "maximum": 2100}


@dataclass(frozen=True)
class Amount:
    """Whole đồng ≥ 0: ``amount: 5000`` passes; ``amount: 5.000`` (read as 5.0) fails (E112)."""

    expected: str = "số nguyên đồng"

    def check(self, value: Any, path: FieldPath, ctx: Context) -> Iterator[Problem]:
        if isinstance(value, float):
            raw = ctx.doc.raw.get(path, str(value))
            digits = raw.replace(".", "").replace(",", "").lstrip("+")
            suggest = digits if digits.lstrip("-").isdigit() else str(round(value))
            yield ctx.problem("E112", path, raw=raw, suggest=suggest)
        elif isinstance(value, bool) or not isinstance(value, int):
            yield wrong_type(ctx, path, value, self.expected)
        elif value < 0:
            yield ctx.problem("E113", path, value=value)

    def json(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": 0}


@dataclass(frozen=True)
class NonNegative:
    """A time limit value: ``value: 5``, ``0.5`` and ``0`` (done at once) pass; ``value: -1`` fails (E114)."""

    expected: str = "số từ 0 trở lên"

    def check(self, value: Any, path: FieldPath, ctx: Context) -> Iterator[Problem]:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not value >= 0:
            yield ctx.problem("E114", path, value=ctx.doc.raw.get(path, value))

    def json(self) -> dict[str, Any]:
        return {"type": "number", "minimum": 0}


@dataclass(frozen=True)
class Choice:
    """One of fixed values: ``method: online`` passes; ``method: fax`` fails (E105, or ``code``)."""

    values: tuple[str, ...]
    code: str = "E105"
    expected: str = "một giá trị trong danh sách"

    def check(self, value: Any, path: FieldPath, ctx: Context) -> Iterator[Problem]:
        if value not in self.values or isinstance(value, bool):
            shown = ctx.doc.raw.get(path, value)
            if self.code == "E105":
                yield ctx.problem("E105", path, key=path[-1], allowed=", ".join(map(str, self.values)), found=shown)
            else:
                yield ctx.problem(self.code, path, value=shown)

    def json(self) -> dict[str, Any]:
        return {"enum": list(self.values)}


@dataclass(frozen=True)
class Date:
    """A date: ``date: 2025-07-01`` passes; ``date: 01/07/2025`` fails (E119)."""

    expected: str = "ngày"

    def check(self, value: Any, path: FieldPath, ctx: Context) -> Iterator[Problem]:
        if isinstance(value, dt.date):
            return
        if isinstance(value, str):
            try:
                dt.date.fromisoformat(value)
                return
            except ValueError:
                pass
        yield ctx.problem("E119", path, value=ctx.doc.raw.get(path, value))

    def json(self) -> dict[str, Any]:
        return {"type": "string", "format": "date"}


@dataclass(frozen=True)
class Url:
    """A web address: ``https://dichvucong.gov.vn`` passes; ``javascript:alert(1)`` fails (E120)."""

    expected: str = "địa chỉ web"

    def check(self, value: Any, path: FieldPath, ctx: Context) -> Iterator[Problem]:
        if not isinstance(value, str) or not URL_RE.match(value):
            yield ctx.problem("E120", path, value=value)

    def json(self) -> dict[str, Any]:
        return {"type": "string", "pattern": URL_RE.pattern.replace("(?i)", ""), "format": "uri"}


@dataclass(frozen=True)
class Field:
    """A key of a mapping: its type, whether it is required, and its Vietnamese names.

    ``label`` is the name inside messages and the JSON Schema title ("cơ quan giải quyết");
    ``heading`` the name as a heading or a change line shows it, when it is not ``label`` with a
    capital ("Mẫu đơn, tờ khai" for "mẫu đơn, tờ khai (ghi Không nếu không có mẫu)"); ``export``
    the labels the national portal's export writes for this key (``niemyet import`` reads them).
    """

    type: Any
    label: str
    need: str = "optional"  # "always" | "conditional" (present or "Không") | "optional"
    description: str = ""
    heading: str = ""
    export: tuple[str, ...] = ()
    missing: str = ""  # what to write when the part is missing (E100 says it)

    @property
    def title(self) -> str:
        """The name as a heading: ``heading``, else ``label`` with a capital ("Tên thủ tục")."""
        return self.heading or self.label[:1].upper() + self.label[1:]


@dataclass(frozen=True)
class ListOf:
    """A list of items, at least ``min_items`` of them."""

    item: Any
    min_items: int = 1
    expected: str = "danh sách"

    def check(self, value: Any, path: FieldPath, ctx: Context) -> Iterator[Problem]:
        if not isinstance(value, list):
            yield wrong_type(ctx, path, value, self.expected)
            return
        for i, item in enumerate(value):
            yield from self.item.check(item, (*path, i), ctx)

    def json(self) -> dict[str, Any]:
        return {"type": "array", "minItems": self.min_items, "items": self.item.json()}


@dataclass(frozen=True)
class OneOrList:
    """One item or a list of them: ``form: {title: Tờ khai}`` and ``form: [{title: A}, {title: B}]`` pass."""

    item: Any
    expected: str = "khối hoặc danh sách"

    def check(self, value: Any, path: FieldPath, ctx: Context) -> Iterator[Problem]:
        if isinstance(value, list):
            yield from ListOf(self.item).check(value, path, ctx)
        else:
            yield from self.item.check(value, path, ctx)

    def json(self) -> dict[str, Any]:
        return {"oneOf": [self.item.json(), ListOf(self.item).json()]}


@dataclass(frozen=True)
class TextOrList:
    """One line of text or a list of lines: both ``applicants: Công dân`` and a list pass."""

    expected: str = "chuỗi hoặc danh sách chuỗi"

    def check(self, value: Any, path: FieldPath, ctx: Context) -> Iterator[Problem]:
        if isinstance(value, list):
            for i, item in enumerate(value):
                if not isinstance(item, str) or not item.strip():
                    yield wrong_type(ctx, (*path, i), item, "chuỗi")
        elif not isinstance(value, str):
            yield wrong_type(ctx, path, value, self.expected)

    def json(self) -> dict[str, Any]:
        line = {"type": "string", "minLength": 1}
        return {"oneOf": [line, {"type": "array", "minItems": 1, "items": line}]}


@dataclass(frozen=True)
class NoneOr:
    """A conditional part: the explicit word "Không", or the content. ``conditions: Không`` passes."""

    inner: Any
    expected: str = '"Không" hoặc nội dung'

    def check(self, value: Any, path: FieldPath, ctx: Context) -> Iterator[Problem]:
        if not is_none_word(value):
            yield from self.inner.check(value, path, ctx)

    def json(self) -> dict[str, Any]:
        none_word = {"type": "string", "pattern": NONE_WORD_PATTERN}
        return {"anyOf": [none_word, self.inner.json()]}
