"""Where niemyet finds its own files: templates, site assets, fonts, the MkDocs base configuration.

Every path the site and the posters read from niemyet itself is resolved here, through
``importlib.resources``, so an installed wheel (``pipx install .``, ``pip install .``) run from any
folder finds the same files as the checkout:

* ``site_templates/`` (top level of the repository) is shipped as a small top-level package of the
  same name; its data (``**/*`` in pyproject.toml) is every file under it, so a new template or
  asset is picked up without a list to update. It holds ``mkdocs.yml``, the site's MkDocs
  configuration; the repository's top-level ``mkdocs.yml`` only inherits it for hand-run MkDocs.
* the Noto Sans faces are data of the ``generator`` package (``generator/assets/fonts``).

The results are real folders: MkDocs, Jinja's FileSystemLoader and WeasyPrint read files by path,
and pip always installs a wheel unpacked.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def _folder(package: str, *parts: str) -> Path:
    """A folder inside an installed package, as a filesystem path."""
    root = files(package)
    if not isinstance(root, Path):  # a zip import: niemyet never installs that way
        raise RuntimeError(f"gói {package} không nằm trong một thư mục trên đĩa ({root}); hãy cài lại niemyet")
    return root.joinpath(*parts)


TEMPLATES = _folder("site_templates")  # pages/ (site Markdown templates), assets/ (site CSS and JavaScript)
THEME_OVERRIDES = TEMPLATES / "overrides"  # Material's custom_dir
POSTERS = TEMPLATES / "posters"  # templates and stylesheet of the posting sheets
MKDOCS_YML = TEMPLATES / "mkdocs.yml"
FONTS = _folder("generator", "assets", "fonts")
