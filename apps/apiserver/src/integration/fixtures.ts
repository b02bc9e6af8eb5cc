/** Manifests and small HTTP helpers shared by the apiserver's integration tests. */

export const WEB_MANIFEST = `
apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
data:
  greeting: hello
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: { app: web }
spec:
  replicas: 2
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
      - name: web
        image: tugboat/demo-web:1
        ports:
        - containerPort: 8080
        env:
        - name: GREETING
          valueFrom:
            configMapKeyRef: { name: web-config, key: greeting }
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector: { app: web }
  ports:
  - port: 80
    targetPort: 8080
`;

export interface HttpResult {
  status: number;
  body: Record<string, unknown>;
}

/** A body sent as it is, with its own content type. */
export class RawBody {
  constructor(
    readonly text: string,
    readonly contentType = 'application/json',
  ) {}
}

/** A request to the apiserver's plain loopback listener; objects are sent as JSON. */
export async function call(base: string, method: string, path: string, body?: unknown): Promise<HttpResult> {
  const raw = body instanceof RawBody ? body : body === undefined ? undefined : new RawBody(JSON.stringify(body));
  const res = await fetch(`${base}${path}`, {
    method,
    headers: raw ? { 'Content-Type': raw.contentType } : {},
    body: raw?.text,
  });
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    parsed = { raw: text };
  }
  return { status: res.status, body: parsed };
}
