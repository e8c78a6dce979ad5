"""Emit JSON Schema (draft 2020-12) from the spec, for editors and for the open data page."""

from __future__ import annotations

from typing import Any

from generator.schema.mapping import Mapping, mapping_json

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def document_schema(spec: Mapping, name: str, site_url: str = "") -> dict[str, Any]:
    body = mapping_json(spec)
    head: dict[str, Any] = {"$schema": DRAFT}
    if site_url:
        head["$id"] = f"{site_url.rstrip('/')}/schema/{name}.schema.json"
    return {**head, **body}
