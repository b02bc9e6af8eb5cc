/**
 * Loads proto/*.proto at run time with the same options the generated types were made with
 * (scripts/gen.mjs), so the runtime objects and the checked-in types agree.
 */
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import type { ProtoGrpcType as AgentProto } from './gen/agent.js';
import type { ProtoGrpcType as NodeProto } from './gen/node.js';

/** proto/ at the repository root: two levels above this package's src/ or dist/. */
export const PROTO_DIR = fileURLToPath(new URL('../../../proto/', import.meta.url));

export const PROTO_LOADER_OPTIONS: protoLoader.Options = { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true };

let loaded: { node: NodeProto['tugboat']['v1']; agent: AgentProto['tugboat']['v1'] } | undefined;

function load(file: string): unknown {
  const def = protoLoader.loadSync(file, { ...PROTO_LOADER_OPTIONS, includeDirs: [PROTO_DIR] });
  return grpc.loadPackageDefinition(def);
}

/** The two services' constructors and definitions, loaded once per process. */
export function protos(): { node: NodeProto['tugboat']['v1']; agent: AgentProto['tugboat']['v1'] } {
  loaded ??= {
    node: (load('node.proto') as NodeProto).tugboat.v1,
    agent: (load('agent.proto') as AgentProto).tugboat.v1,
  };
  return loaded;
}
