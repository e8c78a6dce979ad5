"""``niemyet import``: the national portal's export files (docx under .doc/.docx, the 2025 PDF) → catalogue YAML."""
