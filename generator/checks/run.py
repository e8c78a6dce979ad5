"""Run every check over a loaded tree and collect the problems, sorted by file and position."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from generator.checks import PROCEDURE_CHECKS, PROVINCE_CHECKS
from generator.checks.crossfile import catalogue_index, check_commune_codes, check_commune_levels
from generator.checks.overlay import check_overlays
from generator.load import SourceFile
from generator.load.tree import ProvinceSource, Tree
from generator.problems import Problem
from generator.schema.definitions import COMMUNE, PROCEDURE, PROVINCE
from generator.schema.mapping import Mapping
from generator.schema.types import Context


def _shape(doc_data: Any, spec: Mapping, ctx: Context) -> list[Problem]:
    return list(spec.check(doc_data, (), ctx))


def check_procedure(doc: SourceFile) -> list[Problem]:
    """One catalogue file's problems on its own: its shape, then every registered procedure check
    (``check`` runs this per file; ``import`` on each file it writes)."""
    if not isinstance(doc.data, dict):
        return []
    problems = _shape(doc.data, PROCEDURE, Context(doc))
    for check in PROCEDURE_CHECKS.values():
        problems += check(doc)
    return problems


def _check_province(source: ProvinceSource) -> list[Problem]:
    problems: list[Problem] = []
    if source.province is not None and source.province.data is not None:
        problems += _shape(source.province.data, PROVINCE, Context(source.province))
    valid = [d for d in source.catalogue if isinstance(d.data, dict)]
    for doc in valid:
        problems += check_procedure(doc)
    index, duplicates = catalogue_index(valid)
    problems += duplicates
    catalogue = {code: doc.data for code, doc in index.items()}
    # A catalogue file that could not be read is already reported; its code (the file name) is
    # still known, so communes listing it do not get a misleading E140 as well.
    known: dict[str, Any] = {PurePath(d.path).stem: None for d in source.catalogue if d.data is None}
    known.update(catalogue)
    for doc in source.communes.values():
        if not isinstance(doc.data, dict):
            continue
        problems += _shape(doc.data, COMMUNE, Context(doc))
        problems += check_commune_codes(doc, known)
        problems += check_commune_levels(doc, catalogue)
        problems += check_overlays(doc, catalogue)
    for province_check in PROVINCE_CHECKS.values():
        problems += province_check(source)
    return problems


def check_tree(tree: Tree) -> list[Problem]:
    """All problems of a tree: loading problems first collected, then every registered check."""
    problems = list(tree.problems)
    for doc in tree.source_files():
        problems += doc.problems
    for source in tree.provinces:
        problems += _check_province(source)
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.column, p.code, p.field, p.message))
