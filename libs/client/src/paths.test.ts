import { resourceFor } from '@tugboat/api';
import { describe, expect, it } from 'vitest';
import { queryString, resourcePath } from './paths.js';

const pods = resourceFor('', 'v1', 'pods')!;
const deployments = resourceFor('apps', 'v1', 'deployments')!;
const nodes = resourceFor('', 'v1', 'nodes')!;

describe('resourcePath', () => {
  it('builds core, group, cluster-scoped and subresource paths', () => {
    expect(resourcePath(pods, { namespace: 'default', name: 'web' })).toBe('/api/v1/namespaces/default/pods/web');
    expect(resourcePath(pods, { namespace: 'default', name: 'web', subresource: 'status' })).toBe('/api/v1/namespaces/default/pods/web/status');
    expect(resourcePath(deployments, { namespace: 'prod' })).toBe('/apis/apps/v1/namespaces/prod/deployments');
    expect(resourcePath(pods)).toBe('/api/v1/pods');
    expect(resourcePath(nodes, { namespace: 'ignored', name: 'n1' })).toBe('/api/v1/nodes/n1');
  });

  it('escapes names', () => {
    expect(resourcePath(nodes, { name: 'a/b' })).toBe('/api/v1/nodes/a%2Fb');
  });
});

describe('queryString', () => {
  it('skips undefined and encodes selectors', () => {
    expect(queryString({})).toBe('');
    expect(queryString({ watch: true, labelSelector: 'app=web,tier in (a,b)', limit: undefined })).toBe(
      '?watch=true&labelSelector=app%3Dweb%2Ctier+in+%28a%2Cb%29',
    );
  });
});
