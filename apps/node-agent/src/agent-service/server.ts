/**
 * AgentService: logs, exec and stats of this node's pods, for the apiserver only (a client
 * certificate from the cluster CA in the system:masters group). TLS with the node's own certificate.
 */
import * as grpc from '@grpc/grpc-js';
import { ApiError } from '@tugboat/api';
import { PeerVerifier, SERVER_KEEPALIVE_OPTIONS, listen, protos, serverCredentials, toServiceError, unaryHandler } from '@tugboat/rpc';
import type { AgentServiceHandlers, ExecInput__Output, ExecOutput, ListeningServer, LogsRequest__Output, TlsIdentity } from '@tugboat/rpc';
import type { Logger } from 'pino';
import type { Runtime } from '../runtime/index.js';

export type AgentServiceServer = ListeningServer;

const ADMIN_GROUP = 'system:masters';

function optionalNumber(v: string | undefined): number | undefined {
  return v === undefined ? undefined : Number(v);
}

function logOptions(req: LogsRequest__Output): Parameters<Runtime['logs']>[1] {
  return {
    follow: req.follow,
    timestamps: req.timestamps,
    previous: req.previous,
    tailLines: optionalNumber(req.tail_lines),
    sinceSeconds: optionalNumber(req.since_seconds),
    limitBytes: optionalNumber(req.limit_bytes),
  };
}

function handlers(runtime: () => Runtime, verifier: PeerVerifier, log: Logger): AgentServiceHandlers {
  const authorize = (call: Parameters<PeerVerifier['identify']>[0]): void => {
    const peer = verifier.identify(call);
    if (!peer) throw new ApiError('Unauthorized', 'a client certificate issued by the cluster CA is required');
    if (!peer.organizations.includes(ADMIN_GROUP)) throw new ApiError('Forbidden', `user "${peer.commonName}" may not use the node agent's API`);
  };
  const ref = (r: { namespace: string; pod: string; container: string } | null) => ({ namespace: r?.namespace ?? '', name: r?.pod ?? '', container: r?.container || undefined });

  return {
    Logs(call) {
      const abort = new AbortController();
      call.on('cancelled', () => abort.abort());
      void (async () => {
        authorize(call);
        const stream = await runtime().logs(ref(call.request.ref), logOptions(call.request), abort.signal);
        abort.signal.addEventListener('abort', () => stream.destroy(), { once: true });
        for await (const chunk of stream) {
          if (!call.write({ data: chunk as Buffer })) await new Promise((r) => call.once('drain', r));
        }
        call.end();
      })().catch((err: unknown) => {
        if (!abort.signal.aborted) call.emit('error', toServiceError(err));
      });
    },

    Exec(call) {
      let started: Awaited<ReturnType<Runtime['exec']>> | undefined;
      // Clients send stdin as soon as the stream opens, before the exec exists: keep it in order until then.
      const early: ExecInput__Output[] = [];
      const send = (out: ExecOutput): void => void call.write(out);
      const apply = (msg: ExecInput__Output): void => {
        if (!started) {
          early.push(msg);
        } else if (msg.input === 'stdin' && msg.stdin) {
          started.stdin?.write(msg.stdin);
        } else if (msg.input === 'stdin_close') {
          started.stdin?.end();
        } else if (msg.input === 'resize' && msg.resize) {
          void started.resize(msg.resize.width, msg.resize.height).catch((err: unknown) => log.debug({ err }, 'resize failed'));
        }
      };
      let begun = false;
      call.on('data', (msg: ExecInput__Output) => {
        if (msg.input !== 'start' || !msg.start) return apply(msg);
        if (begun) return;
        begun = true;
        const start = msg.start;
        void (async () => {
          authorize(call);
          const session = await runtime().exec(ref(start.ref), { command: start.command, stdin: start.stdin, tty: start.tty });
          started = session;
          session.stdout.on('data', (b: Buffer) => send({ stdout: b }));
          session.stderr?.on('data', (b: Buffer) => send({ stderr: b }));
          for (const m of early.splice(0)) apply(m);
          const code = await session.exitCode;
          send({ exit_code: code });
          call.end();
        })().catch((err: unknown) => call.emit('error', toServiceError(err)));
      });
      call.on('end', () => apply({ input: 'stdin_close', stdin_close: true }));
      call.on('error', () => started?.stdin?.destroy());
    },

    Stats: unaryHandler(async (call) => {
      authorize(call);
      return { stats_json: Buffer.from(JSON.stringify(await runtime().stats())) };
    }),
  };
}

export async function startAgentService(opts: { identity: TlsIdentity; host: string; port: number; runtime: () => Runtime; log: Logger }): Promise<AgentServiceServer> {
  const server = new grpc.Server(SERVER_KEEPALIVE_OPTIONS);
  server.addService(protos().agent.AgentService.service, handlers(opts.runtime, new PeerVerifier(opts.identity.caPem), opts.log));
  return await listen(server, { host: opts.host, port: opts.port, credentials: serverCredentials(opts.identity, 'require') });
}
