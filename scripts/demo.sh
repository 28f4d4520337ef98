#!/usr/bin/env bash
# scripts/demo.sh — start the local Glance and show NovaImage's Glance v2 client working against it:
# versions, create, upload, list, download with the bytes compared, delete (scripts/demo.cs).
# Stops the Glance it started (an already running one is reused and left running); leaves no build server behind.
set -euo pipefail
cd "$(dirname "$0")/.."

started=0
cleanup() { if [ "$started" = 1 ]; then scripts/glance-dev.sh stop; fi; }
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "==> scripts/glance-dev.sh start   (Debian's Glance on 127.0.0.1:${GLANCE_PORT:-9292}; installed first if missing)"
scripts/glance-dev.sh status >/dev/null || started=1
exports=$(scripts/glance-dev.sh start)
eval "$exports"

echo "==> dotnet run scripts/demo.cs"
# no MSBuild node reuse or compiler server: nothing of the demo keeps running afterwards
MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 UseSharedCompilation=false \
  dotnet run scripts/demo.cs
