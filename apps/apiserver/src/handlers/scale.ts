/** The scale subresource (autoscaling/v1 Scale) of Deployments, ReplicaSets and StatefulSets. */
import type { KubeObject, LabelSelector } from '@tugboat/api';
import { ApiError, PATCH_CONTENT_TYPES, applyPatch, errors, formatLabelSelector, labelSelectorRequirements } from '@tugboat/api';
import { decodeBody, isPlainObject, mediaType, readBody } from '../http/body.js';
import { sendJson } from '../http/respond.js';
import type { HandlerContext } from './context.js';
import { isDryRun } from './context.js';

interface Scalable {
  spec?: { replicas?: number; selector?: LabelSelector };
  status?: { replicas?: number };
}

export function toScale(obj: KubeObject): KubeObject {
  const s = obj as KubeObject & Scalable;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: obj.metadata.name,
      namespace: obj.metadata.namespace,
      uid: obj.metadata.uid,
      resourceVersion: obj.metadata.resourceVersion,
      creationTimestamp: obj.metadata.creationTimestamp,
    },
    spec: { replicas: s.spec?.replicas ?? 0 },
    status: { replicas: s.status?.replicas ?? 0, selector: formatLabelSelector(labelSelectorRequirements(s.spec?.selector)) },
  };
}

function replicasOf(scale: unknown): number {
  const replicas = isPlainObject(scale) && isPlainObject(scale.spec) ? scale.spec.replicas : undefined;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
    throw new ApiError('Invalid', `Scale.autoscaling "${''}" is invalid: spec.replicas: Invalid value: ${JSON.stringify(replicas)}: must be greater than or equal to 0`, {
      details: { kind: 'Scale', group: 'autoscaling', causes: [{ field: 'spec.replicas', reason: 'FieldValueInvalid', message: `Invalid value: ${JSON.stringify(replicas)}: must be greater than or equal to 0` }] },
    });
  }
  return replicas;
}

export async function handleScale(ctx: HandlerContext): Promise<void> {
  const { request } = ctx;
  if (request.verb === 'get') {
    sendJson(ctx.res, 200, toScale(await ctx.store.get(request.namespace, request.name!)));
    return;
  }
  if (request.verb !== 'update' && request.verb !== 'patch') throw new ApiError('MethodNotAllowed', `${request.verb} is not supported on the scale subresource`);
  const type = mediaType(ctx.req);
  const body = decodeBody(await readBody(ctx.req), type);
  const { obj } = await ctx.store.update(
    request.namespace,
    request.name!,
    (current) => {
      const scale = toScale(current!);
      let desired: unknown = body;
      if (request.verb === 'patch') {
        const pt = PATCH_CONTENT_TYPES[type];
        if (!pt || pt === 'apply') throw new ApiError('UnsupportedMediaType', `unsupported patch type for scale: ${type}`);
        desired = applyPatch('Scale', scale, body, pt);
      } else {
        const rv = isPlainObject(desired) && isPlainObject(desired.metadata) ? desired.metadata.resourceVersion : undefined;
        if (typeof rv === 'string' && rv !== '' && rv !== current!.metadata.resourceVersion) {
          throw errors.modified(ctx.info.resource, ctx.info.group, request.name ?? '');
        }
      }
      const next = structuredClone(current!) as KubeObject & Scalable;
      next.spec = { ...next.spec, replicas: replicasOf(desired) };
      delete next.metadata.resourceVersion;
      return next;
    },
    { dryRun: isDryRun(request.query) },
  );
  sendJson(ctx.res, 200, toScale(obj));
}
