/** Small core and coordination kinds: Namespaces, ConfigMaps, Secrets, PersistentVolumeClaims, Leases. */
import type { ConfigMap, Lease, Namespace, PersistentVolumeAccessMode, PersistentVolumeClaim, Secret } from '@tugboat/api';
import { UNSET } from './format.js';
import { AGE_COLUMN, NAME_COLUMN, ageOf, column, definePrinter, nameOf, wideColumn } from './printer.js';

const count = (m: Record<string, string> | undefined): number => Object.keys(m ?? {}).length;

export const namespacePrinter = definePrinter<Namespace>(
  [NAME_COLUMN, column('Status', 'The status of the namespace'), AGE_COLUMN],
  (ns, now) => [nameOf(ns), ns.status?.phase ?? '', ageOf(ns, now)],
);

export const configMapPrinter = definePrinter<ConfigMap>(
  [NAME_COLUMN, column('Data', 'Data contains the configuration data.'), AGE_COLUMN],
  (cm, now) => [nameOf(cm), count(cm.data) + count(cm.binaryData), ageOf(cm, now)],
);

export const secretPrinter = definePrinter<Secret>(
  [NAME_COLUMN, column('Type', 'Used to facilitate programmatic handling of secret data.'), column('Data', 'Data contains the secret data.'), AGE_COLUMN],
  (s, now) => [nameOf(s), s.type ?? '', count(s.data), ageOf(s, now)],
);

const ACCESS_MODES: readonly [PersistentVolumeAccessMode, string][] = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];

/** `RWO,RWX`: abbreviations in Kubernetes' fixed order, whatever the order given. */
export function formatAccessModes(modes: readonly PersistentVolumeAccessMode[] | undefined): string {
  return ACCESS_MODES.filter(([mode]) => modes?.includes(mode))
    .map(([, short]) => short)
    .join(',');
}

/** The beta annotation wins over spec.storageClassName, as in Kubernetes. */
function storageClassOf(pvc: PersistentVolumeClaim): string {
  return pvc.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? pvc.spec?.storageClassName ?? '';
}

export const pvcPrinter = definePrinter<PersistentVolumeClaim>(
  [
    NAME_COLUMN,
    column('Status', 'phase represents the current phase of PersistentVolumeClaim.'),
    column('Volume', 'volumeName is the binding reference to the PersistentVolume backing this claim.'),
    column('Capacity', 'capacity represents the actual resources of the underlying volume.'),
    column('Access Modes', 'accessModes contains the actual access modes the volume backing the PVC has.'),
    column('StorageClass', 'StorageClass of the pvc'),
    column('VolumeAttributesClass', 'VolumeAttributesClass of the pvc'),
    AGE_COLUMN,
    wideColumn('VolumeMode', 'volumeMode defines what type of volume is required by the claim.'),
  ],
  (pvc, now) => {
    const bound = Boolean(pvc.spec?.volumeName);
    return [
      nameOf(pvc),
      pvc.metadata.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? ''),
      pvc.spec?.volumeName ?? '',
      bound ? (pvc.status?.capacity?.storage ?? '') : '',
      bound ? formatAccessModes(pvc.status?.accessModes) : '',
      storageClassOf(pvc),
      pvc.spec?.volumeAttributesClassName ?? UNSET,
      ageOf(pvc, now),
      pvc.spec?.volumeMode ?? UNSET,
    ];
  },
);

export const leasePrinter = definePrinter<Lease>(
  [NAME_COLUMN, column('Holder', 'holderIdentity contains the identity of the holder of a current lease.'), AGE_COLUMN],
  (lease, now) => [nameOf(lease), lease.spec?.holderIdentity ?? '', ageOf(lease, now)],
);
