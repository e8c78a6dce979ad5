"""Hypothesis strategies for valid procedure records, and a writer for a one-procedure province."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

VI_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵĐĂÂÊÔƠƯ"
MARKUP = ["<b>", "</i>", "{{ x }}", "{% if %}", "&amp;", "[a](javascript:b)", "*", "_", "#", "`", "|"]

word = st.text(alphabet=VI_LETTERS, min_size=1, max_size=10)
plain_phrase = st.lists(word, min_size=1, max_size=7).map(" ".join)
phrase = st.lists(st.one_of(word, word, word, st.sampled_from(MARKUP)), min_size=1, max_size=8).map(
    lambda parts: " ".join(parts) if any(p.isalpha() for p in parts) else " ".join([*parts, "hồ sơ"])
)
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))
UNITS = ("working_day", "day", "hour")


@st.composite
def time_limits(draw: st.DrawFn) -> dict[str, Any]:
    """A number (0 included: "0 Giờ"), the verbatim cell beside it, or verbatim text alone ("0", "Khác")."""
    kind = draw(st.sampled_from(["value", "value", "value+text", "text"]))
    if kind == "text":
        return {"text": draw(st.one_of(plain_phrase, st.sampled_from(["0", "Khác", "Không quy định"])))}
    value = draw(st.sampled_from([0, 0.5, 1, 5, 15, 60]))
    limit: dict[str, Any] = {"value": value, "unit": draw(st.sampled_from(UNITS))}
    if kind == "value+text":
        limit["text"] = draw(plain_phrase)
    return limit


@st.composite
def fees(draw: st.DrawFn) -> list[dict[str, Any]]:
    lines = []
    for name in draw(st.lists(st.sampled_from(["Phí", "Lệ phí"]), min_size=1, max_size=2, unique=True)):
        line: dict[str, Any] = {"name": name, "amount": draw(st.integers(0, 2_000_000))}
        if draw(st.booleans()):
            line["note"] = draw(phrase)
        if draw(st.booleans()):  # the verbatim line, as exports write it ("Lệ phí : 8.000 Đồng")
            line["text"] = f"{name} : {draw(plain_phrase)}"
        lines.append(line)
    return lines


@st.composite
def channels(draw: st.DrawFn) -> list[dict[str, Any]]:
    """One row per method, or several rows of a method told apart by their descriptions."""
    methods = draw(st.lists(st.sampled_from(["in_person", "online", "post"]), min_size=1, max_size=3, unique=True))
    rows = [{"method": m, "time_limit": draw(time_limits()), "fees": draw(fees())} for m in methods]
    cases = draw(st.lists(plain_phrase, min_size=0, max_size=2, unique_by=lambda s: s.casefold()))
    if cases:
        rows[0]["description"] = cases[0]
        for case in cases[1:]:
            rows.append({"method": rows[0]["method"], "time_limit": draw(time_limits()), "description": case})
    return rows


@st.composite
def documents(draw: st.DrawFn) -> list[dict[str, Any]]:
    names = draw(st.lists(phrase, min_size=1, max_size=6, unique_by=lambda s: s.casefold()))
    docs = [{"name": n, "originals": draw(st.integers(0, 3)), "copies": draw(st.integers(0, 3))} for n in names]
    if draw(st.booleans()):
        docs[0]["form"] = {"title": draw(phrase), "url": "https://dichvucong.gov.vn/mau"}
    elif draw(st.booleans()):  # a real row lists several form files
        docs[0]["form"] = [{"title": f"{draw(word)}.docx"} for _ in range(draw(st.integers(2, 3)))]
    return docs


@st.composite
def procedures(draw: st.DrawFn) -> dict[str, Any]:
    docs = draw(documents())
    online = draw(st.sampled_from(["toan_trinh", "mot_phan", "none", "unknown"]))  # unknown: no online block
    record: dict[str, Any] = {
        "code": draw(st.from_regex(r"[1-3]\.[0-9]{6}", fullmatch=True)),
        "name": draw(phrase),
        "field": draw(plain_phrase),
        "level": "Cấp Xã",
        "decision": {"number": "1/QĐ-UBND", **({"date": draw(dates)} if draw(st.booleans()) else {})},
        "steps": draw(st.lists(phrase, min_size=1, max_size=4)),
        "channels": draw(channels()),
        "documents": docs,
        "applicants": draw(phrase),
        "agency": draw(phrase),
        "result": draw(st.one_of(st.just("Không"), phrase)),
        "conditions": draw(st.one_of(st.just("Không"), st.lists(phrase, min_size=1, max_size=3))),
        "legal_basis": [{"number": "60/2014/QH13", "title": draw(phrase), "date": draw(dates)}],
    }
    if draw(st.booleans()):  # optional: every channel row states fees (none anywhere: W023)
        record["fees"] = "Không"
    if online != "unknown":
        record["online"] = {"service": online, **({"url": "https://dichvucong.gov.vn/x"} if online != "none" else {})}
    if not any("form" in d for d in docs):
        record["forms"] = "Không"
    return record


PROVINCE = {
    "name": "Tỉnh Thử",
    "site_url": "https://thutuc.tinhthu.example.vn/",
    "portals": {"national": "https://dichvucong.gov.vn/", "province": "https://dichvucong.tinhthu.example.vn/"},
    "feedback": {
        "agency": "Văn phòng Ủy ban nhân dân tỉnh Thử",
        "address": "Số 1 Trần Phú",
        "phone": "0200 3000 000",
        "email": "kstthc@tinhthu.example.vn",
        "website": "https://tinhthu.example.vn/",
    },
}
COUNTER = {"address": "Thôn Một", "hours": "7:30-17:00", "phone": "0200 3000 111", "email": "xa@tinhthu.example.vn"}


def write_tree(
    root: Path, procedure: dict[str, Any], overlay: dict[str, Any] | None = None, code: str | None = None
) -> Path:
    """A province with one procedure and one commune handling it; returns the province folder."""
    folder = root / "tinh-thu"
    (folder / "catalogue").mkdir(parents=True, exist_ok=True)
    (folder / "communes").mkdir(exist_ok=True)
    dump = {"allow_unicode": True, "sort_keys": False}
    (folder / "province.yaml").write_text(yaml.safe_dump(PROVINCE, **dump), encoding="utf-8")  # type: ignore[call-overload]
    code = code or procedure["code"]
    (folder / "catalogue" / f"{code}.yaml").write_text(
        yaml.safe_dump(procedure, **dump),
        encoding="utf-8",  # type: ignore[call-overload]
    )
    entry = {"code": code, **(overlay or {})}
    commune = {"name": "Xã Thử", "counter": COUNTER, "procedures": [entry]}
    (folder / "communes" / "xa-thu.yaml").write_text(yaml.safe_dump(commune, **dump), encoding="utf-8")  # type: ignore[call-overload]
    return folder
