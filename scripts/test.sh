#!/usr/bin/env bash
# The whole test suite: install, lint (ruff), type-check (mypy), then pytest (warnings are errors).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
.venv/bin/ruff check generator tests bench
.venv/bin/ruff format --check generator tests bench
.venv/bin/mypy
.venv/bin/lint-imports --no-cache  # the layers contract in pyproject.toml: no upward import, none inside functions
.venv/bin/python -m pytest "$@"
