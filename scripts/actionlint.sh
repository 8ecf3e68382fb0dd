#!/usr/bin/env bash
# Lints the GitHub Actions workflows with actionlint (built from the Go module proxy), which also
# runs shellcheck on every `run:` script; scripts/ensure-shellcheck.sh makes sure shellcheck is
# there, so the result does not depend on the machine. Then a negative control: actionlint must
# refuse scripts/testdata/broken-workflow.yml and name each of its mistakes, proving the check
# (and its shellcheck part) really runs.
set -euo pipefail
cd "$(dirname "$0")/.."

actionlint=(go run github.com/rhysd/actionlint/cmd/actionlint@v1.7.12)

scripts/ensure-shellcheck.sh
echo "--- actionlint $("${actionlint[@]}" -version | head -n1): .github/workflows"
"${actionlint[@]}" -no-color -shellcheck shellcheck

echo "--- actionlint negative control: scripts/testdata/broken-workflow.yml must be refused"
status=0
out=$("${actionlint[@]}" -no-color -shellcheck shellcheck scripts/testdata/broken-workflow.yml 2>&1) || status=$?
if [[ "${status}" -ne 1 ]]; then
  printf '%s\n' "${out}"
  echo "actionlint exited ${status} on the broken workflow; expected 1 (problems found)" >&2
  exit 1
fi
for rule in syntax-check expression shellcheck; do
  if ! grep -qF "[${rule}]" <<<"${out}"; then
    printf '%s\n' "${out}"
    echo "actionlint did not report the broken workflow's [${rule}] mistake" >&2
    exit 1
  fi
done
echo "actionlint refused the broken workflow as expected: $(grep -c '^scripts/testdata/' <<<"${out}") problems ([syntax-check], [expression], [shellcheck])"
