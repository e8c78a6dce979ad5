"""Vietnamese text helpers: folding diacritics, slugs."""
