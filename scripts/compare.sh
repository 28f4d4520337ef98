#!/usr/bin/env bash
# scripts/compare.sh — novaimage side by side with curl, the glance CLI (python3-glanceclient) and openstacksdk,
# against a Glance of its own, and the results in docs/benchmarks.md (issue 13).
#
#   scripts/compare.sh            # 5 interleaved rounds, 1 GiB / 4 GiB images, 2,000 images to list (≈ 15–20 min)
#   scripts/compare.sh --quick    # 2 rounds, 64 / 256 MiB, 200 images; writes /tmp/novaimage-benchmarks-quick.md
#   scripts/compare.sh --rounds 7 --output /tmp/b.md
#
# On a fresh clone it installs what is missing (Debian's Glance via scripts/glance-dev.sh, python3-glanceclient,
# python3-openstacksdk, curl, GNU time: apt-get, so as root), publishes the NativeAOT novaimage (Release, linux-x64)
# and the library client (tests/NovaImage.Benchmarks), starts its own Glance (scripts/glance-dev.sh, port
# BENCH_PORT, state in its work dir) with as many API workers as cores, creates the data, runs every case ROUNDS
# times with the clients interleaved (the order rotates each round), then restarts Glance with one worker and runs
# the HTTP download cases again. Every run is timed from outside (wall clock around the process; peak RSS from
# /usr/bin/time -v's "Maximum resident set size"); each download is checked against the data's sha512 in round 1.
# On exit (also on failure or Ctrl+C) it stops its Glance and deletes its work dir (images, downloads, DB).
#
# Environment: BENCH_PORT [9591]  BENCH_WORK (work dir, must not exist; default a new /tmp/novaimage-compare.*)
#              BENCH_PARALLEL (the --parallel values to try, when novaimage has it) ["2 4 8"]  BENCH_KEEP=1 keeps the work dir
set -euo pipefail
export LC_ALL=C                     # EPOCHREALTIME and awk with a '.' decimal point
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=/usr/bin/python3                 # Debian's python: glanceclient/openstacksdk are not on pyenv's python3
HELPERS=$ROOT/scripts/compare

log() { echo "compare.sh: $*" >&2; }
die() { echo "compare.sh: ERROR: $*" >&2; exit 1; }
usage() { sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; }

