"""The scripted history (tests/kit/story.py), built once per test module."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.kit.git import ScriptedRepo
from tests.kit.story import Story, tell


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> Story:
    return tell(ScriptedRepo(Path(tmp_path_factory.mktemp("story")) / "data"))
