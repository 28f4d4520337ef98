#!/usr/bin/env bash
# scripts/test.sh — build and run every NovaImage test against a real Glance.
# Starts Glance with scripts/glance-dev.sh (or reuses the one already running for GLANCE_PORT/GLANCE_STATE_DIR),
# runs `dotnet test NovaImage.sln`, stops what it started, and ends with one line: "N passed, N failed, N skipped".
# Fails when a test failed or was skipped, or when a test assembly ran no test at all.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "test.sh: $*" >&2; }

started=0
stop_glance() { if [ "$started" = 1 ]; then started=0; scripts/glance-dev.sh stop || true; fi; }
trap stop_glance EXIT
trap 'exit 130' INT TERM

if scripts/glance-dev.sh status >/dev/null; then
  log "reusing the running Glance"
else
  started=1
fi
exports=$(scripts/glance-dev.sh start)   # an assignment keeps start's exit status (set -e)
eval "$exports"
log "Glance: $NOVAIMAGE_GLANCE_URL (state $NOVAIMAGE_GLANCE_STATE_DIR)"

output=$(mktemp)
rc=0
dotnet test NovaImage.sln 2>&1 | tee "$output" || rc=$?
stop_glance

# VSTest prints one summary per test assembly:
#   "Passed!  - Failed:     0, Passed:    11, Skipped:     0, Total:    11, Duration: ... - X.Tests.dll (net10.0)"
read -r passed failed skipped assemblies < <(awk '
  /(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i + 1) + 0
      if ($i == "Passed:") p += $(i + 1) + 0
      if ($i == "Skipped:") s += $(i + 1) + 0
    }
    n++
  }
  END { printf "%d %d %d %d\n", p, f, s, n }' "$output")
empty=$(grep -c 'No test is available' "$output" || true)
projects=$(grep -l '<IsTestProject>true</IsTestProject>' tests/*/*.csproj | wc -l)
rm -f "$output"

status=0
if [ "$rc" -ne 0 ]; then log "dotnet test exited with $rc"; status=1; fi
if [ "$empty" -gt 0 ]; then log "$empty test assembly(ies) ran no test (\"No test is available\")"; status=1; fi
if [ "$assemblies" -lt "$projects" ]; then log "only $assemblies test run summaries for $projects test projects"; status=1; fi
if [ "$skipped" -gt 0 ]; then log "$skipped test(s) skipped: every test must run"; status=1; fi
if [ "$failed" -gt 0 ]; then status=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
