/** Small shared shapes used by several groups (k8s.io/apimachinery intstr, resource.Quantity, core refs). */

/** intstr.IntOrString: `8080` or `"http"`, `1` or `"25%"`. */
export type IntOrString = number | string;

/**
 * resource.Quantity in its serialized form (`"500m"`, `"128Mi"`). Stored objects always hold a string;
 * defaulting turns a bare YAML number (`cpu: 1`) into one. Parse with `parseQuantity` from quantity.ts.
 */
export type Quantity = string;

/** core/v1 ResourceList: resource name (`cpu`, `memory`, `ephemeral-storage`, `pods`, …) → quantity. */
export type ResourceList = Record<string, Quantity>;

export interface LocalObjectReference {
  name?: string;
}

export interface ObjectReference {
  kind?: string;
  namespace?: string;
  name?: string;
  uid?: string;
  apiVersion?: string;
  resourceVersion?: string;
  fieldPath?: string;
}

export interface TypedLocalObjectReference {
  apiGroup?: string;
  kind: string;
  name: string;
}
