// The push path from the inbox to the window and the tray: a flush sends what changed,
// not the whole app snapshot again, and the tray is told the state of that same snapshot.
import { describe, expect, it } from 'vitest';
import { createSnapshotPublisher, type SnapshotSources } from '../../src/core/app-snapshot';
import type { TrayState } from '../../src/core/ports';
import type { AppSnapshot, AppSnapshotPatch, ConnectionState } from '../../src/shared/bridge';
import { afterCurrentTask } from '../support/fake-scheduler';
import { createPushHarness, receive } from '../support/inbox-pushes';

const online: ConnectionState = {
  status: 'online',
  detail: null,
  since: '2026-11-26T10:00:00.000Z',
  attempt: 0,
  transport: 'websocket',
};

function setUp() {
  const flushes = { count: 0 };
  const { scheduler, store, pushes } = createPushHarness({
    // Each inbox flush publishes, as the core wires it.
    onSummary: () => {
      flushes.count += 1;
      publisher.publish('inbox');
    },
  });
  /** How often each part was read from its source: a rebuilt snapshot reads them all. */
  const reads = { connection: 0, instances: 0, flows: 0, inbox: 0, notifications: 0, diagnostics: 0 };
  const sources: SnapshotSources = {
    info: { serverUrl: 'http://sim', organizationId: 'org-1', demo: false, version: 'test' },
    connection: () => (reads.connection++, online),
    diagnostics: () => (reads.diagnostics++, { droppedEvents: 0, lastDropped: null }),
    instances: () => (reads.instances++, { items: [], loadedAt: null, error: null }),
    flows: () => (reads.flows++, []),
    inbox: () => (
      reads.inbox++,
      {
        totalUnread: store.totalUnread(),
        conversationCount: store.size(),
        syncing: false,
        lastSyncAt: null,
        syncError: null,
      }
    ),
    notifications: () => (reads.notifications++, { paused: false, privacy: 'full' }),
  };
  const whole: AppSnapshot[] = [];
  const patches: AppSnapshotPatch[] = [];
  const tray: TrayState[] = [];
  const publisher = createSnapshotPublisher(sources, {
    push: (snapshot) => whole.push(snapshot),
    patch: (patch) => patches.push(patch),
    tray: { update: (state) => tray.push(state) },
    locale: () => 'en',
  });
  publisher.publish('connection'); // the core's first publish: the connection came up
  const resetReads = () => {
    for (const key of Object.keys(reads) as (keyof typeof reads)[]) reads[key] = 0;
  };
  resetReads();
  return { scheduler, store, reads, whole, patches, tray, publisher, pushes, flushes };
}

describe('snapshot pushes per inbox flush', () => {
  it('the first publish sends the whole snapshot; a flush then sends only the inbox totals', async () => {
    const { store, reads, whole, patches, pushes } = setUp();
    expect(whole).toHaveLength(1);

    receive(store, 'c1');
    pushes.schedule();
    await afterCurrentTask();

    expect(whole).toHaveLength(1); // not pushed whole again
    expect(patches).toEqual([
      { inbox: { totalUnread: 1, conversationCount: 1, syncing: false, lastSyncAt: null, syncError: null } },
    ]);
    // Only the inbox part was read again: the connection, instances and settings were not rebuilt.
    expect(reads).toEqual({ connection: 0, instances: 0, flows: 0, inbox: 1, notifications: 0, diagnostics: 0 });
  });

  it('a flush that leaves the totals as they were pushes no snapshot at all', async () => {
    const { scheduler, store, whole, patches, tray, pushes } = setUp();
    receive(store, 'c1');
    pushes.schedule();
    await afterCurrentTask();
    scheduler.advance(100);
    const before = { whole: whole.length, patches: patches.length, tray: tray.length };

    receive(store, 'c1', false); // a message in the conversation on screen: nothing unread changes
    pushes.schedule();
    await afterCurrentTask();
    scheduler.advance(100);

    expect({ whole: whole.length, patches: patches.length, tray: tray.length }).toEqual(before);
  });

  it('a burst of 1,000 messages over 100 conversations costs one patch per flush window, never a whole snapshot', async () => {
    const { scheduler, store, whole, patches, pushes, flushes } = setUp();
    for (let i = 0; i < 1_000; i += 1) {
      receive(store, `c${i % 100}`);
      pushes.schedule();
      if (i % 100 === 99) {
        await afterCurrentTask();
        scheduler.advance(50);
      }
    }
    scheduler.advance(100);
    expect(whole).toHaveLength(1);
    expect(flushes.count).toBeGreaterThan(1);
    expect(patches.length).toBeLessThanOrEqual(flushes.count);
    expect(patches.at(-1)?.inbox?.totalUnread).toBe(1_000);
  });
});

describe('the tray', () => {
  it('is told the state derived from the snapshot being published, once per change', async () => {
    const { store, reads, tray, publisher, pushes } = setUp();
    expect(tray).toEqual([{ badgeCount: 0, tooltip: 'AuZap — Online, no unread messages', attention: 'none' }]);

    receive(store, 'c1');
    receive(store, 'c2');
    pushes.schedule();
    await afterCurrentTask();

    expect(tray.at(-1)).toEqual({ badgeCount: 2, tooltip: 'AuZap — Online, 2 unread messages', attention: 'none' });
    expect(tray).toHaveLength(2);
    // Asking for the tray state does not build a second snapshot: it is the one the tray was given.
    reads.inbox = 0;
    reads.connection = 0;
    expect(publisher.trayState()).toBe(tray.at(-1));
    expect(reads.inbox + reads.connection).toBe(0);
  });
});

describe('a window asking for the whole snapshot', () => {
  it('gets fresh totals, and the other windows get them as a patch at the same time', () => {
    const { store, whole, patches, publisher } = setUp();
    receive(store, 'c1'); // stored, not flushed yet

    const fresh = publisher.snapshot();

    expect(fresh.inbox.totalUnread).toBe(1);
    expect(whole).toHaveLength(1);
    expect(patches.map((patch) => patch.inbox?.totalUnread)).toEqual([1]);
  });
});