ROUNDS=""
QUICK=0
OUTPUT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --rounds) [ $# -ge 2 ] || die "--rounds needs a number"; ROUNDS=$2; shift ;;
    --output) [ $# -ge 2 ] || die "--output needs a path"; OUTPUT=$2; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument '$1'" ;;
  esac
  shift
done
if [ "$QUICK" = 1 ]; then
  ROUNDS=${ROUNDS:-2}
  SMALL_MIB=64 BIG_MIB=256 LIST_COUNT=200
  OUTPUT=${OUTPUT:-/tmp/novaimage-benchmarks-quick.md}
else
  ROUNDS=${ROUNDS:-5}
  SMALL_MIB=1024 BIG_MIB=4096 LIST_COUNT=2000
  OUTPUT=${OUTPUT:-$ROOT/docs/benchmarks.md}
fi
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || die "--rounds must be a positive number (got '$ROUNDS')"
PORT=${BENCH_PORT:-9591}
read -r -a PARALLEL <<<"${BENCH_PARALLEL:-2 4 8}"
[[ "$PORT" =~ ^[0-9]+$ ]] || die "BENCH_PORT must be a number (got '$PORT')"
for n in "${PARALLEL[@]}"; do [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "BENCH_PARALLEL must be positive numbers (got '$n')"; done
CORES=$(nproc)
URL=http://127.0.0.1:$PORT
# Its own Glance only: a server already on the port (e.g. the shared dev Glance) would be measured instead.
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then die "port $PORT is already in use: set BENCH_PORT to a free port"; fi
# The dev Glance's token is PROJECT:USER:ROLES (scripts/glance-dev.sh); a project of its own for the benchmark.
TOKEN=c0c0a000c0c0a000c0c0a000c0c0a000:bench:member,reader

# ---------------------------------------------------------------------------------------------------- work dir, cleanup
if [ -n "${BENCH_WORK:-}" ]; then
  [ -e "$BENCH_WORK" ] && die "BENCH_WORK=$BENCH_WORK exists: give a path that does not (it is deleted at the end)"
  mkdir -p "$BENCH_WORK"
  WORK=$(cd "$BENCH_WORK" && pwd)
else
  WORK=$(mktemp -d /tmp/novaimage-compare.XXXXXX)
fi
STATE=$WORK/glance                  # the Glance's config, DB and file stores
DATA=$WORK/data                     # the generated images
OUT=$WORK/out                       # what the clients download (on the same filesystem for every client)
LOGS=$WORK/logs
RESULTS=$WORK/results.tsv
META=$WORK/meta.tsv
mkdir -p "$DATA" "$OUT" "$LOGS"

glance_dev() { GLANCE_STATE_DIR=$STATE GLANCE_PORT=$PORT GLANCE_WORKERS=${WORKERS:-1} "$ROOT/scripts/glance-dev.sh" "$@"; }
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -e "$STATE/glance-api.pid" ]; then glance_dev stop >/dev/null 2>&1 || log "could not stop the Glance in $STATE"; fi
  if [ "${BENCH_KEEP:-0}" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------------- install, build
command -v dotnet >/dev/null 2>&1 || die "the .NET SDK (dotnet) is required"
log "checking/installing what the comparison needs (Glance, glance CLI, openstacksdk, curl, GNU time) ..."
mkdir -p "$STATE/log"
glance_dev install
missing=()
command -v glance >/dev/null 2>&1 || missing+=(python3-glanceclient)
"$PY" -c 'import openstack' >/dev/null 2>&1 || missing+=(python3-openstacksdk)
[ -x /usr/bin/time ] || missing+=(time)
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "need root to apt-get install ${missing[*]}"
  log "apt-get install ${missing[*]} ..."
  apt=(env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -q)
  "${apt[@]}" update >"$LOGS/apt-update.log" 2>&1 || { tail -n 20 "$LOGS/apt-update.log" >&2; die "apt-get update failed"; }
  "${apt[@]}" -y --no-install-recommends install "${missing[@]}" >"$LOGS/apt-install.log" 2>&1 \
    || { tail -n 20 "$LOGS/apt-install.log" >&2; die "apt-get install ${missing[*]} failed"; }
fi

log "publishing the NativeAOT novaimage (Release, linux-x64) and the library client ..."
dotnet publish samples/NovaImage.Cli -c Release -r linux-x64 -o "$WORK/cli" -nologo -v q >"$LOGS/publish-cli.log" 2>&1 \
  || { tail -n 30 "$LOGS/publish-cli.log" >&2; die "dotnet publish samples/NovaImage.Cli failed"; }
dotnet publish tests/NovaImage.Benchmarks -c Release -o "$WORK/lib" -nologo -v q >"$LOGS/publish-lib.log" 2>&1 \
  || { tail -n 30 "$LOGS/publish-lib.log" >&2; die "dotnet publish tests/NovaImage.Benchmarks failed"; }
NOVA=$WORK/cli/novaimage
LIB=$WORK/lib/NovaImage.Benchmarks
[ -x "$NOVA" ] || die "no native novaimage in $WORK/cli"
[ -x "$LIB" ] || die "no NovaImage.Benchmarks in $WORK/lib"
unset NOVAIMAGE_CONFIG NOVAIMAGE_API_VERSION OS_CLOUD
export NOVAIMAGE_API_SERVERS=$URL OS_AUTH_TOKEN=$TOKEN

# What this novaimage can do: an option about md5 says which mode is its default (an option to skip md5 means it
# verifies both by default; one to add md5 means the multihash alone is the default); --parallel may not exist yet.
download_help=$("$NOVA" image download --help 2>&1 || true)
md5_option=$(grep -oE -- '--[a-z0-9-]*md5[a-z0-9-]*' <<<"$download_help" | head -n 1 || true)
NOVA_MH_ARGS=() NOVA_MD5_ARGS=() NOVA_MH=1
case "$md5_option" in
  "") NOVA_MH=0 ;;                                   # verifies md5 and the multihash, no way to leave md5 out
  *skip*|*no-*) NOVA_MH_ARGS=("$md5_option") ;;
  *) NOVA_MD5_ARGS=("$md5_option") ;;
