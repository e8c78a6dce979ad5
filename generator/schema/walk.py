"""Walk a mapping against its spec: missing, empty, unknown keys, then each value's own type."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from generator.load import Path
from generator.problems import Problem
from generator.text.slug import ascii_fold

if TYPE_CHECKING:
    from generator.schema.types import Context, Mapping

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


def check_mapping(spec: Mapping, value: Any, path: Path, ctx: Context) -> Iterator[Problem]:
    if not isinstance(value, dict):
        from generator.schema.types import _wrong

        yield _wrong(ctx, path, value, spec.expected)
        return
    for key in value:
        if key not in spec.fields and key not in spec.extra_keys:
            yield ctx.problem("E102", (*path, key), key_pos=True, key=key, hint=did_you_mean(key, list(spec.fields)))
    rejected = ctx.doc.rejected
    for key, fld in spec.fields.items():
        if key not in value:
            if fld.need == "always":
                yield ctx.problem("E100", path, key=key, label=fld.label)
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
