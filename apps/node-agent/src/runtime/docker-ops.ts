/** Idempotent Docker steps: a container that is already stopped or gone is not an error. */
import type Dockerode from 'dockerode';
import { isNotFound } from '../docker/observe.js';

function statusCode(err: unknown): number | undefined {
  return (err as { statusCode?: number } | undefined)?.statusCode;
}

/** SIGTERM, then SIGKILL after graceSeconds (Docker's stop does both). */
export async function stopContainer(docker: Dockerode, id: string, graceSeconds: number): Promise<void> {
  try {
    await docker.getContainer(id).stop({ t: Math.max(0, Math.round(graceSeconds)) });
  } catch (err) {
    if (statusCode(err) !== 304 && !isNotFound(err)) throw err;
  }
}

export async function removeContainer(docker: Dockerode, id: string): Promise<void> {
  try {
    await docker.getContainer(id).remove({ force: true, v: true });
  } catch (err) {
    // 409: removal already in progress.
    if (!isNotFound(err) && statusCode(err) !== 409) throw err;
  }
}

/** Create a container; a leftover with the same name (a create whose start never happened) is replaced. */
export async function createContainer(docker: Dockerode, spec: Dockerode.ContainerCreateOptions): Promise<Dockerode.Container> {
  try {
    return await docker.createContainer(spec);
  } catch (err) {
    if (statusCode(err) !== 409 || !spec.name) throw err;
    await removeContainer(docker, spec.name);
    return docker.createContainer(spec);
  }
}
