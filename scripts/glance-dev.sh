#!/usr/bin/env bash
# glance-dev.sh start|stop|status|install — a real OpenStack Glance (Debian 12's python3-glance, Zed) on loopback for
# NovaImage's tests and demo. No Keystone: a dev-token filter turns "X-Auth-Token: PROJECT:USER[:ROLES]" into the
# identity Glance sees, so tests can act as several projects and as admin.
#
#   eval "$(scripts/glance-dev.sh start)"   # stdout: export NOVAIMAGE_GLANCE_URL=... / NOVAIMAGE_GLANCE_STATE_DIR=...
#   scripts/glance-dev.sh status            # exit 0 when running and answering, 3 when not
#   scripts/glance-dev.sh stop              # by pid file only; nothing of it is left running
#   scripts/glance-dev.sh install           # only install what is missing (start does it too)
#
# Environment:
#   GLANCE_STATE_DIR      config, sqlite DB, stores, logs, pid file   [/tmp/novaimage-glance]
#   GLANCE_PORT           TCP port on 127.0.0.1                        [9292]
#   GLANCE_WORKERS        API worker processes (0 = a single process)  [1]
#   GLANCE_START_TIMEOUT  seconds to wait for the API to answer        [90]
#
# What the server offers: two file stores fs1 (default) and fs2 under $STATE/images/, whose locations carry the
# metadata {"id": "novaimage-fsN", "mountpoint": "$STATE/images/fsN"} ($STATE/etc/fsN-metadata.json);
# show_image_direct_url and show_multiple_locations; all import methods: glance-direct, web-download (loopback
# sources on any port allowed), copy-image, and glance-download (region RegionOne = this same server); Glance's default quotas (e.g. 128 tags per image, so a 129th is 413).
# Logs go to stderr and $STATE/log/. Extra oslo.config snippets may be dropped into $STATE/conf.d/*.conf.
set -euo pipefail

STATE=${GLANCE_STATE_DIR:-/tmp/novaimage-glance}
PORT=${GLANCE_PORT:-9292}
WORKERS=${GLANCE_WORKERS:-1}
START_TIMEOUT=${GLANCE_START_TIMEOUT:-90}
HOST=127.0.0.1
URL="http://$HOST:$PORT"
PY=/usr/bin/python3            # Debian's interpreter: the glance modules are not on pyenv's/venv's python3
PIDFILE=$STATE/glance-api.pid
CONF=$STATE/etc/glance-api.conf

log() { echo "glance-dev: $*" >&2; }
die() { echo "glance-dev: ERROR: $*" >&2; exit 1; }

