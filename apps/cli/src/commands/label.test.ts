import { describe, expect, it } from 'vitest';
import { parseLabelArgs, planLabels } from './label.js';

describe('parseLabelArgs', () => {
  it('splits resources from label changes', () => {
    expect(parseLabelArgs(['deploy', 'web', 'api', 'tier=front', 'old-'])).toEqual({
      resources: ['deploy', 'web', 'api'],
      changes: { set: { tier: 'front' }, remove: ['old'] },
    });
    expect(parseLabelArgs(['deploy/web', 'a=']).changes.set).toEqual({ a: '' });
  });

  it('rejects bad and contradictory updates', () => {
    expect(() => parseLabelArgs(['deploy', 'web'])).toThrow('at least one label update is required');
    expect(() => parseLabelArgs(['deploy', 'web', 'a=1', 'a-'])).toThrow(/both modify and remove/);
    expect(() => parseLabelArgs(['deploy', 'web', 'bad key=1'])).toThrow(/invalid label spec/);
    expect(() => parseLabelArgs(['deploy', 'web', 'a=1', 'other'])).toThrow(/all resources must be specified before/);
  });
});

describe('planLabels', () => {
  const current = { app: 'web', tier: 'front' };

  it('patches only what changes', () => {
    expect(planLabels(current, { set: { app: 'web', env: 'prod' }, remove: ['tier'] }, false)).toEqual({
      patch: { env: 'prod', tier: null },
      outcome: 'labeled',
      warnings: [],
    });
  });

  it('refuses to change a value without --overwrite', () => {
    expect(() => planLabels(current, { set: { tier: 'back' }, remove: [] }, false)).toThrow("'tier' already has a value (front), and --overwrite is false");
    expect(planLabels(current, { set: { tier: 'back' }, remove: [] }, true).patch).toEqual({ tier: 'back' });
  });

  it('reports unlabeled, not labeled and missing keys', () => {
    expect(planLabels(current, { set: {}, remove: ['tier'] }, false).outcome).toBe('unlabeled');
    const plan = planLabels(undefined, { set: {}, remove: ['nope'] }, false);
    expect(plan).toEqual({ patch: {}, outcome: 'not labeled', warnings: ['label "nope" not found.'] });
  });
});