esac
# With --parallel (ranges over several connections; its default may be more than 1) the single-stream cases say 1.
NOVA_PARALLEL=0 NOVA_SINGLE=()
if grep -qE -- '--parallel\b' <<<"$download_help"; then NOVA_PARALLEL=1 NOVA_SINGLE=(--parallel 1); fi
log "novaimage: md5 option '${md5_option:-none}', --parallel $([ $NOVA_PARALLEL = 1 ] && echo available || echo 'not available')"

# ---------------------------------------------------------------------------------------------------- timing
# run CASE TOOL ROUND COMMAND...: one timed run; a line in results.tsv (config case tool round seconds maxrss_kib ok|fail).
# sync first, so that the previous run's written data is not flushed on this run's time.
FAILURES=0
run() {
  local case=$1 tool=$2 round=$3; shift 3
  local t0 t1 rc=0 rss
  sync
  t0=$EPOCHREALTIME
  /usr/bin/time -f '%M' -o "$WORK/time.out" "$@" >"$LOGS/last.out" 2>"$LOGS/last.err" || rc=$?
  t1=$EPOCHREALTIME
  rss=$(tail -n 1 "$WORK/time.out")
  if [ "$rc" -ne 0 ]; then
    FAILURES=$((FAILURES + 1))
    cp "$LOGS/last.err" "$LOGS/fail-$CONFIG-$case-$tool-$round.err"
    log "FAILED ($rc): $case / $tool, round $round: $(tail -n 3 "$LOGS/last.err" | tr '\n' ' ')"
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$CONFIG" "$case" "$tool" "$round" \
    "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }')" "$rss" "$([ $rc = 0 ] && echo ok || echo fail)" >>"$RESULTS"
  return 0
}
# The downloaded file must be the image (checked in round 1; the hash is not on the clock), then goes.
check_output() {
  local file=$1 expected=$2 what=$3
  if [ "$ROUND" = 1 ]; then
    [ -f "$file" ] && [ "$(sha512sum "$file" | cut -d' ' -f1)" = "$expected" ] \
      || { FAILURES=$((FAILURES + 1)); log "FAILED: $what wrote data that is not the image (or nothing)"; }
  fi
  rm -f "$file"
}
# glance gets an empty ~/.glanceclient each time (with Glance's schema cached, every later call fails on --stores).
fresh_home() { mktemp -d "$WORK/home.XXXXXX"; }
GLANCE=(glance --os-image-url "$URL" --os-auth-token "$TOKEN" --os-image-api-version 2)
SDK=("$PY" "$HELPERS/sdk_bench.py" "$URL" "$TOKEN")
# The order of the clients in a case rotates with the round, so no client always runs first (or after another).
rotate() { local n=$#; local k=$(( (ROUND - 1) % n )); local a=("$@"); echo "${a[@]:k}" "${a[@]:0:k}"; }

api() { "$PY" "$HELPERS/glance_api.py" "$URL" "$TOKEN" "$@"; }

# ---------------------------------------------------------------------------------------------------- the cases
download_case() {   # CASE IMAGE_ID SHA512 TOOLS...
  local case=$1 id=$2 sha=$3; shift 3
  local tool f
  for tool in $(rotate "$@"); do
    f=$OUT/$case-$tool.bin
    case "$tool" in
      curl) run "$case" curl "$ROUND" curl -sS -f -o "$f" -H "X-Auth-Token: $TOKEN" "$URL/v2/images/$id/file" ;;
      novaimage-multihash) run "$case" "$tool" "$ROUND" "$NOVA" image download "$id" --file "$f" --no-direct-store "${NOVA_SINGLE[@]}" "${NOVA_MH_ARGS[@]}" ;;
      novaimage-md5) run "$case" "$tool" "$ROUND" "$NOVA" image download "$id" --file "$f" --no-direct-store "${NOVA_SINGLE[@]}" "${NOVA_MD5_ARGS[@]}" ;;
      novaimage-parallel-*) run "$case" "$tool" "$ROUND" "$NOVA" image download "$id" --file "$f" --no-direct-store --parallel "${tool#novaimage-parallel-}" "${NOVA_MH_ARGS[@]}" ;;
      novaimage-default) run "$case" "$tool" "$ROUND" "$NOVA" image download "$id" --file "$f" --no-direct-store ;;
      library-multihash) run "$case" "$tool" "$ROUND" "$LIB" download --url "$URL" --token "$TOKEN" --image "$id" --output "$f" ;;
      library-md5) run "$case" "$tool" "$ROUND" "$LIB" download --url "$URL" --token "$TOKEN" --image "$id" --output "$f" --md5 ;;
      glance) run "$case" glance "$ROUND" env HOME="$(fresh_home)" "${GLANCE[@]}" image-download --file "$f" "$id" ;;
      sdk) run "$case" sdk "$ROUND" "${SDK[@]}" download "$id" "$f" ;;
      # The bounds: curl with the fsync novaimage makes before its rename, and the hashes alone over the stored file
      # (page cache warm), with OpenSSL, whose code .NET calls on Linux: no verified download can beat its hash.
      curl-fsync) run "$case" "$tool" "$ROUND" sh -c 'curl -sS -f -o "$1" -H "X-Auth-Token: $2" "$3" && sync "$1"' sh "$f" "$TOKEN" "$URL/v2/images/$id/file" ;;
      openssl-sha512|openssl-md5) run "$case" "$tool" "$ROUND" openssl dgst "-${tool#openssl-}" "$STATE/images/fs1/$id"; continue ;;
      *) die "unknown download client $tool" ;;
    esac
    check_output "$f" "$sha" "$case/$tool"
  done
}
direct_case() {     # IMAGE_ID SHA512: novaimage through the file:// adapter vs sha512sum and cp of the stored file
  local id=$1 sha=$2 stored=$STATE/images/fs1/$1 tool f
  for tool in $(rotate novaimage-direct sha512sum cp); do
    f=$OUT/direct-$tool.bin
    case "$tool" in
      novaimage-direct) run direct "$tool" "$ROUND" "$NOVA" --config "$WORK/nova.conf" image download "$id" --file "$f" "${NOVA_MH_ARGS[@]}"
                        check_output "$f" "$sha" "direct/$tool" ;;
      sha512sum) run direct sha512sum "$ROUND" sha512sum "$stored" ;;
      cp) run direct cp "$ROUND" cp "$stored" "$f"; check_output "$f" "$sha" "direct/cp" ;;
    esac
  done
}

