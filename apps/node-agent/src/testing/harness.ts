/**
 * A runtime under test: started against the real engine with an in-memory ConfigMap/Secret map,
 * recording every status and event it reports so tests can poll for what they expect.
 */
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { ConfigMap, Pod, PodSpec, PodStatus, Secret } from '@tugboat/api';
import type { EngineClient } from '../docker/engine-client.js';
import { startRuntime } from '../runtime/runtime.js';
import type { PodEvent, Runtime, RuntimeOptions } from '../runtime/types.js';
import { waitFor } from './docker.js';

export interface TestRuntime {
  runtime: Runtime;
  statuses: Map<string, PodStatus[]>;
  events: { pod: string; event: PodEvent }[];
  terminated: string[];
  configMaps: Map<string, ConfigMap>;
  secrets: Map<string, Secret>;
  /** the last status reported for a pod name */
  status(name: string): PodStatus | undefined;
  waitForStatus(name: string, what: string, ok: (s: PodStatus) => boolean, timeoutMs?: number): Promise<PodStatus>;
  eventsOf(name: string): PodEvent[];
}

export interface TestRuntimeOptions {
  docker: EngineClient;
  nodeName: string;
  network: { name: string; subnet: string };
  backoff?: RuntimeOptions['backoff'];
  /** share ConfigMaps/Secrets with an earlier runtime (adoption tests) */
  configMaps?: Map<string, ConfigMap>;
  secrets?: Map<string, Secret>;
}

export function startTestRuntime(o: TestRuntimeOptions): TestRuntime {
  const statuses = new Map<string, PodStatus[]>();
  const events: { pod: string; event: PodEvent }[] = [];
  const terminated: string[] = [];
  const configMaps = o.configMaps ?? new Map<string, ConfigMap>();
  const secrets = o.secrets ?? new Map<string, Secret>();
  const logger = pino({ level: process.env.TUGBOAT_TEST_LOG ?? 'silent' });
  const runtime = startRuntime({
    docker: o.docker,
    nodeName: o.nodeName,
    hostIP: '127.0.0.1',
    network: o.network,
    clusterDNS: ['10.96.0.10'],
    clusterDomain: 'cluster.local',
    refs: { configMap: (ns, name) => configMaps.get(`${ns}/${name}`), secret: (ns, name) => secrets.get(`${ns}/${name}`) },
    logger,
    onPodStatus: (pod, status) => {
      const name = pod.metadata.name ?? '';
      statuses.set(name, [...(statuses.get(name) ?? []), status]);
    },
    onPodTerminated: (pod) => terminated.push(pod.metadata.name ?? ''),
    onEvent: (pod, event) => events.push({ pod: pod.metadata.name ?? '', event }),
    backoff: o.backoff ?? { initialMs: 1000, maxMs: 4000 },
  });
  const status = (name: string): PodStatus | undefined => statuses.get(name)?.at(-1);
  return {
    runtime, statuses, events, terminated, configMaps, secrets, status,
    waitForStatus: (name, what, ok, timeoutMs = 30_000) => waitFor(`${name}: ${what}`, () => {
      const s = status(name);
      return s && ok(s) ? s : undefined;
    }, timeoutMs, () => ({ status: status(name), events: events.filter((e) => e.pod === name).slice(-10) })),
    eventsOf: (name) => events.filter((e) => e.pod === name).map((e) => e.event),
  };
}

/** A pod bound to the node, with a fresh uid. */
export function testPod(name: string, spec: Omit<PodSpec, 'nodeName'>, nodeName: string, namespace = 'default'): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, uid: randomUUID() }, spec: { terminationGracePeriodSeconds: 2, ...spec, nodeName } };
}