[[ "$PORT" =~ ^[0-9]+$ ]] || die "GLANCE_PORT must be a number (got '$PORT')"
[[ "$WORKERS" =~ ^[0-9]+$ ]] || die "GLANCE_WORKERS must be a number (got '$WORKERS')"
[[ "$START_TIMEOUT" =~ ^[0-9]+$ ]] || die "GLANCE_START_TIMEOUT must be a number (got '$START_TIMEOUT')"
case "$STATE" in /*) ;; *) die "GLANCE_STATE_DIR must be an absolute path (got '$STATE')";; esac

# The pid in the pid file, if that process is still our glance-api (guards against pid reuse).
our_pid() {
  local pid
  [ -s "$PIDFILE" ] || return 1
  pid=$(<"$PIDFILE")
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  is_glance_api "$pid" || return 1
  echo "$pid"
}
is_glance_api() {
  [ -r "/proc/$1/cmdline" ] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -q "glance.cmd.api --config-file $CONF" \
    && ! grep -q '^State:.*Z' "/proc/$1/status" 2>/dev/null
}
# Pids of the other processes in process group $1, from /proc (procps may be absent on a minimal Debian).
group_members() {
  local d stat fields
  for d in /proc/[0-9]*; do
    stat=$(cat "$d/stat" 2>/dev/null) || continue
    read -r -a fields <<<"${stat##*) }"          # after "pid (comm) ": state ppid pgrp ...
    [ "${fields[2]}" = "$1" ] && [ "${d#/proc/}" != "$1" ] && echo "${d#/proc/}"
  done
  return 0
}
answers() { curl -s -o /dev/null -m 3 -w '%{http_code}' "$URL/versions" 2>/dev/null | grep -q '^200$'; }
port_busy() { (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; }
print_exports() {
  printf 'export NOVAIMAGE_GLANCE_URL=%q\n' "$URL"
  printf 'export NOVAIMAGE_GLANCE_STATE_DIR=%q\n' "$STATE"
}

install_missing() {
  local pkgs=() i
  [ "$(dpkg-query -W -f='${db:Status-Status}' python3-glance 2>/dev/null)" = installed ] || pkgs+=(python3-glance)
  command -v curl >/dev/null 2>&1 || pkgs+=(curl)
  # The TLS tests put stunnel (TestSupport's TlsFrontend) in front of this Glance.
  command -v stunnel4 >/dev/null 2>&1 || pkgs+=(stunnel4)
  [ ${#pkgs[@]} -eq 0 ] && return 0
  [ "$(id -u)" = 0 ] || die "need root to install ${pkgs[*]} (apt-get)"
  log "installing ${pkgs[*]} with apt-get (--no-install-recommends; a few minutes on a fresh machine) ..."
  local apt=(env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -q)
  # apt-get update takes the lists lock, which DPkg::Lock::Timeout does not cover everywhere: retry a while.
  for i in $(seq 1 60); do
    if "${apt[@]}" update >"$STATE/log/apt-update.log" 2>&1; then break; fi
    grep -qi 'lock' "$STATE/log/apt-update.log" && [ "$i" -lt 60 ] || { cat "$STATE/log/apt-update.log" >&2; die "apt-get update failed"; }
    sleep 10
  done
  # Not glance-api/glance-common: their maintainer scripts create users, ask debconf and start a second server.
  if ! "${apt[@]}" -y --no-install-recommends install "${pkgs[@]}" >"$STATE/log/apt-install.log" 2>&1; then
    tail -n 30 "$STATE/log/apt-install.log" >&2
    die "apt-get install ${pkgs[*]} failed (log: $STATE/log/apt-install.log)"
  fi
  log "installed ${pkgs[*]}"
}

write_config() {
  mkdir -p "$STATE"/{etc,lib,log,conf.d,images/fs1,images/fs2,staging,tasks_work_dir,lock}
  local n
  for n in 1 2; do
    printf '{"id": "novaimage-fs%s", "mountpoint": "%s/images/fs%s"}\n' "$n" "$STATE" "$n" >"$STATE/etc/fs$n-metadata.json"
  done
  # Glance reads schema-image.json next to its config file: a few of the operator properties Debian ships.
  cat >"$STATE/etc/schema-image.json" <<'EOF'
{
  "architecture": {"type": "string", "description": "Operating system architecture."},
  "os_distro": {"type": "string", "description": "Common name of the operating system distribution."},
  "os_version": {"type": "string", "description": "Operating system version as specified by the distributor."},
  "description": {"type": "string", "description": "A human-readable string describing this image."}
}
EOF
  [ -f "$STATE/etc/policy.yaml" ] || echo '# empty: Glance built-in policy defaults' >"$STATE/etc/policy.yaml"
  cat >"$STATE/lib/novaimage_devtoken.py" <<'EOF'
"""NovaImage dev/test only: X-Auth-Token "PROJECT:USER[:ROLE,ROLE]" -> the identity headers keystonemiddleware sets.

It also gives each request a service catalog whose image endpoint (region RegionOne) is this server, so the
glance-download import method can fetch from "another region" that is this same Glance.
"""
import json
from urllib.parse import unquote


def filter_factory(global_conf, **local_conf):
    url = local_conf['image_endpoint']
    catalog = json.dumps([{'type': 'image', 'name': 'glance', 'endpoints': [
        {'region': 'RegionOne', 'publicURL': url, 'internalURL': url, 'adminURL': url}]}])

    def wrap(app):
        def middleware(environ, start_response):
            if 'HTTP_X_IDENTITY_STATUS' not in environ:
                parts = unquote(environ.get('HTTP_X_AUTH_TOKEN', '')).split(':')
                if len(parts) in (2, 3) and parts[0] and parts[1]:
                    environ.update({
                        'HTTP_X_IDENTITY_STATUS': 'Confirmed',
                        'HTTP_X_PROJECT_ID': parts[0],
                        'HTTP_X_TENANT_ID': parts[0],
                        'HTTP_X_USER_ID': parts[1],
                        'HTTP_X_ROLES': parts[2] if len(parts) == 3 and parts[2] else 'member,reader',
                    })
                    environ.setdefault('HTTP_X_SERVICE_CATALOG', catalog)
            return app(environ, start_response)  # no identity -> ContextMiddleware answers 401
        return middleware
    return wrap
EOF
  cat >"$STATE/etc/glance-api-paste.ini" <<EOF
# Keystone's pipeline without authtoken: the devtoken filter supplies the identity headers.
[pipeline:glance-api-devtoken]
pipeline = cors healthcheck http_proxy_to_wsgi versionnegotiation osprofiler devtoken context rootapp

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

[filter:devtoken]
paste.filter_factory = novaimage_devtoken:filter_factory
image_endpoint = $URL

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
  cat >"$CONF" <<EOF
# Written by NovaImage's scripts/glance-dev.sh for tests (no Keystone). Never use in production.
[DEFAULT]
bind_host = $HOST
bind_port = $PORT
workers = $WORKERS
log_file = $STATE/log/glance-api.log
use_stderr = false
show_image_direct_url = true
show_multiple_locations = true
enabled_import_methods = [glance-direct,web-download,copy-image,glance-download]
enabled_backends = fs1:file, fs2:file
hashing_algorithm = sha512
transport_url = fake:/

[database]
connection = sqlite:///$STATE/glance.sqlite

[paste_deploy]
flavor = devtoken
config_file = $STATE/etc/glance-api-paste.ini

[glance_store]
default_backend = fs1

[fs1]
store_description = NovaImage file store 1
filesystem_store_datadir = $STATE/images/fs1
filesystem_store_metadata_file = $STATE/etc/fs1-metadata.json

[fs2]
store_description = NovaImage file store 2
filesystem_store_datadir = $STATE/images/fs2
filesystem_store_metadata_file = $STATE/etc/fs2-metadata.json

[os_glance_staging_store]
filesystem_store_datadir = $STATE/staging

[os_glance_tasks_store]
filesystem_store_datadir = $STATE/tasks_work_dir

[oslo_concurrency]
lock_path = $STATE/lock

[oslo_policy]
policy_file = $STATE/etc/policy.yaml
policy_dirs = $STATE/etc/policy.d
enforce_new_defaults = false
enforce_scope = false

[oslo_messaging_notifications]
driver = noop

[import_filtering_opts]
# web-download from a loopback server the tests run, on any port (brackets required: bounded lists)
allowed_hosts = [127.0.0.1,localhost]
allowed_ports = []

[image_import_opts]
image_import_plugins = []
EOF
  mkdir -p "$STATE/etc/policy.d"
}

db_sync() {
  local stamp
  stamp="python3-glance $(dpkg-query -W -f='${Version}' python3-glance)"
  if [ -s "$STATE/glance.sqlite" ] && [ "$(cat "$STATE/db_synced" 2>/dev/null)" = "$stamp" ]; then
    return 0   # db_sync costs ~5 s even with nothing to do
  fi
  log "db_sync ($STATE/glance.sqlite) ..."
  rm -f "$STATE/db_synced"
  "$PY" -m glance.cmd.manage --config-file "$CONF" --config-dir "$STATE/conf.d" db_sync >"$STATE/log/db_sync.log" 2>&1 \
    || { tail -n 20 "$STATE/log/db_sync.log" >&2; die "db_sync failed (log: $STATE/log/db_sync.log)"; }
  echo "$stamp" >"$STATE/db_synced"
}

start() {
  mkdir -p "$STATE/log"
  # One start at a time per state dir; fd 9 is closed for the daemon so the lock ends with this script.
  exec 9>"$STATE/.start.lock"
  flock -w 900 9 || die "another start holds $STATE/.start.lock"
  install_missing
  local pid
  if pid=$(our_pid); then
    answers || die "glance-api pid $pid ($STATE) runs but $URL does not answer; run '$0 stop' first"
    log "already running: pid $pid on $URL"
    print_exports
    return 0
  fi
  rm -f "$PIDFILE"
  port_busy && die "port $PORT is already in use (set GLANCE_PORT to a free port)"
  write_config
  db_sync
  local t0=$SECONDS
  PYTHONPATH="$STATE/lib${PYTHONPATH:+:$PYTHONPATH}" start-stop-daemon --start --background --make-pidfile \
    --pidfile "$PIDFILE" --chdir "$STATE" --output "$STATE/log/glance-api.stdout" \
    --exec "$PY" -- -m glance.cmd.api --config-file "$CONF" --config-dir "$STATE/conf.d" 9>&- \
    || die "start-stop-daemon could not start glance-api"
  # The pid file is written by start-stop-daemon's child before it execs python, so right after start the
  # process may not look like glance-api yet: judge it by its pid until it answers.
  local started_pid=""
  for _ in $(seq 1 50); do
    [ -s "$PIDFILE" ] && started_pid=$(<"$PIDFILE") && break
    sleep 0.1
  done
  [[ "$started_pid" =~ ^[0-9]+$ ]] || die "start-stop-daemon wrote no pid file ($PIDFILE)"
  until answers; do
    if [ ! -d "/proc/$started_pid" ] || grep -q '^State:.*Z' "/proc/$started_pid/status" 2>/dev/null; then
      tail -n 30 "$STATE/log/glance-api.log" "$STATE/log/glance-api.stdout" >&2 2>/dev/null || true
      rm -f "$PIDFILE"
      die "glance-api exited during start (log: $STATE/log/glance-api.log)"
    fi
    if [ $((SECONDS - t0)) -ge "$START_TIMEOUT" ]; then
      log "no answer on $URL within ${START_TIMEOUT}s; stopping it"
      stop
      die "glance-api did not start (log: $STATE/log/glance-api.log)"
    fi
    sleep 0.3
  done
  log "glance-api pid $(<"$PIDFILE") answers on $URL (state: $STATE, log: $STATE/log/glance-api.log) after $((SECONDS - t0))s"
  print_exports
}

stop() {
  local pid members m
  if ! pid=$(our_pid); then
    [ -e "$PIDFILE" ] && log "stale pid file removed"
    rm -f "$PIDFILE"
    log "not running"
    return 0
  fi
  # glance-api leads its own process group and forks its workers into it: remember them, to check afterwards.
  members=$(group_members "$pid")
  log "stopping glance-api pid $pid (workers: ${members:-none})"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    is_glance_api "$pid" || break
    sleep 0.2
  done
  for m in $pid $members; do
    if is_glance_api "$m"; then log "pid $m still alive: SIGKILL"; kill -KILL "$m" 2>/dev/null || true; fi
  done
  sleep 0.2
  for m in $pid $members; do
    is_glance_api "$m" && die "pid $m is still running"
  done
  rm -f "$PIDFILE"
  log "stopped"
}

status() {
  local pid
  if pid=$(our_pid) && answers; then
    echo "running: glance-api pid $pid on $URL (state: $STATE)"
    return 0
  fi
  echo "not running (state: $STATE, port: $PORT)"
  return 3
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  install) mkdir -p "$STATE/log"; install_missing ;;
  *) echo "usage: $0 start|stop|status|install   (env: GLANCE_STATE_DIR, GLANCE_PORT, GLANCE_WORKERS, GLANCE_START_TIMEOUT)" >&2; exit 2 ;;
esac
