/** Prometheus metrics of the apiserver: request counts and latency by verb, resource and code. */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface ApiMetrics {
  registry: Registry;
  requests: Counter<'verb' | 'resource' | 'code'>;
  latency: Histogram<'verb' | 'resource'>;
  watchers: Gauge<'resource'>;
}

export function createMetrics(): ApiMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    requests: new Counter({ name: 'apiserver_request_total', help: 'API requests by verb, resource and HTTP code', labelNames: ['verb', 'resource', 'code'], registers: [registry] }),
    latency: new Histogram({
      name: 'apiserver_request_duration_seconds',
      help: 'API request latency by verb and resource (watches excluded)',
      labelNames: ['verb', 'resource'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    watchers: new Gauge({ name: 'apiserver_registered_watchers', help: 'Open watches by resource', labelNames: ['resource'], registers: [registry] }),
  };
}
