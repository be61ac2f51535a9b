/**
 * A chat whose first listing's unread count came from the server: the gap opened on that
 * listing is walked (so its thread keeps no hole) but what the server already counted is
 * never counted again — also after merging with a later gap, and after a restart.
 */
import { describe, expect, it } from 'vitest';
import { createMissedRanges, type MissedRange } from '../../src/core/inbox/missed-ranges';
import {
  composePersistedState,
  inboxScope,
  readPersistedState,
  type PersistedState,
} from '../../src/core/persistence/persisted-state';

const at = (second: number) => new Date(Date.UTC(2026, 11, 1, 10, 0, second)).toISOString();
const scope = inboxScope('https://api.auzap.com', 'org-a');

describe('missed ranges counted by the server', () => {
  it('count only what lies after the instant the server’s count covers, also once merged with a later gap', () => {
    const missed = createMissedRanges();
    missed.open('c1', { after: at(0), knownAtAfter: ['m0'], until: at(10), countedUntil: at(10) });
    expect(missed.covers('c1', at(5), 'm5')).toBe(false);
    expect(missed.covers('c1', at(10), 'm10')).toBe(false);

    // Another outage before the walk started: one range, counting only the newer part.
    missed.open('c1', { after: at(10), knownAtAfter: null, until: at(20) });
    expect(missed.count()).toBe(1);
    expect(missed.covers('c1', at(5), 'm5')).toBe(false);
    expect(missed.covers('c1', at(15), 'm15')).toBe(true);
  });

  it('keep that instant in the saved state; a ledger saved before it was kept counts everything', () => {
    const missed = createMissedRanges();
    missed.open('c1', { after: at(0), knownAtAfter: ['m0'], until: at(10), countedUntil: at(10) });
    missed.open('c2', { after: at(0), knownAtAfter: ['n0'], until: at(10) });
    const inbox = { scope, conversations: [], messages: {}, mutedIds: [], lastSyncAt: null, missed: missed.export() };
    const file = composePersistedState({ paused: false, privacy: 'full' }, inbox, []);
    const document = JSON.parse(JSON.stringify(file)) as PersistedState;
    // c2's range as an older version saved it: without the instant.
    const oldRange: Partial<MissedRange> | undefined = document.inboxes[0]?.missed.c2?.[0];
    delete oldRange?.countedUntil;

    const restored = createMissedRanges();
    restored.restore(readPersistedState(document, scope).inbox?.missed ?? {});
    expect(restored.covers('c1', at(5), 'm5')).toBe(false);
    expect(restored.covers('c2', at(5), 'n5')).toBe(true);
  });
});
