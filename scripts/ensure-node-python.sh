#!/usr/bin/env bash
# Installs Node.js, npm and Python 3 with venv from Debian's packages when the machine lacks them
# (make packages and make test-sdks need them).
set -euo pipefail

apt_install() {
  echo "--- installing $* (apt-get)"
  if [ -z "${apt_updated:-}" ]; then apt-get update -qq && apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
command -v node >/dev/null 2>&1 || apt_install nodejs
command -v npm >/dev/null 2>&1 || apt_install npm
command -v python3 >/dev/null 2>&1 || apt_install python3
python3 -c 'import venv, ensurepip' 2>/dev/null || apt_install python3-venv
