/**
 * @tugboat/store: etcd access for the apiserver (the only process that touches etcd).
 *
 *   const store = new Store({ endpoints: ['http://127.0.0.1:2379'] });
 *   const r = await store.create('/registry/pods/default/web', JSON.stringify(pod));
 *   if (!r.ok) throw alreadyExists;
 *   const w = await watchPrefix(store, '/registry/pods/', r.revision + 1, { onEvents, onExpired });
 */
export { Store, toStoredValue } from './store.js';
export type { ListResult, StoreOptions, StoredValue, WriteResult } from './store.js';
export { watchPrefix } from './watch.js';
export type { PrefixWatch, PrefixWatchHandlers, StoreEvent } from './watch.js';
export { startEtcd } from './etcd-process.js';
export type { EtcdProcess, StartEtcdOptions } from './etcd-process.js';
export { decodeTxnResponse, encodeTxnRequest } from './etcd-codec.js';
export type { DecodedKeyValue, TxnCompare, TxnOp, TxnRequestSpec, TxnResult } from './etcd-codec.js';
