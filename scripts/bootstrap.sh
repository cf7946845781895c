#!/usr/bin/env bash
# Make sure `uv` is available, using only what a fresh Debian/Ubuntu machine has: Python 3.11+.
# Prints the path of the uv executable to use.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
tools="$here/.tools"

if command -v uv >/dev/null 2>&1; then command -v uv; exit 0; fi
if [ -x "$tools/bin/uv" ]; then echo "$tools/bin/uv"; exit 0; fi

python="$(command -v python3 || true)"
if [ -z "$python" ]; then echo "Cove needs Python 3.11 or newer (python3 was not found)." >&2; exit 1; fi
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "Cove needs Python 3.11 or newer; found $("$python" --version)." >&2; exit 1
fi

# A private virtual environment holds uv, so nothing is installed into the system Python.
if ! "$python" -m venv "$tools" >/dev/null 2>&1; then
  rm -rf "$tools"
  # Debian and Ubuntu ship venv separately.
  pkg="python3-venv"
  if [ "$(id -u)" = "0" ]; then apt-get update -qq >&2 && apt-get install -y -qq "$pkg" >&2
  elif command -v sudo >/dev/null 2>&1; then sudo apt-get update -qq >&2 && sudo apt-get install -y -qq "$pkg" >&2
  else echo "Please install $pkg (apt install $pkg) and run this again." >&2; exit 1; fi
  "$python" -m venv "$tools"
fi
"$tools/bin/python" -m pip install --quiet --disable-pip-version-check uv >&2
echo "$tools/bin/uv"
