#!/usr/bin/env bash
# The multi-node test puts two Cove servers behind a real nginx from Debian's packages.
# Install it when it is missing and we are allowed to (as root, or with password-less sudo).
# Only the binary is needed: the test starts its own nginx with its own configuration,
# so the package's default site is stopped and disabled straight after installing.
set -euo pipefail
if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then exit 0; fi
if [ "$(id -u)" = "0" ]; then SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo"
else
  echo "nginx is not installed and this user cannot install it: the multi-node test will be skipped." >&2
  echo "To run it: sudo apt install nginx-light (or nginx)" >&2
  [ "${COVE_REQUIRE_PROXY:-0}" = "1" ] && exit 1
  exit 0
fi
echo "Installing Debian's nginx for the multi-node test..." >&2
$SUDO apt-get update -qq >&2
# policy-rc.d keeps the package from starting its own server on port 80 during install.
printf '#!/bin/sh\nexit 101\n' > /tmp/cove-policy-rc.d
chmod +x /tmp/cove-policy-rc.d
$SUDO install -m 0755 /tmp/cove-policy-rc.d /usr/sbin/policy-rc.d.cove
if [ ! -e /usr/sbin/policy-rc.d ]; then $SUDO ln -s /usr/sbin/policy-rc.d.cove /usr/sbin/policy-rc.d; added=1; fi
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nginx >&2 || status=$?
if [ "${added:-0}" = "1" ]; then $SUDO rm -f /usr/sbin/policy-rc.d; fi
$SUDO rm -f /usr/sbin/policy-rc.d.cove /tmp/cove-policy-rc.d
exit "${status:-0}"
