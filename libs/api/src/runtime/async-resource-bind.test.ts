import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import { describe, expect, it } from 'vitest';
import { installFastAsyncResourceBind } from './async-resource-bind.js';

describe('installFastAsyncResourceBind', () => {
  // a copy of the prototype, so the test sees Node's own bind before and the fix after
  const proto = { bind: AsyncResource.prototype.bind };

  it('replaces a bind that defines the deprecated accessor, once', () => {
    const nodeDefinesIt = typeof Object.getOwnPropertyDescriptor(new AsyncResource('t').bind(() => 1), 'asyncResource')?.get === 'function';
    expect(installFastAsyncResourceBind(proto as never)).toBe(nodeDefinesIt);
    expect(installFastAsyncResourceBind(proto as never)).toBe(nodeDefinesIt);
    if (nodeDefinesIt) expect(proto.bind).not.toBe(AsyncResource.prototype.bind);
  });

  it('runs the bound function in the async context of the resource, with this and arguments as Node does', () => {
    installFastAsyncResourceBind(proto as never);
    const als = new AsyncLocalStorage<string>();
    const seen: unknown[] = [];
    const f = function (this: unknown, a: number, b: number) {
      seen.push([als.getStore(), this, a + b]);
      return a * b;
    };
    const thisArg = { me: 1 };
    const [plain, withThis] = als.run('request-1', () => {
      const resource = new AsyncResource('test');
      return [proto.bind.call(resource, f as never), proto.bind.call(resource, f as never, thisArg)];
    });
    const receiver = { other: 2 };
    expect(als.run('elsewhere', () => plain!.call(receiver, 2, 3))).toBe(6);
    expect(withThis!(4, 5)).toBe(20);
    expect(seen).toEqual([
      ['request-1', receiver, 5],
      ['request-1', thisArg, 9],
    ]);
    expect(Object.getOwnPropertyDescriptor(plain!, 'asyncResource')).toBeUndefined();
  });

  it('still refuses what is not a function', () => {
    installFastAsyncResourceBind(proto as never);
    expect(() => proto.bind.call(new AsyncResource('t'), 42 as never)).toThrow(TypeError);
  });
});
