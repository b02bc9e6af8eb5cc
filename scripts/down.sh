#!/usr/bin/env bash
# Stops what scripts/up.sh started, and removes the demo node's containers and pod network (the
# agent leaves containers running when it stops, so that a restarted agent can adopt them).
set -uo pipefail
cd "$(dirname "$0")/.."
for p in agent server etcd; do
  f=".tugboat/$p.pid"
  if [ -f "$f" ]; then kill "$(cat "$f")" 2>/dev/null; rm -f "$f"; fi
done
node=$(hostname | tr '[:upper:]' '[:lower:]')
if docker info >/dev/null 2>&1; then
  ids=$(docker ps -aq --filter "label=tugboat.io/node=$node")
  [ -n "$ids" ] && docker rm -f $ids >/dev/null
  docker network rm "tugboat-$node" >/dev/null 2>&1
fi
exit 0
