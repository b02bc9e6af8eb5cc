# PID 1 of the sandbox. A PID 1 without handlers ignores SIGTERM, so trap it and leave at once.
# `wait` on a background sleep keeps the shell responsive to signals and reaps re-parented zombies.
trap 'exit 0' TERM INT
while :; do
  /bin/busybox sleep 3600 &
  wait $!
done
