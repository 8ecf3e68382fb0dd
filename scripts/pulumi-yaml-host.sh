#!/usr/bin/env bash
# Builds the Pulumi YAML language host from the Go module proxy next to the Pulumi CLI in the
# cache folder (scripts/pulumi-cli.sh), once, and prints the CLI's root folder. The CLI finds a
# language host beside itself, so `pulumi preview` in a `runtime: yaml` project works offline.
# tools/pulumiyaml pins the version; it links pulumi v3.206.0, apart from the CLI's module.
set -euo pipefail

version=v1.25.0
repo=$(cd "$(dirname "$0")/.." && pwd)
root=$("$repo/scripts/pulumi-cli.sh")
bin=$root/bin/pulumi-language-yaml
stamp=$bin.version

if [ -x "$bin" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$version" ]; then
  echo "$root"
  exit 0
fi

echo "building the Pulumi YAML language host $version into $root/bin (a few minutes, once)" >&2
(
  cd "$repo/tools/pulumiyaml"
  go build -ldflags "-s -w" -o "$bin.partial" github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml
)
mv "$bin.partial" "$bin"
echo "$version" > "$stamp"
echo "$root"
