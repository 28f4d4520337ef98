#!/usr/bin/env bash
# cloud-dev.sh start|stop|status|install — a small real OpenStack cloud on loopback for NovaImage's Keystone and
# image-signature tests: Keystone (Debian 12's python3-keystone, Zed), Barbican (python3-barbican) and a Glance behind
# Keystone that verifies image signatures with certificates from Barbican (started by scripts/glance-dev.sh with
# its own port and state dir plus a conf.d overlay).
#
#   eval "$(scripts/cloud-dev.sh start)"   # stdout: export NOVAIMAGE_KEYSTONE_STATE_DIR=... (three variables)
#   scripts/cloud-dev.sh status            # exit 0 when all three run and answer, 3 when not
#   scripts/cloud-dev.sh stop              # by pid file only; nothing of it is left running
#   scripts/cloud-dev.sh install           # only install what is missing (start does it too)
#
# Environment (defaults stay clear of the shared dev cloud on 5000/9311/9293):
#   CLOUD_STATE_DIR        state root: keystone/, barbican/, glance/ below it   [/tmp/novaimage-cloud]
#   KEYSTONE_PORT          Keystone on 127.0.0.1                                [35000]
#   BARBICAN_PORT          Barbican on 127.0.0.1                                [39311]
#   CLOUD_GLANCE_PORT      the Keystone-backed Glance on 127.0.0.1               [39293]
#   CLOUD_REGION_TWO_IMAGE_URL  image endpoint of region RegionTwo    [http://127.0.0.1:$GLANCE_PORT, the plain dev
#                          Glance of scripts/glance-dev.sh (9292): another server, which refuses Keystone tokens]
#   CLOUD_START_TIMEOUT    seconds to wait for each server to answer            [120]
#
# What the cloud offers (domain Default for all users and projects; passwords are test-only):
#   users admin/admin-secret (project admin, role admin), demo/demo-secret (project demo, member),
#   alt_demo/alt-demo-secret (project alt_demo, member); service users glance and barbican (project service, admin).
#   Catalog: identity (RegionOne), key-manager (RegionOne, Barbican's URL without /v1), and image:
#     RegionOne public   http://127.0.0.1:$CLOUD_GLANCE_PORT     (credentials.json "image_url")
#     RegionOne internal http://localhost:$CLOUD_GLANCE_PORT     ("image_internal_url"; admin is the same) — the same
#                        Glance under another host name, so a test can see which interface a client picked
#     RegionTwo public/internal/admin $CLOUD_REGION_TWO_IMAGE_URL ("second_region", "second_region_image_url")
#   Keystone: fernet tokens, bcrypt cost 4, sqlite in WAL mode, 1 process x 1 thread (sqlite cannot take parallel
#   writes). Barbican and Glance validate every token at Keystone (token_cache_time = -1: a revoked token is refused
#   at once). Barbican: simple_crypto with a KEK made once per state dir, enforce_new_defaults (a member may store
#   secrets). Glance: the glance-dev.sh server (stores fs1/fs2, all import methods) with keystonemiddleware and
#   castellan -> Barbican, so an upload carrying the four img_signature* properties is verified.
#   Keystone and Barbican run under uwsgi, which reads a chunked request body as empty: send Content-Length.
# Files: keystone/credentials.json (users, passwords, ids, URLs), keystone/clouds.yaml (clouds keystone-dev-admin,
#   keystone-dev-demo, keystone-dev-alt_demo), keystone/{admin,demo,alt_demo}-openrc.sh, barbican/barbican-info.json —
#   the same layout as the shared dev cloud's, which the test fixture KeystoneCloud also reads. Logs: */log/.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CLOUD=${CLOUD_STATE_DIR:-/tmp/novaimage-cloud}
KS=$CLOUD/keystone
BB=$CLOUD/barbican
GS=$CLOUD/glance
KS_PORT=${KEYSTONE_PORT:-35000}
BB_PORT=${BARBICAN_PORT:-39311}
GL_PORT=${CLOUD_GLANCE_PORT:-39293}
REGION_TWO_IMAGE_URL=${CLOUD_REGION_TWO_IMAGE_URL:-http://127.0.0.1:${GLANCE_PORT:-9292}}
START_TIMEOUT=${CLOUD_START_TIMEOUT:-120}
HOST=127.0.0.1
AUTH_URL="http://$HOST:$KS_PORT/v3"
BB_URL="http://$HOST:$BB_PORT"
IMAGE_URL="http://$HOST:$GL_PORT"
IMAGE_INTERNAL_URL="http://localhost:$GL_PORT"
REGION=RegionOne
REGION_TWO=RegionTwo
ADMIN_PASSWORD=admin-secret
GLANCE_SERVICE_PASSWORD=glance-secret
BARBICAN_SERVICE_PASSWORD=barbican-secret
PY=/usr/bin/python3            # Debian's interpreter: the OpenStack modules are not on pyenv's/venv's python3
unset PYTHONPATH PYTHONHOME VIRTUAL_ENV

log() { echo "cloud-dev: $*" >&2; }
die() { echo "cloud-dev: ERROR: $*" >&2; exit 1; }

for v in KS_PORT BB_PORT GL_PORT START_TIMEOUT; do
  [[ "${!v}" =~ ^[0-9]+$ ]] || die "$v must be a number (got '${!v}')"
done
case "$CLOUD" in /*) ;; *) die "CLOUD_STATE_DIR must be an absolute path (got '$CLOUD')";; esac

# glance-dev.sh, pointed at this cloud's Glance.
glance_dev() { GLANCE_STATE_DIR=$GS GLANCE_PORT=$GL_PORT GLANCE_START_TIMEOUT=$START_TIMEOUT "$HERE/glance-dev.sh" "$@"; }

# ------------------------------------------------------------------------------------------------ uwsgi servers
# Keystone and Barbican are each one uwsgi master (plus its worker) started by start-stop-daemon in a session of its
# own; $dir/server.pid holds the master's pid and $dir/uwsgi.ini names the state dir, which tells our servers apart.
our_pid() {
  local pid pidfile=$1/server.pid
  [ -s "$pidfile" ] || return 1
  pid=$(<"$pidfile")
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  is_our_uwsgi "$pid" "$1" || return 1
  echo "$pid"
}
is_our_uwsgi() {
  [ -r "/proc/$1/cmdline" ] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -q "uwsgi_python3 --ini $2/uwsgi.ini" \
    && ! grep -q '^State:.*Z' "/proc/$1/status" 2>/dev/null
}
# Pids of the children of $1 (a uwsgi master's workers), from /proc (procps may be absent on a minimal Debian).
children() {
  local d stat fields
  for d in /proc/[0-9]*; do
    stat=$(cat "$d/stat" 2>/dev/null) || continue
    read -r -a fields <<<"${stat##*) }"          # after "pid (comm) ": state ppid pgrp ...
    [ "${fields[1]}" = "$1" ] && echo "${d#/proc/}"
  done
  return 0
}
http_code() { curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" 2>/dev/null || true; }
port_busy() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

# start_uwsgi NAME DIR PORT URL WANT_CODE [ENV=VALUE ...]: start the server of DIR/uwsgi.ini, wait until URL answers.
start_uwsgi() {
  local name=$1 dir=$2 port=$3 url=$4 want=$5 pid t0=$SECONDS
  shift 5
  if pid=$(our_pid "$dir"); then
    [ "$(http_code "$url")" = "$want" ] || die "$name pid $pid ($dir) runs but $url does not answer; run '$0 stop' first"
    log "$name already running: pid $pid on $url"
    return 0
  fi
  rm -f "$dir/server.pid"
  port_busy "$port" && die "port $port is already in use (set the port variable of $name to a free port)"
  env "$@" start-stop-daemon --start --background --make-pidfile --pidfile "$dir/server.pid" --chdir "$dir" \
    --output "$dir/log/uwsgi.log" --exec /usr/bin/uwsgi_python3 -- --ini "$dir/uwsgi.ini" 8>&- \
    || die "start-stop-daemon could not start $name"
  # The pid file is written before the child execs uwsgi: judge the child by its pid until the server answers.
  local started=""
  for _ in $(seq 1 50); do
    [ -s "$dir/server.pid" ] && started=$(<"$dir/server.pid") && break
    sleep 0.1
  done
  [[ "$started" =~ ^[0-9]+$ ]] || die "start-stop-daemon wrote no pid file for $name"
  until [ "$(http_code "$url")" = "$want" ]; do
    if [ ! -d "/proc/$started" ] || grep -q '^State:.*Z' "/proc/$started/status" 2>/dev/null; then
      tail -n 30 "$dir/log/uwsgi.log" >&2 2>/dev/null || true
      rm -f "$dir/server.pid"
      die "$name exited during start (logs: $dir/log/)"
    fi
    if [ $((SECONDS - t0)) -ge "$START_TIMEOUT" ]; then
      stop_uwsgi "$name" "$dir"
      die "$name did not answer $url within ${START_TIMEOUT}s (logs: $dir/log/)"
    fi
    sleep 0.2
  done
  log "$name pid $(<"$dir/server.pid") answers on $url after $((SECONDS - t0))s"
}

stop_uwsgi() {
  local name=$1 dir=$2 pid members m
  if ! pid=$(our_pid "$dir"); then
    rm -f "$dir/server.pid"
    log "$name not running"
    return 0
  fi
  members=$(children "$pid")
  log "stopping $name pid $pid (workers: ${members:-none})"
  kill -TERM "$pid" 2>/dev/null || true           # die-on-term: a clean stop of master and workers
  for _ in $(seq 1 75); do
    is_our_uwsgi "$pid" "$dir" || break
    sleep 0.2
  done
  for m in $pid $members; do
    if is_our_uwsgi "$m" "$dir"; then log "pid $m still alive: SIGKILL"; kill -KILL "$m" 2>/dev/null || true; fi
  done
  sleep 0.2
  for m in $pid $members; do
    is_our_uwsgi "$m" "$dir" && die "$name pid $m is still running"
  done
  rm -f "$dir/server.pid"
  log "$name stopped"
}

# uwsgi.ini shared by both: plain http-socket on loopback, 1 process x 1 thread (sqlite), "Connection: close" because
# --http-socket answers HTTP/1.1 and then closes anyway, die-on-term for a clean SIGTERM, skip-atexit-teardown
# against a harmless greenlet crash at exit.
write_uwsgi_ini() {
  local dir=$1 port=$2 app=$3
  cat >"$dir/uwsgi.ini" <<EOF
[uwsgi]
http-socket = $HOST:$port
add-header = Connection: close
$app
chdir = $dir
master = true
processes = 1
threads = 1
lazy-apps = true
need-app = true
die-on-term = true
skip-atexit-teardown = true
buffer-size = 65535
EOF
}

# --------------------------------------------------------------------------------------------------- install
install_missing() {
  local pkgs=() p i
  for p in python3-keystone python3-barbican uwsgi-core uwsgi-plugin-python3 curl; do
    [ "$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null)" = installed ] || pkgs+=("$p")
  done
  if [ ${#pkgs[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] || die "need root to install ${pkgs[*]} (apt-get)"
    log "installing ${pkgs[*]} with apt-get (--no-install-recommends; a few minutes on a fresh machine) ..."
    # Not the keystone/barbican-api packages: their maintainer scripts ask debconf and start system services.
    local apt=(env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -q)
    # apt-get update takes the lists lock, which DPkg::Lock::Timeout does not cover everywhere: retry a while.
    for i in $(seq 1 60); do
      if "${apt[@]}" update >"$CLOUD/log/apt-update.log" 2>&1; then break; fi
      grep -qi 'lock' "$CLOUD/log/apt-update.log" && [ "$i" -lt 60 ] || { cat "$CLOUD/log/apt-update.log" >&2; die "apt-get update failed"; }
      sleep 10
    done
    if ! "${apt[@]}" -y --no-install-recommends install "${pkgs[@]}" >"$CLOUD/log/apt-install.log" 2>&1; then
      tail -n 30 "$CLOUD/log/apt-install.log" >&2
      die "apt-get install ${pkgs[*]} failed (log: $CLOUD/log/apt-install.log)"
    fi
    log "installed ${pkgs[*]}"
  fi
  glance_dev install 8>&-
}

# -------------------------------------------------------------------------------------------------- keystone
keystone_config() {
  mkdir -p "$KS/log"
  cat >"$KS/keystone.conf" <<EOF
# Written by NovaImage's scripts/cloud-dev.sh for tests. Never use in production.
[DEFAULT]
log_file = $KS/log/keystone.log

[database]
connection = sqlite:///$KS/keystone.db
# no fsync per commit: test data
sqlite_synchronous = false

[token]
provider = fernet
expiration = 3600

[fernet_tokens]
key_repository = $KS/fernet-keys

[fernet_receipts]
key_repository = $KS/fernet-keys

[credential]
key_repository = $KS/credential-keys

[identity]
# bcrypt cost 4 instead of 12 (test-only): applies to hashes made after it is set, so it is here before bootstrap
password_hash_rounds = 4

[cache]
# per process, so coherent only because there is one Keystone process
enabled = true
backend = dogpile.cache.memory
EOF
  write_uwsgi_ini "$KS" "$KS_PORT" "wsgi-file = /usr/bin/keystone-wsgi-public
env = OS_KEYSTONE_CONFIG_FILES=$KS/keystone.conf"
}

# db_sync, key repositories and bootstrap: ~15 s of keystone-manage, so only once per state dir and settings.
keystone_bootstrap() {
  local stamp km u g rc=0 p1 p2 p3
  stamp="$(dpkg-query -W -f='${Version}' python3-keystone) $KS_PORT $REGION"
  if [ -s "$KS/keystone.db" ] && [ -e "$KS/fernet-keys/0" ] && [ "$(cat "$KS/bootstrapped" 2>/dev/null)" = "$stamp" ]; then
    return 0
  fi
  rm -f "$KS/bootstrapped"
  km=(keystone-manage --config-file "$KS/keystone.conf")
  u=$(id -un); g=$(id -gn)
  log "keystone-manage db_sync, fernet_setup, credential_setup, bootstrap (log: $KS/log/keystone-manage.log) ..."
  # independent of each other (the db and two key directories): side by side
  "${km[@]}" db_sync >"$KS/log/keystone-manage.db_sync.log" 2>&1 & p1=$!
  "${km[@]}" fernet_setup --keystone-user "$u" --keystone-group "$g" >"$KS/log/keystone-manage.fernet.log" 2>&1 & p2=$!
  "${km[@]}" credential_setup --keystone-user "$u" --keystone-group "$g" >"$KS/log/keystone-manage.credential.log" 2>&1 & p3=$!
  wait "$p1" || rc=1; wait "$p2" || rc=1; wait "$p3" || rc=1
  cat "$KS/log/keystone-manage".{db_sync,fernet,credential}.log >>"$KS/log/keystone-manage.log"
  rm -f "$KS/log/keystone-manage".{db_sync,fernet,credential}.log
  [ "$rc" = 0 ] || { tail -n 30 "$KS/log/keystone-manage.log" >&2; die "keystone-manage setup failed"; }
  # WAL (kept in the db file): a reader no longer blocks the writer.
  "$PY" -c 'import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute("PRAGMA journal_mode=WAL")' "$KS/keystone.db"
  "${km[@]}" bootstrap --bootstrap-password "$ADMIN_PASSWORD" --bootstrap-username admin \
    --bootstrap-project-name admin --bootstrap-role-name admin --bootstrap-service-name keystone \
    --bootstrap-region-id "$REGION" --bootstrap-admin-url "$AUTH_URL" --bootstrap-internal-url "$AUTH_URL" \
    --bootstrap-public-url "$AUTH_URL" >>"$KS/log/keystone-manage.log" 2>&1 \
    || { tail -n 30 "$KS/log/keystone-manage.log" >&2; die "keystone-manage bootstrap failed"; }
  echo "$stamp" >"$KS/bootstrapped"
}

start_keystone() {
  if ! our_pid "$KS" >/dev/null; then keystone_bootstrap; fi
  start_uwsgi Keystone "$KS" "$KS_PORT" "$AUTH_URL" 200
}

# -------------------------------------------------------------------------------------------------- barbican
barbican_config() {
  mkdir -p "$BB/log" "$BB/policy.d"
  # simple_crypto wraps each project's key with this master KEK: made once, since a new one makes every stored
  # secret unreadable.
  if [ ! -s "$BB/simple_crypto_kek" ]; then
    (umask 077; "$PY" -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())' >"$BB/simple_crypto_kek")
  fi
  # Barbican never reads --config-file (it parses its config at import time with oslo.config's default search
  # ~/.barbican/, ~/, /etc/barbican/): it runs with HOME=$BB, so this file is the one it finds.
  (umask 077; cat >"$BB/barbican.conf" <<EOF
# Written by NovaImage's scripts/cloud-dev.sh for tests. Never use in production.
[DEFAULT]
host_href = $BB_URL
sql_connection = sqlite:///$BB/barbican.sqlite
db_auto_create = false
log_file = $BB/log/barbican-api.log
use_stderr = false

[oslo_policy]
# Zed's legacy rules want role creator to store a secret; the new defaults let a project member do it
enforce_new_defaults = true
enforce_scope = false
policy_file = $BB/policy.yaml
policy_dirs = $BB/policy.d

[secretstore]
enabled_secretstore_plugins = store_crypto

[crypto]
enabled_crypto_plugins = simple_crypto

[simple_crypto_plugin]
kek = $(<"$BB/simple_crypto_kek")

$(authtoken_section barbican "$BARBICAN_SERVICE_PASSWORD")

[oslo_messaging_notifications]
driver = noop
EOF
  )
  [ -f "$BB/policy.yaml" ] || echo '# empty: Barbican built-in policy defaults' >"$BB/policy.yaml"
  # Debian's barbican-api-paste.ini trimmed to what is used (its wsgi script hard-codes /etc/barbican's copy).
  cat >"$BB/barbican-api-paste.ini" <<EOF
[composite:main]
use = egg:Paste#urlmap
/: barbican_version
/v1: barbican-api-keystone

[pipeline:barbican_version]
pipeline = cors http_proxy_to_wsgi microversion versionapp

[pipeline:barbican-api-keystone]
pipeline = cors http_proxy_to_wsgi authtoken context microversion apiapp

[app:apiapp]
paste.app_factory = barbican.api.app:create_main_app

[app:versionapp]
paste.app_factory = barbican.api.app:create_version_app

[filter:context]
paste.filter_factory = barbican.api.middleware.context:ContextMiddleware.factory

[filter:microversion]
paste.filter_factory = barbican.api.middleware.microversion:MicroversionMiddleware.factory

[filter:authtoken]
paste.filter_factory = keystonemiddleware.auth_token:filter_factory

[filter:cors]
paste.filter_factory = oslo_middleware.cors:filter_factory
oslo_config_project = barbican

[filter:http_proxy_to_wsgi]
paste.filter_factory = oslo_middleware:HTTPProxyToWSGI.factory
EOF
  write_uwsgi_ini "$BB" "$BB_PORT" "paste = config:$BB/barbican-api-paste.ini
env = HOME=$BB"
}

start_barbican() {
  local stamp
  if ! our_pid "$BB" >/dev/null; then
    stamp="python3-barbican $(dpkg-query -W -f='${Version}' python3-barbican)"
    if [ ! -s "$BB/barbican.sqlite" ] || [ "$(cat "$BB/db_upgraded" 2>/dev/null)" != "$stamp" ]; then
      rm -f "$BB/db_upgraded"
      (cd "$BB" && HOME=$BB "$PY" -c 'import sys; sys.argv = ["barbican-manage", "db", "upgrade"]
from barbican.cmd.barbican_manage import main; main()') >>"$BB/log/barbican-manage.log" 2>&1 \
        || { tail -n 30 "$BB/log/barbican-manage.log" >&2; die "barbican-manage db upgrade failed"; }
      echo "$stamp" >"$BB/db_upgraded"
    fi
  fi
  start_uwsgi Barbican "$BB" "$BB_PORT" "$BB_URL/" 300 HOME="$BB"
}

# ---------------------------------------------------------------------------------------------------- glance
# glance-dev.sh loads $GS/conf.d/*.conf after its own config: this overlay swaps its dev-token pipeline for
# keystonemiddleware and gives castellan (cursive's key manager) Barbican.
# keystonemiddleware's section for a service user of project service (Barbican's and Glance's differ only in the user).
authtoken_section() {
  cat <<EOF
[keystone_authtoken]
www_authenticate_uri = $AUTH_URL
auth_url = $AUTH_URL
auth_type = password
username = $1
password = $2
project_name = service
user_domain_name = Default
project_domain_name = Default
region_name = $REGION
interface = public
# no memcached: -1 validates every request, so a revoked token is refused at once
token_cache_time = -1
service_token_roles_required = true
EOF
}

glance_overlay() {
  mkdir -p "$GS/conf.d" "$GS/etc"
  cat >"$GS/conf.d/50-cloud.conf" <<EOF
# Written by NovaImage's scripts/cloud-dev.sh: Keystone auth and Barbican for image signature verification.
[paste_deploy]
flavor = keystone
config_file = $GS/etc/keystone-paste.ini

$(authtoken_section glance "$GLANCE_SERVICE_PASSWORD")

[key_manager]
backend = barbican

[barbican]
# Glance's request context has no auth plugin: castellan re-scopes the user's token at this Keystone
# (its default, http://localhost/identity/v3, is wrong here). The Barbican URL comes from the catalog (key-manager,
# public, RegionOne); castellan finds v1 by GET / on it.
auth_endpoint = $AUTH_URL
barbican_endpoint_type = public
barbican_region_name = $REGION
EOF
  # Upstream Zed's keystone pipeline: authtoken before context (delay_auth_decision: context answers 401).
  cat >"$GS/etc/keystone-paste.ini" <<'EOF'
[pipeline:glance-api-keystone]
pipeline = cors healthcheck http_proxy_to_wsgi versionnegotiation osprofiler authtoken context rootapp

[composite:rootapp]
paste.composite_factory = glance.api:root_app_factory
/: apiversions
/v2: apiv2app

[app:apiversions]
paste.app_factory = glance.api.versions:create_resource

[app:apiv2app]
paste.app_factory = glance.api.v2.router:API.factory

[filter:healthcheck]
paste.filter_factory = oslo_middleware:Healthcheck.factory
backends = disable_by_file
disable_by_file_path = /nonexistent/glance-healthcheck-disable

[filter:versionnegotiation]
paste.filter_factory = glance.api.middleware.version_negotiation:VersionNegotiationFilter.factory

[filter:authtoken]
paste.filter_factory = keystonemiddleware.auth_token:filter_factory
delay_auth_decision = true

[filter:context]
paste.filter_factory = glance.api.middleware.context:ContextMiddleware.factory

[filter:osprofiler]
paste.filter_factory = osprofiler.web:WsgiMiddleware.factory

[filter:cors]
paste.filter_factory = oslo_middleware.cors:filter_factory
oslo_config_project = glance
oslo_config_program = glance-api

[filter:http_proxy_to_wsgi]
paste.filter_factory = oslo_middleware:HTTPProxyToWSGI.factory
EOF
}

# glance-dev.sh prints its own export lines (NOVAIMAGE_GLANCE_URL, meant for the plain Glance): not ours to print.
start_glance() { glance_dev start >/dev/null; }

# ------------------------------------------------------------------------------------------------ provision
# Through Keystone's REST API, idempotently: regions, the image and key-manager services with their endpoints,
# projects, users, role assignments; then the files the tests read and one authenticated call to Barbican and Glance.
provision() {
  AUTH_URL=$AUTH_URL REGION=$REGION REGION_TWO=$REGION_TWO IMAGE_URL=$IMAGE_URL IMAGE_INTERNAL_URL=$IMAGE_INTERNAL_URL \
  REGION_TWO_IMAGE_URL=$REGION_TWO_IMAGE_URL BB_URL=$BB_URL KS=$KS BB=$BB ADMIN_PASSWORD=$ADMIN_PASSWORD \
  GLANCE_SERVICE_PASSWORD=$GLANCE_SERVICE_PASSWORD BARBICAN_SERVICE_PASSWORD=$BARBICAN_SERVICE_PASSWORD \
  "$PY" - <<'PYEOF'
import json, os, sys, urllib.error, urllib.request

E = os.environ
AUTH = E["AUTH_URL"]

def call(method, url, body=None, token=None, ok=(200, 201, 204)):
    req = urllib.request.Request(url, method=method, data=json.dumps(body).encode() if body is not None else None)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("X-Auth-Token", token)
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            raw, status, headers = r.read(), r.status, r.headers
    except urllib.error.HTTPError as e:
        raw, status, headers = e.read(), e.code, e.headers
    if ok and status not in ok:
        sys.exit("cloud-dev: ERROR: %s %s -> %s %s" % (method, url, status, raw[:300]))
    return status, (json.loads(raw) if raw else {}), headers

def ks(method, path, body=None, ok=(200, 201, 204)):
    return call(method, AUTH + path, body, admin_token, ok)[1]

def password_token(name, password, project):
    status, _, headers = call("POST", AUTH + "/auth/tokens", {"auth": {
        "identity": {"methods": ["password"], "password": {"user": {
            "name": name, "domain": {"id": "default"}, "password": password}}},
        "scope": {"project": {"name": project, "domain": {"id": "default"}}}}}, ok=None)
    return headers.get("X-Subject-Token") if status == 201 else None

admin_token = password_token("admin", E["ADMIN_PASSWORD"], "admin") or sys.exit("cloud-dev: ERROR: admin cannot log in")

def first(path, key):
    items = ks("GET", path)[key]
    return items[0] if items else None

def role(name):
    return first("/roles?name=" + name, "roles") or ks("POST", "/roles", {"role": {"name": name}})["role"]

def project(name, description):
    return first("/projects?domain_id=default&name=" + name, "projects") or ks("POST", "/projects", {"project": {
        "name": name, "domain_id": "default", "description": description, "enabled": True}})["project"]

def user(name, password, home, role_):
    u = first("/users?domain_id=default&name=" + name, "users")
    if not u:
        u = ks("POST", "/users", {"user": {"name": name, "domain_id": "default", "password": password,
                                           "enabled": True, "default_project_id": home["id"]}})["user"]
    ks("PUT", "/projects/%s/users/%s/roles/%s" % (home["id"], u["id"], role_["id"]))
    return u

def service(type_, name, endpoints):
    """endpoints: {(region, interface): url}; endpoints of the service not named there are deleted."""
    svc = first("/services?type=" + type_, "services") or ks("POST", "/services", {"service": {
        "type": type_, "name": name, "enabled": True}})["service"]
    existing = ks("GET", "/endpoints?service_id=" + svc["id"])["endpoints"]
    for (region, interface), url in endpoints.items():
        mine = [e for e in existing if e["interface"] == interface and e.get("region_id") == region]
        if not mine:
            ks("POST", "/endpoints", {"endpoint": {"service_id": svc["id"], "interface": interface, "url": url,
                                                   "region_id": region, "enabled": True}})
        elif mine[0]["url"] != url:
            ks("PATCH", "/endpoints/" + mine[0]["id"], {"endpoint": {"url": url}})
    for e in existing:
        if (e.get("region_id"), e["interface"]) not in endpoints:
            ks("DELETE", "/endpoints/" + e["id"])
    return svc

R1, R2 = E["REGION"], E["REGION_TWO"]
if call("GET", AUTH + "/regions/" + R2, token=admin_token, ok=None)[0] == 404:
    ks("POST", "/regions", {"region": {"id": R2, "description": "NovaImage tests: a second region"}})
image_service = service("image", "glance", {
    (R1, "public"): E["IMAGE_URL"], (R1, "internal"): E["IMAGE_INTERNAL_URL"], (R1, "admin"): E["IMAGE_INTERNAL_URL"],
    (R2, "public"): E["REGION_TWO_IMAGE_URL"], (R2, "internal"): E["REGION_TWO_IMAGE_URL"],
    (R2, "admin"): E["REGION_TWO_IMAGE_URL"]})
key_manager = service("key-manager", "barbican", {(R1, i): E["BB_URL"] for i in ("public", "internal", "admin")})

member, admin_role = role("member"), role("admin")
admin_project = project("admin", "Bootstrap project")
demo_project = project("demo", "A non-admin tenant")
alt_project = project("alt_demo", "A second non-admin tenant")
service_project = project("service", "Service users")
users = {
    "admin": (first("/users?domain_id=default&name=admin", "users"), E["ADMIN_PASSWORD"], admin_project, ["admin", "member", "reader"]),
    "demo": (user("demo", "demo-secret", demo_project, member), "demo-secret", demo_project, ["member", "reader"]),
    "alt_demo": (user("alt_demo", "alt-demo-secret", alt_project, member), "alt-demo-secret", alt_project, ["member", "reader"]),
    "glance_service_user": (user("glance", E["GLANCE_SERVICE_PASSWORD"], service_project, admin_role),
                            E["GLANCE_SERVICE_PASSWORD"], service_project, ["admin"]),
}
barbican_user = user("barbican", E["BARBICAN_SERVICE_PASSWORD"], service_project, admin_role)

def identity(u, password, p, roles):
    return {"username": u["name"], "user_id": u["id"], "password": password,
            "project_name": p["name"], "project_id": p["id"],
            "user_domain_name": "Default", "project_domain_name": "Default",
            "user_domain_id": "default", "project_domain_id": "default", "roles": roles}

creds = {"auth_url": AUTH, "region": R1, "image_url": E["IMAGE_URL"], "image_service_id": image_service["id"],
         "image_internal_url": E["IMAGE_INTERNAL_URL"],
         "second_region": R2, "second_region_image_url": E["REGION_TWO_IMAGE_URL"]}
creds.update({key: identity(*value) for key, value in users.items()})

def write(path, text):
    with open(path + ".new", "w") as f:
        f.write(text)
    os.replace(path + ".new", path)  # a reader never sees half a file

KS, BB = E["KS"], E["BB"]
write(os.path.join(KS, "credentials.json"), json.dumps(creds, indent=2) + "\n")
clouds = []
for key in ("admin", "demo", "alt_demo"):
    c = creds[key]
    write(os.path.join(KS, key + "-openrc.sh"), "".join("export %s='%s'\n" % kv for kv in [
        ("OS_AUTH_URL", AUTH), ("OS_IDENTITY_API_VERSION", "3"), ("OS_AUTH_TYPE", "password"),
        ("OS_USERNAME", c["username"]), ("OS_PASSWORD", c["password"]), ("OS_PROJECT_NAME", c["project_name"]),
        ("OS_USER_DOMAIN_NAME", "Default"), ("OS_PROJECT_DOMAIN_NAME", "Default"), ("OS_REGION_NAME", R1),
        ("OS_INTERFACE", "public")]))
    clouds.append("  keystone-dev-%s:\n    auth:\n      auth_url: %s\n      username: %s\n      password: %s\n"
                  "      project_name: %s\n      user_domain_name: Default\n      project_domain_name: Default\n"
                  "    region_name: %s\n    identity_api_version: 3\n    interface: public\n"
                  % (key, AUTH, c["username"], c["password"], c["project_name"], R1))
write(os.path.join(KS, "clouds.yaml"), "clouds:\n" + "".join(clouds))
write(os.path.join(BB, "barbican-info.json"), json.dumps({
    "barbican_url": E["BB_URL"], "auth_url": AUTH, "region": R1, "key_manager_service_id": key_manager["id"],
    "server": "uwsgi", "enforce_new_defaults": True, "token_cache_time": -1,
    "service_user": {"username": "barbican", "user_id": barbican_user["id"],
                     "password": E["BARBICAN_SERVICE_PASSWORD"], "project_name": "service",
                     "project_id": service_project["id"], "user_domain_name": "Default",
                     "project_domain_name": "Default"}}, indent=2) + "\n")

# The wiring, proved once: a demo token is accepted by Barbican and by the Keystone-backed Glance.
demo_token = password_token("demo", "demo-secret", "demo") or sys.exit("cloud-dev: ERROR: demo cannot log in")
for what, url in (("Barbican", E["BB_URL"] + "/v1/secrets?limit=1"), ("Glance", E["IMAGE_URL"] + "/v2/images?limit=1")):
    status = call("GET", url, token=demo_token, ok=None)[0]
    if status != 200:
        sys.exit("cloud-dev: ERROR: %s answered a demo token with %s (expected 200): see its log" % (what, status))
PYEOF
}

print_exports() {
  printf 'export NOVAIMAGE_KEYSTONE_STATE_DIR=%q\n' "$KS"
  printf 'export NOVAIMAGE_BARBICAN_STATE_DIR=%q\n' "$BB"
  printf 'export NOVAIMAGE_CLOUD_GLANCE_STATE_DIR=%q\n' "$GS"
}

start() {
  local t0=$SECONDS rc=0 pk pb pg
  mkdir -p "$CLOUD/log"
  # One start at a time per cloud; fd 8 is closed for every server so the lock ends with this script.
  exec 8>"$CLOUD/.start.lock"
  flock -w 900 8 || die "another start holds $CLOUD/.start.lock"
  install_missing
  keystone_config
  barbican_config
  glance_overlay
  # The three come up side by side (each start is mostly Python imports); none needs another one to answer yet.
  start_keystone 8>&- & pk=$!
  start_barbican 8>&- & pb=$!
  start_glance 8>&- & pg=$!
  wait "$pk" || rc=1; wait "$pb" || rc=1; wait "$pg" || rc=1
  [ "$rc" = 0 ] || die "the cloud did not start (see above); '$0 stop' stops what did"
  provision
  log "cloud up after $((SECONDS - t0))s: Keystone $AUTH_URL, Barbican $BB_URL, Glance $IMAGE_URL (state: $CLOUD)"
  print_exports
}

stop() {
  local rc=0 pg pb pk
  glance_dev stop & pg=$!
  stop_uwsgi Barbican "$BB" & pb=$!
  stop_uwsgi Keystone "$KS" & pk=$!
  wait "$pg" || rc=1; wait "$pb" || rc=1; wait "$pk" || rc=1
  return "$rc"
}

status() {
  local pid ok=0
  if pid=$(our_pid "$KS") && [ "$(http_code "$AUTH_URL")" = 200 ]; then echo "running: Keystone pid $pid on $AUTH_URL"; else echo "not running: Keystone ($KS, port $KS_PORT)"; ok=3; fi
  if pid=$(our_pid "$BB") && [ "$(http_code "$BB_URL/")" = 300 ]; then echo "running: Barbican pid $pid on $BB_URL"; else echo "not running: Barbican ($BB, port $BB_PORT)"; ok=3; fi
  glance_dev status || ok=3
  return "$ok"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  install) mkdir -p "$CLOUD/log"; install_missing ;;
  *) echo "usage: $0 start|stop|status|install   (env: CLOUD_STATE_DIR, KEYSTONE_PORT, BARBICAN_PORT, CLOUD_GLANCE_PORT, CLOUD_REGION_TWO_IMAGE_URL, CLOUD_START_TIMEOUT)" >&2; exit 2 ;;
esac
