#!/usr/bin/env bash
# A local control plane: etcd and `tug server` in the background (logs and state in .tugboat/),
# then the demo app applied through the admin kubeconfig.
set -euo pipefail
cd "$(dirname "$0")/.."
STATE=.tugboat
mkdir -p "$STATE"

if ! curl -fsS http://127.0.0.1:2379/health >/dev/null 2>&1; then
  etcd --data-dir "$STATE/etcd" --listen-client-urls http://127.0.0.1:2379 --advertise-client-urls http://127.0.0.1:2379 \
       --listen-peer-urls http://127.0.0.1:2380 --log-level error >"$STATE/etcd.log" 2>&1 &
  echo $! >"$STATE/etcd.pid"
fi
for _ in $(seq 100); do curl -fsS http://127.0.0.1:2379/health >/dev/null 2>&1 && break; sleep 0.1; done

if [ ! -f "$STATE/server.pid" ] || ! kill -0 "$(cat "$STATE/server.pid")" 2>/dev/null; then
  npx tug server --etcd-servers http://127.0.0.1:2379 --data-dir "$STATE/data" \
      --write-kubeconfig "$STATE/admin.kubeconfig" >"$STATE/server.log" 2>&1 &
  echo $! >"$STATE/server.pid"
fi
for _ in $(seq 200); do [ -f "$STATE/admin.kubeconfig" ] && curl -fsSk https://127.0.0.1:6443/readyz >/dev/null 2>&1 && break; sleep 0.1; done

export KUBECONFIG="$PWD/$STATE/admin.kubeconfig"
npx tug apply -f deploy/demo/
npx tug get all
echo
echo "Control plane up. Use it with: export KUBECONFIG=$PWD/$STATE/admin.kubeconfig; kubectl get all"
