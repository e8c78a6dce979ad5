"""Validate data files against the published JSON Schema files (``schema/*.schema.json``), independently of
the checker: the YAML read with PyYAML, dates written as ISO strings, every error as ``path: message``."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from tests.kit.paths import REPO


def schema_kind(path: Path) -> str:
    """Which schema a data file follows: ``province``, ``calendar``, ``catalogue`` or ``commune``."""
    if path.name in ("province.yaml", "calendar.yaml"):
        return path.stem
    return "catalogue" if path.parent.name == "catalogue" else "commune"


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _validator(kind: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((REPO / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def schema_errors(path: Path) -> list[str]:
    """What the published schema says against ``path``; empty when it validates."""
    data = _jsonable(yaml.safe_load(path.read_text(encoding="utf-8-sig")))
    found = _validator(schema_kind(path)).iter_errors(data)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in found]


def data_files(folder: Path) -> list[Path]:
    """The YAML data files under ``folder`` (a case's ``case.yaml`` is not data)."""
    return sorted(p for p in folder.rglob("*.y*ml") if p.name != "case.yaml")
