#!/usr/bin/env bash
# parallel-bench.sh — times `novaimage image download --parallel N` against curl's single unverified stream, on a
# Glance of its own with as many API workers as cores (scripts/glance-dev.sh), interleaved rounds, medians.
#
#   NOVAIMAGE_CLI=/path/to/published/novaimage scripts/parallel-bench.sh
#
# Environment:
#   NOVAIMAGE_CLI     the CLI to time (e.g. the NativeAOT `dotnet publish samples/NovaImage.Cli -c Release -r linux-x64`)
#   BENCH_SIZES_MIB   image sizes in MiB                                [1024]
#   BENCH_PARALLEL    --parallel values                                 [1 2 4 8]
#   BENCH_ROUNDS      rounds (each runs every case once, in turn)       [5]
#   BENCH_DIR         scratch directory (data files, downloads)         [/tmp/par-bench]
#   GLANCE_PORT, GLANCE_STATE_DIR, GLANCE_WORKERS   passed to glance-dev.sh [9481, /tmp/par-glance, nproc]
# The Glance is started when it is not running, and stopped at the end only if this script started it.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
CLI=${NOVAIMAGE_CLI:?set NOVAIMAGE_CLI to the novaimage binary to time}
SIZES=${BENCH_SIZES_MIB:-1024}
PARALLEL=${BENCH_PARALLEL:-1 2 4 8}
ROUNDS=${BENCH_ROUNDS:-5}
DIR=${BENCH_DIR:-/tmp/par-bench}
export GLANCE_PORT=${GLANCE_PORT:-9481} GLANCE_STATE_DIR=${GLANCE_STATE_DIR:-/tmp/par-glance} GLANCE_WORKERS=${GLANCE_WORKERS:-$(nproc)}
URL=http://127.0.0.1:$GLANCE_PORT
TOKEN=bench:bench:admin,member
mkdir -p "$DIR"

started=
if ! "$HERE/glance-dev.sh" status >/dev/null 2>&1; then
  "$HERE/glance-dev.sh" start >/dev/null
  started=1
fi
trap 'if [ -n "$started" ]; then "$HERE/glance-dev.sh" stop >/dev/null; fi' EXIT

# One image per size, uploaded once (random data: nothing compresses or dedups).
image_for() {
  local mib=$1 id
  local data=$DIR/data-$mib.raw
  [ -s "$data" ] || head -c $((mib * 1024 * 1024)) /dev/urandom >"$data"
  id=$(curl -sf -X POST -H "X-Auth-Token: $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"name\":\"parallel-bench-$mib\",\"disk_format\":\"raw\",\"container_format\":\"bare\"}" "$URL/v2/images" |
    /usr/bin/python3 -c 'import sys, json; print(json.load(sys.stdin)["id"])')
  curl -sf -X PUT -H "X-Auth-Token: $TOKEN" -H 'Content-Type: application/octet-stream' -T "$data" "$URL/v2/images/$id/file"
  echo "$id"
}

# Seconds of wall time of one command (stdout/stderr discarded; a failure stops the script).
seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
  end=$(date +%s.%N)
  local took
  took=$(echo "$end - $start" | bc)
  echo "${*: -1} $took" >>"$DIR/samples.log" # the last argument names the case (the --parallel value or the output)
  echo "$took"
}

median() { sort -n | awk '{a[NR]=$1} END {m = NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.2f %.2f %.2f\n", m, a[1], a[NR]}'; }

echo "| size | case | median s | min–max s | ratio to curl |"
echo "|---|---|---|---|---|"
for mib in $SIZES; do
  id=$(image_for "$mib")
  declare -A times=()
  for _ in $(seq 1 "$ROUNDS"); do
    times[curl]+="$(seconds curl -sf -H "X-Auth-Token: $TOKEN" -o "$DIR/out.raw" "$URL/v2/images/$id/file") "
    for n in $PARALLEL; do
      times[$n]+="$(seconds env NOVAIMAGE_API_SERVERS="$URL" OS_AUTH_TOKEN="$TOKEN" "$CLI" image download "$id" --file "$DIR/out.raw" --parallel "$n") "
    done
  done
  read -r curl_median curl_min curl_max < <(tr ' ' '\n' <<<"${times[curl]}" | grep . | median)
  echo "| $mib MiB | curl -o (one stream, unverified) | $curl_median | $curl_min–$curl_max | 1.00 |"
  for n in $PARALLEL; do
    read -r m lo hi < <(tr ' ' '\n' <<<"${times[$n]}" | grep . | median)
    echo "| $mib MiB | novaimage --parallel $n (verified) | $m | $lo–$hi | $(echo "scale=2; $m / $curl_median" | bc) |"
  done
  curl -sf -X DELETE -H "X-Auth-Token: $TOKEN" "$URL/v2/images/$id"
  unset times
done
rm -f "$DIR/out.raw"
