"""Run MkDocs programmatically on generated Markdown, with ``site_templates/mkdocs.yml`` as base.

Only ``docs_dir``, ``site_dir``, ``site_name`` and ``site_url`` are overridden; everything else
(theme, small nav, disabled lunr search, self-hosted fonts) lives in that file, so a bare
``mkdocs build -f mkdocs.yml -d ...`` (the top-level file inherits it) of the same Markdown is the
benchmark's baseline.
``site_name`` is HTML-escaped because Material prints it unescaped in the header.
"""

from __future__ import annotations

import html
import logging
import shutil
from pathlib import Path

from generator.errors import BuildError
from generator.resources import MKDOCS_HOOKS, MKDOCS_YML


class MkDocsFailed(BuildError):
    """MkDocs reported warnings under strict mode, or failed outright."""


def run_mkdocs(docs: Path, site: Path, site_name: str, site_url: str, config_file: Path = MKDOCS_YML) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        config = load_config(
            config_file=str(config_file),
            docs_dir=str(docs),
            site_dir=str(site),
            site_name=html.escape(site_name),
            site_url=site_url,
            strict=True,
            hooks=[str(MKDOCS_HOOKS)],
        )
        build(config)
    except MkDocsException as exc:
        raise MkDocsFailed(str(exc)) from exc
    drop_unused_theme_files(site)


def drop_unused_theme_files(site: Path) -> None:
    """Material's scripts (bundle, lunr search workers: 2.3 MB) and source maps: no page loads them
    (light pages, see site_templates/overrides/main.html), so the site does not ship them."""
    shutil.rmtree(site / "assets" / "javascripts", ignore_errors=True)
    for source_map in (site / "assets" / "stylesheets").glob("*.map"):
        source_map.unlink()
