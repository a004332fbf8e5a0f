#!/usr/bin/env bash
# Runs every test of ServiceDeskBot. Installs what the tests need when it is missing (Debian's
# postgresql; later chromium and npm packages), starts a throwaway PostgreSQL on 127.0.0.1 for the
# storage contract suite, and ends with the line "N passed, N failed" that CI reads.
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
log=$(mktemp -d)

# tests/oracle is the repository's copy of ../shared/oracle (real payloads, official schemas), so a clone
# anywhere runs; where the shared original sits beside the clone, say when the copy has fallen behind.
if [ -d ../shared/oracle ] && ! diff -rq -x COPY.md ../shared/oracle tests/oracle >/dev/null 2>&1; then
  echo "tests/oracle differs from ../shared/oracle: copy it again (rm -rf tests/oracle && cp -r ../shared/oracle tests/oracle)." >&2
fi

# npm packages the tests use (ajv for the Adaptive Cards and Teams manifest schemas).
if [ ! -d tests/node_modules ] || [ tests/package-lock.json -nt tests/node_modules ]; then
  npm ci --prefix tests --no-audit --no-fund >&2 || echo "npm ci failed: schema tests will fail." >&2
fi

# PostgreSQL: tests/pg.sh prints "export SERVICEDESK_TEST_PG=..." when a server is up.
if pg_env=$(tests/pg.sh start); then
  eval "$pg_env"
fi
trap 'tests/pg.sh stop >/dev/null 2>&1 || true; rm -rf "$log"' EXIT
if [ -z "${SERVICEDESK_TEST_PG:-}" ]; then
  echo "PostgreSQL is not available: its storage tests will be skipped (and fail under CI=true)." >&2
fi

passed=0 failed=0 skipped=0
dotnet test "$root/ServiceDeskBot.sln" --nologo 2>&1 | tee "$log/dotnet.txt"
status=${PIPESTATUS[0]}
# VSTest summary: "Passed!  - Failed:     0, Passed:   109, Skipped:     0, Total: ..."
while read -r f p s; do
  failed=$((failed + f)); passed=$((passed + p)); skipped=$((skipped + s))
done < <(sed -nE 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\1 \2 \3/p' "$log/dotnet.txt")
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the build or the runner broke before any summary
fi

echo
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
