#!/usr/bin/env bash
# Makes sure shellcheck is on PATH for the user data tests (nodegroup/userdata), which lint the
# rendered bootstrap scripts with it. Does nothing when shellcheck is already there; otherwise
# installs Debian's package with apt-get, which needs root (as on the CI machines).
set -euo pipefail

if bin=$(command -v shellcheck); then
  echo "shellcheck present: ${bin}"
  exit 0
fi

if ! command -v apt-get >/dev/null; then
  echo "shellcheck is missing and apt-get is not available: install shellcheck yourself" >&2
  exit 1
fi

echo "--- shellcheck missing: apt-get update"
apt-get update
echo "--- apt-get install -y shellcheck"
DEBIAN_FRONTEND=noninteractive apt-get install -y shellcheck

if ! bin=$(command -v shellcheck); then
  echo "apt-get installed shellcheck but it is not on PATH (${PATH})" >&2
  exit 1
fi
version=$("${bin}" --version | sed -n 's/^version: //p')
echo "shellcheck ${version} installed: ${bin}"
