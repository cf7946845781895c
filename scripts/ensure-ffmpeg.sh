#!/usr/bin/env bash
# Voice notes are cleaned (re-encoded without metadata) by Debian's ffmpeg. Install it when it
# is missing and we are allowed to (as root, or with password-less sudo). Without it Cove
# still runs; voice notes say they are not set up, and their tests skip unless
# COVE_REQUIRE_FFMPEG=1 (CI), where a missing ffmpeg fails the run instead.
set -euo pipefail
if command -v ffmpeg >/dev/null 2>&1 && command -v ffprobe >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ]; then SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo"
else
  echo "ffmpeg is not installed and this user cannot install it: voice notes stay off." >&2
  echo "To turn them on: sudo apt install ffmpeg" >&2
  [ "${COVE_REQUIRE_FFMPEG:-0}" = "1" ] && exit 1
  exit 0
fi
echo "Installing Debian's ffmpeg for voice notes..." >&2
$SUDO apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends ffmpeg >&2
