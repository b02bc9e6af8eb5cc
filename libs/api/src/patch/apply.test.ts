import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors.js';
import type { KubeObject } from '../types/meta.js';
import { recordUpdateManager, serverSideApply } from './index.js';

const T0 = new Date('2025-01-01T00:00:00.123Z');
type Json = Record<string, unknown>;

/** A Deployment apply body; `labels: null` leaves metadata.labels out. */
function config(spec: Json, labels: Record<string, string> | null = { app: 'web' }): KubeObject {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', ...(labels ? { labels } : {}) }, spec };
}
const nginx = { name: 'nginx', image: 'nginx:1.25' };
const template = (containers: Json[]) => ({ metadata: { labels: { app: 'web' } }, spec: { containers } });
const baseSpec = (extra: Json = {}) => ({ replicas: 3, selector: { matchLabels: { app: 'web' } }, template: template([nginx]), ...extra });
const apply = (current: KubeObject | undefined, applied: KubeObject, fieldManager = 'kubectl', force = false) =>
  serverSideApply(current, applied, { fieldManager, force, now: T0 });
const managers = (o: KubeObject) => (o.metadata.managedFields ?? []).map((e) => `${e.manager}/${e.operation}`);
const containersOf = (o: KubeObject) => (o.spec as { template: { spec: { containers: Json[] } } }).template.spec.containers;

function conflictOf(run: () => unknown): ApiError {
  try {
    run();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected a conflict');
}

describe('server-side apply: ownership records', () => {
  it('create records an Apply entry in the Kubernetes FieldsV1 format', () => {
    const out = apply(undefined, config(baseSpec()));
    expect(out.spec).toEqual(baseSpec());
    expect(out.metadata.managedFields).toEqual([{
      manager: 'kubectl', operation: 'Apply', apiVersion: 'apps/v1', time: '2025-01-01T00:00:00Z', fieldsType: 'FieldsV1',
      fieldsV1: {
        'f:metadata': { 'f:labels': { 'f:app': {} } },
        'f:spec': {
          'f:replicas': {},
          'f:selector': { 'f:matchLabels': { 'f:app': {} } },
          'f:template': {
            'f:metadata': { 'f:labels': { 'f:app': {} } },
            'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': { '.': {}, 'f:image': {}, 'f:name': {} } } },
          },
        },
      },
    }]);
  });

  it('server-controlled metadata, nulls and status in the body are not owned', () => {
    const body = config(baseSpec({ paused: null }));
    body.metadata.resourceVersion = '12';
    body.metadata.uid = 'x';
    body.status = { replicas: 9 };
    const out = apply(undefined, body);
    expect(out.status).toBeUndefined();
    expect(out.metadata.uid).toBeUndefined();
    expect(JSON.stringify(out.metadata.managedFields)).not.toMatch(/resourceVersion|f:uid|f:status|paused/);
  });

  it('a resourceVersion in the body is kept as the precondition for the store', () => {
    const live = apply(undefined, config(baseSpec()));
    live.metadata.resourceVersion = '7';
    const stale = config(baseSpec());
    stale.metadata.resourceVersion = '3';
    expect(apply(live, stale).metadata.resourceVersion).toBe('3');
    expect(apply(live, config(baseSpec())).metadata.resourceVersion).toBe('7');
  });

  it('re-applying the same config changes nothing and conflicts with nobody', () => {
    const first = apply(undefined, config(baseSpec()));
    const second = apply(first, config(baseSpec()));
    expect(second).toEqual(first);
  });
});

