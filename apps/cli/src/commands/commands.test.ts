import { describe, expect, it } from 'vitest';
import { parseArgs } from '../args.js';
import { resourcesOf } from '../discovery.js';
import { formatApiResources } from './api-resources.js';
import { applyOutcome, parseDryRun } from './apply.js';
import { parseCascade } from './delete.js';
import { eventsFieldSelector } from './describe.js';
import { noResourcesMessage, parseOutput } from './get.js';
import { serverCommand, serverOptions } from './server.js';

describe('get helpers', () => {
  it('accepts the output formats kubectl accepts here', () => {
    expect(parseOutput(undefined)).toBe('table');
    expect(parseOutput('wide')).toBe('wide');
    expect(() => parseOutput('jsonpath')).toThrow(/unable to match a printer/);
  });

  it('says where nothing was found', () => {
    expect(noResourcesMessage('default', true)).toBe('No resources found in default namespace.\n');
    expect(noResourcesMessage(undefined, true)).toBe('No resources found\n');
    expect(noResourcesMessage('default', false)).toBe('No resources found\n');
  });
});

describe('apply helpers', () => {
  const obj = (rv: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', resourceVersion: rv } });
  it('derives created/configured/unchanged from resourceVersions', () => {
    expect(applyOutcome(undefined, obj('5'))).toBe('created');
    expect(applyOutcome(obj('5'), obj('5'))).toBe('unchanged');
    expect(applyOutcome(obj('5'), obj('6'))).toBe('configured');
  });
  it('parses --dry-run', () => {
    expect(parseDryRun(undefined)).toBe(false);
    expect(parseDryRun('server')).toBe(true);
    expect(() => parseDryRun('client')).toThrow(/Invalid dry-run value/);
  });
});

describe('delete helpers', () => {
  it('maps --cascade to a propagation policy', () => {
    expect(parseCascade(undefined)).toBe('Background');
    expect(parseCascade('foreground')).toBe('Foreground');
    expect(parseCascade('orphan')).toBe('Orphan');
    expect(() => parseCascade('sideways')).toThrow(/invalid cascade value/);
  });
});

describe('describe helpers', () => {
  it('selects the events of one object', () => {
    expect(eventsFieldSelector({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'ns', uid: 'u1' } })).toBe(
      'involvedObject.name=p,involvedObject.namespace=ns,involvedObject.uid=u1',
    );
    expect(eventsFieldSelector({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' } })).toBe('involvedObject.name=n1');
  });
});

describe('api-resources', () => {
  it('lists discovery resources without subresources, like kubectl', () => {
    const list = {
      resources: [
        { name: 'deployments', namespaced: true, kind: 'Deployment', shortNames: ['deploy'], verbs: ['get', 'list'], categories: ['all'] },
        { name: 'deployments/scale', namespaced: true, kind: 'Scale' },
      ],
    };
    const resources = [...resourcesOf(list, 'apps', 'v1'), ...resourcesOf({ resources: [{ name: 'namespaces', namespaced: false, kind: 'Namespace', shortNames: ['ns'] }] }, '', 'v1')];
    expect(formatApiResources(resources, 'table')).toBe(
      [
        'NAME          SHORTNAMES   APIVERSION   NAMESPACED   KIND',
        'deployments   deploy       apps/v1      true         Deployment',
        'namespaces    ns           v1           false        Namespace',
        '',
      ].join('\n'),
    );
    expect(formatApiResources(resources, 'name')).toBe('deployments.apps\nnamespaces\n');
    expect(formatApiResources(resources, 'wide').split('\n')[1]).toMatch(/get,list\s+all$/);
  });
});

describe('server flags', () => {
  const parse = (argv: string[]) => serverOptions(parseArgs(argv, serverCommand.flags));
  it('defaults like k3s-style flags say', () => {
    expect(parse([])).toEqual({ etcdEndpoints: ['http://127.0.0.1:2379'], dataDir: '/var/lib/tugboat' });
  });
  it('passes every flag through', () => {
    expect(parse(['--etcd-servers=http://a:2379,http://b:2379', '--data-dir', '/d', '--bind-address=127.0.0.1', '--secure-port=7443', '--insecure-port=8080', '--write-kubeconfig=/k', '--tls-san=x.example'])).toEqual({
      etcdEndpoints: ['http://a:2379', 'http://b:2379'],
      dataDir: '/d',
      bindAddress: '127.0.0.1',
      securePort: 7443,
      insecurePort: 8080,
      writeKubeconfig: '/k',
      tlsSans: ['x.example'],
    });
  });
  it('rejects bad ports and stray arguments', () => {
    expect(() => parse(['--secure-port=70000'])).toThrow(/between 0 and 65535/);
    expect(() => parse(['extra'])).toThrow(/unexpected arguments/);
  });
});
