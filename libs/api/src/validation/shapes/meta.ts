/** Shapes of metadata and the meta/v1 pieces every kind embeds. */
import { S, stringMap, strings, type Shape } from '../shape.js';

export const objectMeta: Shape = S.obj({
  name: S.str, generateName: S.str, namespace: S.str, uid: S.str, resourceVersion: S.str, generation: S.int,
  creationTimestamp: S.str, deletionTimestamp: S.str, deletionGracePeriodSeconds: S.int,
  labels: stringMap, annotations: stringMap, finalizers: strings,
  ownerReferences: S.arr(S.obj({ apiVersion: S.str, kind: S.str, name: S.str, uid: S.str, controller: S.bool, blockOwnerDeletion: S.bool })),
  managedFields: S.arr(S.any),
});

export const labelSelector: Shape = S.obj({
  matchLabels: stringMap,
  matchExpressions: S.arr(S.obj({ key: S.str, operator: S.str, values: strings })),
});

export const conditions: Shape = S.arr(S.obj({
  type: S.str, status: S.str, reason: S.str, message: S.str, lastTransitionTime: S.str, observedGeneration: S.int,
}));

export const objectReference: Shape = S.obj({
  kind: S.str, namespace: S.str, name: S.str, uid: S.str, apiVersion: S.str, resourceVersion: S.str, fieldPath: S.str,
});