describe('server-side apply: removal of fields the manager stopped applying', () => {
  const cases: { name: string; next: KubeObject; check: (o: KubeObject) => void }[] = [
    { name: 'a dropped scalar is removed', next: config({ selector: { matchLabels: { app: 'web' } }, template: template([nginx]) }), check: (o) => expect(o.spec).not.toHaveProperty('replicas') },
    { name: 'a dropped label is removed and the emptied map pruned', next: config(baseSpec(), null), check: (o) => expect(o.metadata).not.toHaveProperty('labels') },
    {
      name: 'a dropped list element is removed, others stay',
      next: config(baseSpec({ template: template([{ name: 'side', image: 'busybox' }]) })),
      check: (o) => expect(containersOf(o)).toEqual([{ name: 'side', image: 'busybox' }]),
    },
    {
      name: 'a dropped field inside a kept element is removed',
      next: config(baseSpec({ template: template([{ name: 'nginx', image: 'nginx:1.25' }]) })),
      check: (o) => expect(containersOf(o)).toEqual([{ name: 'nginx', image: 'nginx:1.25' }]),
    },
  ];
  it.each(cases)('$name', ({ next, check }) => {
    const first = apply(undefined, config(baseSpec({ template: template([{ ...nginx, imagePullPolicy: 'Always' }]) })));
    check(apply(first, next));
  });

  it('a dropped field another manager also owns is kept', () => {
    const created = apply(undefined, config(baseSpec()));
    // Another applier sets the same label to the same value: both own it now.
    const shared = apply(created, config({}, { app: 'web' }), 'other');
    // An imperative writer (kubectl label) adds a label of its own.
    const labelled = recordUpdateManager(shared, { ...shared, metadata: { ...shared.metadata, labels: { app: 'web', team: 'x' } } }, { manager: 'kubectl-label', now: T0 });
    const out = apply(labelled, config(baseSpec(), null));
    expect(out.metadata.labels).toEqual({ app: 'web', team: 'x' });
    // Once the co-owner drops it too, nobody owns it and it goes.
    expect(apply(out, config({}, null), 'other').metadata.labels).toEqual({ team: 'x' });
  });

  it('managers applying different elements of one keyed list share it', () => {
    const a = apply(undefined, config(baseSpec()), 'a');
    const both = apply(a, config({ template: template([{ name: 'side', image: 'busybox' }]) }, null), 'b');
    expect(containersOf(both).map((c) => c.name)).toEqual(['side', 'nginx']);
    const aDrops = apply(both, config(baseSpec({ template: template([]) })), 'a');
    expect(containersOf(aDrops)).toEqual([{ name: 'side', image: 'busybox' }]);
  });

  it('scalar sets own each value (finalizers)', () => {
    const withF = (f: string[]): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', finalizers: f }, data: { k: 'v' } });
    const first = serverSideApply(undefined, withF(['x/a', 'x/b']), { fieldManager: 'm1', force: false, now: T0 });
    expect(first.metadata.managedFields?.[0]?.fieldsV1).toEqual({ 'f:data': { 'f:k': {} }, 'f:metadata': { 'f:finalizers': { 'v:"x/a"': {}, 'v:"x/b"': {} } } });
    const second = serverSideApply(first, withF(['x/c']), { fieldManager: 'm2', force: false, now: T0 });
    expect(second.metadata.finalizers).toEqual(['x/c', 'x/a', 'x/b']);
    const third = serverSideApply(second, withF(['x/a']), { fieldManager: 'm1', force: false, now: T0 });
    expect(third.metadata.finalizers).toEqual(['x/c', 'x/a']);
  });
});

