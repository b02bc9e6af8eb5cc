/**
 * pods/<name>/exec. kubectl 1.32 upgrades a GET to a WebSocket speaking v5.channel.k8s.io; every
 * check (authentication, pod, container, query) happens before the handshake so that failures are
 * plain HTTP Status responses, which kubectl prints (it retries with SPDY first, and gets the same
 * answer). A plain GET or POST without an upgrade gets 400 "Upgrade request required", as in Kubernetes.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { ApiError, V5_PROTOCOL, toApiError } from '@tugboat/api';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { parseResourcePath } from '../http/request-info.js';
import type { Authenticator } from '../security/tokens.js';
import type { Storage } from '../storage/storage.js';
import type { AgentDialer } from './agent-dialer.js';
import { checkExecAvailable } from './container.js';
import { bridgeExec } from './exec-bridge.js';
import { parseExecOptions } from './exec-options.js';
import { agentFor, resolvePodTarget } from './pod-target.js';
import { writeUpgradeError } from './upgrade-response.js';

export interface ExecDeps {
  storage: Storage;
  dialer: AgentDialer;
  authenticate: Authenticator;
  /** the loopback-only plain HTTP listener for tests skips authentication, as the router does */
  trusted: boolean;
  log: Logger;
}

export function upgradeRequired(): ApiError {
  return new ApiError('BadRequest', 'Upgrade request required');
}

function offersV5(req: IncomingMessage): boolean {
  const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  return offered.includes(V5_PROTOCOL);
}

export interface ExecUpgradeHandler {
  (req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** closes every open exec session */
  close(): void;
}

/** The 'upgrade' listener for the apiserver's HTTP(S) servers. */
export function createExecUpgradeHandler(deps: ExecDeps): ExecUpgradeHandler {
  const wss = new WebSocketServer({ noServer: true, handleProtocols: (offered) => (offered.has(V5_PROTOCOL) ? V5_PROTOCOL : false) });
  const log = deps.log.child({ component: 'exec' });

  const handler = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', (err) => log.debug({ err }, 'exec socket failed'));
    prepare(req, deps).then(
      ({ ref, opts, call }) => {
        wss.handleUpgrade(req, socket, head, (ws) => {
          bridgeExec(ws, call(), { ref, opts, log }).catch((err: unknown) => log.error({ err }, 'exec session failed'));
        });
      },
      (err: unknown) => {
        const apiErr = toApiError(err);
        if (apiErr.httpStatus >= 500) log.error({ err, url: req.url }, 'exec request failed');
        writeUpgradeError(socket, apiErr);
      },
    );
  };
  return Object.assign(handler, {
    close(): void {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  });
}

/** Everything that can fail before the handshake; the agent call itself starts only once upgraded. */
async function prepare(req: IncomingMessage, deps: ExecDeps) {
  const url = new URL(req.url ?? '/', 'http://apiserver');
  if (!deps.trusted && !deps.authenticate(req)) throw new ApiError('Unauthorized', 'Unauthorized');
  const request = parseResourcePath(req.method ?? 'GET', url);
  if (!request || request.group !== '' || request.resource !== 'pods' || request.subresource !== 'exec' || !request.namespace || !request.name) {
    throw new ApiError('BadRequest', `upgrade is only supported on pods/exec, not ${url.pathname}`);
  }
  const opts = parseExecOptions(request.query);
  const target = await resolvePodTarget(deps.storage, request.namespace, request.name, opts.container);
  checkExecAvailable(target.pod, target.ref.container);
  const client = await agentFor(deps.storage, deps.dialer, target.node);
  if ((req.headers.upgrade ?? '').toLowerCase() !== 'websocket') {
    throw new ApiError('BadRequest', `unsupported upgrade "${req.headers.upgrade ?? ''}": this server speaks WebSocket (${V5_PROTOCOL}) only`);
  }
  if (!offersV5(req)) throw new ApiError('BadRequest', `unsupported WebSocket subprotocol: this server speaks ${V5_PROTOCOL} only`);
  return { ref: target.ref, opts, call: () => client.Exec() };
}
