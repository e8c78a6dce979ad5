"""The search index: Pagefind over the built HTML (binary from PyPI ``pagefind[extended]``).

Why Pagefind and not Material's lunr search: lunr ships one index of every page to every visitor
(tens of MB at province scale) and does not fold Vietnamese diacritics. Pagefind splits its index
into chunks fetched per query, and the pages carry a weighted, diacritic-free copy of their title
(see render.py) so exact titles rank first for "dang ky khai sinh". Only pages whose content is
wrapped in ``data-pagefind-body`` (procedures, communes, fields) are indexed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.errors import BuildError


class IndexingFailed(BuildError):
    """Pagefind could not index the built site."""


def index_site(site: Path) -> None:
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", "pagefind", "--silent"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise IndexingFailed((done.stderr or done.stdout).strip() or f"pagefind exited with {done.returncode}")
