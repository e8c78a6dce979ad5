"""Emit JSON Schema (draft 2020-12) from the spec, for editors and for the open data page."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from generator.schema.types import Mapping

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def mapping_json(spec: Mapping) -> dict[str, Any]:
    props: dict[str, Any] = {}
    for key, fld in spec.fields.items():
        prop = dict(fld.type.json())
        prop["title"] = fld.label
        if fld.description:
            prop["description"] = fld.description
        props[key] = prop
    for key in spec.extra_keys:  # allowed here, their content is checked by a dedicated check
        props[key] = {"description": "kiểm tra riêng (xem mã lỗi E150, E152)"}
    required = [k for k, f in spec.fields.items() if f.need in ("always", "conditional")]
    out: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
    if required:
        out["required"] = required
    if spec.any_of:
        out["anyOf"] = [dict(rule) for rule in spec.any_of]
    if spec.title:
        out["title"] = spec.title
    return out


def document_schema(spec: Mapping, name: str, site_url: str = "") -> dict[str, Any]:
    body = mapping_json(spec)
    head: dict[str, Any] = {"$schema": DRAFT}
    if site_url:
        head["$id"] = f"{site_url.rstrip('/')}/schema/{name}.schema.json"
    return {**head, **body}
