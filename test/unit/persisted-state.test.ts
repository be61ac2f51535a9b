import { describe, expect, it } from 'vitest';
import {
  composePersistedState,
  inboxScope,
  KEPT_INBOXES,
  readPersistedState,
} from '../../src/core/persistence/persisted-state';
import { DEFAULT_SETTINGS, readSavedSettings, type SecretBox } from '../../src/core/settings-model';
import type { StateFile } from '../../src/core/persistence/state-file';

const inbox = (scope: string, mutedIds: string[] = []) => ({
  scope,
  conversations: [],
  messages: {},
  mutedIds,
  muteEnds: {},
  lastSyncAt: null,
  missed: {},
});
const A = inboxScope('https://api.auzap.com', 'org-a');
const B = inboxScope('https://api.auzap.com', 'org-b');
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('saved state', () => {
  it('keeps other organizations’ inboxes, so switching away and back keeps mutes', () => {
    const savedWhileOnA = composePersistedState({ paused: false, privacy: 'name' }, inbox(A, ['c1']), []);
    const onB = readPersistedState(JSON.parse(JSON.stringify(savedWhileOnA)), B);
    expect(onB.inbox).toBeNull();
    const savedWhileOnB = composePersistedState(onB.notifications, inbox(B), onB.otherInboxes);
    const backOnA = readPersistedState(JSON.parse(JSON.stringify(savedWhileOnB)), A);
    expect(backOnA.inbox?.mutedIds).toEqual(['c1']);
    expect(backOnA.notifications.privacy).toBe('name');
  });

  it('keeps a bounded number of inboxes, the current one first', () => {
    const others = ['o1', 'o2', 'o3', 'o4'].map((o) => inbox(inboxScope('https://x', o)));
    const doc = composePersistedState({ paused: false, privacy: 'full' }, inbox(A), others);
    expect(doc.inboxes).toHaveLength(KEPT_INBOXES);
    expect(doc.inboxes[0]?.scope).toBe(A);
  });

  it('a damaged inbox does not cost the user their notification privacy', () => {
    const loaded = readPersistedState(
      { version: 2, notifications: { paused: true, privacy: 'none' }, inboxes: [{ scope: A, conversations: 'oops' }] },
      A,
    );
    expect(loaded.notifications).toEqual({ paused: true, privacy: 'none' });
    expect(loaded.inbox).toBeNull();
    expect(loaded.problem).toMatch(/a saved inbox/);
  });

  it('migrates a version 1 document (one inbox) and refuses one from a newer version', () => {
    const v1 = { version: 1, notifications: { paused: false, privacy: 'full' }, inbox: inbox(A, ['c9']) };
    expect(readPersistedState(v1, A).inbox?.mutedIds).toEqual(['c9']);
    const future = readPersistedState({ version: 99, notifications: {}, inboxes: [] }, A);
    expect(future.problem).toMatch(/not in a format this version/);
  });
});

describe('saved settings', () => {
  it('a token the keychain cannot open now is kept, not erased by a preference change', async () => {
    const keychain: SecretBox = {
      available: () => true,
      encrypt: async (plain) => Buffer.from(plain).toString('base64'),
      decrypt: async (sealed) => ({ plain: Buffer.from(sealed, 'base64').toString(), reseal: false }),
    };
    const saved = await DEFAULT_SETTINGS.with({
      serverUrl: 'https://api',
      organizationId: 'o',
      token: 'secret',
    }).toDocument(keychain);
    const file: StateFile = {
      path: 'x',
      load: () => ({ data: saved, problem: null }),
      save: () => undefined,
      preserveCopy: () => null,
    };
    const locked: SecretBox = {
      ...keychain,
      decrypt: async () => {
        throw new Error('keyring locked');
      },
    };
    const atLogin = await readSavedSettings(file, locked, quiet);
    expect(atLogin.token).toBeNull();
    const afterToggle = await atLogin.with({ launchAtLogin: true }).toDocument(locked);
    expect(afterToggle.token).toEqual(saved.token);
    // Typing a new token replaces it.
    expect((await atLogin.with({ token: 'new' }).toDocument(keychain)).token).toEqual({
      storage: 'encrypted',
      value: Buffer.from('new').toString('base64'),
    });
  });
});
