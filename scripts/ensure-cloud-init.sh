#!/usr/bin/env bash
# Makes sure Debian's cloud-init is importable by /usr/bin/python3 for the user data tests
# (nodegroup/userdata), which feed the rendered AL2023 and AL2 user data through cloud-init's own
# user-data processing and part handlers (testdata/cloudinit_walk.py) to see the bytes a node
# really writes. Does nothing when cloud-init is already there; otherwise installs Debian's
# package with apt-get, which needs root (as on the CI machines). Nothing is started: the
# package's services only run at boot, and the tests never boot anything.
set -euo pipefail

python=/usr/bin/python3
print_version='from cloudinit import version; print(version.version_string())'

if [[ -x "${python}" ]] && version=$("${python}" -c "${print_version}" 2>/dev/null); then
  echo "cloud-init present: ${version} (${python})"
  exit 0
fi

if ! command -v apt-get >/dev/null; then
  echo "cloud-init is missing and apt-get is not available: install cloud-init for ${python} yourself" >&2
  exit 1
fi

echo "--- cloud-init missing: apt-get update"
apt-get update
echo "--- apt-get install -y cloud-init"
DEBIAN_FRONTEND=noninteractive apt-get install -y cloud-init

if ! version=$("${python}" -c "${print_version}"); then
  echo "apt-get installed cloud-init but ${python} cannot import cloudinit" >&2
  exit 1
fi
echo "cloud-init ${version} installed for ${python}"
