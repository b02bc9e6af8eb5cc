import { describe, expect, it } from 'vitest';
import { isMultiType, parseResourceArgs } from './resources.js';

const summary = (args: string[]) => parseResourceArgs(args).map((t) => `${t.info.resource}:${t.names.join('+')}`);

describe('parseResourceArgs', () => {
  it('resolves names, short names, singulars and group-qualified names', () => {
    expect(summary(['po'])).toEqual(['pods:']);
    expect(summary(['deployment.apps', 'web', 'api'])).toEqual(['deployments:web+api']);
    expect(summary(['deploy,svc'])).toEqual(['deployments:', 'services:']);
  });

  it('groups TYPE/NAME arguments by type', () => {
    expect(summary(['deploy/web', 'svc/web', 'deployments/api'])).toEqual(['deployments:web+api', 'services:web']);
  });

  it('expands all to the all category', () => {
    const types = summary(['all']);
    expect(types).toContain('pods:');
    expect(types).toContain('deployments:');
    expect(types).not.toContain('configmaps:');
    expect(isMultiType(['all'], parseResourceArgs(['all']))).toBe(true);
    expect(isMultiType(['po'], parseResourceArgs(['po']))).toBe(false);
  });

  it('rejects unknown types and mixed forms', () => {
    expect(() => parseResourceArgs(['bogus'])).toThrow('the server doesn\'t have a resource type "bogus"');
    expect(() => parseResourceArgs(['deploy/web', 'svc'])).toThrow(/resource\/name form/);
    expect(() => parseResourceArgs([])).toThrow(/must specify the type/);
  });
});
