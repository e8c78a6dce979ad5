"""The history of a data tree: one ``git log --raw`` and one ``git cat-file --batch``, diffed record by record.

Only the blobs on either side of a modification, rename with edits, or deletion are read and parsed
(each once, by blob id); an added file needs no reading. Renames are followed: the older history of a
renamed file is filed under its current name.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from generator.history.changes import ABSENT, CATALOGUE, COMMUNES, PROVINCE, Change, FileKey, diff_file
from generator.history.git import NULL_BLOB, Commit, FileChange, cat_blobs, dates_from, log_raw, probe
from generator.load.depth import flow_depth_exceeds
from generator.load.text import decode
from generator.load.tree import YAML_SUFFIXES
from generator.load.yamlfile import MAX_DEPTH
from generator.model.types import ProvinceData

UNAVAILABLE = "Chưa có lịch sử thay đổi: thư mục dữ liệu không nằm trong một kho git có đủ lịch sử."


@dataclass
class History:
    """Every change found, newest first. ``available`` is False without git or in a shallow clone."""

    available: bool
    changes: list[Change] = field(default_factory=list)
    dates: dict[str, dt.date] = field(default_factory=dict)  # as ``last_changed`` gives them, from the same log

    def for_procedure(self, province: str, code: str) -> list[Change]:
        """Catalogue changes of one procedure (a commune's own changes are on that commune's page)."""
        return self._index.get((province, "", code), [])

    def for_commune(self, province: str, slug: str) -> list[Change]:
        """A commune's own changes: its counter, and its entries for the procedures it handles."""
        return self._index.get((province, slug, None), [])

    @functools.cached_property
    def _index(self) -> dict[tuple[str, str, str | None], list[Change]]:
        index: dict[tuple[str, str, str | None], list[Change]] = {}
        for c in self.changes:
            index.setdefault((c.province, c.commune, None if c.commune else c.code), []).append(c)
        return index


def file_key(path: str, root: Path) -> FileKey | None:
    """Which record a path (relative to ROOT) holds; None for anything that is not a data record."""
    parts = PurePosixPath(path).parts
    if parts and parts[-1] == "province.yaml" and len(parts) <= 2:
        return FileKey(parts[0] if len(parts) == 2 else root.resolve().name, PROVINCE, PROVINCE)
    if not path.endswith(YAML_SUFFIXES) or len(parts) not in (2, 3) or parts[-2] not in (CATALOGUE, COMMUNES):
        return None
    province = parts[0] if len(parts) == 3 else root.resolve().name
    return FileKey(province, parts[-2], PurePosixPath(parts[-1]).stem)


class _Unreadable(Exception):
    """An old version niemyet will not read (alias, tag, too deep): it compares as empty."""


def _plain(node: yaml.Node, seen: set[int], depth: int) -> Any:
    if id(node) in seen or depth > MAX_DEPTH:  # an alias (no expansion, no alias bomb) or too deep
        raise _Unreadable
    seen.add(id(node))
    if isinstance(node, yaml.ScalarNode):
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item, seen, depth + 1) for item in node.value]
    if isinstance(node, yaml.MappingNode):
        return {str(k.value): _plain(v, seen, depth + 1) for k, v in node.value if isinstance(k, yaml.ScalarNode)}
    raise _Unreadable


def parse_blob(raw: bytes) -> Any:
    """A blob's record as plain values, every scalar as the text written (YAML's base schema: no type
    guessing, which costs a third of a full parse; values.py reads numbers and dates from the text).
    Decoded and NFC-normalised like the checker reads files; None when it cannot be read."""
    text = decode(raw, "").text
    if text is None or flow_depth_exceeds(text, MAX_DEPTH):
        return None
    try:
        node = yaml.compose(text, Loader=yaml.CBaseLoader)
        return _plain(node, set(), 0) if node is not None else None
    except (yaml.YAMLError, _Unreadable, RecursionError):
        return None


def _wanted(commits: Iterable[Commit], root: Path) -> list[str]:
    blobs: set[str] = set()
    for commit in commits:
        for f in commit.files:
            if f.old_blob != f.new_blob and file_key(f.new_path, root):
                blobs.update(b for b in (f.old_blob, f.new_blob) if b != NULL_BLOB)
    return sorted(blobs)


class _Walker:
    def __init__(self, root: Path, records: dict[str, Any]) -> None:
        self.root = root
        self.records = records
        self.alias: dict[FileKey, FileKey] = {}

    def side(self, blob: str, needed: bool) -> Any:
        if blob == NULL_BLOB:
            return ABSENT
        return self.records.get(blob) if needed else None

    def changes(self, commit: Commit, f: FileChange) -> list[Change]:
        old_key, new_key = file_key(f.old_path, self.root), file_key(f.new_path, self.root)
        if f.status in "RC" and old_key and new_key and old_key != new_key:
            self.alias[old_key] = self.alias.get(new_key, new_key)
        key = new_key or old_key
        if key is None or f.old_blob == f.new_blob:
            return []
        key = self.alias.get(key, key)
        old = ABSENT if f.status in "AC" else self.side(f.old_blob, True)
        new = ABSENT if f.status == "D" else self.side(f.new_blob, f.status != "A")
        return diff_file(key, old, new, (commit.date, commit.sha))


def read_history(root: Path, names: dict[tuple[str, str], str] | None = None) -> History:
    """The change history of the data under ``root``, newest first; unavailable without usable git history.
    ``names``: (province, code) → today's procedure name, which every entry of that procedure then shows."""
    if probe(root) is None:
        return History(available=False)
    commits = log_raw(root)
    raw = cat_blobs(root, _wanted(commits, root))
    records = {blob: parse_blob(content) for blob, content in raw.items()}
    walker = _Walker(root, records)
    changes = [c for commit in commits for f in commit.files for c in walker.changes(commit, f)]
    return History(available=True, changes=_named(changes, dict(names or {})), dates=dates_from(commits, root))


def _named(changes: list[Change], names: dict[tuple[str, str], str]) -> list[Change]:
    """Give every entry of a procedure today's name, else the newest name any of its versions had."""
    for c in changes:
        if c.code and not c.commune and c.name:
            names.setdefault((c.province, c.code), c.name)
    return [dataclasses.replace(c, name=names.get((c.province, c.code), c.name)) if c.code else c for c in changes]


def province_history(root: Path, data: ProvinceData) -> History:
    """The history of the data under ``root``, entries named as the province's procedures are named today."""
    return read_history(root, {(data.province.slug, code): p.name for code, p in data.procedures.items()})
