#!/usr/bin/env bash
# The main job: a real `pulumi preview --diff` of examples/yaml-basic, offline, against a
# throwaway file backend, with the eksnodes plugin (bin/) and the test-only stand-in AWS plugin
# (.cache/plugins) on PATH, then each launch template's user data as text.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
root=$("$repo/scripts/pulumi-yaml-host.sh")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

export PATH="$root/bin:$PATH"
export PULUMI_HOME="$work/home" PULUMI_CONFIG_PASSPHRASE=offline PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_BACKEND_URL="file://$work/state"
mkdir -p "$work/home" "$work/state"
# Installed the way a user installs a plugin from a file: the local build, and the stand-in AWS
# plugin at the pulumi-aws version eksnodes is built against.
version=$(sed -n 's/^var Version = "\(.*\)"/\1/p' "$repo/provider/provider.go")
pulumi plugin install resource eksnodes "$version" --file "$repo/bin/pulumi-resource-eksnodes" >/dev/null
pulumi plugin install resource aws 6.83.2 --file "$repo/.cache/plugins/pulumi-resource-aws" >/dev/null

# A copy of the project, so that the stack's settings file lands in the throwaway folder.
mkdir -p "$work/yaml-basic"
cp "$repo/examples/yaml-basic/Pulumi.yaml" "$work/yaml-basic/"
cd "$work/yaml-basic"
pulumi stack init dev --non-interactive >/dev/null
echo "=== examples/yaml-basic: pulumi preview --diff (the real CLI, YAML language host, eksnodes plugin) ==="
echo
pulumi preview --diff --non-interactive --stack dev
echo
echo "=== the launch templates' user data, as text ==="
pulumi preview --json --non-interactive --stack dev | python3 -c '
import base64, json, sys
for step in json.load(sys.stdin).get("steps", []):
    new = step.get("newState") or {}
    if new.get("type") != "aws:ec2/launchTemplate:LaunchTemplate":
        continue
    data = (new.get("inputs") or {}).get("userData")
    print("--- %s" % step.get("urn", "").split("::")[-1])
    print(base64.b64decode(data).decode() if isinstance(data, str) else "(known at deploy time)")
'
