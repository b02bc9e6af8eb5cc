/**
 * How objects are stored: JSON without metadata.resourceVersion, which is always the key's etcd
 * mod revision and is put back on every read.
 */
import type { KubeObject } from '@tugboat/api';
import type { StoredValue } from '@tugboat/store';

export function decodeStored(kv: StoredValue): KubeObject {
  const obj = JSON.parse(kv.value) as KubeObject;
  obj.metadata = { ...obj.metadata, resourceVersion: String(kv.modRevision) };
  return obj;
}

export function encodeForStore(obj: KubeObject): string {
  const { resourceVersion: _rv, ...metadata } = obj.metadata;
  return JSON.stringify({ ...obj, metadata });
}

export function withResourceVersion<T extends KubeObject>(obj: T, rev: number): T {
  return { ...obj, metadata: { ...obj.metadata, resourceVersion: String(rev) } };
}

/**
 * An object serialised once for etcd, whose JSON at a revision (what the write's response, the watch
 * cache and every watcher send) is the stored JSON with `"resourceVersion":"<rev>"` spliced in as
 * metadata's last field: byte for byte `JSON.stringify(withResourceVersion(obj, rev))`, without a
 * second serialisation. Objects whose metadata still has a resourceVersion key are serialised the
 * slow way (the spread would keep that key's position).
 */
export class EncodedObject {
  /** what etcd holds: encodeForStore(obj) */
  readonly stored: string;
  /** stored = head + tail; head ends inside metadata's braces */
  private readonly head: string;
  private readonly tail: string;
  private readonly metaEmpty: boolean;
  private last: { rev: number; json: Buffer } | undefined;
  private lastObject: { rev: number; obj: KubeObject } | undefined;

  /** `obj`: the object as stored, which the writer no longer changes (the watch cache reuses it) */
  constructor(readonly obj: KubeObject) {
    const spliceable = obj.metadata !== null && typeof obj.metadata === 'object' && !('resourceVersion' in obj.metadata);
    if (!spliceable) {
      this.stored = encodeForStore(obj);
      this.head = this.tail = '';
      this.metaEmpty = false;
      return;
    }
    // the top level written field by field, as JSON.stringify would, so metadata's end is known
    const meta = JSON.stringify(obj.metadata);
    let head = '{';
    let tail = '';
    let inTail = false;
    let sep = '';
    for (const key of Object.keys(obj)) {
      const isMeta = key === 'metadata';
      const value = isMeta ? meta : (JSON.stringify((obj as unknown as Record<string, unknown>)[key]) as string | undefined);
      if (value === undefined) continue;
      const field = `${sep}${JSON.stringify(key)}:`;
      sep = ',';
      if (isMeta) {
        head += field + meta.slice(0, -1);
        tail = '}';
        inTail = true;
      } else if (inTail) tail += field + value;
      else head += field + value;
    }
    this.head = inTail ? head : '';
    this.tail = `${tail}}`;
    this.metaEmpty = meta === '{}';
    this.stored = inTail ? head + this.tail : encodeForStore(obj);
  }

  /**
   * The object at `rev`: the write's answer and the watch cache's copy are this one object (neither
   * is changed once made), so it is made once.
   */
  objectAt(rev: number): KubeObject {
    if (this.lastObject?.rev !== rev) this.lastObject = { rev, obj: withResourceVersion(this.obj, rev) };
    return this.lastObject.obj;
  }

  /** The object's JSON at `rev` (the last one is kept: the response and the watch cache ask for the same). */
  at(rev: number): Buffer {
    if (this.last?.rev === rev) return this.last.json;
    const text = this.head === ''
      ? JSON.stringify(withResourceVersion(this.obj, rev))
      : `${this.head}${this.metaEmpty ? '' : ','}"resourceVersion":"${rev}"${this.tail}`;
    this.last = { rev, json: Buffer.from(text) };
    return this.last.json;
  }
}

/**
 * The JSON of objects the write path has already serialised, for sending them as they are.
 * Only objects handed out right after a write are in here, and they are not modified afterwards.
 */
const serialised = new WeakMap<KubeObject, Buffer>();

export function rememberJson(obj: KubeObject, json: Buffer): KubeObject {
  serialised.set(obj, json);
  return obj;
}

export function knownJson(obj: KubeObject): Buffer | undefined {
  return serialised.get(obj);
}
