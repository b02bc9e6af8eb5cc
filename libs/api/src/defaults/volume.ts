/** Volume defaults (SetDefaults_Volume and the per-source defaulters). 0644 is 420 in JSON. */
import { recAt, recItems, setDefault, type Rec } from '../validation/narrow.js';
import { defaultFieldRef, defaultResourceFieldRef } from './container.js';

const MODE_0644 = 420;

/** The source keys a volume may carry; none set means emptyDir (SetDefaults_Volume). */
const SOURCE_KEYS = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile',
  'configMap', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume',
  'scaleIO', 'storageos', 'csi', 'ephemeral', 'image',
];

export function volumeSourceKeys(v: object): string[] {
  const present = new Set(Object.entries(v).filter(([, x]) => x !== undefined && x !== null).map(([k]) => k));
  return SOURCE_KEYS.filter((k) => present.has(k));
}

function defaultDownwardItems(src: Rec | undefined): void {
  for (const [item] of recItems(src, 'items')) {
    defaultFieldRef(recAt(item, 'fieldRef'));
    defaultResourceFieldRef(recAt(item, 'resourceFieldRef'));
  }
}

function defaultProjected(src: Rec): void {
  setDefault(src, 'defaultMode', MODE_0644);
  for (const [p] of recItems(src, 'sources')) {
    defaultDownwardItems(recAt(p, 'downwardAPI'));
    const token = recAt(p, 'serviceAccountToken');
    if (token) setDefault(token, 'expirationSeconds', 3600);
  }
}

export function defaultVolume(v: Rec): void {
  if (volumeSourceKeys(v).length === 0) v.emptyDir = {};
  const hostPath = recAt(v, 'hostPath');
  if (hostPath) setDefault(hostPath, 'type', '');
  for (const key of ['secret', 'configMap', 'downwardAPI']) {
    const src = recAt(v, key);
    if (src) setDefault(src, 'defaultMode', MODE_0644);
  }
  defaultDownwardItems(recAt(v, 'downwardAPI'));
  const projected = recAt(v, 'projected');
  if (projected) defaultProjected(projected);
  const emptyDir = recAt(v, 'emptyDir');
  if (emptyDir && typeof emptyDir.sizeLimit === 'number') emptyDir.sizeLimit = String(emptyDir.sizeLimit);
}
