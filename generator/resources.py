"""Where niemyet finds its own files: templates, site assets, fonts, the MkDocs base configuration.

Every path the site and the posters read from niemyet itself is resolved here, through
``importlib.resources``, so an installed wheel (``pipx install .``, ``pip install .``) run from any
folder finds the same files as the checkout:

* ``site_templates/`` (top level of the repository) is installed as ``generator.site_templates``
  (``package-dir`` in pyproject.toml), so niemyet adds no other top-level name; its data (``**/*``)
  is every file under it, so a new template or asset is picked up without a list to update. It holds
  ``mkdocs.yml``, the site's MkDocs configuration; the repository's top-level ``mkdocs.yml`` only inherits
  it for hand-run MkDocs.
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


def _templates() -> Path:
    """Installed: the data package ``generator.site_templates``. In a checkout (an editable install puts
    the checkout itself on ``sys.path``, where the folder keeps its top-level place): ``site_templates/``."""
    checkout = Path(__file__).resolve().parent.parent / "site_templates"
    if (checkout / "mkdocs.yml").is_file():
        return checkout
    return _folder("generator.site_templates")


TEMPLATES = _templates()  # pages/ (site Markdown templates), assets/ (site CSS and JavaScript)
THEME_OVERRIDES = TEMPLATES / "overrides"  # Material's custom_dir
POSTERS = TEMPLATES / "posters"  # templates and stylesheet of the posting sheets
MKDOCS_YML = TEMPLATES / "mkdocs.yml"
# MkDocs hooks (generated HTML blocks bypass Python-Markdown, measured 80% of the time); given to MkDocs by
# path, next to this file installed or in the checkout, so mkdocs.yml does not name it
MKDOCS_HOOKS = Path(__file__).resolve().parent / "site" / "hooks.py"
FONTS = _folder("generator", "assets", "fonts")