upload_case() {     # every client PUTs the same file into a queued image created (untimed) just before; deleted after
  local tool id file=$DATA/small.bin
  for tool in $(rotate novaimage curl glance sdk); do
    id=$(api create "bench-upload-$tool-$ROUND")
    case "$tool" in
      novaimage) run upload novaimage "$ROUND" "$NOVA" image upload "$id" "$file" ;;
      curl) run upload curl "$ROUND" curl -sS -f -X PUT -H "X-Auth-Token: $TOKEN" -H 'Content-Type: application/octet-stream' -T "$file" "$URL/v2/images/$id/file" ;;
      glance) run upload glance "$ROUND" env HOME="$(fresh_home)" "${GLANCE[@]}" image-upload --file "$file" "$id" ;;
      sdk) run upload sdk "$ROUND" "${SDK[@]}" upload "$id" "$file" ;;
    esac
    if [ "$ROUND" = 1 ] && [ "$(api field "$id" os_hash_value)" != "$SMALL_SHA" ]; then
      FAILURES=$((FAILURES + 1)); log "FAILED: upload/$tool stored other data"
    fi
    api delete "$id"
  done
}

list_case() {       # every image of the project (LIST_COUNT + the two data images)
  local tool
  for tool in $(rotate novaimage-table novaimage-json glance sdk floor); do
    case "$tool" in
      novaimage-table) run list "$tool" "$ROUND" "$NOVA" image list ;;
      novaimage-json) run list "$tool" "$ROUND" "$NOVA" --json image list ;;
      glance) run list glance "$ROUND" env HOME="$(fresh_home)" "${GLANCE[@]}" image-list ;;
      sdk) run list sdk "$ROUND" "${SDK[@]}" list ;;
      # The floor: one curl, one keep-alive connection, the pages of 1,000 (their URLs found beforehand), no parsing.
      floor) run list floor "$ROUND" curl -sS -f -H "X-Auth-Token: $TOKEN" "${PAGE_URLS[@]}" ;;
    esac
  done
}

