/** Image presence against the real engine: asked once per image while it is remembered, again once forgotten. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineClient } from '../docker/engine-client.js';
import { TEST_IMAGE, ensureDocker } from '../testing/index.js';
import { Backoff, DEFAULT_BACKOFF } from './backoff.js';
import { ImagePuller } from './image-step.js';
import type { ImageStepContext } from './image-step.js';
import { KeyedQueue } from './work-queue.js';

const docker = new EngineClient();
/** every `image inspect` the puller sends to the engine */
let inspects = 0;
const counting = new Proxy(docker, {
  get(target, prop, receiver) {
    if (prop === 'inspectImage') return (name: string) => (inspects++, target.inspectImage(name));
    return Reflect.get(target, prop, receiver) as unknown;
  },
});

function setup() {
  inspects = 0;
  const queue = new KeyedQueue({ handler: () => Promise.resolve(), onError: () => undefined });
  const puller = new ImagePuller(counting, new Backoff(DEFAULT_BACKOFF), queue);
  const events: string[] = [];
  const ctx: ImageStepContext = { uid: 'u1', waiting: new Map(), emit: (_type, reason) => void events.push(reason) };
  return { puller, ctx, events };
}

beforeAll(async () => {
  await ensureDocker();
});

afterAll(() => docker.close());

describe('ImagePuller presence', () => {
  it('asks the engine once for an image it has just found present', async () => {
    const { puller, ctx } = setup();
    const c = { name: 'app', image: TEST_IMAGE, imagePullPolicy: 'IfNotPresent' as const };
    expect(await puller.ensure(ctx, c)).toBe(true);
    expect(await puller.ensure(ctx, c)).toBe(true);
    expect(inspects).toBe(1);
  });

  it('asks again once a create has found the image gone', async () => {
    const { puller, ctx } = setup();
    const c = { name: 'app', image: TEST_IMAGE, imagePullPolicy: 'Never' as const };
    expect(await puller.ensure(ctx, c)).toBe(true);
    puller.forgetImage(TEST_IMAGE);
    expect(await puller.ensure(ctx, c)).toBe(true);
    expect(inspects).toBe(2);
  });

  it('does not remember an image that is missing', async () => {
    const { puller, ctx, events } = setup();
    const c = { name: 'app', image: 'tugboat/no-such-image:1', imagePullPolicy: 'Never' as const };
    expect(await puller.ensure(ctx, c)).toBe(false);
    expect(await puller.ensure(ctx, c)).toBe(false);
    expect(inspects).toBe(2);
    expect(ctx.waiting.get('app')?.reason).toBe('ErrImageNeverPull');
    expect(events).toContain('ErrImageNeverPull');
  });
});
