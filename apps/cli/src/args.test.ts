import { describe, expect, it } from 'vitest';
import { parseArgs, parseDuration, UsageError } from './args.js';
import type { FlagSpec } from './args.js';

const SPECS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string', description: '' },
  { name: 'all-namespaces', short: 'A', type: 'boolean', description: '' },
  { name: 'watch', short: 'w', type: 'boolean', description: '' },
  { name: 'filename', short: 'f', type: 'strings', description: '' },
  { name: 'replicas', type: 'int', description: '' },
  { name: 'wait', type: 'boolean', description: '' },
];

describe('parseArgs', () => {
  it('separates positionals from flags in any order', () => {
    const a = parseArgs(['get', '-n', 'kube-system', 'pods', '--watch'], SPECS);
    expect(a.positionals).toEqual(['get', 'pods']);
    expect(a.str('namespace')).toBe('kube-system');
    expect(a.bool('watch')).toBe(true);
  });

  it('accepts --flag=value, -nvalue and -n=value', () => {
    expect(parseArgs(['--namespace=a'], SPECS).str('namespace')).toBe('a');
    expect(parseArgs(['-nb'], SPECS).str('namespace')).toBe('b');
    expect(parseArgs(['-n=c'], SPECS).str('namespace')).toBe('c');
  });

  it('combines boolean shorthands', () => {
    const a = parseArgs(['-Aw'], SPECS);
    expect(a.bool('all-namespaces')).toBe(true);
    expect(a.bool('watch')).toBe(true);
  });

  it('parses explicit booleans and keeps the fallback when absent', () => {
    expect(parseArgs(['--wait=false'], SPECS).bool('wait', true)).toBe(false);
    expect(parseArgs([], SPECS).bool('wait', true)).toBe(true);
    expect(() => parseArgs(['--wait=maybe'], SPECS)).toThrow(/invalid argument "maybe"/);
  });

  it('collects repeated and comma-separated list flags', () => {
    expect(parseArgs(['-f', 'a.yaml', '-f', 'b.yaml,c.yaml'], SPECS).strs('filename')).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
  });

  it('parses integers and rejects non-integers', () => {
    expect(parseArgs(['--replicas=3'], SPECS).int('replicas')).toBe(3);
    expect(() => parseArgs(['--replicas', 'x'], SPECS)).toThrow(UsageError);
  });

  it('reports unknown flags and missing values like kubectl', () => {
    expect(() => parseArgs(['--bogus'], SPECS)).toThrow('unknown flag: --bogus');
    expect(() => parseArgs(['-z'], SPECS)).toThrow("unknown shorthand flag: 'z' in -z");
    expect(() => parseArgs(['-n'], SPECS)).toThrow('flag needs an argument: -n');
  });

  it('treats everything after -- as positionals, and a lone - as a positional', () => {
    const a = parseArgs(['-', '--', '-n', 'x'], SPECS);
    expect(a.positionals).toEqual(['-', '-n', 'x']);
    expect(a.has('namespace')).toBe(false);
  });
});

describe('parseDuration', () => {
  it('reads Go durations', () => {
    expect(parseDuration('t', '0')).toBe(0);
    expect(parseDuration('t', '30s')).toBe(30_000);
    expect(parseDuration('t', '1m30s')).toBe(90_000);
    expect(parseDuration('t', '250ms')).toBe(250);
    expect(() => parseDuration('t', '5')).toThrow(/invalid duration/);
  });
});