cold_case() {       # one small command in a fresh process
  local tool
  for tool in $(rotate novaimage glance sdk curl); do
    case "$tool" in
      novaimage) run cold novaimage "$ROUND" "$NOVA" image show "$SMALL_ID" ;;
      glance) run cold glance "$ROUND" env HOME="$(fresh_home)" "${GLANCE[@]}" image-show "$SMALL_ID" ;;
      sdk) run cold sdk "$ROUND" "${SDK[@]}" show "$SMALL_ID" ;;
      curl) run cold curl "$ROUND" curl -sS -f -H "X-Auth-Token: $TOKEN" "$URL/v2/images/$SMALL_ID" ;;
    esac
  done
}

# ---------------------------------------------------------------------------------------------------- server and data
start_glance() {    # WORKERS
  WORKERS=$1
  [ -e "$STATE/glance-api.pid" ] && glance_dev stop >/dev/null
  log "starting Glance on $URL with $WORKERS API worker(s) (state: $STATE) ..."
  glance_dev start >/dev/null || die "Glance did not start (log: $STATE/log/glance-api.log)"
}

start_glance "$CORES"
log "creating the data: ${SMALL_MIB} MiB and ${BIG_MIB} MiB of random bytes, uploaded with curl, and $LIST_COUNT images to list ..."
head -c $((SMALL_MIB * 1024 * 1024)) /dev/urandom >"$DATA/small.bin"
head -c $((BIG_MIB * 1024 * 1024)) /dev/urandom >"$DATA/big.bin"
SMALL_SHA=$(sha512sum "$DATA/small.bin" | cut -d' ' -f1)
BIG_SHA=$(sha512sum "$DATA/big.bin" | cut -d' ' -f1)
upload_data() {     # NAME FILE SHA512 -> prints the active image's id
  local id
  id=$(api create "$1")
  curl -sS -f -X PUT -H "X-Auth-Token: $TOKEN" -H 'Content-Type: application/octet-stream' -T "$2" "$URL/v2/images/$id/file" >&2 \
    || die "uploading $2 to image $id failed"
  [ "$(api field "$id" os_hash_value)" = "$3" ] || die "image $id ($1) does not carry the data's sha512"
  echo "$id"
}
SMALL_ID=$(upload_data "bench-${SMALL_MIB}MiB" "$DATA/small.bin" "$SMALL_SHA")
BIG_ID=$(upload_data "bench-${BIG_MIB}MiB" "$DATA/big.bin" "$BIG_SHA")
[ -f "$STATE/images/fs1/$SMALL_ID" ] || die "the stored file $STATE/images/fs1/$SMALL_ID is missing (direct-store case)"
t0=$SECONDS
api bulk-create "$LIST_COUNT" bench-list
log "created $LIST_COUNT images in $((SECONDS - t0)) s"
mapfile -t PAGE_URLS < <(api pages 1000)
# Direct store as a compute node configures it (nova.conf): file:// allowed, the store's id mapped to its mountpoint.
fs_field() { "$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$STATE/etc/fs1-metadata.json" "$1"; }
cat >"$WORK/nova.conf" <<CONF
[glance]
api_servers = $URL
allowed_direct_url_schemes = file

[image_file_url]
filesystems = fs1

[image_file_url:fs1]
id = $(fs_field id)
mountpoint = $(fs_field mountpoint)
CONF

DOWNLOAD_TOOLS=(curl curl-fsync openssl-sha512 openssl-md5 novaimage-md5 library-multihash library-md5 glance sdk)
BIG_TOOLS=(curl novaimage-md5 library-multihash)
if [ "$NOVA_MH" = 1 ]; then DOWNLOAD_TOOLS+=(novaimage-multihash); BIG_TOOLS+=(novaimage-multihash); fi
PARALLEL_TOOLS=(curl)
if [ "$NOVA_PARALLEL" = 1 ]; then
  for n in "${PARALLEL[@]}"; do PARALLEL_TOOLS+=("novaimage-parallel-$n"); done
  DOWNLOAD_TOOLS+=(novaimage-default) # what a user gets: the CLI's default parallelism
  BIG_TOOLS+=(novaimage-default)
