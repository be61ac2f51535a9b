import { describe, expect, it } from 'vitest';
import { PUSH_WINDOW_MS, QUIET_MS } from '../../src/core/inbox/inbox-pushes';
import type { ConversationsDelta, MessagesDelta } from '../../src/shared/inbox';
import { afterCurrentTask } from '../support/fake-scheduler';
import { createPushHarness, receive } from '../support/inbox-pushes';

function setUp() {
  const rows: ConversationsDelta[] = [];
  const threads: MessagesDelta[] = [];
  const { scheduler, store, pushes } = createPushHarness({
    onConversations: (delta) => rows.push(delta),
    onMessages: (delta) => threads.push(delta),
  });
  /** What the user would see change: a new message, in a pushed conversation row and thread. */
  const arrive = (conversationId: string) => {
    const id = receive(store, conversationId);
    pushes.schedule();
    return id;
  };
  return { scheduler, store, rows, threads, pushes, arrive };
}

describe('inbox pushes', () => {
  it('pushes a message that arrives alone once the current task ends, with no timer at all', async () => {
    const { scheduler, store, rows, threads, arrive } = setUp();
    store.shelf.markOpen('c1');
    const id = arrive('c1');
    expect(rows).toHaveLength(0); // not inside the receive call itself: changes made together go together
    expect(scheduler.pendingCount()).toBe(0); // nothing waits on a timer, not even a 0 ms one
    await afterCurrentTask();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.upserts.map((row) => row.id)).toEqual(['c1']);
    expect(threads.flatMap((delta) => delta.upserts.map((m) => m.id))).toEqual([id]);
  });

  it('sends changes made in the same task as one push', async () => {
    const { rows, arrive } = setUp();
    arrive('c1');
    arrive('c2');
    await afterCurrentTask();
    expect(rows.map((delta) => delta.upserts.map((row) => row.id).sort())).toEqual([['c1', 'c2']]);
  });

  it('pushes the next lone message at once too, once a quiet window has passed', async () => {
    const { scheduler, rows, arrive } = setUp();
    arrive('c1');
    await afterCurrentTask();
    scheduler.advance(PUSH_WINDOW_MS);
    arrive('c2');
    await afterCurrentTask();
    expect(rows.map((delta) => delta.upserts.map((row) => row.id))).toEqual([['c1'], ['c2']]);
  });

  it('coalesces a burst into one push per window, losing nothing', async () => {
    const { scheduler, store, rows, threads, arrive } = setUp();
    store.shelf.markOpen('c7');
    const sentToOpenThread: string[] = [];
    // 1,000 messages over 100 conversations, one every millisecond for a second.
    for (let i = 0; i < 1_000; i++) {
      const id = arrive(`c${i % 100}`);
      if (i % 100 === 7) sentToOpenThread.push(id);
      await afterCurrentTask();
      scheduler.advance(1);
    }
    scheduler.advance(PUSH_WINDOW_MS);
    // The first goes at once, then at most one per window: about 1000 / 50 + 1, not 1,000.
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.length).toBeLessThanOrEqual(Math.ceil(1_000 / PUSH_WINDOW_MS) + 2);
    expect(new Set(rows.flatMap((delta) => delta.upserts.map((row) => row.id))).size).toBe(100);
    // Every row changed is pushed; messages only for the thread on screen.
    expect(threads.flatMap((delta) => delta.upserts.map((m) => m.id)).sort()).toEqual([...sentToOpenThread].sort());
  });

  it('ships a thread’s messages only while a window has it open', async () => {
    const { scheduler, store, threads, arrive } = setUp();
    arrive('c1');
    await afterCurrentTask();
    scheduler.advance(PUSH_WINDOW_MS);
    expect(threads).toHaveLength(0);
    store.shelf.markOpen('c1');
    const id = arrive('c1');
    await afterCurrentTask();
    expect(threads.map((delta) => [delta.conversationId, delta.upserts.map((m) => m.id)])).toEqual([['c1', [id]]]);
  });

  it('pushes a change that follows a push closely as soon as changes pause, not at the window’s end', async () => {
    const { scheduler, rows, arrive } = setUp();
    arrive('c1');
    await afterCurrentTask();
    scheduler.advance(10);
    arrive('c2');
    await afterCurrentTask();
    scheduler.advance(QUIET_MS - 1);
    expect(rows).toHaveLength(1); // a change may have company coming: it waits a moment
    scheduler.advance(1);
    expect(rows.map((delta) => delta.upserts.map((row) => row.id))).toEqual([['c1'], ['c2']]);
  });

  it('holds changes that keep coming until the window ends, then pushes them together', async () => {
    const { scheduler, rows, arrive } = setUp();
    arrive('c1');
    await afterCurrentTask();
    // A change every 2 ms from 10 ms on: the stream never pauses for QUIET_MS.
    scheduler.advance(10);
    for (let t = 10; t < PUSH_WINDOW_MS; t += 2) {
      arrive(`c${t}`);
      scheduler.advance(2);
    }
    expect(rows).toHaveLength(2);
    expect(rows[1]?.upserts).toHaveLength((PUSH_WINDOW_MS - 10) / 2);
  });

  it('pushes the end of a burst moments after the last change, not a window later', async () => {
    const { scheduler, rows, arrive } = setUp();
    arrive('c0');
    await afterCurrentTask();
    for (let i = 1; i <= 120; i++) {
      arrive(`c${i}`);
      scheduler.advance(1);
    }
    const before = rows.length;
    // The last change came 1 ms ago; the window it fell in is far from over.
    scheduler.advance(2 * QUIET_MS);
    expect(rows.length).toBe(before + 1);
    expect(new Set(rows.flatMap((delta) => delta.upserts.map((row) => row.id))).size).toBe(121);
  });

  it('pushes nothing after it is stopped, not even a change already queued', async () => {
    const { scheduler, rows, pushes, arrive } = setUp();
    arrive('c1');
    pushes.stop();
    arrive('c2');
    await afterCurrentTask();
    scheduler.advance(PUSH_WINDOW_MS);
    expect(rows).toHaveLength(0);
  });
});
