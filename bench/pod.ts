/** A realistic small Pod (~1 KB of JSON) for the benchmarks. */

export function benchPod(namespace: string, i: number): Record<string, unknown> {
  const name = `web-${String(i).padStart(6, '0')}`;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace,
      labels: { app: 'web', tier: 'frontend', 'pod-template-hash': '5d8f7c9b6d', shard: String(i % 16) },
      annotations: { 'bench.tugboat.dev/created-by': 'bench/apiserver.ts' },
    },
    spec: {
      restartPolicy: 'Always',
      serviceAccountName: 'web',
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      terminationGracePeriodSeconds: 30,
      containers: [
        {
          name: 'web',
          image: 'registry.local/demo/web:1.4.2',
          imagePullPolicy: 'IfNotPresent',
          args: ['--listen=:8080', '--metrics=:9090'],
          env: [
            { name: 'LOG_LEVEL', value: 'info' },
            { name: 'POD_INDEX', value: String(i) },
          ],
          ports: [
            { name: 'http', containerPort: 8080, protocol: 'TCP' },
            { name: 'metrics', containerPort: 9090, protocol: 'TCP' },
          ],
          resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
          securityContext: { runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false },
          readinessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 5 },
        },
      ],
    },
  };
}
