#!/usr/bin/env bash
# `make load` drives Cove with wrk, the HTTP load generator from Debian's packages.
# Install it when it is missing and we are allowed to (as root, or with password-less sudo).
set -euo pipefail
if command -v wrk >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ]; then SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo"
else
  echo "wrk is not installed and this user cannot install it." >&2
  echo "To run the load benchmark: sudo apt install wrk" >&2
  exit 1
fi
echo "Installing Debian's wrk for the load benchmark..." >&2
$SUDO apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends wrk >&2
