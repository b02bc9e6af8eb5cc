// Generate TypeScript types for proto/*.proto with proto-loader-gen-types (the flags must match
// PROTO_LOADER_OPTIONS in src/proto.ts); relative imports get the `.js` extension NodeNext wants.
// Usage: node scripts/gen.mjs [outDir]   (default src/gen; the freshness test writes to a temp dir)
import { execFileSync } from 'node:child_process';
import process from 'node:process';
import { readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = resolve(process.argv[2] ?? join(here, '..', 'src', 'gen'));
const protoDir = resolve(here, '..', '..', '..', 'proto');
const protos = readdirSync(protoDir).filter((f) => f.endsWith('.proto')).sort();
const bin = join(dirname(createRequire(import.meta.url).resolve('@grpc/proto-loader/package.json')), 'build', 'bin', 'proto-loader-gen-types.js');

rmSync(outDir, { recursive: true, force: true });
execFileSync(process.execPath, [bin, ...protos, '--keepCase', '--longs=String', '--enums=String', '--defaults', '--oneofs',
  '--grpcLib=@grpc/grpc-js', '--importFileExtension=.js', `--outDir=${outDir}`], { stdio: 'inherit', cwd: protoDir });
