#!/usr/bin/env bash
# Builds what a user installs, into one folder (make packages; default dist/packages):
#   eksnodes-eksnodes-<version>.tgz                    the npm package (compiled JavaScript and .d.ts)
#   pulumi_eksnodes-<version>-py3-none-any.whl         the Python wheel
#   pulumi_eksnodes-<version>.tar.gz                   the Python sdist
#   pulumi-resource-eksnodes-v<version>-<os>-<arch>.tar.gz  the plugin for this machine
# The npm package is packed with `npm pack`, the Python ones are built with `python -m build` and
# checked with `twine check --strict`. Node.js, npm and Python come from Debian's packages when
# missing; the build tools come from npm and PyPI, at pinned versions.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/dist/packages}
mkdir -p "$out" && out=$(cd "$out" && pwd)
version=$(make -s -C "$root" version)
pulumi_version=3.256.0
npm_flags=(--no-audit --no-fund --loglevel=error)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$root/scripts/ensure-node-python.sh"

rm -f "$out"/eksnodes-eksnodes-*.tgz "$out"/pulumi_eksnodes-* "$out"/pulumi-resource-eksnodes-*.tar.gz

echo "--- npm package @eksnodes/eksnodes $version"
cp -r "$root/sdk/nodejs" "$work/nodejs"
(
  cd "$work/nodejs"
  npm install "${npm_flags[@]}" --no-save "@pulumi/pulumi@$pulumi_version" typescript@4.9.5 "@types/node@20"
  # No source maps: the TypeScript sources they point at are not in the package.
  npx tsc --sourceMap false --declarationMap false
  cp package.json README.md "$root/LICENSE" bin/
  cd bin && npm pack --silent --pack-destination "$out" >/dev/null
)

echo "--- Python package pulumi_eksnodes $version"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check build==1.2.2.post1 twine==6.1.0
cp -r "$root/sdk/python" "$work/python"
cp "$root/LICENSE" "$work/python/LICENSE"
"$work/venv/bin/python" -m build --sdist --wheel --outdir "$out" "$work/python" >"$work/build.log" 2>&1 ||
  { cat "$work/build.log" >&2; exit 1; }
"$work/venv/bin/twine" check --strict "$out"/pulumi_eksnodes-*

echo "--- plugin for this machine"
(cd "$root/tools/release" && go run ./cmd/dist -root "$root" -out "$work/plugin" -version "$version" -platforms host >/dev/null)
cp "$work"/plugin/pulumi-resource-eksnodes-*.tar.gz "$out/"

echo "--- $out"
ls -1 "$out"
