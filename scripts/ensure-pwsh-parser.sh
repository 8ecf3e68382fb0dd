#!/usr/bin/env bash
# Makes sure the PowerShell parser used by the Windows user data tests (nodegroup/userdata,
# windows_test.go) is installed: npm's web-tree-sitter and tree-sitter-powershell (a wasm
# grammar), pinned in nodegroup/userdata/testdata/pwsh/package-lock.json, installed into
# node_modules there (git-ignored). Install scripts are off (.npmrc there): nothing is compiled or
# downloaded beyond the npm packages themselves.
#
# Prints nothing and does nothing when node_modules matches package.json and package-lock.json;
# otherwise runs `npm ci` (`npm install` when there is no lock file yet). Needs node and npm.
set -euo pipefail

dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/nodegroup/userdata/testdata/pwsh"
stamp="${dir}/node_modules/.eksnodes-installed"

for tool in node npm; do
  if ! command -v "${tool}" >/dev/null; then
    echo "ensure-pwsh-parser: ${tool} is not on PATH: install Node.js (20 or newer) and npm" >&2
    exit 1
  fi
done

# What the install depends on: the manifests, and the node version that ran it.
want() {
  cat "${dir}/package.json" "${dir}/.npmrc" "${dir}/package-lock.json" 2>/dev/null | sha256sum | cut -d' ' -f1
  node --version
}

installed() {
  [[ -f "${stamp}" ]] &&
    [[ -f "${dir}/node_modules/web-tree-sitter/package.json" ]] &&
    [[ -f "${dir}/node_modules/tree-sitter-powershell/tree-sitter-powershell.wasm" ]] &&
    [[ "$(cat "${stamp}")" == "$(want)" ]]
}

if installed; then
  exit 0
fi

cd "${dir}"
if [[ -f package-lock.json ]]; then
  echo "--- ${dir}: npm ci"
  npm ci --no-audit --no-fund
else
  echo "--- ${dir}: no package-lock.json: npm install"
  npm install --no-audit --no-fund
fi

# Check that the parser loads and parses before declaring it installed.
if ! out=$(printf '%s\n' "Write-Output 'ok'" | node parse.js) || ! grep -q '"hasErrors": false' <<<"${out}"; then
  echo "ensure-pwsh-parser: the parser was installed but does not parse a trivial script:" >&2
  echo "${out:-}" >&2
  exit 1
fi
want >"${stamp}"
echo "PowerShell parser installed: $(node -p 'const v = (n) => require("./node_modules/" + n + "/package.json").version; "web-tree-sitter " + v("web-tree-sitter") + ", tree-sitter-powershell " + v("tree-sitter-powershell")')"
