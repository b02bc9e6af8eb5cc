/** Shapes of PodSpec and what it contains (the structural half of Pod validation). */
import { S, resourceList, stringMap, strings, type Shape } from '../shape.js';
import { labelSelector, objectMeta } from './meta.js';

const fieldRef = S.obj({ apiVersion: S.str, fieldPath: S.str });
const resourceFieldRef = S.obj({ containerName: S.str, resource: S.str, divisor: S.quantity });
const keyRef = S.obj({ name: S.str, key: S.str, optional: S.bool });
const execAction = S.obj({ command: strings });
const httpGet = S.obj({ path: S.str, port: S.intOrStr, host: S.str, scheme: S.str, httpHeaders: S.arr(S.obj({ name: S.str, value: S.str })) });
const tcpSocket = S.obj({ port: S.intOrStr, host: S.str });
const handler = { exec: execAction, httpGet, tcpSocket };

const probe = S.obj({
  ...handler, grpc: S.obj({ port: S.int, service: S.str }),
  initialDelaySeconds: S.int, timeoutSeconds: S.int, periodSeconds: S.int, successThreshold: S.int, failureThreshold: S.int,
  terminationGracePeriodSeconds: S.int,
});
const lifecycleHandler = S.obj({ ...handler, sleep: S.obj({ seconds: S.int }) });
const resources = S.obj({ limits: resourceList, requests: resourceList, claims: S.arr(S.obj({ name: S.str, request: S.str })) });

const securityContext = S.obj({
  capabilities: S.obj({ add: strings, drop: strings }), privileged: S.bool, runAsUser: S.int, runAsGroup: S.int,
  runAsNonRoot: S.bool, readOnlyRootFilesystem: S.bool, allowPrivilegeEscalation: S.bool, procMount: S.str,
  seccompProfile: S.obj({ type: S.str, localhostProfile: S.str }),
});

export const container: Shape = S.obj({
  name: S.str, image: S.str, command: strings, args: strings, workingDir: S.str,
  ports: S.arr(S.obj({ name: S.str, hostPort: S.int, containerPort: S.int, protocol: S.str, hostIP: S.str })),
  envFrom: S.arr(S.obj({ prefix: S.str, configMapRef: S.obj({ name: S.str, optional: S.bool }), secretRef: S.obj({ name: S.str, optional: S.bool }) })),
  env: S.arr(S.obj({
    name: S.str, value: S.str,
    valueFrom: S.obj({ fieldRef, resourceFieldRef, configMapKeyRef: keyRef, secretKeyRef: keyRef }),
  })),
  resources, restartPolicy: S.str,
  volumeMounts: S.arr(S.obj({ name: S.str, readOnly: S.bool, mountPath: S.str, subPath: S.str, mountPropagation: S.str, subPathExpr: S.str })),
  livenessProbe: probe, readinessProbe: probe, startupProbe: probe,
  lifecycle: S.obj({ postStart: lifecycleHandler, preStop: lifecycleHandler }),
  terminationMessagePath: S.str, terminationMessagePolicy: S.str, imagePullPolicy: S.str, securityContext,
  stdin: S.bool, stdinOnce: S.bool, tty: S.bool,
});

const keyToPath = S.arr(S.obj({ key: S.str, path: S.str, mode: S.int }));
const downwardItems = S.arr(S.obj({ path: S.str, fieldRef, resourceFieldRef, mode: S.int }));

const volume = S.obj({
  name: S.str,
  emptyDir: S.obj({ medium: S.str, sizeLimit: S.quantity }),
  hostPath: S.obj({ path: S.str, type: S.str }),
  configMap: S.obj({ name: S.str, items: keyToPath, defaultMode: S.int, optional: S.bool }),
  secret: S.obj({ secretName: S.str, items: keyToPath, defaultMode: S.int, optional: S.bool }),
  persistentVolumeClaim: S.obj({ claimName: S.str, readOnly: S.bool }),
  downwardAPI: S.obj({ items: downwardItems, defaultMode: S.int }),
  projected: S.obj({
    defaultMode: S.int,
    sources: S.arr(S.obj({
      secret: S.obj({ name: S.str, items: keyToPath, optional: S.bool }),
      configMap: S.obj({ name: S.str, items: keyToPath, optional: S.bool }),
      downwardAPI: S.obj({ items: downwardItems }),
      serviceAccountToken: S.obj({ audience: S.str, expirationSeconds: S.int, path: S.str }),
    })),
  }),
});

