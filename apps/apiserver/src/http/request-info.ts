/**
 * Turns a URL into what it addresses, as Kubernetes' RequestInfoFactory does:
 *   /api/v1/namespaces/ns/pods/web/log  → { verb:'get', group:'', version:'v1', namespace:'ns', resource:'pods', name:'web', subresource:'log' }
 */
import { ApiError } from '@tugboat/api';

export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection';

export interface ResourceRequest {
  verb: Verb;
  group: string;
  version: string;
  resource: string;
  namespace?: string;
  name?: string;
  subresource?: string;
  query: URLSearchParams;
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new ApiError('BadRequest', `malformed path segment "${part}"`);
  }
}

/** undefined when the path is not under /api or /apis (discovery and other paths are routed elsewhere) */
export function parseResourcePath(method: string, url: URL): ResourceRequest | undefined {
  const parts = url.pathname.split('/').filter((p) => p.length > 0).map(decode);
  let rest: string[];
  let group = '';
  let version: string;
  if (parts[0] === 'api' && parts.length >= 3) {
    version = parts[1]!;
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 4) {
    group = parts[1]!;
    version = parts[2]!;
    rest = parts.slice(3);
  } else return undefined;

  let namespace: string | undefined;
  // /namespaces/{ns}/{resource}... addresses a namespaced resource; /namespaces/{name}[/status] the namespace itself
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [resource, name, subresource, ...extra] = rest;
  if (!resource || extra.length > 0) return undefined;
  const query = url.searchParams;
  const watching = query.get('watch') === 'true' || query.get('watch') === '1';
  const verb = verbFor(method, name !== undefined, watching);
  return { verb, group, version, resource, namespace, name, subresource, query };
}

function verbFor(method: string, named: boolean, watching: boolean): Verb {
  switch (method) {
    case 'GET':
    case 'HEAD':
      if (watching) return 'watch';
      return named ? 'get' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return named ? 'delete' : 'deletecollection';
    default:
      throw new ApiError('MethodNotAllowed', `method ${method} is not supported`);
  }
}
