/**
 * The verb dispatcher: `tug <verb> [args]`. Pure of process globals (argv, env, streams come in as
 * arguments) so tests can run it in-process; main.ts wires it to the real process.
 */
import { formatFlags, parseArgs } from './args.js';
import type { Command, CommandContext, CommandResult, Io } from './command.js';
import { COMMANDS, findCommand } from './commands/index.js';
import { formatError } from './errors.js';
import { GLOBAL_FLAGS, openSession } from './session.js';

export interface CliDeps {
  io: Io;
  env: Readonly<Record<string, string | undefined>>;
  now?: () => Date;
}

export function rootHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}   ${c.summary}`);
  return [
    'tug: the Tugboat control plane and command-line client.',
    '',
    'Usage: tug <command> [flags]',
    '',
    'Commands:',
    ...lines,
    '',
    'Global flags:',
    formatFlags(GLOBAL_FLAGS),
    '',
    'Use "tug <command> --help" for more information about a command.',
    '',
  ].join('\n');
}

export function commandHelp(cmd: Command): string {
  const parts = [`${cmd.summary}.`, '', `Usage: ${cmd.usage}`, ''];
  if (cmd.flags.length > 0) parts.push('Flags:', formatFlags(cmd.flags), '');
  if (cmd.usesKubeconfig !== false) parts.push('Global flags:', formatFlags(GLOBAL_FLAGS), '');
  return parts.join('\n');
}

export async function runCli(argv: readonly string[], deps: CliDeps): Promise<CommandResult> {
  const { io } = deps;
  const [verb, ...rest] = argv;
  if (verb === undefined || verb === 'help' || verb === '-h' || verb === '--help') {
    io.stdout.write(rootHelp());
    return verb === undefined ? 1 : 0;
  }
  const cmd = findCommand(verb);
  if (!cmd) {
    io.stderr.write(`error: unknown command "${verb}" for "tug"\nRun 'tug --help' for usage.\n`);
    return 1;
  }
  let session: ReturnType<typeof openSession> | undefined;
  let result: CommandResult = 1;
  try {
    const args = parseArgs(rest, [...cmd.flags, ...GLOBAL_FLAGS]);
    if (args.bool('help')) {
      io.stdout.write(commandHelp(cmd));
      return 0;
    }
    const ctx: CommandContext = {
      io,
      now: deps.now ?? (() => new Date()),
      session: () => Promise.resolve((session ??= openSession(args, { env: deps.env }))),
    };
    result = await cmd.run(ctx, args);
    return result;
  } catch (err) {
    io.stderr.write(formatError(err, session?.client.server) + '\n');
    return 1;
  } finally {
    session?.close();
  }
}
