/**
 * Watch fan-out: N watchers on one namespace; each change is a merge patch that sets the label
 * `bench-seq=<k>` on one pod, and the latency of a (watcher, change) pair is the time from sending
 * the patch until that watcher has read the line carrying `"bench-seq":"<k>"`.
 * Round 0 is not recorded: it proves every watcher is subscribed (the apiserver sends a watch's
 * response headers only with its first event, so "connected" cannot be seen any earlier).
 */
import type { IncomingMessage } from 'node:http';
import type { Endpoint } from './http.js';
import { call, stream } from './http.js';
import { LatencyRecorder } from './stats.js';

export interface FanoutResult {
  delivery: LatencyRecorder;
  patch: LatencyRecorder;
  /** (watcher, change) pairs that were not delivered within the per-change timeout */
  missed: number;
}

const MARK = /"bench-seq":"(\d+)"/;

export async function watchFanout(opts: {
  watchEp: Endpoint;
  writeEp: Endpoint;
  namespace: string;
  resourceVersion: string;
  watchers: number;
  changes: number;
  podName: (k: number) => string;
  perChangeTimeoutMs?: number;
}): Promise<FanoutResult> {
  const { watchEp, writeEp, namespace: ns, watchers } = opts;
  const delivery = new LatencyRecorder();
  const patch = new LatencyRecorder();
  let current = -1;
  let sentAt = 0;
  let got = 0;
  let allIn: () => void = () => undefined;
  const streams: IncomingMessage[] = [];
  try {
    const path = `/api/v1/namespaces/${ns}/pods?watch=true&resourceVersion=${opts.resourceVersion}`;
    const attach = (res: IncomingMessage) => {
      streams.push(res);
      let buf = '';
      let seen = -1;
      res.setEncoding('utf8');
      res.on('error', () => undefined);
      res.on('data', (chunk: string) => {
        const now = performance.now();
        buf += chunk;
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, nl);
          buf = buf.slice(nl + 1);
          const k = Number(MARK.exec(line)?.[1] ?? -1);
          if (k === current && k > seen) {
            seen = k;
            if (k > 0) delivery.record(now - sentAt);
            if (++got === watchers) allIn();
          }
        }
      });
    };
    const opening = Promise.all(Array.from({ length: watchers }, () => stream(watchEp, path).then(attach)));
    opening.catch(() => undefined); // awaited after round 0
    let missed = 0;
    for (let k = 0; k <= opts.changes; k++) {
      got = 0;
      const everyone = new Promise<void>((r) => (allIn = r));
      const body = JSON.stringify({ metadata: { labels: { 'bench-seq': String(k) } } });
      current = k;
      sentAt = performance.now();
      const send = () => call(writeEp, { method: 'PATCH', path: `/api/v1/namespaces/${ns}/pods/${opts.podName(k)}`, body, contentType: 'application/merge-patch+json' });
      const sent = k > 0 ? patch.time(send) : send();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([everyone, new Promise((r) => (timer = setTimeout(r, opts.perChangeTimeoutMs ?? 5_000)))]);
      clearTimeout(timer);
      await sent;
      if (k === 0) {
        // every watch has its headers by now; a watch that failed to open fails the run
        if (got < watchers) throw new Error(`only ${got} of ${watchers} watchers saw the first change`);
        await opening;
      } else missed += watchers - got;
      current = -1;
      await new Promise((r) => setTimeout(r, 20));
    }
    return { delivery, patch, missed };
  } finally {
    for (const s of streams) s.destroy();
  }
}
