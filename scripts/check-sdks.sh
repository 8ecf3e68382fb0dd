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
"$root/scripts/ensure-node-python.sh"

# The packages a user installs: the npm tarball and the wheel from scripts/packages.sh (make
# packages), never the SDK source folders.
pkgs=${EKSNODES_PACKAGES:-}
if [ -z "$pkgs" ]; then
  pkgs=$work/packages
  "$root/scripts/packages.sh" "$pkgs"
fi
tarball=$(ls "$pkgs"/eksnodes-eksnodes-*.tgz)
wheel=$(ls "$pkgs"/pulumi_eksnodes-*.whl)

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

# The package README's TypeScript snippet (what npm shows) compiles against the package.
(
  cd "$work/ts-basic"
  { echo 'declare const endpoint: string, certificateAuthority: string, privateSubnetIds: string[];'
    # shellcheck disable=SC2016 # backquotes of a markdown fence, not an expansion
    sed -n '/^```typescript$/,/^```$/p' node_modules/@eksnodes/eksnodes/README.md | sed '1d;$d'
    echo 'export { nodes };'
  } > readme.ts
  npx tsc --strict --noEmit --skipLibCheck readme.ts
  rm readme.ts
)
echo "ok: the npm package README's example compiles"

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
"$work/venv/bin/pip" install --quiet --disable-pip-version-check \
  "pulumi==$pulumi_version" mypy==1.13.0 "$wheel"
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

# The package README's Python snippet (what PyPI shows) type-checks against the wheel.
{ echo 'endpoint = ""'; echo 'ca = ""'; echo 'private_subnet_ids: list[str] = []'
  "$work/venv/bin/python" - <<'PY'
import importlib.metadata, re
text = importlib.metadata.metadata("pulumi_eksnodes").get_payload()
print(re.search(r"^```python\n(.*?)^```", text, re.S | re.M).group(1))
PY
} > "$work/readme.py"
"$work/venv/bin/mypy" --strict --no-incremental --cache-dir=/dev/null "$work/readme.py"
echo "ok: the PyPI README's example type-checks"
