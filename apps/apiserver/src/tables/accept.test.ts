import { describe, expect, it } from 'vitest';
import { wantsTable } from './accept.js';

describe('wantsTable', () => {
  it.each([
    ['application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json', true],
    ['application/json;as=Table;g=meta.k8s.io;v=v1', true],
    ['application/json; g=meta.k8s.io; as=Table; v=v1beta1', true],
    ['application/yaml, application/json;as=Table;v=v1;g=meta.k8s.io', true],
    ['application/vnd.kubernetes.protobuf;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1;g=meta.k8s.io', true],
    ['*/*;as=Table;v=v1;g=meta.k8s.io', true],
    ['application/json;as="Table";v="v1";g="meta.k8s.io"', true],
    ['application/json', false],
    ['application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io', false],
    ['application/json;as=Table;v=v2;g=meta.k8s.io', false],
    ['application/json;as=Table;v=v1', false],
    ['application/json;as=Table;v=v1;g=apps', false],
    ['application/vnd.kubernetes.protobuf;as=Table;v=v1;g=meta.k8s.io', false],
    ['', false],
    [undefined, false],
  ])('%s → %s', (accept, want) => {
    expect(wantsTable(accept)).toBe(want);
  });
});
