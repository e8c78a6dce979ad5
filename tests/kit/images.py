"""Approved images: compare a new render with the one a person looked at and approved.

One helper for the site's screenshots and the posters' page renders. ``NIEMYET_APPROVE=1`` saves the new
render as the approved image (after a deliberate layout change, look at it first); a failing comparison leaves
the new render and a difference image in the test's temporary folder and names them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image, ImageChops


def differing(a: Image.Image, b: Image.Image) -> float:
    """Share of pixels that differ by more than a quarter of the grey range (1.0 when the sizes differ)."""
    if a.size != b.size:
        return 1.0
    diff = ImageChops.difference(a, b).point(lambda v: 255 if v > 64 else 0)
    return sum(diff.histogram()[255:]) / (a.width * a.height)


def assert_as_approved(new: Image.Image, approved: Path, rendered: Path, tolerance: float, label: str) -> None:
    """``new`` (saved at ``rendered``) against ``approved``; approve instead with ``NIEMYET_APPROVE=1``."""
    if os.environ.get("NIEMYET_APPROVE") == "1":
        approved.parent.mkdir(exist_ok=True)
        new.save(approved, optimize=True)
    assert approved.exists(), f"no approved image {approved}; approve with NIEMYET_APPROVE=1 (see module docstring)"
    old = Image.open(approved).convert("L")
    share = differing(old, new)
    if share > tolerance:
        diff = rendered.with_name(f"{rendered.stem}-diff.png")
        if old.size == new.size:
            ImageChops.difference(old, new).save(diff)
        pytest.fail(f"{label}: {share:.2%} of pixels differ (> {tolerance:.1%}); new render {rendered}, {diff}")
