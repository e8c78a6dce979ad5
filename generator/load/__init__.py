"""Reading data files: bytes → NFC text → YAML nodes → values with positions."""

from generator.load.files import load_file
from generator.load.paths import Path, format_path
from generator.load.yamlfile import Document, parse

__all__ = ["Document", "Path", "format_path", "load_file", "parse"]
