import { describe, expect, it } from 'vitest';
import { parseRefKey, podReferenceKeys, refKey } from './pod-references.js';

describe('podReferenceKeys', () => {
  it('collects ConfigMaps and Secrets from env, envFrom, volumes and pull secrets, each once', () => {
    const keys = podReferenceKeys({
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'ns' },
      spec: {
        initContainers: [{ name: 'i', envFrom: [{ configMapRef: { name: 'cm-init' } }] }],
        containers: [
          { name: 'c', env: [{ name: 'A', valueFrom: { secretKeyRef: { name: 's1', key: 'k' } } }, { name: 'B', valueFrom: { configMapKeyRef: { name: 'cm1', key: 'k' } } }, { name: 'C', value: 'x' }], envFrom: [{ secretRef: { name: 's2' } }] },
          { name: 'd', env: [{ name: 'A', valueFrom: { secretKeyRef: { name: 's1', key: 'other' } } }] },
        ],
        volumes: [{ name: 'v', configMap: { name: 'cm2' } }, { name: 'w', secret: { secretName: 's3' } }, { name: 'x', projected: { sources: [{ configMap: { name: 'cm3' } }, { secret: { name: 's4' } }] } }],
        imagePullSecrets: [{ name: 'pull' }],
      },
    });
    expect([...keys].sort()).toEqual([
      'ConfigMap/ns/cm-init', 'ConfigMap/ns/cm1', 'ConfigMap/ns/cm2', 'ConfigMap/ns/cm3',
      'Secret/ns/pull', 'Secret/ns/s1', 'Secret/ns/s2', 'Secret/ns/s3', 'Secret/ns/s4',
    ]);
  });

  it('gives every pod without references the same empty array', () => {
    const plain = (name: string) => podReferenceKeys({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', env: [{ name: 'A', value: '1' }] }] } });
    expect(plain('a')).toEqual([]);
    expect(plain('a')).toBe(plain('b'));
  });

  it('parses the keys it makes', () => {
    expect(parseRefKey(refKey('Secret', 'ns', 'tls'))).toEqual({ kind: 'Secret', namespace: 'ns', name: 'tls' });
  });
});
