import { describe, expect, it } from 'vitest';
import { createLifecycle } from '../../src/core/lifecycle';

describe('lifecycle', () => {
  it('releases in reverse order of acquisition, once, even when one release fails', () => {
    const errors: string[] = [];
    const life = createLifecycle({ error: (m) => errors.push(m) }, 'the core');
    const order: string[] = [];
    life.defer(() => order.push('listeners'));
    life.defer(() => {
      throw new Error('socket already closed');
    });
    life.defer(() => order.push('connection'));
    life.stop();
    life.stop();
    expect(order).toEqual(['connection', 'listeners']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^stopping the core failed in part: Error: socket already closed/);
  });

  it('late callbacks do nothing once stopped, and late acquisitions are released at once', () => {
    const life = createLifecycle({ error: () => undefined });
    const pushed: string[] = [];
    const push = life.guard((text: string) => pushed.push(text));
    push('before');
    life.stop();
    push('after');
    expect(pushed).toEqual(['before']);
    let released = false;
    life.defer(() => (released = true));
    expect(released).toBe(true);
    expect(life.stopped).toBe(true);
  });
});
