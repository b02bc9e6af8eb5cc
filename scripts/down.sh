#!/usr/bin/env bash
# Stops what scripts/up.sh started.
set -uo pipefail
cd "$(dirname "$0")/.."
for p in server etcd; do
  f=".tugboat/$p.pid"
  if [ -f "$f" ]; then kill "$(cat "$f")" 2>/dev/null; rm -f "$f"; fi
done
exit 0
