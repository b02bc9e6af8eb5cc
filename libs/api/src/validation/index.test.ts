/** index.ts: validateObject accepts the valid object of every kind; validateStatusUpdate checks only the status. */
import { describe, expect, it } from 'vitest';
import { resourceForKind } from '../registry.js';
import { BASE, make, messages } from '../testing/validation.js';
import type { KubeObject } from '../types/meta.js';
import { fieldErrorMessage } from './field.js';
import { validateStatusUpdate } from './index.js';

describe('validateObject: valid objects', () => {
  it.each(Object.keys(BASE))('%s', (kind) => expect(messages(make(kind))).toEqual([]));
});

describe('status subresource writes', () => {
  const info = (kind: string) => resourceForKind('v1', kind)!;
  const messages = (kind: string, obj: KubeObject) => validateStatusUpdate(info(kind), obj).map((e) => `${e.field}: ${fieldErrorMessage(e)}`);

  it('check the structure of status', () => {
    const pod = { ...BASE.Pod!, status: { phase: 'Running', conditions: 'all good' } } as KubeObject;
    expect(messages('Pod', pod)).toEqual(['status.conditions: Invalid value: "all good": must be of type array']);
  });

  it('check the kind\'s status rules', () => {
    const ns = { ...BASE.Namespace!, status: { phase: 'Sleeping' } } as KubeObject;
    expect(messages('Namespace', ns)).toEqual(['status.phase: Unsupported value: "Sleeping": supported values: "Active", "Terminating"']);
    const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' }, status: { addresses: [{ type: 'Elsewhere', address: '' }] } } as KubeObject;
    expect(messages('Node', node)).toHaveLength(2);
  });

  it('leave the stored spec alone (it was valid when written)', () => {
    const pod = { ...BASE.Pod!, spec: { containers: [] }, status: { phase: 'Pending' } } as KubeObject;
    expect(messages('Pod', pod)).toEqual([]);
  });
});
