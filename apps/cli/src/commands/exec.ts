/** `tug exec [-i] [-t] POD [-c C] -- CMD ARGS...`: a command in a running container over pods/exec (WebSocket v5). */
import { V5_PROTOCOL, resolveResourceName } from '@tugboat/api';
import type { Pod } from '@tugboat/api';
import { UsageError } from '../args.js';
import type { FlagSpec, ParsedArgs } from '../args.js';
import type { Command, CommandContext } from '../command.js';
import { resourcePath } from '../paths.js';
import { chooseContainer, podName } from '../pod-container.js';
import { openWebSocket } from '../streams/connect.js';
import { runExecSession } from '../streams/exec-session.js';

const FLAGS: FlagSpec[] = [
  { name: 'stdin', short: 'i', type: 'boolean', description: 'Pass standard input to the command' },
  { name: 'tty', short: 't', type: 'boolean', description: 'Run the command in a terminal (needs -i and a terminal here)' },
  { name: 'container', short: 'c', type: 'string', description: 'The container to run in (default: the only or default container)' },
];

export interface ExecQuery {
  command: readonly string[];
  container: string | undefined;
  stdin: boolean;
  tty: boolean;
}

/** The pods/exec query as kubectl sends it: one `command` per argument; stderr only without a terminal. */
export function execQueryString(q: ExecQuery): string {
  const params = new URLSearchParams();
  for (const c of q.command) params.append('command', c);
  if (q.container) params.set('container', q.container);
  params.set('stdin', String(q.stdin));
  params.set('stdout', 'true');
  params.set('stderr', String(!q.tty));
  params.set('tty', String(q.tty));
  return params.toString();
}

async function run(ctx: CommandContext, args: ParsedArgs): Promise<number> {
  const [arg, ...command] = args.positionals;
  if (arg === undefined) throw new UsageError('expected POD: tug exec [-i] [-t] POD [-c CONTAINER] -- COMMAND [args...]');
  if (command.length === 0) throw new UsageError('you must specify at least one command for the container');
  const stdin = args.bool('stdin');
  let tty = args.bool('tty');
  if (tty && !(stdin && ctx.io.terminal)) {
    ctx.io.stderr.write('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    tty = false;
  }
  const pods = resolveResourceName('pods')!;
  const s = await ctx.session();
  const name = podName(arg);
  const pod = await s.client.get<Pod>({ resource: pods, namespace: s.namespace, name });
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new UsageError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  const container = chooseContainer(pod, args.str('container'), ctx.io.stderr);
  const path = `${resourcePath(pods, s.namespace, name)}/exec?${execQueryString({ command, container, stdin, tty })}`;
  const ws = await openWebSocket(s.config, path, V5_PROTOCOL);
  return await runExecSession(ws, ctx.io, { stdin, tty });
}

export const execCommand: Command = {
  name: 'exec',
  summary: 'Execute a command in a container',
  usage: 'tug exec [-i] [-t] POD [-c CONTAINER] -- COMMAND [args...]',
  flags: FLAGS,
  run,
};
