/** The scheduler's defaults, importable without loading the scheduler (`@tugboat/scheduler/defaults`, for the CLI's help). */

/**
 * Binds in flight at once. kube-scheduler binds each pod in a goroutine of its own, with no limit;
 * a bind waits ~40 ms on a busy apiserver, so the number in flight is what keeps the apiserver's
 * pipeline full: on 1,000 simulated nodes 32 bound 759 pods/s, 64 846/s, 128 881/s (bench/README.md).
 */
export const DEFAULT_PARALLELISM = 128;
