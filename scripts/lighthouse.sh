#!/usr/bin/env bash
# Lighthouse performance on /help/, home, journal, ladder (100 steps) and progress (two
# years) of a real `cove serve`: `scripts/lighthouse.sh` (docs/performance.md). Lighthouse
# comes from npm into a scratch folder (LIGHTHOUSE_DIR), never into the project. Exits 1
# when a page scores below 98. Not part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${LIGHTHOUSE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/cove-lighthouse}"
if [ ! -x "$dir/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$dir"
  # 12.x: 13.x wants Node 22 (docs/design.md).
  (cd "$dir" && npm i -E --no-audit --no-fund lighthouse@12.2.3 >&2)
fi
scripts/ensure-chromium.sh
uv="$(scripts/bootstrap.sh)"
"$uv" sync --frozen --quiet
export LIGHTHOUSE="$dir/node_modules/.bin/lighthouse" CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
exec "$uv" run --frozen python -m cove.loadbench.lighthouse
