/** Real grpc-js server and client over TLS on loopback: credentials, peer identity, error mapping. */
import * as grpc from '@grpc/grpc-js';
import { createCa, issueCertificate } from '@tugboat/apiserver';
import type { KeyPair } from '@tugboat/apiserver';
import { ApiError, errors } from '@tugboat/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEEPALIVE_OPTIONS, PeerVerifier, channelCredentials, listen, protos, serverCredentials, unary, unaryHandler } from './index.js';
import type { ListeningServer, NodeServiceClient, NodeServiceHandlers } from './index.js';

const notImplemented = unaryHandler(async () => { throw errors.badRequest('not in this test'); });

describe('NodeService transport', () => {
  let ca: KeyPair;
  let node: KeyPair;
  let stranger: KeyPair;
  let server: grpc.Server;
  let listening: ListeningServer;
  let addr: string;
  const seen: (string | undefined)[] = [];

  beforeAll(async () => {
    ca = await createCa();
    const otherCa = await createCa('other-ca');
    const serving = await issueCertificate(ca, { commonName: 'apiserver', ipAddresses: ['127.0.0.1'], dnsNames: ['localhost'], usage: 'server' });
    node = await issueCertificate(ca, { commonName: 'system:node:n1', organization: 'system:nodes', usage: 'client' });
    stranger = await issueCertificate(otherCa, { commonName: 'system:node:n1', organization: 'system:nodes', usage: 'client' });
    const verifier = new PeerVerifier(ca.certPem);
    const handlers: NodeServiceHandlers = {
      Join: unaryHandler(async (call) => {
        if (call.request.token !== 'good') throw new ApiError('Unauthorized', 'bad bootstrap token');
        return { certificate_pem: 'c', private_key_pem: 'k', ca_pem: ca.certPem };
      }),
      Heartbeat: unaryHandler(async (call) => {
        const who = verifier.identify(call);
        seen.push(who?.commonName);
        if (!who) throw new ApiError('Unauthorized', 'a node certificate is required');
        return { lease_duration_seconds: 40 };
      }),
      Register: notImplemented,
      UpdatePodStatus: notImplemented,
      ConfirmPodDeleted: notImplemented,
      RecordEvents: notImplemented,
      WatchPods: (call) => call.end(),
    };
    server = new grpc.Server(KEEPALIVE_OPTIONS);
    server.addService(protos().node.NodeService.service, handlers);
    listening = await listen(server, { host: '127.0.0.1', port: 0, credentials: serverCredentials({ caPem: ca.certPem, ...serving }, 'request') });
    addr = `127.0.0.1:${listening.port}`;
  });

  afterAll(() => listening.close());

  function client(pair?: KeyPair): NodeServiceClient {
    return new (protos().node.NodeService)(addr, channelCredentials({ caPem: ca.certPem, ...pair }), KEEPALIVE_OPTIONS);
  }

  it('lets Join through without a client certificate and maps errors to ApiError', async () => {
    const c = client();
    const ok = await unary(c.Join.bind(c), { token: 'good', node_name: 'n1' });
    expect(ok.ca_pem).toBe(ca.certPem);
    const err = await unary(c.Join.bind(c), { token: 'bad', node_name: 'n1' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('Unauthorized');
    expect((err as ApiError).message).toBe('bad bootstrap token');
    c.close();
  });

  it('identifies callers by a certificate the cluster CA issued, and only those', async () => {
    const good = client(node);
    await expect(unary(good.Heartbeat.bind(good), {})).resolves.toEqual({ lease_duration_seconds: 40 });
    const anonymous = client();
    await expect(unary(anonymous.Heartbeat.bind(anonymous), {})).rejects.toMatchObject({ code: 'Unauthorized' });
    const forged = client(stranger);
    await expect(unary(forged.Heartbeat.bind(forged), {})).rejects.toMatchObject({ code: 'Unauthorized' });
    expect(seen).toEqual(['system:node:n1', undefined, undefined]);
    for (const c of [good, anonymous, forged]) c.close();
  });

  it('reports an unreachable server as ServiceUnavailable or Timeout, not a hang', async () => {
    const c = new (protos().node.NodeService)('127.0.0.1:1', channelCredentials({ caPem: ca.certPem }), KEEPALIVE_OPTIONS);
    const err = await unary(c.Join.bind(c), { token: 'x' }, { timeoutMs: 2000 }).catch((e: unknown) => e);
    expect(['ServiceUnavailable', 'Timeout']).toContain((err as ApiError).code);
    c.close();
  });
});
