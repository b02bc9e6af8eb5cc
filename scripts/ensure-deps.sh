#!/usr/bin/env bash
# Installs what the build and the tests need, only when it is missing: etcd (Debian's etcd-server and
# etcd-client), the npm workspace dependencies, and a running Docker engine with the local images.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# etcdctl (etcd-client) is the independent client an informer test changes etcd with
if { ! command -v etcd >/dev/null 2>&1 && [ -z "${ETCD_BIN:-}" ]; } || ! command -v etcdctl >/dev/null 2>&1; then
  echo "ensure-deps: installing etcd-server and etcd-client"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq etcd-server etcd-client >/dev/null
fi

# Install exactly what the lock file says when node_modules is missing or older than it. `npm ci`
# refuses lock files that lack other platforms' optional packages (the registry mirror here does not
# serve them), so fall back to `npm install --no-save`, which installs the same locked versions.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "ensure-deps: npm ci"
  log=$(mktemp)
  if ! npm ci --no-audit --no-fund >"$log" 2>&1; then
    grep -m1 'npm error' "$log" || true
    echo "ensure-deps: npm ci refused; npm install --no-save (same locked versions)"
    npm install --no-save --no-audit --no-fund
  fi
  rm -f "$log"
fi

# The node agent's tests run pods on a real Docker engine with locally built images.
scripts/ensure-docker.sh