const nodeSelectorTerm = S.obj({
  matchExpressions: S.arr(S.obj({ key: S.str, operator: S.str, values: strings })),
  matchFields: S.arr(S.obj({ key: S.str, operator: S.str, values: strings })),
});
const podAffinityTerm = S.obj({ labelSelector, namespaces: strings, topologyKey: S.str, namespaceSelector: labelSelector });
const podAffinity = S.obj({
  requiredDuringSchedulingIgnoredDuringExecution: S.arr(podAffinityTerm),
  preferredDuringSchedulingIgnoredDuringExecution: S.arr(S.obj({ weight: S.int, podAffinityTerm })),
});

export const podSpec: Shape = S.obj({
  volumes: S.arr(volume), initContainers: S.arr(container), containers: S.arr(container), ephemeralContainers: S.arr(container),
  restartPolicy: S.str, terminationGracePeriodSeconds: S.int, activeDeadlineSeconds: S.int, dnsPolicy: S.str,
  nodeSelector: stringMap, serviceAccountName: S.str, serviceAccount: S.str, automountServiceAccountToken: S.bool,
  nodeName: S.str, hostNetwork: S.bool, hostPID: S.bool, hostIPC: S.bool, shareProcessNamespace: S.bool,
  securityContext: S.obj({ runAsUser: S.int, runAsGroup: S.int, runAsNonRoot: S.bool, supplementalGroups: S.arr(S.int), fsGroup: S.int, sysctls: S.arr(S.obj({ name: S.str, value: S.str })) }),
  imagePullSecrets: S.arr(S.obj({ name: S.str })), hostname: S.str, subdomain: S.str,
  affinity: S.obj({
    nodeAffinity: S.obj({
      requiredDuringSchedulingIgnoredDuringExecution: S.obj({ nodeSelectorTerms: S.arr(nodeSelectorTerm) }),
      preferredDuringSchedulingIgnoredDuringExecution: S.arr(S.obj({ weight: S.int, preference: nodeSelectorTerm })),
    }),
    podAffinity, podAntiAffinity: podAffinity,
  }),
  schedulerName: S.str,
  tolerations: S.arr(S.obj({ key: S.str, operator: S.str, value: S.str, effect: S.str, tolerationSeconds: S.int })),
  hostAliases: S.arr(S.obj({ ip: S.str, hostnames: strings })), priorityClassName: S.str, priority: S.int,
  dnsConfig: S.obj({ nameservers: strings, searches: strings, options: S.arr(S.obj({ name: S.str, value: S.str })) }),
  readinessGates: S.arr(S.obj({ conditionType: S.str })), runtimeClassName: S.str, enableServiceLinks: S.bool,
  preemptionPolicy: S.str, overhead: resourceList,
  topologySpreadConstraints: S.arr(S.obj({ maxSkew: S.int, topologyKey: S.str, whenUnsatisfiable: S.str, labelSelector, minDomains: S.int })),
  setHostnameAsFQDN: S.bool, os: S.obj({ name: S.str }), hostUsers: S.bool, resources,
});

export const podTemplate: Shape = S.obj({ metadata: objectMeta, spec: podSpec });

export const podStatus: Shape = S.obj({
  phase: S.str, message: S.str, reason: S.str, hostIP: S.str, podIP: S.str, startTime: S.str, qosClass: S.str,
  podIPs: S.arr(S.obj({ ip: S.str })), hostIPs: S.arr(S.obj({ ip: S.str })),
  conditions: S.arr(S.obj({ type: S.str, status: S.str, reason: S.str, message: S.str })),
  containerStatuses: S.arr(S.obj({ name: S.str, ready: S.bool, restartCount: S.int, image: S.str, imageID: S.str, containerID: S.str, started: S.bool })),
  initContainerStatuses: S.arr(S.obj({ name: S.str, ready: S.bool, restartCount: S.int, image: S.str, imageID: S.str })),
});
