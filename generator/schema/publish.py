"""The JSON Schemas of the three file kinds, as published for editors and on the open data page."""

from __future__ import annotations

from typing import Any

from generator.schema.definitions import SPECS
from generator.schema.jsonschema import document_schema


def schemas(site_url: str = "") -> dict[str, dict[str, Any]]:
    return {name: document_schema(spec, name, site_url) for name, spec in SPECS.items()}
