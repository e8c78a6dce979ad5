"""Typed page contexts: each page kind's dataclass holds exactly what its template reads, and the
one writer (site/files.py) writes, syncs and refuses paths that would leave the docs_dir."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import jinja2
import pytest
from jinja2 import meta

from generator.errors import BuildError
from generator.resources import TEMPLATES
from generator.site import contexts
from generator.site.env import environment
from generator.site.files import sync_files, write_files

FROM_THE_PAGE = {"root", "fold"}  # Page.root, and the folded title of a searchable page
RENDERED_ONCE = {contexts.CommuneContext: {"commune_rows"}}  # render.py's _commune_rows

KINDS = [
    kind
    for kind in vars(contexts).values()
    if isinstance(kind, type) and issubclass(kind, contexts.PageContext) and "TEMPLATE" in vars(kind)
]


def _read(template: str) -> set[str]:
    """The variables a template reads from its context (not those it sets itself)."""
    env = environment()
    tree = env.parse(env.loader.get_source(env, template)[0])  # type: ignore[union-attr]
    names = [n for a in tree.find_all(jinja2.nodes.Assign) for n in [a.target, *a.target.find_all(jinja2.nodes.Name)]]
    assigned = {n.name for n in names if isinstance(n, jinja2.nodes.Name)}
    return meta.find_undeclared_variables(tree) - assigned


def test_every_page_template_has_one_context_kind() -> None:
    templates = sorted(p.name for p in (TEMPLATES / "pages").glob("*.md.j2"))
    assert sorted(kind.TEMPLATE for kind in KINDS) == templates


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.__name__)
def test_a_context_holds_exactly_what_its_template_reads(kind: type[contexts.PageContext]) -> None:
    fields = {f.name for f in dataclasses.fields(kind)}
    read = _read(kind.TEMPLATE)
    assert fields <= read, f"{kind.__name__} holds values its template never reads"
    assert read - fields <= FROM_THE_PAGE | RENDERED_ONCE.get(kind, set())


def test_writer_writes_bytes_and_copies_files(tmp_path: Path) -> None:
    source = tmp_path / "form.docx"
    source.write_bytes(b"form")
    write_files({"a/b.md": b"page", "bieu-mau/x/form.docx": source}, tmp_path / "docs")
    assert (tmp_path / "docs" / "a" / "b.md").read_bytes() == b"page"
    assert (tmp_path / "docs" / "bieu-mau" / "x" / "form.docx").read_bytes() == b"form"


@pytest.mark.parametrize("rel", ["../outside.md", "/etc/x", "a/../../b", ""])
def test_writer_refuses_a_path_outside_the_folder(rel: str, tmp_path: Path) -> None:
    with pytest.raises(BuildError):
        write_files({rel: b"x"}, tmp_path / "docs")


def test_sync_touches_only_what_changed(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    assert sync_files({"index.md": b"one", "old/page.md": b"gone soon"}, docs) == 2
    assert sync_files({"index.md": b"one", "new.md": b"new"}, docs) == 2  # new.md written, old/page.md removed
    assert sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*")) == ["index.md", "new.md"]
    assert sync_files({"index.md": b"one", "new.md": b"new"}, docs) == 0
