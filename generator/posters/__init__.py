"""Posting sheets (tờ niêm yết): A4 PDFs for commune reception counters. Entry point: ``build.build_posters``."""
