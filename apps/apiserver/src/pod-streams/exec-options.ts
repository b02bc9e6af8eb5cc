/** The query of pods/<name>/exec (Kubernetes' PodExecOptions), validated. */
import { ApiError } from '@tugboat/api';
import { boolParam } from './query.js';

export interface ExecOptions {
  container: string | undefined;
  command: string[];
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
  tty: boolean;
}

export function parseExecOptions(q: URLSearchParams): ExecOptions {
  const command = q.getAll('command');
  if (command.length === 0) throw new ApiError('BadRequest', 'you must specify at least 1 command');
  const tty = boolParam(q, 'tty');
  const opts: ExecOptions = {
    container: q.get('container') || undefined,
    command,
    stdin: boolParam(q, 'stdin'),
    stdout: boolParam(q, 'stdout'),
    // a terminal has one output stream: stderr arrives merged into stdout
    stderr: boolParam(q, 'stderr') && !tty,
    tty,
  };
  if (!opts.stdin && !opts.stdout && !opts.stderr && !tty) {
    throw new ApiError('BadRequest', 'you must specify at least 1 of stdin, stdout, stderr');
  }
  return opts;
}
