import { describe, expect, it } from 'vitest';
import { podReferences } from './pod-references.js';

describe('podReferences', () => {
  it('collects ConfigMaps and Secrets from env, envFrom, volumes and pull secrets', () => {
    const refs = podReferences({
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' },
      spec: {
        initContainers: [{ name: 'i', envFrom: [{ configMapRef: { name: 'cm-init' } }] }],
        containers: [{ name: 'c', env: [{ name: 'A', valueFrom: { secretKeyRef: { name: 's1', key: 'k' } } }, { name: 'B', valueFrom: { configMapKeyRef: { name: 'cm1', key: 'k' } } }, { name: 'C', value: 'x' }], envFrom: [{ secretRef: { name: 's2' } }] }],
        volumes: [{ name: 'v', configMap: { name: 'cm2' } }, { name: 'w', secret: { secretName: 's3' } }, { name: 'x', projected: { sources: [{ configMap: { name: 'cm3' } }] } }],
        imagePullSecrets: [{ name: 'pull' }],
      },
    });
    expect([...refs.configMaps].sort()).toEqual(['cm-init', 'cm1', 'cm2', 'cm3']);
    expect([...refs.secrets].sort()).toEqual(['pull', 's1', 's2', 's3']);
  });
});