fi

started=$SECONDS
CONFIG=workers-$CORES
for ROUND in $(seq 1 "$ROUNDS"); do
  log "$CONFIG: round $ROUND of $ROUNDS ($((SECONDS - started)) s so far)"
  download_case download "$SMALL_ID" "$SMALL_SHA" "${DOWNLOAD_TOOLS[@]}"
  if [ "$NOVA_PARALLEL" = 1 ]; then download_case parallel "$SMALL_ID" "$SMALL_SHA" "${PARALLEL_TOOLS[@]}"; fi
  direct_case "$SMALL_ID" "$SMALL_SHA"
  upload_case
  list_case
  download_case download-big "$BIG_ID" "$BIG_SHA" "${BIG_TOOLS[@]}"
  cold_case
done

if [ "$CORES" -gt 1 ]; then
  start_glance 1
  CONFIG=workers-1
  for ROUND in $(seq 1 "$ROUNDS"); do
    log "$CONFIG: round $ROUND of $ROUNDS ($((SECONDS - started)) s so far)"
    download_case download "$SMALL_ID" "$SMALL_SHA" "${DOWNLOAD_TOOLS[@]}"
    if [ "$NOVA_PARALLEL" = 1 ]; then download_case parallel "$SMALL_ID" "$SMALL_SHA" "${PARALLEL_TOOLS[@]}"; fi
  done
fi
log "measured in $((SECONDS - started)) s"

# ---------------------------------------------------------------------------------------------------- report
{
  printf 'date\t%s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
  printf 'commit\t%s\n' "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
  printf 'cores\t%s\n' "$CORES"
  printf 'cpu\t%s\n' "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  printf 'ram\t%s\n' "$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
  printf 'kernel\t%s\n' "$(uname -sr)"
  printf 'os\t%s\n' "$(. /etc/os-release && echo "$PRETTY_NAME")"
  printf 'load\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf 'dotnet\t%s\n' "$(dotnet --version)"
  printf 'glance\t%s\n' "$(dpkg-query -W -f='${Version}' python3-glance)"
  printf 'glanceclient\t%s\n' "$(dpkg-query -W -f='${Version}' python3-glanceclient)"
  printf 'openstacksdk\t%s\n' "$(dpkg-query -W -f='${Version}' python3-openstacksdk)"
  printf 'curl\t%s\n' "$(curl --version | head -n 1 | cut -d' ' -f2)"
  printf 'rounds\t%s\n' "$ROUNDS"
  printf 'quick\t%s\n' "$QUICK"
  printf 'small_mib\t%s\n' "$SMALL_MIB"
  printf 'big_mib\t%s\n' "$BIG_MIB"
  printf 'list_count\t%s\n' "$LIST_COUNT"
  printf 'listed\t%s\n' "$((LIST_COUNT + 2))"
  printf 'pages\t%s\n' "${#PAGE_URLS[@]}"
  printf 'md5_option\t%s\n' "${md5_option:-}"
  printf 'parallel\t%s\n' "$([ "$NOVA_PARALLEL" = 1 ] && echo "${PARALLEL[*]}" || echo '')"
  printf 'parallel_default\t%s\n' "$(grep -oE -- '--parallel .*(\[default: [0-9]+\]|\(default: [^)]*else [0-9]+\))' <<<"$download_help" | grep -oE '[0-9]+[])]$' | tr -d '])' || true)"
  printf 'out_fs\t%s\n' "$(df -T "$OUT" | awk 'NR == 2 { print $2 }')"
  printf 'measured_s\t%s\n' "$((SECONDS - started))"
  printf 'failures\t%s\n' "$FAILURES"
} >"$META"
"$PY" "$HELPERS/report.py" "$RESULTS" "$META" "$OUTPUT"
log "wrote $OUTPUT"
[ "$FAILURES" -eq 0 ] || die "$FAILURES run(s) failed or wrote wrong data (see above; BENCH_KEEP=1 keeps $LOGS)"
