/** Idempotent Docker steps: a container that is already stopped or gone is not an error. */
import type { EngineClient } from '../docker/engine-client.js';
import type { ContainerCreateOptions } from '../docker/engine-types.js';
import { isNotFound } from '../docker/observe.js';

function statusCode(err: unknown): number | undefined {
  return (err as { statusCode?: number } | undefined)?.statusCode;
}

/** SIGTERM, then SIGKILL after graceSeconds (Docker's stop does both). */
export async function stopContainer(docker: EngineClient, id: string, graceSeconds: number): Promise<void> {
  try {
    await docker.stopContainer(id, Math.max(0, Math.round(graceSeconds)));
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}

export async function removeContainer(docker: EngineClient, id: string): Promise<void> {
  try {
    await docker.removeContainer(id, { force: true, volumes: true });
  } catch (err) {
    // 409: removal already in progress.
    if (!isNotFound(err) && statusCode(err) !== 409) throw err;
  }
}

/** Create a container; a leftover with the same name (a create whose start never happened) is replaced. Returns its id. */
export async function createContainer(docker: EngineClient, spec: ContainerCreateOptions): Promise<string> {
  try {
    return (await docker.createContainer(spec)).Id;
  } catch (err) {
    if (statusCode(err) !== 409 || !spec.name) throw err;
    await removeContainer(docker, spec.name);
    return (await docker.createContainer(spec)).Id;
  }
}
