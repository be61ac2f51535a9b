// The window's copies of what main owns: one bridge subscription per value, the app
// snapshot kept whole from a first push plus patches, and nothing left subscribed.
import { describe, expect, it } from 'vitest';
import type { AppSnapshot, AuzapBridge, PushChannel } from '../../../src/shared/bridge';
import { followAppSnapshot } from '../../../src/renderer/src/bridge/bridge-client';
import { createBridgeStore } from '../../../src/renderer/src/bridge/bridge-store';
import { NO_CONVERSATIONS } from '../../../src/renderer/src/features/inbox/inbox-model';
import { followConversations } from '../../../src/renderer/src/features/inbox/useConversations';
import type { ConversationView } from '../../../src/shared/inbox';

function fakeBridge(answers: Partial<Record<string, unknown>>) {
  const listeners = new Map<PushChannel, Set<(payload: unknown) => void>>();
  let answer: (() => void)[] = [];
  const bridge: AuzapBridge = {
    invoke: ((channel: string) =>
      new Promise<unknown>((resolve) => {
        answer.push(() => resolve({ ok: true, value: answers[channel] }));
      })) as AuzapBridge['invoke'],
    on(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      const entry = listener as (payload: unknown) => void;
      set.add(entry);
      return () => void set.delete(entry);
    },
  };
  return {
    bridge,
    push: (channel: PushChannel, payload: unknown) => listeners.get(channel)?.forEach((l) => l(payload)),
    subscriptions: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
    /** The host answers the commands asked so far. */
    async answer() {
      const pending = answer;
      answer = [];
      pending.forEach((resolve) => resolve());
      await Promise.resolve();
      await Promise.resolve();
    },
  };
}

/** Animation frames the test runs by hand. */
function manualFrames() {
  let queued: (() => void)[] = [];
  return {
    schedule: (callback: () => void) => void queued.push(callback),
    pending: () => queued.length,
    run() {
      const due = queued;
      queued = [];
      due.forEach((callback) => callback());
    },
  };
}

const snapshot = (totalUnread: number, status: 'online' | 'offline' = 'online'): AppSnapshot => ({
  connection: { status, detail: null, since: '2026-11-26T10:00:00.000Z', attempt: 0, transport: null },
  info: { serverUrl: 'http://sim', organizationId: 'org-1', demo: false, version: 'test' },
  diagnostics: { droppedEvents: 0, lastDropped: null },
  instances: { items: [], loadedAt: null, error: null },
  connectFlows: [],
  inbox: { totalUnread, conversationCount: 1, syncing: false, lastSyncAt: null, syncError: null },
  notifications: { paused: false, privacy: 'full' },
});

describe('the app snapshot in the window', () => {
  it('applies patches to the snapshot it holds, keeping the parts they do not carry', async () => {
    const frames = manualFrames();
    const host = fakeBridge({ 'app:get-snapshot': snapshot(0) });
    const store = createBridgeStore(null, followAppSnapshot, () => host.bridge, frames.schedule);
    const seen: (AppSnapshot | null)[] = [];
    store.subscribe(() => seen.push(store.current()));
    await host.answer();
    frames.run();
    host.push('app:snapshot-patch', { inbox: snapshot(3).inbox });

    expect(store.current()?.inbox.totalUnread).toBe(3);
    expect(store.current()?.connection.status).toBe('online');
    expect(seen).toHaveLength(1); // readers hear of it before the next paint, not inside the push
    frames.run();
    expect(seen).toHaveLength(2);
    // The same object until something changes: React reads it on every render.
    expect(store.current()).toBe(store.current());
  });

  it('a whole snapshot pushed before the answer wins over the older answer; a patch before it is already in it', async () => {
    const frames = manualFrames();
    const host = fakeBridge({ 'app:get-snapshot': snapshot(1) });
    const store = createBridgeStore(null, followAppSnapshot, () => host.bridge, frames.schedule);
    store.subscribe(() => undefined);
    host.push('app:snapshot-patch', { inbox: snapshot(1).inbox });
    expect(store.current()).toBeNull();
    host.push('app:snapshot', snapshot(5, 'offline'));
    await host.answer();
    expect(store.current()?.inbox.totalUnread).toBe(5);
    expect(store.current()?.connection.status).toBe('offline');
  });

  it('subscribes to the bridge once for all its readers, and lets go after the last', async () => {
    const frames = manualFrames();
    const host = fakeBridge({ 'app:get-snapshot': snapshot(2) });
    const store = createBridgeStore(null, followAppSnapshot, () => host.bridge, frames.schedule);
    const leaveA = store.subscribe(() => undefined);
    const leaveB = store.subscribe(() => undefined);
    expect(host.subscriptions()).toBe(2); // app:snapshot and app:snapshot-patch, once
    leaveA();
    leaveB();
    expect(host.subscriptions()).toBe(0);
    await host.answer(); // an answer for nobody changes nothing
    expect(store.current()).toBeNull();
  });
});

describe('pushes between two frames', () => {
  it('cost readers one notice, with the latest value, and a lone push one notice too', async () => {
    const frames = manualFrames();
    const host = fakeBridge({ 'app:get-snapshot': snapshot(0) });
    const store = createBridgeStore(null, followAppSnapshot, () => host.bridge, frames.schedule);
    const seen: (number | undefined)[] = [];
    store.subscribe(() => seen.push(store.current()?.inbox.totalUnread));
    await host.answer();
    frames.run();
    for (let unread = 1; unread <= 100; unread += 1) host.push('app:snapshot-patch', { inbox: snapshot(unread).inbox });
    expect(frames.pending()).toBe(1);
    frames.run();
    expect(seen).toEqual([0, 100]);

    host.push('app:snapshot-patch', { inbox: snapshot(101).inbox });
    frames.run();
    expect(seen).toEqual([0, 100, 101]);
    frames.run(); // nothing changed since: no notice
    expect(seen).toEqual([0, 100, 101]);
  });
});

describe('the conversation list in the window', () => {
  const row = (id: string, lastMessageAt: string): ConversationView => ({
    id,
    contactId: `k-${id}`,
    contactName: id,
    contactPhone: null,
    lastMessageAt,
    lastMessagePreview: null,
    unreadCount: 0,
    muted: false,
  });

  it('keeps deltas that raced ahead of the full list on top of it', async () => {
    const frames = manualFrames();
    const host = fakeBridge({
      'inbox:get-conversations': [row('a', '2026-11-26T10:00:00.000Z'), row('b', '2026-11-26T09:00:00.000Z')],
    });
    const store = createBridgeStore(NO_CONVERSATIONS, followConversations, () => host.bridge, frames.schedule);
    store.subscribe(() => undefined);
    host.push('inbox:conversations', { reset: false, upserts: [row('b', '2026-11-26T11:00:00.000Z')], removedIds: [] });
    await host.answer();
    expect(store.current().sorted.map((c) => c.id)).toEqual(['b', 'a']);
  });
});
