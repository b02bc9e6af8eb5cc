/** One probe attempt: httpGet (2xx/3xx), tcpSocket (connects), exec (exit code 0). */
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { Container, IntOrString, ProbeHandler } from '@tugboat/api';
import { runInContainer } from '../docker/exec.js';
import type { EngineClient } from '../docker/engine-client.js';

export interface ProbeTarget {
  docker: EngineClient;
  containerId: string;
  container: Container;
  podIP: string;
  timeoutMs: number;
}

export interface ProbeOutcome {
  success: boolean;
  /** why it failed, for the Unhealthy event */
  message: string;
}

/** A named port resolves through the container's ports. */
export function resolvePort(port: IntOrString, container: Container): number | undefined {
  if (typeof port === 'number') return port;
  if (/^\d+$/.test(port)) return Number(port);
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

export async function runProbe(handler: ProbeHandler, target: ProbeTarget): Promise<ProbeOutcome> {
  try {
    if (handler.exec) return await execProbe(handler.exec.command ?? [], target);
    if (handler.httpGet) return await httpProbe(handler.httpGet, target);
    if (handler.tcpSocket) return await tcpProbe(handler.tcpSocket, target);
    return { success: false, message: 'unsupported probe handler' };
  } catch (err) {
    return { success: false, message: err instanceof Error ? err.message : String(err) };
  }
}

async function execProbe(command: string[], t: ProbeTarget): Promise<ProbeOutcome> {
  const { exitCode, output } = await runInContainer(t.docker, t.containerId, command, t.timeoutMs);
  return exitCode === 0 ? { success: true, message: '' } : { success: false, message: output.trim() || `command ${JSON.stringify(command)} exited with ${exitCode}` };
}

function httpProbe(get: NonNullable<ProbeHandler['httpGet']>, t: ProbeTarget): Promise<ProbeOutcome> {
  const port = resolvePort(get.port, t.container);
  if (port === undefined) return Promise.resolve({ success: false, message: `port ${get.port} not found` });
  const host = get.host || t.podIP;
  const path = get.path ?? '/';
  const url = `${(get.scheme ?? 'HTTP').toLowerCase()}://${host.includes(':') ? `[${host}]` : host}:${port}${path.startsWith('/') ? '' : '/'}${path}`;
  const lib = get.scheme === 'HTTPS' ? https : http;
  const headers: Record<string, string> = { 'User-Agent': 'kube-probe/1.32', Accept: '*/*' };
  for (const h of get.httpHeaders ?? []) headers[h.name] = h.value;
  return new Promise((resolve) => {
    const req = lib.get(url, { headers, timeout: t.timeoutMs, rejectUnauthorized: false }, (res) => {
      res.resume();
      const code = res.statusCode ?? 0;
      resolve(code >= 200 && code < 400 ? { success: true, message: '' } : { success: false, message: `HTTP probe failed with statuscode: ${code}` });
    });
    req.on('timeout', () => req.destroy(new Error(`Get "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`)));
    req.on('error', (err) => resolve({ success: false, message: err.message.startsWith('Get ') ? err.message : `Get "${url}": ${err.message}` }));
  });
}

function tcpProbe(tcp: NonNullable<ProbeHandler['tcpSocket']>, t: ProbeTarget): Promise<ProbeOutcome> {
  const port = resolvePort(tcp.port, t.container);
  if (port === undefined) return Promise.resolve({ success: false, message: `port ${tcp.port} not found` });
  const host = tcp.host || t.podIP;
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: t.timeoutMs });
    const done = (o: ProbeOutcome): void => {
      socket.destroy();
      resolve(o);
    };
    socket.on('connect', () => done({ success: true, message: '' }));
    socket.on('timeout', () => done({ success: false, message: `dial tcp ${host}:${port}: i/o timeout` }));
    socket.on('error', (err) => done({ success: false, message: `dial tcp ${host}:${port}: ${err.message}` }));
  });
}
