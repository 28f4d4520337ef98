#!/usr/bin/env bash
# scripts/demo.sh — a real novaimage session against a local Glance, printing each step:
#   start Glance (scripts/glance-dev.sh) · create + upload a generated image · list · show ·
#   download over HTTP and via the direct store, both verified · config check/migrate on a legacy nova.conf ·
#   delete · stop Glance. Exits 0 and leaves nothing running (Glance is stopped and its state removed on exit,
#   also on failure or Ctrl+C).
#
#
#   scripts/demo.sh --keystone   the same session against a real cloud: Keystone, Barbican and a Glance behind
#                                Keystone (scripts/cloud-dev.sh), the CLI logging in with --os-cloud from the cloud's
#                                clouds.yaml and finding Glance in the catalog; the direct-store download is configured
#                                by a nova.conf with [glance] keystoneauth options; a wrong password exits 4.
#
# Environment: GLANCE_PORT (default 9293, so that it does not collide with a test Glance on 9292),
#              GLANCE_STATE_DIR (default /tmp/novaimage-demo-glance), DEMO_IMAGE_MIB (default 16);
#              with --keystone: CLOUD_STATE_DIR (default /tmp/novaimage-demo-cloud) and cloud-dev.sh's ports
#              (KEYSTONE_PORT 36000, BARBICAN_PORT 36311, CLOUD_GLANCE_PORT 36293 by default here).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
KEYSTONE=0
case "${1:-}" in
  --keystone) KEYSTONE=1 ;;
  "") ;;
  *) echo "usage: scripts/demo.sh [--keystone]" >&2; exit 2 ;;
esac
if [ $KEYSTONE -eq 1 ]; then
  export CLOUD_STATE_DIR=${CLOUD_STATE_DIR:-/tmp/novaimage-demo-cloud}
  export KEYSTONE_PORT=${KEYSTONE_PORT:-36000} BARBICAN_PORT=${BARBICAN_PORT:-36311} CLOUD_GLANCE_PORT=${CLOUD_GLANCE_PORT:-36293}
fi

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
  if [ $KEYSTONE -eq 1 ]; then
    scripts/cloud-dev.sh stop >/dev/null 2>&1 || true
    rm -rf "$WORK" "$CLOUD_STATE_DIR"
  else
    scripts/glance-dev.sh stop >/dev/null 2>&1 || true
    rm -rf "$WORK" "$GLANCE_STATE_DIR"
  fi
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

unset NOVAIMAGE_API_SERVERS NOVAIMAGE_CONFIG OS_AUTH_TOKEN OS_CLOUD
if [ $KEYSTONE -eq 1 ]; then
  step "Start a small cloud: Keystone on 127.0.0.1:$KEYSTONE_PORT, Barbican, and Glance behind Keystone on 127.0.0.1:$CLOUD_GLANCE_PORT"
  exports=$(scripts/cloud-dev.sh start)   # an assignment keeps a failed start fatal (set -e); eval "$(...)" would not
  eval "$exports"
  GLANCE_STATE_DIR=$NOVAIMAGE_CLOUD_GLANCE_STATE_DIR
  # What an OpenStack user has: a clouds.yaml, and a cloud chosen by name. Glance comes from Keystone's catalog.
  export OS_CLIENT_CONFIG_FILE=$NOVAIMAGE_KEYSTONE_STATE_DIR/clouds.yaml OS_CLOUD=keystone-dev-demo
  say "OS_CLIENT_CONFIG_FILE=$OS_CLIENT_CONFIG_FILE, OS_CLOUD=$OS_CLOUD:"
  sed -n '/keystone-dev-demo:/,/interface:/p' "$OS_CLIENT_CONFIG_FILE" | sed 's/password: .*/password: (hidden)/; s/^/   | /'
  NOVAIMAGE_GLANCE_URL=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["image_url"])' "$NOVAIMAGE_KEYSTONE_STATE_DIR/credentials.json")
  run --os-cloud keystone-dev-demo versions
else
  step "Start a local Glance (Debian's Glance, no Keystone) on 127.0.0.1:$GLANCE_PORT"
  exports=$(scripts/glance-dev.sh start)   # an assignment keeps a failed start fatal (set -e); eval "$(...)" would not
  eval "$exports"
  export NOVAIMAGE_API_SERVERS=$NOVAIMAGE_GLANCE_URL
  # The dev Glance takes PROJECT:USER:ROLES as its token (tests/NovaImage.TestSupport/GlanceIdentity.cs).
  export OS_AUTH_TOKEN=0123456789abcdef0123456789abcdef:demo:member,reader
  say "NOVAIMAGE_API_SERVERS=$NOVAIMAGE_API_SERVERS"
  run versions
fi

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
if [ $KEYSTONE -eq 1 ]; then
  # A compute node's nova.conf: Nova's own keystoneauth options; Glance is found in the catalog.
  KS_AUTH_URL=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["auth_url"])' "$NOVAIMAGE_KEYSTONE_STATE_DIR/credentials.json")
  GLANCE_SECTION="auth_type = password
auth_url = $KS_AUTH_URL
username = demo
password = demo-secret
user_domain_name = Default
project_name = demo
project_domain_name = Default
region_name = RegionOne
valid_interfaces = public"
else
  GLANCE_SECTION="api_servers = $NOVAIMAGE_GLANCE_URL"
fi
cat > "$WORK/nova.conf" <<CONF
[glance]
$GLANCE_SECTION
allowed_direct_url_schemes = file

[image_file_url]
filesystems = fs1

[image_file_url:fs1]
id = $FS_ID
mountpoint = $FS_MOUNT
CONF
sed 's/^password = .*/password = (hidden)/; s/^/   | /' "$WORK/nova.conf"
# The file alone configures this run (OS_CLOUD would otherwise apply over it).
OS_CLOUD= run --config "$WORK/nova.conf" image download "$ID" --file "$WORK/direct.img"
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

if [ $KEYSTONE -eq 1 ]; then
  step "A wrong password: Keystone refuses it, the CLI says so and exits 4; the password is not printed"
  printf '%s$ novaimage --os-password *** image list%s\n' "$bold" "$plain"
  rc=0; cli --os-password not-the-password image list || rc=$?
  [ $rc -eq 4 ] || { echo "demo.sh: expected exit code 4 (not authorized), got $rc" >&2; exit 1; }
  say "(exit code 4: not authorized)"
fi

step "Delete the image"
run image delete "$ID"
rc=0; cli image show "$ID" >/dev/null 2>&1 || rc=$?
[ $rc -eq 3 ] || { echo "demo.sh: expected 'image show' of the deleted image to exit 3 (not found), got $rc" >&2; exit 1; }
say "novaimage image show $ID now exits 3 (not found)"

if [ $KEYSTONE -eq 1 ]; then
  step "Stop the cloud"
  scripts/cloud-dev.sh stop
  if scripts/cloud-dev.sh status >/dev/null 2>&1; then echo "demo.sh: the cloud is still running" >&2; exit 1; fi
else
  step "Stop Glance"
  scripts/glance-dev.sh stop
  if scripts/glance-dev.sh status >/dev/null 2>&1; then echo "demo.sh: Glance is still running" >&2; exit 1; fi
fi
