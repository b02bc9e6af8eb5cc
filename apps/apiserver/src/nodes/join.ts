/**
 * Join: a bootstrap token buys a node certificate (CN=system:node:<name>, O=system:nodes) valid for
 * client auth towards NodeService and server auth for the node's AgentService, for the addresses it
 * names. The key is made here and returned over the TLS channel the agent verified against the CA.
 */
import { ApiError, errors } from '@tugboat/api';
import type { JoinResponse } from '@tugboat/rpc';
import { isIP } from 'node:net';
import { issueCertificate } from '../security/pki.js';
import { sameSecret } from '../security/tokens.js';
import type { NodeServiceContext } from './context.js';
import { NODE_USER_PREFIX, NODES_GROUP } from './identity.js';

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export async function join(ctx: NodeServiceContext, req: { token: string; node_name: string; addresses: string[] }): Promise<JoinResponse> {
  if (!sameSecret(req.token, ctx.nodeToken)) throw new ApiError('Unauthorized', 'invalid bootstrap token');
  const name = req.node_name;
  if (!name || name.length > 253 || !DNS_SUBDOMAIN.test(name)) {
    throw errors.badRequest(`node_name: Invalid value: "${name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.'`);
  }
  const addresses = req.addresses.filter((a) => a !== '');
  const pair = await issueCertificate(ctx.ca, {
    commonName: `${NODE_USER_PREFIX}${name}`,
    organization: NODES_GROUP,
    dnsNames: [name, 'localhost', ...addresses.filter((a) => isIP(a) === 0)],
    ipAddresses: ['127.0.0.1', ...addresses.filter((a) => isIP(a) !== 0)],
    usage: 'both',
  });
  ctx.log.info({ node: name }, 'node joined: certificate issued');
  return { certificate_pem: pair.certPem, private_key_pem: pair.keyPem, ca_pem: ctx.ca.certPem };
}
