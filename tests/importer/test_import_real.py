"""The two real exports: everything their tables and fields hold is in the YAML.

The source side is read independently of the importer: the docx's cells straight from its XML
with ElementTree, the PDF's cells with pdfplumber's own table extraction and its fields with
``pdftotext``. Text is compared with all whitespace removed (the PDF wraps lines anywhere).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pdfplumber
import pytest
import yaml

from generator.importer.run import import_exports
from tests.kit.paths import REAL_EXPORTS, SAMPLE, real_export_files

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DOCX = "ChiTietTTHC_1.004370.doc"
PDF = "ChiTietTTHC_2.002229.pdf"


def _squash(text: Any) -> str:
    return re.sub(r"\s+", "", str(text))


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """Both real exports imported once into a copy of the sample province."""
    sources = real_export_files()  # the two at the folder's top, not its corpus/
    province = tmp_path_factory.mktemp("real") / "khanh-hoa"
    shutil.copytree(SAMPLE / "khanh-hoa", province)
    report = import_exports(sources, province, [])
    assert report.errors == []
    return {
        o.code: yaml.load((province / "catalogue" / f"{o.code}.yaml").read_text("utf-8"), yaml.CSafeLoader)
        for o in report.outcomes
    }


def _docx_tables(path: Path) -> list[list[list[str]]]:
    root = ET.fromstring(zipfile.ZipFile(path).read("word/document.xml"))

    def cell(tc: ET.Element) -> str:
        return "".join(
            ("\n" if el.tag == W + "br" else el.text or "") for el in tc.iter() if el.tag in (W + "t", W + "br")
        )

    return [
        [[cell(tc) for tc in tr.findall(W + "tc")][:4] for tr in tbl.findall(W + "tr")][1:]
        for tbl in root.iter(W + "tbl")
    ]


def _yaml_tables(data: dict[str, Any]) -> tuple[list[list[str]], list[list[str]], list[list[str]]]:
    methods = {"in_person": "Trực tiếp", "online": "Trực tuyến", "post": "Dịch vụ bưu chính"}
    channels = [
        [
            methods[c["method"]],
            c["time_limit"]["text"],
            "\n".join(f["text"] for f in c.get("fees", [])),
            c.get("description", ""),
        ]
        for c in data["channels"]
    ]
    docs = []
    for d in data["documents"]:
        forms = d.get("form", [])
        titles = [f["title"] for f in (forms if isinstance(forms, list) else [forms])]
        docs.append([d["name"], "\n".join(titles), f"Bản chính: {d['originals']}\nBản sao: {d['copies']}"])
    legal = [
        [x["number"], x["title"], x["date"].strftime("%d-%m-%Y"), x.get("issuer", "")] for x in data["legal_basis"]
    ]
    return channels, docs, legal


def test_docx_export_every_cell_is_in_the_yaml(imported: dict[str, dict[str, Any]]) -> None:
    data = imported["1.004370"]
    channels, docs, legal = _docx_tables(REAL_EXPORTS / DOCX)
    mine = _yaml_tables(data)
    for source, imported in zip((channels, docs, legal), mine, strict=True):
        assert [[c.strip() for c in row] for row in source] == imported
    assert len(docs) == 7 and len(legal) == 5  # the file as published: seven documents, five legal documents


def _pdf_rows(path: Path) -> dict[str, list[list[str]]]:
    """Every table row of the PDF by kind (rows split by a page break joined back by their column text)."""
    kinds = {"Hìnhthứcnộp": "channels", "Têngiấytờ": "documents", "Sốkýhiệu": "legal"}
    out: dict[str, list[list[str]]] = {"channels": [], "documents": [], "legal": []}
    current = "channels"
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for table in page.extract_tables():
                for row in table:
                    cells = [_squash(c or "") for c in row]
                    kind = next((k for head, k in kinds.items() if head in cells), None)
                    if kind:
                        current = kind
                    elif any(cells) and cells != ["Baogồm", "", ""]:
                        out[current].append(cells)
    return out


def test_pdf_export_every_cell_is_in_the_yaml(imported: dict[str, dict[str, Any]]) -> None:
    data = imported["2.002229"]
    source = _pdf_rows(REAL_EXPORTS / PDF)
    channels, docs, legal = _yaml_tables(data)
    for kind, imported in (("channels", channels), ("documents", docs), ("legal", legal)):
        columns = list(zip(*source[kind], strict=True))
        mine = list(zip(*imported, strict=True))
        for col_source, col_mine in zip(columns, mine, strict=True):
            assert "".join(col_source) == "".join(_squash(c) for c in col_mine)
    assert [c["time_limit"] for c in data["channels"]] == [{"text": "0"}] * 3
    assert len(data["documents"]) == 3 and len(data["legal_basis"]) == 14
    assert [d.get("case", "")[:15] for d in data["documents"]] == ["Trường hợp (1):", "Trường hợp (2):", ""]


@pytest.mark.parametrize(
    "key",
    ["name", "field", "level", "procedure_type", "applicants", "agency", "receiving_address", "result", "conditions"],
)
def test_pdf_fields_are_verbatim(key: str, imported: dict[str, dict[str, Any]]) -> None:
    data = imported["2.002229"]
    text = _squash(subprocess.run(["pdftotext", str(REAL_EXPORTS / PDF), "-"], capture_output=True, text=True).stdout)
    assert _squash(data[key]) in text
    assert _squash("".join(data["steps"])) in text
    assert "competent_authority" not in data and "keywords" not in data  # "Không có thông tin" means absent


def test_pdf_yaml_is_what_pdfplumber_gave(tmp_path: Path) -> None:
    """The pypdfium2 reader (issue 19, item 7) writes the very YAML the pdfplumber reader wrote for the real PDF
    (tests/golden/import/2.002229.yaml, taken from it before the switch); the docx reader is unchanged."""
    pdf = next((p for p in real_export_files() if p.name == PDF), None)
    if pdf is None:
        pytest.skip(f"thiếu {PDF} trong {REAL_EXPORTS}")
    province = tmp_path / "khanh-hoa"
    shutil.copytree(SAMPLE / "khanh-hoa", province)
    report = import_exports([pdf], province, [])
    assert report.errors == []
    golden = Path(__file__).resolve().parents[1] / "golden" / "import" / "2.002229.yaml"
    assert (province / "catalogue" / "2.002229.yaml").read_text("utf-8") == golden.read_text("utf-8")
