"""A block of known keys in the spec: checked for missing, empty and unknown keys, then each value's own
type; emitted as a JSON Schema object."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from generator.load import FieldPath
from generator.problems import Problem
from generator.schema.types import Context, Field, wrong_type
from generator.text.slug import ascii_fold

# Keys people type when they think in Vietnamese; suggested before spelling neighbours.
_VIETNAMESE_KEYS = {
    "ma": "code",
    "ma_thu_tuc": "code",
    "ten": "name",
    "ten_thu_tuc": "name",
    "linh_vuc": "field",
    "cap": "level",
    "cap_thuc_hien": "level",
    "quyet_dinh": "decision",
    "trinh_tu": "steps",
    "cach_thuc": "channels",
    "thoi_han": "time_limit",
    "phi": "fees",
    "le_phi": "fees",
    "thanh_phan_ho_so": "documents",
    "giay_to": "documents",
    "doi_tuong": "applicants",
    "co_quan": "agency",
    "ket_qua": "result",
    "dieu_kien": "conditions",
    "yeu_cau": "conditions",
    "can_cu_phap_ly": "legal_basis",
    "truc_tuyen": "online",
    "ghi_chu": "note",
    "mau_don": "form",
    "dia_chi": "address",
    "gio_lam_viec": "hours",
    "dien_thoai": "phone",
    "so_ban_chinh": "originals",
    "so_ban_sao": "copies",
    "ban_chinh": "originals",
    "ban_sao": "copies",
    "ngay": "date",
    "so": "number",
}


def did_you_mean(key: str, allowed: list[str]) -> str:
    folded = ascii_fold(key).lower().replace(" ", "_").replace("-", "_")
    guess = _VIETNAMESE_KEYS.get(folded)
    if guess is None or guess not in allowed:
        close = difflib.get_close_matches(folded, allowed, n=1, cutoff=0.6)
        guess = close[0] if close else None
    return f"; có phải '{guess}'?" if guess else f"; các khóa hợp lệ: {', '.join(allowed)}"


def _blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, (list, dict)) and not value


def check_mapping(spec: Mapping, value: Any, path: FieldPath, ctx: Context) -> Iterator[Problem]:
    if not isinstance(value, dict):
        yield wrong_type(ctx, path, value, spec.expected)
        return
    for key in value:
        if key not in spec.fields and key not in spec.extra_keys:
            yield ctx.problem("E102", (*path, key), key_pos=True, key=key, hint=did_you_mean(key, list(spec.fields)))
    rejected = ctx.doc.rejected
    for key, fld in spec.fields.items():
        if key not in value:
            if fld.need == "always":
                hint = f"; {fld.missing}" if fld.missing else ""
                yield ctx.problem("E100", path, key=key, label=fld.label, hint=hint)
            elif fld.need == "conditional":
                yield ctx.problem("E104", path, key=key, label=fld.label)
            continue
        item = value[key]
        child = (*path, key)
        if rejected and child in rejected:
            continue
        if _blank(item):
            yield ctx.problem("E101", child, key=key, label=fld.label)
            continue
        yield from fld.type.check(item, child, ctx)


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


@dataclass(frozen=True)
class Mapping:
    """A block of known keys. Unknown keys are E102 with a "did you mean"."""

    fields: dict[str, Field]
    title: str = ""
    expected: str = "khối khóa: giá trị"
    extra_keys: tuple[str, ...] = field(default=())  # keys another check reports more precisely
    any_of: tuple[dict[str, Any], ...] = field(default=())  # JSON Schema of a cross-key rule a check enforces

    def check(self, value: Any, path: FieldPath, ctx: Context) -> Iterator[Problem]:
        yield from check_mapping(self, value, path, ctx)

    def json(self) -> dict[str, Any]:
        return mapping_json(self)
