"""Reading data files: bytes → NFC text → YAML nodes → values with positions."""

from generator.load.files import load_file
from generator.load.paths import FieldPath, format_path
from generator.load.yamlfile import SourceFile, parse

__all__ = ["FieldPath", "SourceFile", "format_path", "load_file", "parse"]
