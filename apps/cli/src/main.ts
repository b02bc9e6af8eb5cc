/**
 * The `tug` process: argv, env and stdio into the dispatcher; signal handling for long-running
 * verbs (`tug server`) lives here and only here.
 */
import { runCli } from './cli.js';
import type { Io, Terminal } from './command.js';
import { formatError } from './errors.js';

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

const result = await runCli(process.argv.slice(2), { io, env: process.env });

if (typeof result === 'number') {
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
