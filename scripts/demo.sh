#!/usr/bin/env bash
# scripts/demo.sh — a real novaimage session against a local Glance, printing each step:
#   start Glance (scripts/glance-dev.sh) · create + upload a generated image · list · show ·
#   download over HTTP and via the direct store, both verified · config check/migrate on a legacy nova.conf ·
#   delete · stop Glance. Exits 0 and leaves nothing running (Glance is stopped and its state removed on exit,
#   also on failure or Ctrl+C).
#
# Environment: GLANCE_PORT (default 9293, so that it does not collide with a test Glance on 9292),
#              GLANCE_STATE_DIR (default /tmp/novaimage-demo-glance), DEMO_IMAGE_MIB (default 16).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

export GLANCE_PORT=${GLANCE_PORT:-9293}
export GLANCE_STATE_DIR=${GLANCE_STATE_DIR:-/tmp/novaimage-demo-glance}
IMAGE_MIB=${DEMO_IMAGE_MIB:-16}
WORK=$(mktemp -d /tmp/novaimage-demo.XXXXXX)

bold=$(tput bold 2>/dev/null || true); plain=$(tput sgr0 2>/dev/null || true)
step() { printf '\n%s== %s%s\n' "$bold" "$*" "$plain"; }
say() { printf '   %s\n' "$*"; }
cli() { dotnet "$ROOT/samples/NovaImage.Cli/bin/Release/net10.0/NovaImage.Cli.dll" "$@"; }
run() { printf '%s$ novaimage %s%s\n' "$bold" "$*" "$plain"; cli "$@"; }
same() { cmp -s "$WORK/demo.img" "$1" || { echo "demo.sh: $1 differs from the uploaded data" >&2; exit 1; }; say "byte-for-byte identical to the uploaded file"; }
json_field() { /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

cleanup() {
  local rc=$?
  scripts/glance-dev.sh stop >/dev/null 2>&1 || true
  rm -rf "$WORK" "$GLANCE_STATE_DIR"
  if [ $rc -eq 0 ]; then printf '\n%sDemo finished: Glance stopped, nothing left running.%s\n' "$bold" "$plain"
  else printf '\ndemo.sh: failed (exit %d); Glance stopped.\n' "$rc" >&2; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step "Build the novaimage CLI"
# No MSBuild node reuse and no compiler server: nothing of the demo keeps running afterwards.
MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 UseSharedCompilation=false \
  dotnet build samples/NovaImage.Cli -c Release -nologo -v quiet -clp:NoSummary
say "(NativeAOT: dotnet publish samples/NovaImage.Cli -r linux-x64 gives one self-contained 'novaimage' binary)"

step "Start a local Glance (Debian's Glance, no Keystone) on 127.0.0.1:$GLANCE_PORT"
exports=$(scripts/glance-dev.sh start)   # an assignment keeps a failed start fatal (set -e); eval "$(...)" would not
eval "$exports"
export NOVAIMAGE_API_SERVERS=$NOVAIMAGE_GLANCE_URL
# The dev Glance takes PROJECT:USER:ROLES as its token (tests/NovaImage.TestSupport/GlanceIdentity.cs).
export OS_AUTH_TOKEN=0123456789abcdef0123456789abcdef:demo:member,reader
say "NOVAIMAGE_API_SERVERS=$NOVAIMAGE_API_SERVERS"
run versions

step "Create an image and upload ${IMAGE_MIB} MiB of generated data"
head -c $((IMAGE_MIB * 1024 * 1024)) /dev/urandom > "$WORK/demo.img"
say "local sha512: $(sha512sum "$WORK/demo.img" | cut -c1-32)…"
printf '%s$ novaimage image create --name novaimage-demo --disk-format raw --container-format bare --tag demo --file %s%s\n' "$bold" "$WORK/demo.img" "$plain"
ID=$(cli image create --name novaimage-demo --disk-format raw --container-format bare --tag demo \
       --property os_distro=demo --file "$WORK/demo.img" --json | json_field id)
say "created and uploaded image $ID"

step "List and show"
run image list --tag demo
run image show "$ID"

step "Download over HTTP (verified while streaming, then moved into place)"
run image download "$ID" --file "$WORK/http.img" --no-direct-store
same "$WORK/http.img"

step "Download via the direct store (the file store, as a compute node that mounts it would)"
# Nova-style configuration: allow file:// locations and map the store's filesystem id to where it is mounted here.
META="$GLANCE_STATE_DIR/etc/fs1-metadata.json"
FS_ID=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$META")
FS_MOUNT=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["mountpoint"])' "$META")
cat > "$WORK/nova.conf" <<CONF
[glance]
api_servers = $NOVAIMAGE_GLANCE_URL
allowed_direct_url_schemes = file

[image_file_url]
filesystems = fs1

[image_file_url:fs1]
id = $FS_ID
mountpoint = $FS_MOUNT
CONF
sed 's/^/   | /' "$WORK/nova.conf"
run --config "$WORK/nova.conf" image download "$ID" --file "$WORK/direct.img"
same "$WORK/direct.img"

step "Check a legacy nova.conf for deprecated Glance options"
cat > "$WORK/legacy-nova.conf" <<'CONF'
[DEFAULT]
compute_driver = libvirt.LibvirtDriver

[glance]
# written for Nova before Newton
host = glance.example.org
port = 9292
protocol = https
num_retries = 3
CONF
sed 's/^/   | /' "$WORK/legacy-nova.conf"
rc=0; run config check "$WORK/legacy-nova.conf" || rc=$?
[ $rc -eq 7 ] || { echo "demo.sh: expected exit code 7 (deprecated options found), got $rc" >&2; exit 1; }
say "(exit code 7: deprecated options found)"
run config migrate "$WORK/legacy-nova.conf"

step "Delete the image"
run image delete "$ID"
rc=0; cli image show "$ID" >/dev/null 2>&1 || rc=$?
[ $rc -eq 3 ] || { echo "demo.sh: expected 'image show' of the deleted image to exit 3 (not found), got $rc" >&2; exit 1; }
say "novaimage image show $ID now exits 3 (not found)"

step "Stop Glance"
scripts/glance-dev.sh stop
if scripts/glance-dev.sh status >/dev/null 2>&1; then echo "demo.sh: Glance is still running" >&2; exit 1; fi
