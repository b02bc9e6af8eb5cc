import { describe, expect, it } from 'vitest';
import { NO_RELAUNCH_ENV, relaunchArgs } from './relaunch.js';

const proc = (execArgv: string[] = [], env: Record<string, string> = {}) => ({ execArgv, script: '/opt/tug/bin/tug.js', env });

describe('relaunchArgs', () => {
  it('relaunches `tug server` with the V8 flags it lacks, keeping node\'s own arguments and the verb\'s', () => {
    expect(relaunchArgs(['server', '--data-dir', '/d'], proc(['--enable-source-maps']))).toEqual([
      '--max-semi-space-size=64', '--enable-source-maps', '/opt/tug/bin/tug.js', 'server', '--data-dir', '/d',
    ]);
  });

  it('runs here when the flag is already given, whatever its value', () => {
    expect(relaunchArgs(['server'], proc(['--max-semi-space-size=16']))).toBeUndefined();
  });

  it('runs here for the other verbs, for help, and in the relaunched child', () => {
    expect(relaunchArgs(['get', 'pods'], proc())).toBeUndefined();
    expect(relaunchArgs(['agent'], proc())).toBeUndefined();
    expect(relaunchArgs(['server', '--help'], proc())).toBeUndefined();
    expect(relaunchArgs(['server'], proc([], { [NO_RELAUNCH_ENV]: '1' }))).toBeUndefined();
  });
});
