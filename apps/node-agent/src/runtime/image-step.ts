/**
 * Making a container's image available as the kubelet does: pull policy, ErrImageNeverPull,
 * ErrImagePull with the engine's message, then ImagePullBackOff while the back-off runs.
 */
import type { Container, ContainerStateWaiting } from '@tugboat/api';
import { engineMessage, imagePresent, pullImage, pullPolicyOf } from '../docker/images.js';
import type { Backoff } from './backoff.js';
import type { KeyedQueue } from './work-queue.js';
import type { EngineClient } from '../docker/engine-client.js';

export interface ImageStepContext {
  uid: string;
  waiting: Map<string, ContainerStateWaiting>;
  emit(type: 'Normal' | 'Warning', reason: string, message: string): void;
}

/**
 * How long an image found present is taken as present without asking the engine again: every
 * container start asked (an `image inspect` per container, twice per pod with the sandbox's). A
 * create that fails with 404 (the image went meanwhile) forgets it at once.
 */
export const PRESENT_TTL_MS = 30_000;

export class ImagePuller {
  /** The last pull failure per back-off key: when, and what the engine said. */
  private readonly failures = new Map<string, { at: number; message: string }>();
  /** image → when the engine last said it is present */
  private readonly present = new Map<string, number>();

  constructor(
    private readonly docker: EngineClient,
    private readonly backoff: Backoff,
    private readonly queue: KeyedQueue,
  ) {}

  /** The engine no longer has the image (a create answered 404). */
  forgetImage(image: string): void {
    this.present.delete(image);
  }

  private async isPresent(image: string): Promise<boolean> {
    const seen = this.present.get(image);
    if (seen !== undefined && Date.now() - seen < PRESENT_TTL_MS) return true;
    this.present.delete(image);
    const present = await imagePresent(this.docker, image);
    if (present) this.present.set(image, Date.now());
    return present;
  }

  forgetPod(uid: string): void {
    for (const k of this.failures.keys()) if (k.startsWith(`${uid}/`)) this.failures.delete(k);
  }

  /** true when the image is there; otherwise records the waiting reason and schedules a retry. */
  async ensure(ctx: ImageStepContext, c: Pick<Container, 'name' | 'image' | 'imagePullPolicy'>): Promise<boolean> {
    const image = c.image ?? '';
    const policy = pullPolicyOf(c);
    const present = await this.isPresent(image);
    if (policy === 'Never' && !present) {
      const message = `Container image "${image}" is not present with pull policy of Never`;
      ctx.waiting.set(c.name, { reason: 'ErrImageNeverPull', message });
      ctx.emit('Warning', 'ErrImageNeverPull', message);
      return false;
    }
    if (present && policy !== 'Always') {
      ctx.emit('Normal', 'Pulled', `Container image "${image}" already present on machine`);
      return true;
    }
    const key = `${ctx.uid}/${c.name}/image`;
    const last = this.failures.get(key);
    const remaining = last ? this.backoff.remaining(key, last.at) : 0;
    if (last && remaining > 0) {
      ctx.waiting.set(c.name, { reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}": ErrImagePull: ${last.message}` });
      this.queue.enqueueAfter(ctx.uid, remaining);
      return false;
    }
    ctx.emit('Normal', 'Pulling', `Pulling image "${image}"`);
    try {
      await pullImage(this.docker, image);
      this.present.set(image, Date.now());
      this.failures.delete(key);
      this.backoff.reset(key);
      ctx.emit('Normal', 'Pulled', `Successfully pulled image "${image}"`);
      return true;
    } catch (err) {
      const message = engineMessage(err);
      this.backoff.next(key);
      this.failures.set(key, { at: Date.now(), message });
      ctx.waiting.set(c.name, { reason: 'ErrImagePull', message });
      ctx.emit('Warning', 'Failed', `Failed to pull image "${image}": ${message}`);
      ctx.emit('Warning', 'Failed', 'Error: ErrImagePull');
      // Come back shortly so the status moves on to ImagePullBackOff, and again when the back-off ends.
      this.queue.enqueueAfter(ctx.uid, Math.min(1000, this.backoff.delay(key)));
      return false;
    }
  }
}
