#!/usr/bin/env bash
# Builds the local images in deploy/images/ (no registry is reachable, see deploy/images/README.md).
# Idempotent: an image that already exists is skipped unless --force is given.
#   scripts/build-images.sh [--force]        BUSYBOX=/path/to/static/busybox BASE=scratch
set -euo pipefail
cd "$(dirname "$0")/.."

force=false
[ "${1:-}" = "--force" ] && force=true
busybox_bin=${BUSYBOX:-/bin/busybox}
base=${BASE:-scratch}

# name:tag -> directory under deploy/images
images=("tugboat/pause:1=pause" "tugboat/busybox:1=busybox")

for entry in "${images[@]}"; do
  image=${entry%%=*}
  dir=deploy/images/${entry#*=}
  if ! $force && docker image inspect "$image" >/dev/null 2>&1; then
    continue
  fi
  if ! file -L "$busybox_bin" 2>/dev/null | grep -q 'statically linked' && ! ldd "$busybox_bin" 2>&1 | grep -q 'not a dynamic'; then
    echo "build-images: $busybox_bin is not a static busybox (apt-get install busybox-static)" >&2
    exit 1
  fi
  ctx=$(mktemp -d)
  trap 'rm -rf "$ctx"' EXIT
  cp -r "$dir"/. "$ctx"/
  cp "$busybox_bin" "$ctx/busybox"
  echo "build-images: building $image"
  if ! out=$(DOCKER_BUILDKIT=0 docker build -q --build-arg "BASE=$base" -t "$image" "$ctx" 2>&1); then
    echo "$out" >&2
    exit 1
  fi
  rm -rf "$ctx"
  trap - EXIT
done
