/** TCP proxies in front of etcd for tests (one whose connections can be cut, one whose connections can be frozen), and a dead endpoint. */
import { connect, createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';

/** A TCP proxy in front of etcd whose connections the test can cut, as a network blip or a restart would. */
export async function cuttableProxy(target: URL): Promise<{ endpoint: string; cut(): void; connections(): number; open(): number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server: Server = createServer((client) => {
    accepted++;
    const upstream = connect(Number(target.port), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    cut: () => {
      for (const s of sockets) s.destroy();
    },
    connections: () => accepted,
    open: () => sockets.size,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A TCP proxy whose open connections can be frozen (nothing forwarded, nothing closed), as a vanished peer's would be. */
export async function freezableProxy(target: URL): Promise<{ endpoint: string; freeze(): void; connections(): number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const frozen = new Set<Socket>();
  let accepted = 0;
  const server: Server = createServer((client) => {
    accepted++;
    const upstream = connect(Number(target.port), target.hostname);
    for (const [from, to] of [[client, upstream], [upstream, client]] as const) {
      sockets.add(from);
      from.on('error', () => undefined);
      from.on('close', () => sockets.delete(from));
      from.on('data', (d: Buffer) => void (frozen.has(from) || to.write(d)));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    freeze: () => {
      for (const s of sockets) frozen.add(s);
    },
    connections: () => accepted,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A loopback endpoint nothing listens on. */
export async function deadEndpoint(): Promise<string> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as AddressInfo;
  await new Promise((resolve) => srv.close(resolve));
  return `http://127.0.0.1:${port}`;
}
