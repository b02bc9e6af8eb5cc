import { describe, expect, it } from 'vitest';
import type { EngineClient } from '../docker/engine-client.js';
import { Backoff, DEFAULT_BACKOFF } from './backoff.js';
import { ImagePuller } from './image-step.js';
import type { ImageStepContext } from './image-step.js';
import { KeyedQueue } from './work-queue.js';

/** An engine that has the images in `images` and counts every `image inspect`. */
function fakeEngine(images: Set<string>) {
  const engine = {
    inspects: 0,
    inspectImage(name: string) {
      engine.inspects++;
      return images.has(name) ? Promise.resolve({ Id: `sha256:${name}` }) : Promise.reject(Object.assign(new Error('No such image'), { statusCode: 404 }));
    },
  };
  return engine;
}

function setup(images: Set<string>) {
  const engine = fakeEngine(images);
  const queue = new KeyedQueue({ handler: () => Promise.resolve(), onError: () => undefined });
  const puller = new ImagePuller(engine as unknown as EngineClient, new Backoff(DEFAULT_BACKOFF), queue);
  const events: string[] = [];
  const ctx: ImageStepContext = { uid: 'u1', waiting: new Map(), emit: (_type, reason) => void events.push(reason) };
  return { engine, puller, ctx, events };
}

describe('ImagePuller presence', () => {
  it('asks the engine once for an image it has just seen present', async () => {
    const { engine, puller, ctx } = setup(new Set(['app:1']));
    const c = { name: 'app', image: 'app:1', imagePullPolicy: 'IfNotPresent' as const };
    expect(await puller.ensure(ctx, c)).toBe(true);
    expect(await puller.ensure(ctx, c)).toBe(true);
    expect(engine.inspects).toBe(1);
  });

  it('asks again once a create has found the image gone', async () => {
    const images = new Set(['app:1']);
    const { engine, puller, ctx, events } = setup(images);
    const c = { name: 'app', image: 'app:1', imagePullPolicy: 'Never' as const };
    expect(await puller.ensure(ctx, c)).toBe(true);
    images.delete('app:1');
    puller.forgetImage('app:1');
    expect(await puller.ensure(ctx, c)).toBe(false);
    expect(engine.inspects).toBe(2);
    expect(ctx.waiting.get('app')?.reason).toBe('ErrImageNeverPull');
    expect(events).toContain('ErrImageNeverPull');
  });

  it('does not remember an image that is missing', async () => {
    const { engine, puller, ctx } = setup(new Set());
    const c = { name: 'app', image: 'gone:1', imagePullPolicy: 'Never' as const };
    expect(await puller.ensure(ctx, c)).toBe(false);
    expect(await puller.ensure(ctx, c)).toBe(false);
    expect(engine.inspects).toBe(2);
  });
});
