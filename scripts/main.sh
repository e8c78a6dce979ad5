#!/usr/bin/env bash
# The main job on the sample data: install, check, build the site into site/, render posters into posters/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
.venv/bin/niemyet check procedures
for cmd in build posters; do
  if .venv/bin/niemyet "$cmd" --help >/dev/null 2>&1; then
    .venv/bin/niemyet "$cmd" procedures
  fi
done
