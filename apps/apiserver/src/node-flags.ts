/**
 * Node/V8 flags for a process that hosts the apiserver (`tug server`, the benchmarks' control plane).
 * A request allocates ~100 KB of short-lived objects; with V8's default 16 MB semi-spaces they
 * outgrow the young generation between scavenges and get copied and promoted. 64 MB semi-spaces
 * cut the apiserver's CPU per create by ~15 % (bench/README.md, apiserver). V8 reads the size only
 * when the process starts, so it has to be on the command line: `tug server` relaunches itself once
 * with these.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
