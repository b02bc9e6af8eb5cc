import { describe, expect, it } from 'vitest';
import type { ConfigMap, Container, Pod, Secret } from '@tugboat/api';
import { resolveEnv } from './env.js';

const pod: Pod = {
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name: 'p', namespace: 'ns', uid: 'u-1', labels: { app: 'web' } },
  spec: { nodeName: 'n1', containers: [] },
};
const cm: ConfigMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'ns' }, data: { MODE: 'fast', LEVEL: '3' } };
const secret: Secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'sec', namespace: 'ns' }, data: { PASSWORD: Buffer.from('hunter2').toString('base64') } };
const refs = {
  configMap: (ns: string, name: string) => (ns === 'ns' && name === 'cfg' ? cm : undefined),
  secret: (ns: string, name: string) => (ns === 'ns' && name === 'sec' ? secret : undefined),
};
const resolve = (container: Partial<Container>) =>
  resolveEnv({ pod, container: { name: 'c', ...container }, refs, podIP: '10.244.1.5', hostIP: '192.0.2.1', nodeName: 'n1' });

describe('resolveEnv', () => {
  it('orders envFrom before env, applies prefixes, and expands earlier variables', () => {
    const r = resolve({
      envFrom: [{ configMapRef: { name: 'cfg' } }, { prefix: 'S_', secretRef: { name: 'sec' } }],
      env: [
        { name: 'MODE', value: 'slow' },
        { name: 'URL', value: 'http://$(POD_IP):80/$(MODE)/$(LATER)' },
        { name: 'LATER', value: 'x' },
        { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
      ],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.fromEntries(r.env)).toEqual({
      MODE: 'slow', LEVEL: '3', S_PASSWORD: 'hunter2', URL: 'http://$(POD_IP):80/slow/$(LATER)', LATER: 'x', POD_IP: '10.244.1.5',
    });
  });

  it('resolves downward API fields', () => {
    const fields = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'status.hostIP', "metadata.labels['app']"];
    const r = resolve({ env: fields.map((fieldPath, i) => ({ name: `F${i}`, valueFrom: { fieldRef: { fieldPath } } })) });
    expect(r.ok && [...r.env.values()]).toEqual(['p', 'ns', 'u-1', 'n1', '192.0.2.1', 'web']);
  });

  it('reads keys from ConfigMaps and Secrets', () => {
    const r = resolve({ env: [
      { name: 'A', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'LEVEL' } } },
      { name: 'B', valueFrom: { secretKeyRef: { name: 'sec', key: 'PASSWORD' } } },
    ] });
    expect(r.ok && Object.fromEntries(r.env)).toEqual({ A: '3', B: 'hunter2' });
  });

  it('fails with the kubelet message on a missing required reference', () => {
    expect(resolve({ env: [{ name: 'A', valueFrom: { configMapKeyRef: { name: 'nope', key: 'k' } } }] }))
      .toEqual({ ok: false, message: 'configmap "nope" not found' });
    expect(resolve({ env: [{ name: 'A', valueFrom: { secretKeyRef: { name: 'sec', key: 'k' } } }] }))
      .toEqual({ ok: false, message: "couldn't find key k in Secret ns/sec" });
    expect(resolve({ envFrom: [{ secretRef: { name: 'gone' } }] })).toEqual({ ok: false, message: 'secret "gone" not found' });
  });

  it('skips missing optional references', () => {
    const r = resolve({
      envFrom: [{ configMapRef: { name: 'nope', optional: true } }],
      env: [
        { name: 'A', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'k', optional: true } } },
        { name: 'B', valueFrom: { secretKeyRef: { name: 'gone', key: 'k', optional: true } } },
      ],
    });
    expect(r.ok && r.env.size).toBe(0);
  });

  it('reads resource limits with rounding up', () => {
    const r = resolve({
      resources: { limits: { cpu: '250m', memory: '64Mi' } },
      env: [
        { name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } },
        { name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
      ],
    });
    expect(r.ok && Object.fromEntries(r.env)).toEqual({ CPU: '1', MEM: '64' });
  });
});
