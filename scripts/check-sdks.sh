#!/usr/bin/env bash
# Builds and installs the generated SDKs the way users get them, then compiles the TypeScript
# example with `tsc --strict` and type-checks the Python example with mypy --strict.
# Needs node/npm and python3; fetches packages from the npm registry and PyPI. Leaves the
# repository untouched: everything is built in $EKSNODES_ARTIFACTS when set (the end-to-end
# tests and `make preview` use what it leaves there: the packed SDK, the compiled TypeScript
# example with its node_modules, and a Python virtualenv with the SDK), else in a temporary
# folder.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
pulumi_version=3.256.0
if [ -n "${EKSNODES_ARTIFACTS:-}" ]; then
  work=$EKSNODES_ARTIFACTS
  rm -rf "$work" && mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
npm_flags=(--no-audit --no-fund --loglevel=error)

# Tools missing on the machine come from Debian's packages.
apt_install() {
  echo "--- installing $* (apt-get)"
  if [ -z "${apt_updated:-}" ]; then apt-get update -qq && apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
command -v node >/dev/null 2>&1 || apt_install nodejs
command -v npm >/dev/null 2>&1 || apt_install npm
command -v python3 >/dev/null 2>&1 || apt_install python3
python3 -c 'import venv, ensurepip' 2>/dev/null || apt_install python3-venv

echo "--- TypeScript SDK: build and pack"
cp -r "$root/sdk/nodejs" "$work/sdk-nodejs"
(
  cd "$work/sdk-nodejs"
  npm install "${npm_flags[@]}" --no-save "@pulumi/pulumi@$pulumi_version" typescript@4.9.5 "@types/node@20"
  npx tsc
  cp package.json README.md bin/
  cd bin && npm pack --silent --pack-destination "$work" >/dev/null
)
tarball=$(ls "$work"/eksnodes-eksnodes-*.tgz)

echo "--- TypeScript example: install the packed SDK, tsc --strict"
cp -r "$root/examples/ts-basic" "$work/ts-basic"
rm -rf "$work/ts-basic/node_modules" "$work/ts-basic/bin"
(
  cd "$work/ts-basic"
  npm install "${npm_flags[@]}" "$tarball"
  npx tsc --strict -p .
  test -f bin/index.js
  # Negative control: the SDK's types must reject a wrong input, or the check above proves nothing.
  cat > wrong.ts <<'TS'
import * as eksnodes from "@eksnodes/eksnodes";
new eksnodes.NodeGroup("bad", { cluster: { name: "c", endpoint: "e", certificateAuthority: "ca", serviceCidr: "s" }, subnetIds: [], minSize: "one" });
TS
  if npx tsc --strict --noEmit wrong.ts >/dev/null 2>&1; then
    echo "FAIL: tsc accepted minSize: \"one\"; the SDK's types do not constrain inputs" >&2
    exit 1
  fi
  rm wrong.ts
)
echo "ok: examples/ts-basic compiles with tsc --strict against the packed @eksnodes/eksnodes"

cp -r "$root/examples/ts-spot" "$work/ts-spot"
rm -rf "$work/ts-spot/node_modules" "$work/ts-spot/bin"
(
  cd "$work/ts-spot"
  npm install "${npm_flags[@]}" "$tarball"
  npx tsc --strict -p .
  test -f bin/index.js
)
echo "ok: examples/ts-spot compiles with tsc --strict"

echo "--- Python SDK: install into a fresh venv, import, mypy --strict the example"
python3 -m venv "$work/venv"
cp -r "$root/sdk/python" "$work/sdk-python"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check \
  "pulumi==$pulumi_version" mypy==1.13.0 "$work/sdk-python"
"$work/venv/bin/python" -c 'import pulumi_eksnodes as e; assert e.NodeGroup and e.NodeRole and e.NodeSecurityGroup; print("ok: import pulumi_eksnodes", e.__name__)'
for example in python-basic python-bottlerocket python-ml; do
  (cd "$root/examples/$example" && "$work/venv/bin/mypy" --strict --no-incremental --cache-dir=/dev/null __main__.py)
done
cat > "$work/wrong.py" <<'PY'
import pulumi_eksnodes as eksnodes
eksnodes.NodeGroup("bad", cluster=eksnodes.ClusterArgs(name="c", endpoint="e", certificate_authority="ca", service_cidr="s"), subnet_ids=[], min_size="one")
PY
if "$work/venv/bin/mypy" --strict --no-incremental --cache-dir=/dev/null "$work/wrong.py" >/dev/null 2>&1; then
  echo "FAIL: mypy accepted min_size=\"one\"; the SDK's types do not constrain inputs" >&2
  exit 1
fi
echo "ok: the Python examples type-check with mypy --strict"
