/**
 * The `tug` process: argv, env and stdio into the dispatcher; signal handling for long-running
 * verbs (`tug server`) lives here and only here.
 */
import { spawn } from 'node:child_process';
import { constants as osConstants } from 'node:os';
import { runCli } from './cli.js';
import type { Io, Terminal } from './command.js';
import { formatError } from './errors.js';
import { NO_RELAUNCH_ENV, relaunchArgs } from './relaunch.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

const terminal: Terminal | undefined =
  process.stdin.isTTY && process.stdout.isTTY
    ? {
        setRawMode: (raw) => process.stdin.setRawMode(raw),
        size: () => ({ width: process.stdout.columns, height: process.stdout.rows }),
        onResize(listener) {
          process.stdout.on('resize', listener);
          return () => process.stdout.off('resize', listener);
        },
      }
    : undefined;

const io: Io = {
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin,
  // a getter: only `exec -i` should make the process open its stdin
  get stdinStream() {
    return process.stdin;
  },
  terminal,
};

/**
 * `tug server` as a child with the V8 flags it needs (relaunch.ts): signals go to the child, its exit
 * code is ours, and the child stops when this process goes away (its IPC channel closes).
 */
function relaunch(args: string[]): void {
  // its own process group: a Ctrl-C on the terminal reaches it once, through here, not twice
  const child = spawn(process.execPath, args, { stdio: ['inherit', 'inherit', 'inherit', 'ipc'], env: { ...process.env, [NO_RELAUNCH_ENV]: '1' }, detached: true });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (osConstants.signals[signal] ?? 0) : 1)));
}

const argv = process.argv.slice(2);
const relaunched = relaunchArgs(argv, { execArgv: process.execArgv, script: process.argv[1] ?? '', env: process.env });
const result = relaunched ? (relaunch(relaunched), undefined) : await runCli(argv, { io, env: process.env });

if (result === undefined) {
  // the relaunched server runs the show
} else if (typeof result === 'number') {
  process.exitCode = result;
} else {
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      process.stderr.write(`received ${signal} again, exiting now\n`);
      process.exit(1);
    }
    stopping = true;
    process.stderr.write(`received ${signal}, shutting down\n`);
    result.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(formatError(err) + '\n');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // a relaunched server: the parent that owns it is gone
  if (process.connected) process.on('disconnect', () => stop('SIGTERM'));
  result.done.then(
    () => {
      if (!stopping) process.exit(1);
    },
    (err: unknown) => {
      process.stderr.write(formatError(err) + '\n');
      process.exit(1);
    },
  );
}
