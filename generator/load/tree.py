"""Find and load a data tree: ``<root>/<province>/{province.yaml, catalogue/*.yaml, communes/*.yaml}``, with
the province's ``calendar.yaml`` when present and the months of its ``statistics/<YYYY-MM>.csv`` (names only:
the aggregates themselves are read by ``niemyet stats``).

ROOT may be the folder of provinces (``procedures/``) or one province folder. Files are read in
sorted order so output is reproducible. A link that points outside ROOT is refused (E001), and
file names that cannot become safe slugs are problems (E124), so no name from the data can
steer where output is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.load.files import load_file
from generator.load.yamlfile import SourceFile
from generator.problems import Problem, make
from generator.text.slug import SLUG_RE

YAML_SUFFIXES = (".yaml", ".yml")
CALENDAR_FILE = "calendar.yaml"
STATISTICS = "statistics"
_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])\.csv")


@dataclass
class ProvinceSource:
    """The loaded files of one province, before any check."""

    slug: str
    folder: str
    province: SourceFile | None
    catalogue: list[SourceFile] = field(default_factory=list)
    communes: dict[str, SourceFile] = field(default_factory=dict)
    calendar: SourceFile | None = None  # calendar.yaml: days off and worked days, when the province has one
    months: tuple[str, ...] = ()  # "YYYY-MM" of each statistics/<YYYY-MM>.csv, sorted


@dataclass
class Tree:
    root: str
    provinces: list[ProvinceSource] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def source_files(self) -> list[SourceFile]:
        docs: list[SourceFile] = []
        for prov in self.provinces:
            if prov.province is not None:
                docs.append(prov.province)
            docs.extend(prov.catalogue)
            docs.extend(prov.communes.values())
            if prov.calendar is not None:
                docs.append(prov.calendar)
        return docs


def _display(path: Path, base: Path) -> str:
    try:
        return str(path.relative_to(base))
    except ValueError:
        return str(path)


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root)
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def _yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in YAML_SUFFIXES)


def _load(path: Path, root: Path, base: Path, tree: Tree) -> SourceFile:
    shown = _display(path, base)
    if not _inside(path, root):
        doc = SourceFile(shown)
        doc.problems.append(make("E001", shown, (0, 0), reason="liên kết trỏ ra ngoài thư mục dữ liệu"))
        return doc
    return load_file(path, shown)


def _load_province(folder: Path, root: Path, base: Path, tree: Tree) -> ProvinceSource:
    shown = _display(folder, base)
    if not SLUG_RE.match(folder.name):
        tree.problems.append(make("E124", shown, (0, 0), value=folder.name))
    prov_file = folder / "province.yaml"
    prov_doc = _load(prov_file, root, base, tree) if prov_file.exists() or prov_file.is_symlink() else None
    if prov_doc is None:
        tree.problems.append(make("E143", shown, (0, 0)))
    source = ProvinceSource(slug=folder.name, folder=shown, province=prov_doc)
    source.catalogue = [_load(p, root, base, tree) for p in _yaml_files(folder / "catalogue")]
    for path in _yaml_files(folder / "communes"):
        doc = _load(path, root, base, tree)
        if not SLUG_RE.match(path.stem):
            doc.problems.append(make("E124", doc.path, (0, 0), value=path.stem))
        source.communes[path.stem] = doc
    calendar = folder / CALENDAR_FILE
    if calendar.exists() or calendar.is_symlink():
        source.calendar = _load(calendar, root, base, tree)
    source.months = _months(folder / STATISTICS)
    return source


def _months(folder: Path) -> tuple[str, ...]:
    if not folder.is_dir():
        return ()
    return tuple(sorted(p.name[:-4] for p in folder.iterdir() if _MONTH.fullmatch(p.name) and p.is_file()))


def load_tree(root: Path, base: Path | None = None) -> Tree:
    """Load every file under ``root``; ``base`` is what displayed paths are relative to."""
    base = base or Path.cwd()
    tree = Tree(root=_display(root, base))
    try:
        real_root = root.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        tree.problems.append(make("E001", tree.root, (0, 0), reason=getattr(exc, "strerror", None) or str(exc)))
        return tree
    if (root / "province.yaml").exists():
        folders = [root]
    else:
        folders = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))
    for folder in folders:
        if not _inside(folder, real_root):
            tree.problems.append(
                make("E001", _display(folder, base), (0, 0), reason="liên kết trỏ ra ngoài thư mục dữ liệu")
            )
            continue
        tree.provinces.append(_load_province(folder, real_root, base, tree))
    if not tree.provinces and not tree.problems:
        tree.problems.append(make("E144", tree.root, (0, 0), root=tree.root))
    return tree
