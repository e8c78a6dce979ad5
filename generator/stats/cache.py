"""What ``stats import`` needs of a checked province, kept between imports: the province's YAML is read and
checked (a 150 × 400 province: about 1.5 s) only when something in it changed.

The key is a hash of the folder's absolute path, of every file under it (names and bytes; the statistics folder
aside, which the import itself writes) and of niemyet's own code: any edit, added or removed file, or another
niemyet gives another key, and the full check runs (its errors stop the import as before). Only a model that
passed the check is stored, and only what the import uses of it (``ImportModel``: the communes' unit codes and
names, the procedure codes, the posted limits): hashing the files costs some 20 ms at that size, loading the
kept model a few.

The cache lives in ``$NIEMYET_CACHE`` (``off``: no cache), else ``$XDG_CACHE_HOME/niemyet``, else
``~/.cache/niemyet``; it holds the last ``KEEP`` models. It holds nothing the data repository does not: the
model is made of the YAML files, no statistics and no export. A cache that cannot be read or written is ignored.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.model.types import ProvinceData
from generator.stats.limits import Limit, posted_limits
from generator.stats.units import unit_index

KEEP = 4
SKIPPED = ("statistics",)  # written by the import itself
CODE = Path(__file__).resolve().parents[1]  # the generator package


@dataclass(frozen=True)
class ImportModel:
    """What the import reads of the province: folded unit code or name → commune slug, the procedure codes
    (sorted), the posted limits."""

    units: dict[str, str]
    codes: tuple[str, ...]
    limits: tuple[Limit, ...]


def import_model(data: ProvinceData) -> ImportModel:
    return ImportModel(unit_index(data), tuple(sorted(data.procedures)), tuple(posted_limits(data)))


def cache_dir() -> Path | None:
    given = os.environ.get("NIEMYET_CACHE", "")
    if given == "off":
        return None
    if given:
        return Path(given)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "niemyet"


def _files(folder: Path, skipped: tuple[str, ...] = (), suffix: str = "") -> list[tuple[str, str]]:
    """(path from ``folder``, full path) of every file under it, sorted; hidden entries, the top-level folders
    ``skipped`` and, with ``suffix``, other files left out."""
    out = []
    for base, dirs, names in os.walk(folder):
        here = os.path.relpath(base, folder)
        dirs[:] = [
            d for d in dirs if not d.startswith(".") and d != "__pycache__" and not (here == "." and d in skipped)
        ]
        for name in names:
            if not name.startswith(".") and name.endswith(suffix):
                out.append((os.path.normpath(os.path.join(here, name)), os.path.join(base, name)))
    return sorted(out)


def province_key(folder: Path) -> str:
    digest = hashlib.blake2b(digest_size=20)
    digest.update(str(folder.resolve()).encode("utf-8"))
    for relative, path in [*_files(folder, SKIPPED), *_files(CODE, suffix=".py")]:
        with open(path, "rb") as handle:
            digest.update(b"\0" + relative.encode("utf-8") + b"\0" + handle.read())
    return digest.hexdigest()


def cached_model(folder: Path, load: Callable[[Path], ProvinceData]) -> ImportModel:
    """The import's model of ``folder``: from the cache when nothing changed, else from ``load(folder)`` (the
    checked province; stored after)."""
    where = cache_dir()
    if where is None:
        return import_model(load(folder))
    path = where / f"import-{province_key(folder)}.pickle"
    try:
        found = pickle.loads(path.read_bytes())
        if isinstance(found, ImportModel):
            return found
    except Exception:  # missing, truncated, or made by a niemyet whose classes differ: load again
        pass
    model = import_model(load(folder))
    _store(where, path, model)
    return model


def _store(where: Path, path: Path, data: ImportModel) -> None:
    try:
        where.mkdir(parents=True, exist_ok=True)
        scratch = path.with_suffix(f".tmp-{os.getpid()}")
        scratch.write_bytes(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(scratch, path)
        for old in sorted(where.glob("import-*.pickle"), key=lambda p: p.stat().st_mtime)[:-KEEP]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
