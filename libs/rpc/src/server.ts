/** A grpc-js server bound to one address, with a bounded graceful close; both services use it. */
import type * as grpc from '@grpc/grpc-js';

export interface ListeningServer {
  readonly port: number;
  /** stop taking calls; calls still open after `graceMs` are cut */
  close(): Promise<void>;
}

export interface ListenOptions {
  host: string;
  /** 0: a free port */
  port: number;
  credentials: grpc.ServerCredentials;
  graceMs?: number;
}

export async function listen(server: grpc.Server, opts: ListenOptions): Promise<ListeningServer> {
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${host}:${opts.port}`, opts.credentials, (err, p) => (err ? reject(err) : resolve(p)));
  });
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        const force = setTimeout(() => server.forceShutdown(), opts.graceMs ?? 2000);
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      }),
  };
}
