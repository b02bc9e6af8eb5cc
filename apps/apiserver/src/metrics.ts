/** Prometheus metrics of the apiserver: request counts and latency by verb, resource and code. */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface ApiMetrics {
  registry: Registry;
  requests: Counter<'verb' | 'resource' | 'code'>;
  latency: Histogram<'verb' | 'resource'>;
  watchers: Gauge<'resource'>;
  /** count a finished request and, but for watches (which last), its latency */
  observeRequest(verb: string, resource: string, code: number, seconds: number): void;
}

export function createMetrics(): ApiMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({ name: 'apiserver_request_total', help: 'API requests by verb, resource and HTTP code', labelNames: ['verb', 'resource', 'code'] as const, registers: [registry] });
  const latency = new Histogram({
    name: 'apiserver_request_duration_seconds',
    help: 'API request latency by verb and resource (watches excluded)',
    labelNames: ['verb', 'resource'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  // prom-client hashes the label set on every call; the children of each label set are kept instead
  const counters = new Map<string, Counter.Internal>();
  const timers = new Map<string, Histogram.Internal<'verb' | 'resource'>>();
  return {
    registry,
    requests,
    latency,
    watchers: new Gauge({ name: 'apiserver_registered_watchers', help: 'Open watches by resource', labelNames: ['resource'], registers: [registry] }),
    observeRequest(verb, resource, code, seconds) {
      const key = `${verb} ${resource}`;
      if (verb !== 'watch') {
        let timer = timers.get(key);
        if (!timer) timers.set(key, (timer = latency.labels({ verb, resource })));
        timer.observe(seconds);
      }
      const counterKey = `${key} ${code}`;
      let counter = counters.get(counterKey);
      if (!counter) counters.set(counterKey, (counter = requests.labels({ verb, resource, code: String(code) })));
      counter.inc();
    },
  };
}
