import type { Pod } from '@tugboat/api';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../args.js';
import { chooseContainer, podName } from '../pod-container.js';
import { execQueryString } from './exec.js';
import { logQuery } from './logs.js';
import { logsCommand } from './logs.js';

const pod = (containers: string[], annotations?: Record<string, string>): Pod =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', annotations }, spec: { containers: containers.map((name) => ({ name })), initContainers: [{ name: 'i' }] } }) as Pod;

describe('chooseContainer', () => {
  it('-c, the annotation, the only container', () => {
    const err = { text: '', write(s: string) { this.text += s; } };
    expect(chooseContainer(pod(['a', 'b']), 'b', err)).toBe('b');
    expect(chooseContainer(pod(['a', 'b'], { 'kubectl.kubernetes.io/default-container': 'b' }), undefined, err)).toBe('b');
    expect(chooseContainer(pod(['a']), undefined, err)).toBe('a');
    expect(err.text).toBe('');
  });
  it('the first of several, with kubectl\'s notice', () => {
    const err = { text: '', write(s: string) { this.text += s; } };
    expect(chooseContainer(pod(['a', 'b']), undefined, err)).toBe('a');
    expect(err.text).toBe('Defaulted container "a" out of: a, b, i (init)\n');
  });
});

describe('podName', () => {
  it('plain or pod/NAME', () => {
    expect(podName('web')).toBe('web');
    expect(podName('pod/web')).toBe('web');
    expect(podName('po/web')).toBe('web');
    expect(() => podName('deploy/web')).toThrow(/only pods/);
  });
});

describe('logQuery', () => {
  const q = (argv: string[]) => logQuery(parseArgs(argv, logsCommand.flags), 'c');
  it('omits defaults', () => {
    expect(q([])).toEqual({ container: 'c', follow: undefined, previous: undefined, timestamps: undefined, tailLines: undefined, sinceSeconds: undefined, limitBytes: undefined });
  });
  it('maps every flag', () => {
    expect(q(['-f', '-p', '--tail', '5', '--since', '1m30s', '--timestamps', '--limit-bytes', '100'])).toEqual({
      container: 'c', follow: true, previous: true, timestamps: true, tailLines: 5, sinceSeconds: 90, limitBytes: 100,
    });
  });
  it('rejects nonsense', () => {
    expect(() => q(['--tail', '-2'])).toThrow(/--tail/);
    expect(() => q(['--since', '0'])).toThrow(/--since/);
  });
});

describe('execQueryString', () => {
  it('repeats command and drops stderr under a terminal', () => {
    expect(execQueryString({ command: ['sh', '-c', 'echo hi'], container: 'c', stdin: true, tty: false })).toBe(
      'command=sh&command=-c&command=echo+hi&container=c&stdin=true&stdout=true&stderr=true&tty=false',
    );
    expect(execQueryString({ command: ['sh'], container: undefined, stdin: true, tty: true })).toBe('command=sh&stdin=true&stdout=true&stderr=false&tty=true');
  });
});
