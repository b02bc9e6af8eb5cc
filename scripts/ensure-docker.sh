#!/usr/bin/env bash
# Makes a Docker engine answer and the local images exist: installs docker.io and busybox-static with
# apt when missing, starts dockerd in the background when `docker info` fails, waits for it, then
# builds the images (scripts/build-images.sh). Safe to run any number of times.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
[ -x /bin/busybox ] || missing+=(busybox-static)
if [ ${#missing[@]} -gt 0 ]; then
  echo "ensure-docker: installing ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! docker info >/dev/null 2>&1; then
  echo "ensure-docker: starting dockerd (log: /tmp/dockerd.log)"
  as_root sh -c 'nohup dockerd >/tmp/dockerd.log 2>&1 &'
  for _ in $(seq 120); do docker info >/dev/null 2>&1 && break; sleep 0.5; done
  if ! docker info >/dev/null 2>&1; then
    echo "ensure-docker: dockerd did not answer within 60 s; see /tmp/dockerd.log" >&2
    exit 1
  fi
fi

scripts/build-images.sh
