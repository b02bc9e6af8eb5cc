/** Objects may only be created in a namespace that exists and is not being deleted. */
import type { KubeObject } from '@tugboat/api';
import { ApiError, errors } from '@tugboat/api';
import type { AdmissionPlugin } from '../storage/admission.js';

export type NamespaceLookup = (name: string) => Promise<KubeObject | undefined>;

export function namespaceLifecycle(lookup: NamespaceLookup): AdmissionPlugin {
  return {
    name: 'NamespaceLifecycle',
    async beforeCreate(info, obj) {
      if (!info.namespaced) return;
      const name = obj.metadata.namespace ?? '';
      const ns = await lookup(name);
      if (!ns) throw errors.notFound('namespaces', '', name);
      if (ns.metadata.deletionTimestamp) {
        throw new ApiError('Forbidden', `${info.resource} "${obj.metadata.name}" is forbidden: unable to create new content in namespace ${name} because it is being terminated`);
      }
    },
  };
}
