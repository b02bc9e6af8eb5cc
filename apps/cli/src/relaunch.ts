/**
 * `tug server` wants V8 flags that only the command line can set (SERVER_NODE_FLAGS): when this
 * process lacks them it starts the server again as its child with them, once. Pure: main.ts spawns.
 */
import { SERVER_NODE_FLAGS } from '@tugboat/apiserver/node-flags';

/** Set in the relaunched child (and by users who pass their own flags) to stop a second relaunch. */
export const NO_RELAUNCH_ENV = 'TUG_NO_RELAUNCH';

/** The node arguments of the relaunch, or undefined to run here. */
export function relaunchArgs(
  argv: readonly string[],
  proc: { execArgv: readonly string[]; script: string; env: Readonly<Record<string, string | undefined>> },
): string[] | undefined {
  if (argv[0] !== 'server' || argv.includes('--help') || argv.includes('-h') || proc.env[NO_RELAUNCH_ENV]) return undefined;
  const flagName = (f: string) => f.split('=')[0];
  const missing = SERVER_NODE_FLAGS.filter((f) => !proc.execArgv.some((a) => flagName(a) === flagName(f)));
  if (missing.length === 0) return undefined;
  return [...missing, ...proc.execArgv, proc.script, ...argv];
}
