"""Upgrade safety: the copied Material partial matches the installed Material, and the repository's
top-level mkdocs.yml (for hand-run MkDocs) resolves to the same configuration the tool uses."""

from __future__ import annotations

import re
from importlib.metadata import requires, version
from pathlib import Path

from mkdocs.config import load_config

from generator.resources import MKDOCS_HOOKS, MKDOCS_YML, THEME_OVERRIDES
from tests.kit.paths import REPO

HEADER = THEME_OVERRIDES / "partials" / "header.html"
LEADING_COMMENT = re.compile(r"\A\{#-.*?-#\}\n", re.S)
# Material's lunr search block in the header, which the copy replaces by the Pagefind box
LUNR_BLOCK = re.compile(r'( *)\{% if "material/search" in config\.plugins %\}.*?\n\1\{% endif %\}\n', re.S)


def _copied_from() -> str:
    found = re.search(r"Material for MkDocs (\d+\.\d+\.\d+)", HEADER.read_text(encoding="utf-8"))
    assert found, f"{HEADER} must say which Material version it was copied from"
    return found.group(1)


def test_header_override_was_copied_from_the_installed_material() -> None:
    copied, installed = _copied_from(), version("mkdocs-material")
    assert installed == copied, (
        f"site_templates/overrides/partials/header.html is a copy of Material for MkDocs {copied}'s "
        f"partials/header.html, but Material {installed} is installed. Compare the new "
        "material/templates/partials/header.html with the copy, carry its changes over (keeping the Pagefind "
        "include in place of the lunr search block), write the new version in the copy's first line, and "
        "move the mkdocs-material range in pyproject.toml and the pin in constraints.txt."
    )


def test_header_override_differs_from_material_only_by_the_search_box() -> None:
    import material

    upstream = (Path(material.__file__).parent / "templates" / "partials" / "header.html").read_text(encoding="utf-8")
    upstream, replaced = LUNR_BLOCK.subn(r'\1{% include "partials/nm-search.html" %}\n', upstream)
    assert replaced == 1, "Material's header no longer has the lunr search block the copy replaces"
    ours = HEADER.read_text(encoding="utf-8")
    assert LEADING_COMMENT.sub("", ours) == LEADING_COMMENT.sub("", upstream)


def test_top_level_mkdocs_yml_is_the_packaged_configuration(tmp_path: Path) -> None:
    packaged = load_config(config_file=str(MKDOCS_YML), docs_dir=str(tmp_path), hooks=[str(MKDOCS_HOOKS)])
    top = load_config(config_file=str(REPO / "mkdocs.yml"), docs_dir=str(tmp_path))
    assert Path(str(top.theme.custom_dir)) == Path(str(packaged.theme.custom_dir)) == THEME_OVERRIDES
    hooks = [[Path(str(module.__file__)).resolve() for module in c["hooks"].values()] for c in (top, packaged)]
    assert hooks[0] == hooks[1] == [REPO / "generator" / "site" / "hooks.py"]
    same = ("site_name", "nav", "extra_css", "extra_javascript", "markdown_extensions", "copyright", "extra")
    for key in same:
        assert top[key] == packaged[key], key
    assert {k: v for k, v in top.theme.items() if k != "custom_dir"} == {
        k: v for k, v in packaged.theme.items() if k != "custom_dir"
    }


def _name(requirement: str) -> str:
    found = re.match(r"[A-Za-z0-9._-]+", requirement)
    assert found, requirement
    return re.sub(r"[-_.]+", "-", found.group(0)).lower()


def _pins() -> dict[str, str]:
    pins = {}
    for line in (REPO / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, pinned = line.partition("==")
            pins[_name(name)] = pinned
    return pins


REGENERATE = "regenerate constraints.txt from the tested .venv (command in its header)"


def test_constraints_pin_the_installed_versions() -> None:
    drifted = {name: (pinned, version(name)) for name, pinned in _pins().items() if version(name) != pinned}
    assert not drifted, f"constraints.txt differs from this environment (pinned, installed): {drifted}; {REGENERATE}"


def test_every_dependency_is_pinned() -> None:
    wanted = {_name(r) for r in requires("niemyet") or []}
    missing = sorted(wanted - _pins().keys())
    assert not missing, f"dependencies of niemyet without a pin in constraints.txt: {missing}; {REGENERATE}"


NAV = THEME_OVERRIDES / "partials" / "nav.html"
DRAWER_TOC = '    {% include "partials/nm-drawer-toc.html" %}\n'


def test_nav_override_is_materials_nav_plus_the_page_contents_entry() -> None:
    """partials/nav.html (issue 20): Material's, with the page's contents as the phone menu's first entry."""
    import material

    ours = NAV.read_text(encoding="utf-8")
    found = re.search(r"Material for MkDocs (\d+\.\d+\.\d+)", ours)
    assert found and found.group(1) == version("mkdocs-material"), (
        "re-copy partials/nav.html from the installed Material"
    )
    upstream = (Path(material.__file__).parent / "templates" / "partials" / "nav.html").read_text(encoding="utf-8")
    assert ours.count(DRAWER_TOC) == 1
    assert LEADING_COMMENT.sub("", ours).replace(DRAWER_TOC, "") == LEADING_COMMENT.sub("", upstream)
