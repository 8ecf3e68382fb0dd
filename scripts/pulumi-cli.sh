#!/usr/bin/env bash
# Builds the Pulumi CLI from the Go module proxy into a cache folder outside the work tree,
# once, and prints its root folder (the CLI is <root>/bin/pulumi). The proxy serves the CLI's
# module but no prebuilt binary; tools/pulumicli pins the version and its one foreign replace.
set -euo pipefail

version=v3.256.0
repo=$(cd "$(dirname "$0")/.." && pwd)
cache=${EKSNODES_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/eksnodes}
root=$cache/pulumi-$version
bin=$root/bin/pulumi

if [ -x "$bin" ] && [ "$("$bin" version 2>/dev/null)" = "$version" ]; then
  echo "$root"
  exit 0
fi

echo "building the Pulumi CLI $version into $root (a few minutes, once)" >&2
mkdir -p "$root/bin"
(
  cd "$repo/tools/pulumicli"
  go build -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$version" \
    -o "$bin.partial" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
)
mv "$bin.partial" "$bin"
found=$("$bin" version)
if [ "$found" != "$version" ]; then
  echo "the CLI built into $bin reports version '$found', not $version" >&2
  exit 1
fi
echo "$root"
