/** What the NodeService handlers share. */
import type { PeerVerifier } from '@tugboat/rpc';
import type { Logger } from 'pino';
import type { BatchGate } from './batch-gate.js';
import type { KeyPair } from '../security/pki.js';
import type { Storage } from '../storage/storage.js';

export interface ClusterNetwork {
  /** every node gets a /24 of it: 10.244.0.0/16 */
  clusterCidr: string;
  serviceCidr: string;
  clusterDns: string[];
  clusterDomain: string;
}

export interface NodeServiceContext {
  storage: Storage;
  ca: KeyPair;
  /** the bootstrap token nodes join with */
  nodeToken: string;
  network: ClusterNetwork;
  verifier: PeerVerifier;
  log: Logger;
  /** lease renewals pass it in batches (heartbeat.ts); the NodeService owns it */
  renewals: BatchGate;
}

/** field manager recorded on what agents write */
export const AGENT_MANAGER = 'tug-agent';

/** MicroTime (Lease renewTime): RFC 3339 with microseconds. */
export function nowMicro(): string {
  return new Date().toISOString().replace(/Z$/, '000Z');
}
