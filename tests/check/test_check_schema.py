"""The published JSON Schema files: equal to `niemyet schema`, and agreeing with the validator."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from generator.cli import main
from generator.schema.publish import schemas
from tests.kit.cases import BASE, Case, cases
from tests.kit.paths import CASES, REPO, SAMPLE
from tests.kit.schema import data_files, schema_errors, schema_kind

KINDS = ("catalogue", "province", "commune")
# Codes that are about the shape of one file: the JSON Schema must refuse those cases too.
SHAPE_CODES = {"E100", "E101", "E102", "E103", "E105", "E110", "E111", "E112", "E113", "E114", "E115", "E116"}
SHAPE_CODES |= {"E119", "E120"}
# Beyond what JSON Schema can say: "forms" depends on the documents (a cross-field rule), and
# JSON has one number type, so 8.000 read as 8.0 is an "integer" to every JSON Schema validator.
NOT_IN_SCHEMA = {"E104-forms-missing", "E112-fee-with-dot"}


@pytest.mark.parametrize("kind", KINDS)
def test_committed_schema_equals_generated(kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", kind]) == 0
    printed = capsys.readouterr().out
    assert (REPO / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8") == printed
    assert json.loads(printed) == schemas()[kind]


@pytest.mark.parametrize("kind", KINDS)
def test_schema_is_valid_draft_2020_12(kind: str) -> None:
    jsonschema.Draft202012Validator.check_schema(schemas()[kind])


def test_sample_files_validate() -> None:
    files = data_files(SAMPLE)
    assert len(files) >= 4
    assert {str(p.relative_to(REPO)): schema_errors(p) for p in files if schema_errors(p)} == {}


def test_sample_files_name_their_schema() -> None:
    for path in data_files(SAMPLE):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        target = first.removeprefix("# yaml-language-server: $schema=")
        assert target != first, f"{path} lacks the yaml-language-server line"
        assert (path.parent / target).resolve() == REPO / "schema" / f"{schema_kind(path)}.schema.json"


VALID_FILES = [p for c in cases("valid") for p in data_files(c.folder)] + data_files(BASE)


@pytest.mark.parametrize("path", VALID_FILES, ids=[str(p.relative_to(CASES)) for p in VALID_FILES])
def test_valid_case_files_validate(path: Path) -> None:
    assert schema_errors(path) == []


# Cross-key rules the schema states with anyOf: value with unit or text; form title or file.
ANY_OF_CASES = {"E123-value-without-unit", "E123-time-without-unit", "E127-form-without-title"}
SHAPE_CASES = [
    c
    for c in cases("invalid")
    if (c.code in SHAPE_CODES and c.folder.name not in NOT_IN_SCHEMA) or c.folder.name in ANY_OF_CASES
]


@pytest.mark.parametrize("case", SHAPE_CASES, ids=[c.name for c in SHAPE_CASES])
def test_schema_refuses_shape_cases(case: Case) -> None:
    files = data_files(case.folder)
    assert files, f"{case.name} has no data file"
    assert any(schema_errors(p) for p in files), f"the JSON Schema accepts {case.name}"
