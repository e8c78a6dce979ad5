"""``niemyet serve``: the preview follows YAML edits; broken data shows its errors in the page, not a stale page."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.kit.paths import SAMPLE

PAGE = "thu-tuc/1.001193/"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def _wait_for(condition: Callable[[], bool], seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str, Path]]:
    data = tmp_path / "procedures"
    shutil.copytree(SAMPLE, data)
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", str(data), "--port", str(port)],
            stdout=err,
            stderr=err,
            start_new_session=True,
        )
        try:
            yield data, f"http://127.0.0.1:{port}/", log
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=20)


def test_preview_follows_yaml_edits_and_shows_errors_in_the_page(served: tuple[Path, str, Path]) -> None:
    data, base, log = served
    assert _wait_for(lambda: "Đăng ký khai sinh" in _fetch(base + PAGE)), log.read_text()
    source = data / "khanh-hoa" / "catalogue" / "1.001193.yaml"
    text = source.read_text(encoding="utf-8")

    source.write_text(text.replace("name: Đăng ký khai sinh", "name: Đăng ký khai sinh (bản sửa thử)"), "utf-8")
    assert _wait_for(lambda: "bản sửa thử" in _fetch(base + PAGE)), log.read_text()

    source.write_text(text.replace('code: "1.001193"', "code: 1.001193"), encoding="utf-8")
    assert _wait_for(lambda: "E110" in log.read_text(encoding="utf-8")), log.read_text()
    assert _wait_for(lambda: "Dữ liệu đang có lỗi" in _fetch(base + PAGE)), log.read_text()
    assert "E110" in _fetch(base + PAGE)  # the errors in the browser, not a stale page
    source.write_text(text, encoding="utf-8")
    assert _wait_for(lambda: "Đăng ký khai sinh" in _fetch(base + PAGE)), log.read_text()
    assert "Dữ liệu đang có lỗi" not in _fetch(base + PAGE)
