"""The wheel works on its own: built from the checkout, installed into a fresh virtual environment,
run from a folder outside the checkout, it checks, builds the site (with search) and renders posters.

To stay fast and offline, the fresh environment reuses the dev environment's dependencies through a
``.pth`` line (which adds that folder to ``sys.path`` without running its ``.pth`` files, so the
editable install of the checkout cannot come in), and the wheel is installed with ``--no-deps``.
The test asserts that ``generator`` and its templates (``generator.site_templates``) are imported from the fresh
environment, and that the wheel adds no top-level name but ``generator``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest

from tests.kit.paths import REPO, SAMPLE

PROBE = Path("site_templates", "pages", "new-folder", "probe.md.j2")


def _files(folder: Path) -> set[Path]:
    return {f.relative_to(folder) for f in folder.rglob("*") if f.is_file() and "__pycache__" not in f.parts}


def _not_sources(folder: str, names: list[str]) -> set[str]:
    """What a checkout holds besides its sources: environments, caches, outputs, earlier builds."""
    top = {".git", ".venv", ".cache", "build", "dist", "site", "posters"} if Path(folder) == REPO else set()
    return {n for n in names if n in top or n == "__pycache__" or n.endswith(("_cache", ".egg-info"))}


def _run(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{args} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
    return done.stdout + done.stderr


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv holding only the wheel; returns its bin folder."""
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "source"  # a clean copy: setuptools' build/ folder keeps files deleted since
    shutil.copytree(REPO, source, ignore=_not_sources)
    (source / PROBE).parent.mkdir()
    (source / PROBE).write_text("a template added later is shipped without a list to update\n", encoding="utf-8")
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", tmp / "dist", source)
    wheel = next((tmp / "dist").glob("niemyet-*.whl"))
    venv = tmp / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv)
    site = Path(
        _run(venv / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").strip()
    )
    (site / "_niemyet_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    _run(sys.executable, "-m", "pip", "--python", venv / "bin" / "python", "install", "-q", "--no-deps", wheel)
    return venv / "bin"


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder outside the checkout holding a copy of the sample data as ``procedures/``."""
    work = tmp_path_factory.mktemp("outside")
    shutil.copytree(SAMPLE, work / "procedures")
    return work


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}


def test_the_wheel_is_imported_not_the_checkout(installed: Path, workdir: Path) -> None:
    code = (
        "import generator, generator.site_templates as t, generator.resources as r; "
        "print(generator.__file__); print(t.__file__); print(r.TEMPLATES)"
    )
    files = _run(installed / "python", "-c", code, cwd=workdir, env=_env()).split()
    venv = installed.parent.resolve()
    for file in files:
        assert Path(file).resolve().is_relative_to(venv), f"{file} is not from the fresh venv {venv}"


def test_every_file_under_site_templates_is_in_the_wheel(installed: Path, workdir: Path) -> None:
    code = "import generator.site_templates as t, pathlib; print(pathlib.Path(t.__file__).parent)"
    folder = Path(_run(installed / "python", "-c", code, cwd=workdir, env=_env()).strip())
    assert folder.is_relative_to(installed.parent)
    shipped = _files(folder)
    expected = _files(REPO / "site_templates") | {PROBE.relative_to("site_templates")}
    assert expected <= shipped, f"missing from the wheel: {sorted(map(str, expected - shipped))}"


def test_every_package_on_disk_is_listed_in_pyproject() -> None:
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["packages"])
    on_disk = {".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "generator").rglob("__init__.py")}
    assert listed == on_disk | {"generator.site_templates"}


def test_the_wheel_adds_one_top_level_name(installed: Path) -> None:
    code = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    site = Path(_run(installed / "python", "-c", code).strip())
    names = {p.name for p in site.iterdir() if not p.name.endswith((".dist-info", ".pth")) and p.name != "__pycache__"}
    assert names == {"generator"}


def test_the_installed_tool_checks_builds_and_renders_posters(installed: Path, workdir: Path) -> None:
    niemyet, env = installed / "niemyet", _env()
    assert "0.1.0" in _run(niemyet, "--version", cwd=workdir, env=env)
    _run(niemyet, "check", cwd=workdir, env=env)
    _run(niemyet, "build", cwd=workdir, env=env)
    home = (workdir / "site" / "index.html").read_text(encoding="utf-8")
    assert "nm-search" in home, "the Pagefind search box (theme override) is missing"
    assert (workdir / "site" / "assets" / "niemyet" / "niemyet.css").is_file()
    assert (workdir / "site" / "assets" / "fonts" / "NotoSans-Regular.woff2").is_file()
    assert any((workdir / "site" / "pagefind").glob("pagefind-entry.json")), "no search index"
    _run(niemyet, "posters", "--commune", "xa-cam-lam", cwd=workdir, env=env)
    pdfs = sorted((workdir / "posters").rglob("*.pdf"))
    assert pdfs, "no poster written"
    assert all(p.read_bytes().startswith(b"%PDF-") for p in pdfs)
