import { describe, expect, it } from 'vitest';
import { podInfo } from '../framework/pod-info.js';
import { makeNode, makePod, nodeInfo } from '../testing/fixtures.js';
import { insufficientResources, nodeResourcesFit } from './node-resources-fit.js';

describe('NodeResourcesFit', () => {
  const node = () => nodeInfo(makeNode('n', { cpu: '2', memory: '4Gi', pods: '2' }), makePod('running', { cpu: '1500m', memory: '1Gi' }));

  it('fits what is left of allocatable', () => {
    expect(nodeResourcesFit.filterFor(podInfo(makePod('p', { cpu: '500m', memory: '3Gi' })))!(node()).code).toBe('Success');
  });

  it('names every shortfall', () => {
    expect(insufficientResources(podInfo(makePod('p', { cpu: '501m', memory: '3Gi' })), node())).toEqual(['Insufficient cpu']);
    const status = nodeResourcesFit.filterFor(podInfo(makePod('p', { cpu: '1', memory: '4Gi' })))!(node());
    expect(status).toEqual({ code: 'Unschedulable', reasons: ['Insufficient cpu', 'Insufficient memory'] });
  });

  it('counts pods against allocatable pods', () => {
    const full = node();
    full.addPod(podInfo(makePod('second')));
    expect(insufficientResources(podInfo(makePod('p')), full)).toEqual(['Too many pods']);
  });

  it('frees resources when a pod leaves', () => {
    const n = node();
    n.removePod('default/running');
    expect(insufficientResources(podInfo(makePod('p', { cpu: '2' })), n)).toEqual([]);
  });
});
