import { describe, expect, it } from 'vitest';
import { NO_NODES_AVAILABLE, fitErrorMessage } from './fit-error.js';
import { unresolvable, unschedulable } from './status.js';

describe('fitErrorMessage', () => {
  it('counts reasons across nodes and sorts the "<count> <reason>" strings as Go sort.Strings', () => {
    const msg = fitErrorMessage(3, [
      unschedulable('Insufficient memory'),
      unschedulable('Insufficient memory'),
      unresolvable('node(s) had untolerated taint {dedicated: db}'),
    ]);
    expect(msg).toBe('0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: db}, 2 Insufficient memory.');
  });

  it('counts every reason of a node that fails several ways', () => {
    const msg = fitErrorMessage(2, [unschedulable('Insufficient cpu', 'Insufficient memory'), unschedulable('Insufficient cpu')]);
    expect(msg).toBe('0/2 nodes are available: 1 Insufficient memory, 2 Insufficient cpu.');
  });

  it('says so when there are no nodes at all', () => {
    expect(fitErrorMessage(0, [])).toBe(NO_NODES_AVAILABLE);
  });
});
