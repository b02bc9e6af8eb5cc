/** The ConfigMaps and Secrets this node's pods reference, as the pod stream last delivered them. */
import type { ConfigMap, Secret } from '@tugboat/api';
import type { RefLookup } from './runtime/index.js';

export class RefStore implements RefLookup {
  private readonly configMaps = new Map<string, ConfigMap>();
  private readonly secrets = new Map<string, Secret>();

  apply(type: 'ADDED' | 'MODIFIED' | 'DELETED', obj: ConfigMap | Secret): void {
    const map = (obj.kind === 'Secret' ? this.secrets : this.configMaps) as Map<string, ConfigMap | Secret>;
    const key = `${obj.metadata.namespace}/${obj.metadata.name}`;
    if (type === 'DELETED') map.delete(key);
    else map.set(key, obj);
  }

  configMap(ns: string, name: string): ConfigMap | undefined {
    return this.configMaps.get(`${ns}/${name}`);
  }

  secret(ns: string, name: string): Secret | undefined {
    return this.secrets.get(`${ns}/${name}`);
  }
}
