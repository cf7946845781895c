#!/usr/bin/env bash
# Browser tests drive Debian's Chromium. Install it when it is missing and we are allowed to.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ]; then SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo"
else
  echo "Chromium is not installed and this user cannot install it: browser tests will be skipped." >&2
  echo "To run them: sudo apt install chromium" >&2
  [ "${COVE_REQUIRE_BROWSER:-0}" = "1" ] && exit 1
  exit 0
fi
echo "Installing Debian's chromium for the browser tests..." >&2
$SUDO apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >&2
