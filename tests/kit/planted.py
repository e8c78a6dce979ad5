"""A province with planted gaps whose figures are known by construction (the sample's 13 procedures).

* 2.000930 is made provincial ("Cấp Tỉnh"): not counted; 2.000884 says "Cấp Tỉnh, Cấp Xã": counted.
  So 12 commune-level procedures.
* xa-du lists all 13 with two local differences (12/12, 100,0 %);
* xa-thieu-mot lacks 1.000894 (11/12 = 91.66 %, shown 91,6 %: rounded down), posted_on 2026-01-10;
* xa-thieu-ba lacks 1.001193, 1.000656, 2.000815 (9/12, 75,0 %);
* xa-trong lists only the provincial 2.000930 (0/12, 0,0 %).
``remove("1.003554")`` deletes a catalogue file every commune but xa-trong lists (check: E140).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from tests.kit.paths import SAMPLE

PROVINCE = SAMPLE / "khanh-hoa"
CODES = sorted(p.stem for p in (PROVINCE / "catalogue").glob("*.yaml"))
PROVINCIAL = "2.000930"
LACKS = {"xa-du": (), "xa-thieu-mot": ("1.000894",), "xa-thieu-ba": ("1.001193", "1.000656", "2.000815")}
LOCAL = {
    "1.001193": {
        "online": {"url": "https://dichvucong.khanhhoa.gov.vn/xa-du/khai-sinh"},
        "note": "Có người hướng dẫn.",
    },
    "1.013133": {"time_limit": {"value": 4, "unit": "hour", "method": "in_person"}},
}
COUNTER = {
    "address": "Trụ sở Ủy ban nhân dân",
    "hours": "Thứ Hai đến Thứ Sáu",
    "phone": "0258 3000 000",
    "email": "motcua@example.vn",
}


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def _commune(name: str, entries: list[dict[str, Any]], **extra: Any) -> str:
    data = {"name": name, "counter": COUNTER, "procedures": entries, **extra}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def planted(root: Path) -> Path:
    """Write the planted province under ``root`` (the data root); returns ``root``."""
    prov = root / "khanh-hoa"
    shutil.copytree(PROVINCE, prov)
    _replace(prov / "catalogue" / f"{PROVINCIAL}.yaml", "level: Cấp Xã", "level: Cấp Tỉnh")
    _replace(prov / "catalogue" / "2.000884.yaml", "level: Cấp Xã", "level: Cấp Tỉnh, Cấp Xã")
    for old in (prov / "communes").glob("*.yaml"):
        old.unlink()
    for slug, lacks in LACKS.items():
        entries = [{"code": c, **(LOCAL.get(c, {}) if slug == "xa-du" else {})} for c in CODES if c not in lacks]
        extra = {"posted_on": "2026-01-10"} if slug == "xa-thieu-mot" else {}
        text = _commune(f"Xã {slug}", entries, **extra)
        (prov / "communes" / f"{slug}.yaml").write_text(text, encoding="utf-8")
    (prov / "communes" / "xa-trong.yaml").write_text(_commune("Xã trống", [{"code": PROVINCIAL}]), encoding="utf-8")
    return root


def remove(root: Path, code: str) -> None:
    (root / "khanh-hoa" / "catalogue" / f"{code}.yaml").unlink()
