import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kubeConfigPath, loadKubeConfig, parseKubeConfig } from './kubeconfig.js';

const CA = Buffer.from('-----BEGIN CERTIFICATE-----\nca\n').toString('base64');

const good = `
apiVersion: v1
kind: Config
current-context: dev
clusters:
- name: local
  cluster:
    server: https://127.0.0.1:6443
    certificate-authority-data: ${CA}
- name: other
  cluster:
    server: http://127.0.0.1:8080
    insecure-skip-tls-verify: true
contexts:
- name: dev
  context: { cluster: local, user: admin, namespace: team-a }
- name: bare
  context: { cluster: other }
users:
- name: admin
  user: { token: s3cret }
`;

describe('parseKubeConfig', () => {
  it('resolves the current context', () => {
    const kc = parseKubeConfig(good);
    expect(kc.contextName).toBe('dev');
    expect(kc.namespace).toBe('team-a');
    expect(kc.cluster).toMatchObject({ name: 'local', server: 'https://127.0.0.1:6443', insecureSkipTlsVerify: false });
    expect(kc.cluster.certificateAuthorityData?.toString()).toContain('BEGIN CERTIFICATE');
    expect(kc.user).toMatchObject({ name: 'admin', token: 's3cret' });
  });

  it('honours an explicit context and defaults the namespace', () => {
    const kc = parseKubeConfig(good, { context: 'bare' });
    expect(kc.cluster).toMatchObject({ name: 'other', insecureSkipTlsVerify: true });
    expect(kc.namespace).toBe('default');
    expect(kc.user.token).toBeUndefined();
  });

  it.each([
    [good.replace('token: s3cret', 'token: 42'), 'users[0].user.token must be a string'],
    [good.replace('server: https://127.0.0.1:6443', 'server: 127.0.0.1'), 'clusters[0].cluster.server must be an http:// or https:// URL'],
    [good.replace('insecure-skip-tls-verify: true', 'insecure-skip-tls-verify: "yes"'), 'clusters[1].cluster.insecure-skip-tls-verify must be a boolean'],
    [good.replace('- name: admin\n  user:', '- name: admin\n  usr:'), 'users[0].user must be a mapping'],
    [good.replace('cluster: local, user', 'cluster: nope, user'), 'contexts[0].context.cluster names cluster "nope", which is not in clusters'],
    [good.replace('current-context: dev', 'current-context: prod'), 'contexts has no context named "prod"'],
    [good.replace('current-context: dev', ''), 'current-context is not set and no context was given'],
    ['clusters: {}', 'clusters must be a list'],
    ['a: [', 'kubeconfig is not valid YAML'],
  ])('rejects broken config %#', (text, message) => {
    expect(() => parseKubeConfig(text)).toThrow(message);
  });

  it('reads certificate files relative to the kubeconfig directory', () => {
    const text = good.replace(`certificate-authority-data: ${CA}`, 'certificate-authority: certs/ca.crt');
    const read: string[] = [];
    const kc = parseKubeConfig(text, { baseDir: '/etc/tug', readFile: (f) => (read.push(f), Buffer.from('PEM')) });
    expect(read).toEqual(['/etc/tug/certs/ca.crt']);
    expect(kc.cluster.certificateAuthorityData?.toString()).toBe('PEM');
    expect(() => parseKubeConfig(text, { baseDir: '/nonexistent-dir' })).toThrow(/^clusters\[0\]\.cluster\.certificate-authority cannot be read from/);
  });
});

describe('kubeConfigPath / loadKubeConfig', () => {
  it('prefers --kubeconfig, then the first KUBECONFIG entry, then ~/.kube/config', () => {
    expect(kubeConfigPath({ path: '/x', env: { KUBECONFIG: '/y' } })).toBe('/x');
    expect(kubeConfigPath({ env: { KUBECONFIG: `/y${path.delimiter}/z` } })).toBe('/y');
    expect(kubeConfigPath({ env: {}, homeDir: '/home/u' })).toBe('/home/u/.kube/config');
  });

  it('loads from a file and names it in errors', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kc-'));
    const file = path.join(dir, 'config');
    writeFileSync(file, good);
    expect(loadKubeConfig({ path: file }).source).toBe(file);
    writeFileSync(file, good.replace('token: s3cret', 'token: [1]'));
    expect(() => loadKubeConfig({ env: { KUBECONFIG: file } })).toThrow(`users[0].user.token must be a string (in ${file})`);
  });
});
