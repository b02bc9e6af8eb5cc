import { describe, expect, it } from 'vitest';
import { container, makePod } from '../testing/fixtures.js';
import { DEFAULT_MEMORY_REQUEST, podNonZeroRequests, podRequests } from './pod-requests.js';

describe('podRequests', () => {
  it('sums regular containers', () => {
    const pod = makePod('p', { spec: { containers: [container('a', { cpu: '250m', memory: '64Mi' }), container('b', { cpu: '0.5' })] } });
    expect(podRequests(pod)).toEqual({ milliCpu: 750, memory: 64 * 1024 * 1024 });
  });

  it('takes the larger of the containers sum and the biggest init container', () => {
    const pod = makePod('p', {
      spec: {
        initContainers: [container('init1', { cpu: '2' }), container('init2', { memory: '1Gi' })],
        containers: [container('a', { cpu: '500m', memory: '100Mi' })],
      },
    });
    expect(podRequests(pod)).toEqual({ milliCpu: 2000, memory: 1024 ** 3 });
  });

  it('counts sidecars (restartPolicy Always) alongside the containers and later init containers', () => {
    const pod = makePod('p', {
      spec: {
        initContainers: [container('sidecar', { cpu: '100m' }, { restartPolicy: 'Always' }), container('init', { cpu: '1' })],
        containers: [container('a', { cpu: '200m' })],
      },
    });
    // init phase: sidecar 100m + init 1000m = 1100m; run phase: 200m + 100m = 300m
    expect(podRequests(pod).milliCpu).toBe(1100);
  });

  it('adds pod overhead', () => {
    const pod = makePod('p', { cpu: '100m', spec: { overhead: { cpu: '50m' } } });
    expect(podRequests(pod).milliCpu).toBe(150);
  });

  it('counts containers without requests as 100m / 200Mi for scoring only', () => {
    const pod = makePod('p', { spec: { containers: [container('a'), container('b', { cpu: '1' })] } });
    expect(podRequests(pod)).toEqual({ milliCpu: 1000, memory: 0 });
    expect(podNonZeroRequests(pod)).toEqual({ milliCpu: 1100, memory: 2 * DEFAULT_MEMORY_REQUEST });
  });
});
