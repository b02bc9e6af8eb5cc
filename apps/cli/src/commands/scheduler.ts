/** `tug scheduler`: the scheduler alone, against any apiserver reachable through a kubeconfig. */
import { loadKubeConfig, restClientFromKubeConfig } from '@tugboat/client';
import { DEFAULT_PARALLELISM } from '@tugboat/scheduler/defaults';
import type { ScoringStrategy } from '@tugboat/scheduler';
import { UsageError } from '../args.js';
import type { FlagSpec, ParsedArgs } from '../args.js';
import type { Command, CommandContext, Running } from '../command.js';
import { startComponents } from '../components.js';
import { schedulerComponent } from './scheduler-component.js';

const STRATEGIES: readonly ScoringStrategy[] = ['LeastAllocated', 'MostAllocated'];

const FLAGS: FlagSpec[] = [
  { name: 'scoring-strategy', type: 'string', description: 'Node resource scoring: LeastAllocated (spread) or MostAllocated (bin-pack)', default: 'LeastAllocated' },
  { name: 'parallelism', type: 'int', description: 'Binds and status writes in flight at once', default: String(DEFAULT_PARALLELISM) },
  { name: 'identity', type: 'string', description: 'Name of this replica in the leader-election Lease', default: 'host name + random suffix' },
];

function strategy(args: ParsedArgs): ScoringStrategy {
  const s = args.str('scoring-strategy') ?? 'LeastAllocated';
  const found = STRATEGIES.find((x) => x === s);
  if (!found) throw new UsageError(`--scoring-strategy must be one of ${STRATEGIES.join(', ')}, got ${s}`);
  return found;
}

async function run(ctx: CommandContext, args: ParsedArgs): Promise<Running> {
  if (args.positionals.length > 0) throw new UsageError(`unexpected arguments: ${args.positionals.join(' ')}`);
  const parallelism = args.int('parallelism') ?? DEFAULT_PARALLELISM;
  if (parallelism < 1) throw new UsageError(`--parallelism must be at least 1, got ${parallelism}`);
  const config = loadKubeConfig({ path: args.str('kubeconfig'), context: args.str('context') });
  const client = restClientFromKubeConfig(config, { userAgent: 'tugboat-scheduler' });
  const log = (line: string): void => void ctx.io.stderr.write(`tug scheduler: ${line}\n`);
  return startComponents(
    [{ name: 'scheduler', start: () => schedulerComponent(client, { scoringStrategy: strategy(args), parallelism, identity: args.str('identity') }) }],
    log,
  );
}

export const schedulerCommand: Command = {
  name: 'scheduler',
  summary: 'Run the scheduler alone (leader-elected, so several may run)',
  usage: `tug scheduler [--kubeconfig=PATH] [--scoring-strategy=LeastAllocated|MostAllocated] [--parallelism=${DEFAULT_PARALLELISM}]`,
  flags: FLAGS,
  run,
};