describe('server-side apply: conflicts', () => {
  /** An object created by client-side apply: kubectl records it as an Update by kubectl-client-side-apply. */
  const csa = () => recordUpdateManager(undefined, config(baseSpec()), { manager: 'kubectl-client-side-apply', now: T0 });

  it('changing a value another manager owns is a 409 worded as Kubernetes words it', () => {
    const err = conflictOf(() => apply(csa(), config(baseSpec({ replicas: 5 }))));
    expect(err.code).toBe('Conflict');
    expect(err.httpStatus).toBe(409);
    expect(err.message).toBe('Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1 at 2025-01-01T00:00:00Z: .spec.replicas');
    expect(err.details?.causes).toEqual([{ reason: 'FieldManagerConflict', message: 'conflict with "kubectl-client-side-apply" using apps/v1 at 2025-01-01T00:00:00Z', field: '.spec.replicas' }]);
  });

  it('several conflicts are listed per manager', () => {
    const err = conflictOf(() => apply(csa(), config(baseSpec({ replicas: 5, template: template([{ name: 'nginx', image: 'nginx:2' }]) }))));
    expect(err.message).toBe([
      'Apply failed with 2 conflicts: conflicts with "kubectl-client-side-apply" using apps/v1 at 2025-01-01T00:00:00Z:',
      '- .spec.replicas',
      '- .spec.template.spec.containers[name="nginx"].image',
    ].join('\n'));
  });

  it('conflicts with another applier are named without version', () => {
    const a = apply(undefined, config(baseSpec()), 'a');
    expect(conflictOf(() => apply(a, config(baseSpec({ replicas: 1 })), 'b')).message).toBe('Apply failed with 1 conflict: conflict with "a": .spec.replicas');
  });

  it('applying the same value is no conflict: ownership is shared', () => {
    const out = apply(csa(), config(baseSpec()));
    expect(managers(out)).toEqual(['kubectl/Apply', 'kubectl-client-side-apply/Update']);
    expect(JSON.stringify(out.metadata.managedFields?.[1]?.fieldsV1)).toContain('f:replicas');
  });

  it('force takes the field over', () => {
    const out = apply(csa(), config(baseSpec({ replicas: 5 })), 'kubectl', true);
    expect((out.spec as Json).replicas).toBe(5);
    const [mine, theirs] = out.metadata.managedFields ?? [];
    expect(mine?.manager).toBe('kubectl');
    expect(JSON.stringify(mine?.fieldsV1)).toContain('f:replicas');
    expect(theirs?.manager).toBe('kubectl-client-side-apply');
    expect(JSON.stringify(theirs?.fieldsV1)).not.toContain('f:replicas');
    // The old owner no longer holds it, so the applier can now drop it and it goes away.
    expect(apply(out, config({ selector: { matchLabels: { app: 'web' } }, template: template([nginx]) }))).not.toHaveProperty('spec.replicas');
  });

  it('an Update after an apply takes ownership, and the next apply conflicts with it', () => {
    const applied = apply(undefined, config(baseSpec()));
    const edited = structuredClone(applied);
    containersOf(edited)[0]!.image = 'nginx:edited';
    const updated = recordUpdateManager(applied, edited, { manager: 'kubectl-set', now: T0 });
    expect(managers(updated)).toEqual(['kubectl/Apply', 'kubectl-set/Update']);
    expect(updated.metadata.managedFields?.[1]?.fieldsV1).toEqual({
      'f:spec': { 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': { 'f:image': {} } } } } },
    });
    const err = conflictOf(() => apply(updated, config(baseSpec())));
    expect(err.details?.causes?.[0]?.field).toBe('.spec.template.spec.containers[name="nginx"].image');
  });
});

describe('server-side apply on the status subresource', () => {
  it('applies only status and records the subresource', () => {
    const live = apply(undefined, config(baseSpec()));
    const body = { ...config({ replicas: 100 }), status: { replicas: 3, conditions: [{ type: 'Available', status: 'True' }] } };
    const out = serverSideApply(live, body, { fieldManager: 'deployment-controller', force: false, subresource: 'status', now: T0 });
    expect((out.spec as Json).replicas).toBe(3);
    expect(out.status).toEqual(body.status);
    const entry = out.metadata.managedFields?.find((e) => e.manager === 'deployment-controller');
    expect(entry?.subresource).toBe('status');
    expect(Object.keys(entry?.fieldsV1 ?? {})).toEqual(['f:status']);
  });
});

describe('recordUpdateManager', () => {
  it('create owns everything it set; a later update moves only what changed', () => {
    const created = recordUpdateManager(undefined, config(baseSpec()), { manager: 'kubectl-create', now: T0 });
    expect(created.metadata.managedFields).toHaveLength(1);
    expect(created.metadata.managedFields?.[0]).toMatchObject({ manager: 'kubectl-create', operation: 'Update', apiVersion: 'apps/v1', time: '2025-01-01T00:00:00Z' });
    const scaled = recordUpdateManager(created, { ...created, spec: baseSpec({ replicas: 7 }) }, { manager: 'kubectl-scale', now: T0 });
    const [create, scale] = scaled.metadata.managedFields ?? [];
    expect(scale?.fieldsV1).toEqual({ 'f:spec': { 'f:replicas': {} } });
    expect(JSON.stringify(create?.fieldsV1)).not.toContain('f:replicas');
  });

  it('removed fields leave every set; managers left with nothing disappear', () => {
    const created = recordUpdateManager(undefined, config(baseSpec()), { manager: 'a', now: T0 });
    const scaled = recordUpdateManager(created, { ...created, spec: baseSpec({ replicas: 7 }) }, { manager: 'b', now: T0 });
    const noReplicas = structuredClone(scaled);
    delete (noReplicas.spec as Json).replicas;
    const out = recordUpdateManager(scaled, noReplicas, { manager: 'a', now: T0 });
    expect(managers(out)).toEqual(['a/Update']);
  });

  it('a request that resets managedFields is honoured', () => {
    const created = recordUpdateManager(undefined, config(baseSpec()), { manager: 'a', now: T0 });
    const reset = { ...created, metadata: { ...created.metadata, managedFields: [] } };
    expect(recordUpdateManager(created, reset, { manager: 'b', now: T0 }).metadata.managedFields).toBeUndefined();
  });

  it('does not modify its inputs', () => {
    const old = config(baseSpec());
    const next = config(baseSpec({ replicas: 1 }));
    const copy = structuredClone([old, next]);
    recordUpdateManager(old, next, { manager: 'm', now: T0 });
    expect([old, next]).toEqual(copy);
  });
});
