#!/usr/bin/env bash
# Install everything niemyet needs on a fresh Debian machine (as root), idempotently:
# system packages (Pango for WeasyPrint, chromium for browser tests, poppler and zbar for poster
# tests), then a virtual environment in .venv with the package and its test tools.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(python3-venv python3-pip libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-core
              chromium poppler-utils zbar-tools nodejs npm)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "niemyet: apt-get install ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
if ! .venv/bin/python -m pip install -q -e ".[test]" >.venv/pip.log 2>&1; then
  cat .venv/pip.log >&2
  echo "niemyet: pip install failed (log above)" >&2
  exit 1
fi
.venv/bin/python -c "import generator, yaml, weasyprint" >/dev/null

# axe-core for the site's accessibility tests (tests/site), injected into pages by Playwright.
if [ ! -f .cache/npm/node_modules/axe-core/axe.min.js ]; then
  mkdir -p .cache/npm
  npm install --no-audit --no-fund --silent --prefix .cache/npm axe-core@4 >/dev/null
fi
