/**
 * A fix to Node applied by the code that makes HTTP/2 requests at a high rate (the store's etcd
 * writes, the API client): Node 20's http2 `request()` wraps a callback with
 * `AsyncResource.prototype.bind` on every request, and that bind defines the runtime-deprecated
 * `asyncResource` accessor (DEP0172) on each bound function, building two deprecate() wrappers and
 * calling ObjectDefineProperties each time. That was 6.5 % of the scheduler's CPU and 3.7 % of the
 * apiserver's at ~1,000 binds/s. Node is removing the property (nodejs/node#58618).
 *
 * The replacement binds as Node does (the function runs in the resource's async scope, with the
 * same `this` and arguments) and leaves off what costs: the deprecated property, and the bound
 * function's `length` (Node copies fn.length; nothing in Node's own callers reads it). It is installed only where Node
 * still defines that property as an accessor, so it disappears by itself once Node drops it.
 */
import { AsyncResource } from 'node:async_hooks';

type Bind = (this: AsyncResource, fn: (...args: never[]) => unknown, thisArg?: unknown) => (...args: unknown[]) => unknown;

const FIXED = Symbol.for('tugboat.asyncResourceBind');

function definesDeprecatedAccessor(bind: Bind): boolean {
  const probe = bind.call(new AsyncResource('tugboat-probe'), () => undefined);
  return typeof Object.getOwnPropertyDescriptor(probe, 'asyncResource')?.get === 'function';
}

type Callback = (this: unknown, ...args: unknown[]) => unknown;

function bindTo(resource: AsyncResource, fn: Callback, thisArg: unknown): Callback {
  if (thisArg !== undefined) return resource.runInAsyncScope.bind(resource, fn, thisArg) as Callback;
  return function (this: unknown, ...args: unknown[]) {
    return resource.runInAsyncScope(fn, this, ...args);
  };
}

const fastBind: Bind = function (this: AsyncResource, fn, thisArg) {
  if (typeof fn !== 'function') throw new TypeError(`The "fn" argument must be of type function. Received ${typeof fn}`);
  return bindTo(this, fn as Callback, thisArg);
};

/** Idempotent; returns whether the fix is in place. */
export function installFastAsyncResourceBind(proto: { bind: Bind } = AsyncResource.prototype as unknown as { bind: Bind }): boolean {
  const holder = proto as unknown as Record<symbol, boolean>;
  if (holder[FIXED]) return true;
  if (!definesDeprecatedAccessor(proto.bind)) return false;
  proto.bind = fastBind;
  holder[FIXED] = true;
  return true;
}
