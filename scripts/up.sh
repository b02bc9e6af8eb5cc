#!/usr/bin/env bash
# A local cluster: etcd, `tug server` (apiserver + scheduler) and `tug agent` (this machine's Docker
# as a node) in the background, logs and state in .tugboat/; then the demo app applied through the
# admin kubeconfig.
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
  node apps/cli/bin/tug.js server --etcd-servers http://127.0.0.1:2379 --data-dir "$STATE/data" \
      --write-kubeconfig "$STATE/admin.kubeconfig" >"$STATE/server.log" 2>&1 &
  echo $! >"$STATE/server.pid"
fi
for _ in $(seq 200); do [ -f "$STATE/admin.kubeconfig" ] && curl -fsSk https://127.0.0.1:6443/readyz >/dev/null 2>&1 && break; sleep 0.1; done

scripts/ensure-docker.sh
if [ ! -f "$STATE/agent.pid" ] || ! kill -0 "$(cat "$STATE/agent.pid")" 2>/dev/null; then
  node apps/cli/bin/tug.js agent --server 127.0.0.1:6444 --ca-file "$STATE/data/pki/ca.crt" --token-file "$STATE/data/node-token" \
      --node-name "$(hostname | tr '[:upper:]' '[:lower:]')" --node-ip 127.0.0.1 --data-dir "$STATE/agent" >"$STATE/agent.log" 2>&1 &
  echo $! >"$STATE/agent.pid"
fi

export KUBECONFIG="$PWD/$STATE/admin.kubeconfig"
for _ in $(seq 100); do npx tug get nodes 2>/dev/null | grep -q ' Ready' && break; sleep 0.3; done
npx tug apply -f deploy/demo/
for _ in $(seq 100); do npx tug get pod hello 2>/dev/null | grep -q '1/1' && break; sleep 0.3; done
npx tug get nodes
npx tug get pods -o wide
npx tug get all
echo
echo "Control plane up. Use it with: export KUBECONFIG=$PWD/$STATE/admin.kubeconfig; kubectl get all"
