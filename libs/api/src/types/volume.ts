/** core/v1 Volume and the volume sources Tugboat understands (plus the projected/downward API family). */
import type { LabelSelector } from './meta.js';
import type { Quantity, TypedLocalObjectReference } from './common.js';
import type { ObjectFieldSelector, ResourceFieldSelector } from './container.js';
import type { PersistentVolumeClaimSpec } from './pvc.js';

export interface KeyToPath {
  key: string;
  path: string;
  mode?: number;
}

export interface EmptyDirVolumeSource {
  medium?: '' | 'Memory' | 'HugePages';
  sizeLimit?: Quantity;
}

export type HostPathType =
  | ''
  | 'DirectoryOrCreate'
  | 'Directory'
  | 'FileOrCreate'
  | 'File'
  | 'Socket'
  | 'CharDevice'
  | 'BlockDevice';

export interface HostPathVolumeSource {
  path: string;
  type?: HostPathType;
}

export interface ConfigMapVolumeSource {
  name?: string;
  items?: KeyToPath[];
  defaultMode?: number;
  optional?: boolean;
}

export interface SecretVolumeSource {
  secretName?: string;
  items?: KeyToPath[];
  defaultMode?: number;
  optional?: boolean;
}

export interface PersistentVolumeClaimVolumeSource {
  claimName: string;
  readOnly?: boolean;
}

export interface DownwardAPIVolumeFile {
  path: string;
  fieldRef?: ObjectFieldSelector;
  resourceFieldRef?: ResourceFieldSelector;
  mode?: number;
}

export interface DownwardAPIVolumeSource {
  items?: DownwardAPIVolumeFile[];
  defaultMode?: number;
}

export interface ServiceAccountTokenProjection {
  audience?: string;
  expirationSeconds?: number;
  path: string;
}

export interface ClusterTrustBundleProjection {
  name?: string;
  signerName?: string;
  labelSelector?: LabelSelector;
  optional?: boolean;
  path: string;
}

export interface VolumeProjection {
  secret?: Omit<SecretVolumeSource, 'secretName' | 'defaultMode'> & { name?: string };
  configMap?: Omit<ConfigMapVolumeSource, 'defaultMode'>;
  downwardAPI?: Omit<DownwardAPIVolumeSource, 'defaultMode'>;
  serviceAccountToken?: ServiceAccountTokenProjection;
  clusterTrustBundle?: ClusterTrustBundleProjection;
}

export interface ProjectedVolumeSource {
  sources?: VolumeProjection[];
  defaultMode?: number;
}

export interface EphemeralVolumeSource {
  volumeClaimTemplate?: {
    metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
    spec: PersistentVolumeClaimSpec;
  };
}

export interface ImageVolumeSource {
  reference?: string;
  pullPolicy?: 'Always' | 'Never' | 'IfNotPresent';
}

/** The sources; exactly one is set on a Volume. */
export interface VolumeSource {
  emptyDir?: EmptyDirVolumeSource;
  hostPath?: HostPathVolumeSource;
  configMap?: ConfigMapVolumeSource;
  secret?: SecretVolumeSource;
  persistentVolumeClaim?: PersistentVolumeClaimVolumeSource;
  projected?: ProjectedVolumeSource;
  downwardAPI?: DownwardAPIVolumeSource;
  ephemeral?: EphemeralVolumeSource;
  image?: ImageVolumeSource;
  /** Data sources of CSI-style volumes are accepted as opaque objects; Tugboat does not mount them. */
  csi?: { driver: string; readOnly?: boolean; fsType?: string; volumeAttributes?: Record<string, string>; nodePublishSecretRef?: TypedLocalObjectReference };
  nfs?: { server: string; path: string; readOnly?: boolean };
}

export interface Volume extends VolumeSource {
  name: string;
}
