"""Self-hosted Noto Sans, subset to Latin + Vietnamese as WOFF2 (no Google Fonts request).

Material loads Google Fonts unless ``theme.font`` is false; the build sets it false and serves
these four faces from ``assets/fonts/``. Subsetting takes about a second per face, so results are
cached under ``$XDG_CACHE_HOME/niemyet/fonts`` keyed by the source bytes, the fontTools version,
the character ranges and the options; fontTools' output is deterministic, so the cache never
changes the site.

Light pages (issue 13): a face is 15 KB instead of 47 KB. The ranges are Latin-1 and the letters
Vietnamese adds (ă â đ ê ô ơ ư and the tone-marked forms), not the rest of Latin Extended; only
the layout features Vietnamese text uses are kept (kerning, mark placement, composition); and
hinting is dropped: phones draw at high density, where TrueType hints change nothing. A
character outside the ranges is drawn by the phone's own font, never as a missing glyph.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from generator.resources import FONTS

FACES = {  # file stem → (weight, style)
    "NotoSans-Regular": (400, "normal"),
    "NotoSans-Bold": (700, "normal"),
    "NotoSans-Italic": (400, "italic"),
    "NotoSans-BoldItalic": (700, "italic"),
}
# Basic Latin, Latin-1, Ă ă Đ đ Ĩ ĩ Ũ ũ, Œ œ, Ơ ơ Ư ư, combining marks (decomposed input), Vietnamese
# precomposed letters, general punctuation, ₫ €, ™, arrows.
UNICODES = (
    "U+0000-00FF,U+0102-0103,U+0110-0111,U+0128-0129,U+0131,U+0152-0153,U+0168-0169,U+01A0-01A1,"
    "U+01AF-01B0,U+0300-036F,U+1EA0-1EF9,U+2000-206F,U+20AB,U+20AC,U+2122,U+2190-2193"
)
FEATURES = ["ccmp", "locl", "mark", "mkmk", "kern", "liga", "clig", "calt"]

#: Subsetting options beside UNICODES and FEATURES; all of them make the cache key (``subset_face``).
HINTING = False
NAME_IDS = (0, 1, 2, 3, 4, 5, 6)  # copyright, family, style, id, full name, version, PostScript


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "niemyet" / "fonts"


def _subset(source: Path, target: Path) -> None:
    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = FEATURES
    options.hinting = HINTING
    options.name_IDs = list(NAME_IDS)
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(UNICODES))
    subsetter.subset(font)
    tmp = target.with_suffix(".part")
    subset.save_font(font, str(tmp), options)
    tmp.replace(target)


def subset_face(source: Path) -> Path:
    """The WOFF2 subset of one face, from the cache or freshly made."""
    import fontTools

    recipe = f"{fontTools.version}|{UNICODES}|{','.join(FEATURES)}|{HINTING}|{NAME_IDS}".encode()
    key = hashlib.sha256(source.read_bytes() + recipe).hexdigest()[:16]
    cached = _cache_dir() / f"{source.stem}-{key}.woff2"
    if not cached.exists():
        cached.parent.mkdir(parents=True, exist_ok=True)
        _subset(source, cached)
    return cached


def font_css(prefix: str) -> str:
    rules = []
    for stem, (weight, style) in FACES.items():
        rules.append(
            f'@font-face{{font-family:"Noto Sans";font-style:{style};font-weight:{weight};font-display:swap;'
            f'src:url("{prefix}{stem}.woff2") format("woff2")}}'
        )
    return "\n".join(rules) + "\n"


def font_files(folder: str) -> dict[str, Path | bytes]:
    """The four subset faces (copied from the cache), their ``fonts.css`` and the font licence, as files
    of the site's ``folder``."""
    files: dict[str, Path | bytes] = {f"{folder}/{stem}.woff2": subset_face(FONTS / f"{stem}.ttf") for stem in FACES}
    files[f"{folder}/fonts.css"] = font_css("").encode("utf-8")
    files[f"{folder}/OFL.txt"] = FONTS / "OFL.txt"
    return files
