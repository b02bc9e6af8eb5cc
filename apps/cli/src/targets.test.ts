import { describe, expect, it } from 'vitest';
import { resolveManifest } from './targets.js';

const session = { namespace: 'dev', namespaceFromFlag: false };
const deploy = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } };

describe('resolveManifest', () => {
  it('puts namespaced objects in the session namespace unless they name one', () => {
    const t = resolveManifest({ object: deploy, source: 'f.yaml' }, session, { requireName: true });
    expect(t).toMatchObject({ name: 'web', namespace: 'dev', object: { metadata: { namespace: 'dev' } } });
    const own = resolveManifest({ object: { ...deploy, metadata: { name: 'web', namespace: 'prod' } }, source: 'f.yaml' }, session, { requireName: true });
    expect(own.namespace).toBe('prod');
  });

  it('leaves cluster-scoped objects without a namespace', () => {
    const t = resolveManifest({ object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x' } }, source: 'f' }, session, { requireName: true });
    expect(t.namespace).toBeUndefined();
  });

  it('refuses a namespace that contradicts -n', () => {
    const obj = { ...deploy, metadata: { name: 'web', namespace: 'prod' } };
    expect(() => resolveManifest({ object: obj, source: 'f' }, { namespace: 'dev', namespaceFromFlag: true }, { requireName: true })).toThrow(
      `the namespace from the provided object "prod" does not match the namespace "dev". You must pass '--namespace=prod' to perform this operation.`,
    );
  });

  it('reports unknown kinds and missing names', () => {
    expect(() => resolveManifest({ object: { apiVersion: 'v1', kind: 'Widget', metadata: { name: 'w' } }, source: 'f.yaml' }, session, { requireName: true })).toThrow(
      'resource mapping not found for name: "w" namespace: "" from "f.yaml": no matches for kind "Widget" in version "v1"',
    );
    expect(() => resolveManifest({ object: { ...deploy, metadata: {} }, source: 'f.yaml' }, session, { requireName: true })).toThrow(/metadata.name not set/);
  });
});
