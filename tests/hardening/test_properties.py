"""Properties over generated records: valid ones pass and render, every defect class is caught."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.checks.result import check
from generator.model.dates import data_date
from generator.model.resolve import commune_procedures
from generator.pipeline import load_checked
from generator.posters.render import html_to_pdf, render_html
from generator.posters.sheet import sheet_body
from generator.schema.definitions import PROCEDURE
from generator.site.render import render_docs
from tests.kit.problems import codes
from tests.kit.strategies import procedures, write_tree

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
REQUIRED = sorted(k for k, f in PROCEDURE.fields.items() if f.need in ("always", "conditional"))


def _expected_warnings(record: dict[str, Any]) -> set[str]:
    """What a record as published lacks: a decision date (W020), the online level (W021; W025 when a
    "Trực tuyến" row makes it an online service whose address is not known)."""
    online_row = any(c["method"] == "online" for c in record["channels"])
    lacking = {
        "W020": "date" not in record["decision"],
        "W021": "online" not in record and not online_row,
        "W025": "online" not in record and online_row,
    }
    return {code for code, lacks in lacking.items() if lacks}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(procedures())
def test_valid_procedure_passes_check_and_renders_site(record: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = write_tree(Path(tmp), record)
        result = check(root, base=root)
        assert codes(p for p in result.problems if p.code != "W010") == _expected_warnings(record)
        assert not result.errors
        data = load_checked(root).provinces[0]
        docs = Path(tmp) / "docs"
        render_docs(data, docs)
        page = docs / data.procedures[record["code"]].url_path / "index.md"
        assert record["code"] in page.read_text(encoding="utf-8")


@FAST
@given(procedures(), st.sampled_from(REQUIRED))
def test_removing_a_required_part_is_caught(record: dict[str, Any], key: str) -> None:
    code = record["code"]
    del record[key]
    expected = "E100" if PROCEDURE.fields[key].need == "always" else "E104"
    with tempfile.TemporaryDirectory() as tmp:
        root = write_tree(Path(tmp), record, code=code)
        problems = check(root, base=root).problems
    assert any(p.code == expected and f"'{key}'" in p.message for p in problems), problems


@FAST
@given(procedures(), st.sampled_from(["document", "time", "fee"]), st.integers(1, 1000))
def test_overlay_that_adds_lengthens_or_raises_is_caught(record: dict[str, Any], kind: str, more: int) -> None:
    if kind == "document":
        overlay: dict[str, Any] = {"documents": [{"name": "Giấy tờ xã tự thêm " + "x" * more, "originals": 1}]}
        expected = "E150"
    elif kind == "fee":
        line = record["channels"][0]["fees"][0]
        overlay = {"fees": [{"name": line["name"], "amount": line["amount"] + more}]}
        expected = "E152"
    else:  # longer than the shortest of the method's rows (several rows: a case each)
        method = record["channels"][0]["method"]
        rows = [c for c in record["channels"] if c["method"] == method]
        for days, row in enumerate(rows, start=5):
            row["time_limit"] = {"value": days, "unit": "working_day"}
        overlay = {"time_limit": {"value": 5 + more % 2, "unit": "working_day", "method": method}}
        expected = "E151" if more % 2 else ""
    with tempfile.TemporaryDirectory() as tmp:
        root = write_tree(Path(tmp), record, overlay)
        found = codes(check(root, base=root).errors)
    assert expected in found if expected else found == set(), found


@SLOW
@given(procedures())
def test_poster_text_keeps_every_document_name(record: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = write_tree(Path(tmp), record)
        data = load_checked(root).provinces[0]
        (cp,) = commune_procedures(data, data.communes["xa-thu"])
        html = render_html("body.html.j2", data_date([data]), body=sheet_body(data.province, cp))
        pdf = Path(tmp) / "sheet.pdf"
        pdf.write_bytes(html_to_pdf(html))
        text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    # Compared without white space: a line may also break where the name has none ("[a]" / "(javascript:b)").
    flat = "".join(text.split())
    for document in record["documents"]:
        assert "".join(document["name"].split()) in flat
    for row in record["channels"]:  # every row of a method, told apart by its description
        assert "".join(row.get("description", "").split()) in flat
