#!/usr/bin/env bash
# scripts/test.sh — build and run every NovaImage test against a real Glance and a real Keystone/Barbican cloud.
# Starts Glance with scripts/glance-dev.sh (or reuses the one already running for GLANCE_PORT/GLANCE_STATE_DIR) and
# Keystone, Barbican and a Keystone-backed Glance with scripts/cloud-dev.sh (or reuses the one running for
# CLOUD_STATE_DIR/KEYSTONE_PORT/BARBICAN_PORT/CLOUD_GLANCE_PORT), builds the solution meanwhile, runs
# `dotnet test NovaImage.sln --no-build`, stops what it started, and ends with one line: "N passed, N failed, N skipped".
# Fails when a test failed or was skipped, or when a test assembly ran no test at all.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "test.sh: $*" >&2; }

# Each server set is stopped at the end only if this script started it (after its start has finished, so a start
# interrupted half-way leaves nothing running either).
started_glance=0
started_cloud=0
starting=()
stop_servers() {
  local pids=()
  [ ${#starting[@]} -eq 0 ] || wait "${starting[@]}" 2>/dev/null || true
  starting=()
  if [ "$started_glance" = 1 ]; then started_glance=0; scripts/glance-dev.sh stop & pids+=($!); fi
  if [ "$started_cloud" = 1 ]; then started_cloud=0; scripts/cloud-dev.sh stop & pids+=($!); fi
  [ ${#pids[@]} -eq 0 ] || wait "${pids[@]}" || true
}
trap stop_servers EXIT
trap 'exit 130' INT TERM

if scripts/glance-dev.sh status >/dev/null; then log "reusing the running Glance"; else started_glance=1; fi
if scripts/cloud-dev.sh status >/dev/null; then log "reusing the running Keystone/Barbican cloud"; else started_cloud=1; fi
# The servers start in the background while the solution builds (on a fresh machine each takes a minute or more);
# each start prints the export lines of its variables.
glance_exports=$(mktemp)
cloud_exports=$(mktemp)
scripts/glance-dev.sh start >"$glance_exports" & glance_pid=$!
scripts/cloud-dev.sh start >"$cloud_exports" & cloud_pid=$!
starting=("$glance_pid" "$cloud_pid")
rc=0
dotnet build NovaImage.sln || { log "the build failed"; rc=1; }
wait "$glance_pid" || { log "the Glance did not start"; rc=1; }
wait "$cloud_pid" || { log "the Keystone/Barbican cloud did not start"; rc=1; }
starting=()
eval "$(cat "$glance_exports" "$cloud_exports")"
rm -f "$glance_exports" "$cloud_exports"
[ "$rc" = 0 ] || exit 1
log "Glance: $NOVAIMAGE_GLANCE_URL (state $NOVAIMAGE_GLANCE_STATE_DIR)"
log "cloud: Keystone, Barbican and the Keystone-backed Glance in $NOVAIMAGE_KEYSTONE_STATE_DIR, $NOVAIMAGE_BARBICAN_STATE_DIR, $NOVAIMAGE_CLOUD_GLANCE_STATE_DIR"

output=$(mktemp)
dotnet test NovaImage.sln --no-build 2>&1 | tee "$output" || rc=$?
stop_servers

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
