#!/usr/bin/env bash
# Install everything niemyet needs on a fresh Debian machine (as root), idempotently:
# system packages (Pango for WeasyPrint, chromium for browser tests, poppler and zbar for poster
# tests), then a virtual environment in .venv with the package and its test tools.
set -euo pipefail
cd "$(dirname "$0")/.."

# Tools are looked for by what they provide, so a machine that already has them from elsewhere
# (a Node.js not from Debian, a Python built by pyenv) is left alone.
missing=()
need_pkg() {  # need_pkg PACKAGE: a library, present when dpkg has it
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed" || missing+=("$1")
}
need_cmd() {  # need_cmd COMMAND PACKAGE...: present when the command runs
  local cmd=$1; shift
  command -v "$cmd" >/dev/null 2>&1 || missing+=("$@")
}
PYTHON=${PYTHON:-python3}
need_cmd "$PYTHON" python3
"$PYTHON" -c "import ensurepip, venv" >/dev/null 2>&1 || missing+=(python3-venv)
need_pkg libpango-1.0-0
need_pkg libpangoft2-1.0-0
need_pkg libharfbuzz-subset0
need_pkg fonts-noto-core          # fallback fonts for chromium; niemyet's own pages and posters bundle theirs
need_cmd chromium chromium
need_cmd pdftotext poppler-utils
need_cmd zbarimg zbar-tools
need_cmd npm nodejs npm
if [ ${#missing[@]} -gt 0 ]; then
  echo "niemyet: apt-get install ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
# constraints.txt: the exact versions the test suite was run with (pyproject.toml holds the ranges).
if ! .venv/bin/python -m pip install -q -c constraints.txt -e ".[test]" >.venv/pip.log 2>&1; then
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
