"""Checks of one catalogue procedure beyond its shape. Each yields problems, never raises."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePath
from typing import Any
from unicodedata import normalize

from generator.load import SourceFile
from generator.problems import Problem
from generator.schema.types import Context, is_none_word
from generator.text.codes import CODE_RE

LEGACY_FOR_SERVICE = {"toan_trinh": {4}, "mot_phan": {3}, "none": {1, 2}}


def dict_items(value: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    """(index, item) of the mappings in a list; anything else yields nothing (other checks report it)."""
    if isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, dict):
                yield i, item


def check_online(doc: SourceFile) -> Iterator[Problem]:
    """An online service names its https address; a legacy level agrees with it.

    Passes: ``online: {service: toan_trinh, url: https://dichvucong.gov.vn/..., legacy_level: 4}``
    Fails:  ``online: {service: mot_phan}`` (E117); ``{service: none, legacy_level: 4}`` (E118)
    """
    online = doc.data.get("online")
    if not isinstance(online, dict):
        return
    ctx = Context(doc)
    service = online.get("service")
    url = online.get("url")
    if service in ("toan_trinh", "mot_phan") and not (isinstance(url, str) and url.lower().startswith("https://")):
        yield ctx.problem("E117", ("online", "url") if "url" in online else ("online",), service=service)
    legacy = online.get("legacy_level")
    if legacy in (1, 2, 3, 4) and service in LEGACY_FOR_SERVICE and legacy not in LEGACY_FOR_SERVICE[service]:
        yield ctx.problem("E118", ("online", "legacy_level"), legacy=legacy, service=service)


def _fee_lines(data: dict[str, Any]) -> Iterator[tuple[tuple[str | int, ...], dict[str, Any]]]:
    for i, fee in dict_items(data.get("fees")):
        yield ("fees", i), fee
    for c, channel in dict_items(data.get("channels")):
        for i, fee in dict_items(channel.get("fees")):
            yield ("channels", c, "fees", i), fee


def check_fee_lines(doc: SourceFile) -> Iterator[Problem]:
    """Every fee line states an amount or its verbatim text.

    Passes: ``{name: Lệ phí, amount: 8000}``, ``{name: Phí, text: "Mức thu bằng 50% ..."}``
    Fails:  ``{name: Phí, note: Miễn}`` (E122)
    """
    ctx = Context(doc)
    for path, fee in _fee_lines(doc.data):
        if "amount" not in fee and "text" not in fee:
            yield ctx.problem("E122", path)


def check_time_limits(doc: SourceFile) -> Iterator[Problem]:
    """A time limit has a value and a unit, or verbatim text; a value always needs its unit.

    Passes: ``{value: 5, unit: working_day}``, ``{text: Không quy định}``, ``{value: 0, unit: hour, text: "0 Giờ"}``
    Fails:  ``{value: 5}``, ``{value: 5, text: "5"}`` or ``{note: ...}`` alone (E123)
    """
    ctx = Context(doc)
    for c, channel in dict_items(doc.data.get("channels")):
        limit = channel.get("time_limit")
        if not isinstance(limit, dict):
            continue
        paired = ("value" in limit) == ("unit" in limit)
        if not paired or ("text" not in limit and "value" not in limit):
            yield ctx.problem("E123", ("channels", c, "time_limit"))


def _row_key(channel: dict[str, Any]) -> tuple[str, str, str]:
    """What tells two rows of one method apart: time limit, fees and description (NFC, case folded)."""

    def fold(value: Any) -> str:
        return normalize("NFC", repr(value) if isinstance(value, (dict, list)) else str(value)).strip().casefold()

    return fold(channel.get("time_limit", "")), fold(channel.get("fees", "")), fold(channel.get("description", ""))


def check_channels_unique(doc: SourceFile) -> Iterator[Problem]:
    """A method may have several rows, each a case told apart by its time limit, fees or ``description``.

    Passes: two ``in_person`` rows with descriptions "Trường hợp 1" and "Trường hợp 2"; two rows with
            one description and time limits "10 Ngày" and "40 Ngày" (the description explains both).
    Fails:  two ``online`` rows alike in time limit, fees and description (E126)
    """
    ctx = Context(doc)
    seen: dict[tuple[str, tuple[str, str, str]], int] = {}
    for c, channel in dict_items(doc.data.get("channels")):
        method = channel.get("method")
        if not isinstance(method, str):
            continue
        key = (method, _row_key(channel))
        if key in seen:
            same = f"mô tả '{channel['description']}'" if key[1][2] else "không có mô tả"
            yield ctx.problem("E126", ("channels", c, "method"), method=method, same=same, first_line=seen[key])
        else:
            seen[key] = doc.at(("channels", c, "method"))[0]


def _forms(document: dict[str, Any]) -> list[Any]:
    form = document.get("form")
    return form if isinstance(form, list) else [form]


def check_forms(doc: SourceFile) -> Iterator[Problem]:
    """Forms are listed with their documents, or the record says ``forms: Không``; a form is named.

    Passes: a document with ``form: {title: Tờ khai ...}`` or a list of forms; ``forms: Không`` and no form.
    Fails:  no form anywhere and no ``forms`` key (E104); ``forms: Không`` beside a form (E125);
            ``form: {url: https://...}`` with neither ``title`` nor ``file`` (E127)
    """
    ctx = Context(doc)
    with_form = [(i, d) for i, d in dict_items(doc.data.get("documents")) if "form" in d]
    if is_none_word(doc.data.get("forms")):
        for i, document in with_form:
            yield ctx.problem("E125", ("documents", i, "form"), document=document.get("name", ""))
    elif not with_form and "forms" not in doc.data and isinstance(doc.data.get("documents"), list):
        yield ctx.problem("E104", (), key="forms", label="mẫu đơn, tờ khai")
    for i, document in with_form:
        many = isinstance(document["form"], list)
        for j, form in enumerate(_forms(document)):
            if isinstance(form, dict) and "title" not in form and "file" not in form:
                path = ("documents", i, "form", j) if many else ("documents", i, "form")
                yield ctx.problem("E127", path, document=document.get("name", ""))


def check_file_name(doc: SourceFile) -> Iterator[Problem]:
    """The file is named after its code: ``catalogue/1.001193.yaml`` holds ``code: "1.001193"`` (E121)."""
    code = doc.data.get("code")
    if isinstance(code, str) and CODE_RE.fullmatch(code) and PurePath(doc.path).stem != code:
        yield Context(doc).problem("E121", ("code",), expected=f"{code}.yaml", code=code)
