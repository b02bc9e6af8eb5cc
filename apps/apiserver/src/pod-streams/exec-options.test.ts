import { describe, expect, it } from 'vitest';
import { parseExecOptions } from './exec-options.js';

const q = (s: string) => new URLSearchParams(s);

describe('parseExecOptions', () => {
  it('reads kubectl exec -i: repeated command, stdin, stdout, stderr', () => {
    expect(parseExecOptions(q('command=sh&command=-c&command=echo+hi&container=c&stdin=true&stdout=true&stderr=true'))).toEqual({
      container: 'c',
      command: ['sh', '-c', 'echo hi'],
      stdin: true,
      stdout: true,
      stderr: true,
      tty: false,
    });
  });

  it('a terminal has no separate stderr', () => {
    expect(parseExecOptions(q('command=sh&stdin=true&stdout=true&stderr=true&tty=true'))).toMatchObject({ tty: true, stderr: false });
  });

  it('needs a command', () => {
    expect(() => parseExecOptions(q('stdout=true'))).toThrow('you must specify at least 1 command');
  });

  it('needs a stream', () => {
    expect(() => parseExecOptions(q('command=ls'))).toThrow('you must specify at least 1 of stdin, stdout, stderr');
  });

  it('names a bad boolean', () => {
    expect(() => parseExecOptions(q('command=ls&stdout=yes'))).toThrow(/stdout/);
  });
});
