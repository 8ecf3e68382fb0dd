#!/usr/bin/env bash
# Prints the CHANGELOG.md section of one version (its entries, without the heading) for the
# release notes: scripts/release-notes.sh 0.1.0. Fails when the section is missing or empty,
# so a tag whose version was never moved out of [Unreleased] is not published.
set -euo pipefail

version=${1:?usage: release-notes.sh VERSION}
changelog="$(dirname "$0")/../CHANGELOG.md"

notes=$(awk -v heading="## [${version}]" '
  /^## \[/ { if (found) exit; if (index($0, heading) == 1) { found = 1; next } }
  /^\[[^]]+\]: / { if (found) exit }
  found { print }
' "${changelog}")

if [[ -z "${notes//[[:space:]]/}" ]]; then
  echo "CHANGELOG.md has no entries under \"## [${version}]\"" >&2
  exit 1
fi
printf '%s\n' "${notes}" | sed -e '/./,$!d'
