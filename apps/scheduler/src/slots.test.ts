import { describe, expect, it } from 'vitest';
import { Slots } from './slots.js';

describe('Slots', () => {
  it('holds at most `limit` and hands a released slot to the longest waiter', async () => {
    const slots = new Slots(2);
    await slots.acquire();
    await slots.acquire();
    const order: string[] = [];
    const a = slots.acquire().then(() => order.push('a'));
    const b = slots.acquire().then(() => order.push('b'));
    await Promise.resolve();
    expect(order).toEqual([]);
    slots.release();
    await a;
    expect(order).toEqual(['a']);
    expect(slots.inUse()).toBe(2);
    slots.release();
    await b;
    expect(order).toEqual(['a', 'b']);
  });

  it('idle() resolves once every slot is back', async () => {
    const slots = new Slots(3);
    await slots.acquire();
    await slots.acquire();
    let idle = false;
    const done = slots.idle().then(() => (idle = true));
    slots.release();
    await Promise.resolve();
    expect(idle).toBe(false);
    slots.release();
    await done;
    expect(slots.inUse()).toBe(0);
  });

  it('refuses a limit below one', () => {
    expect(() => new Slots(0)).toThrow(/at least 1/);
  });
});
