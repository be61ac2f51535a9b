import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PushMessage } from '../../src/core/app-core';
import type { EnvSettings } from '../../src/core/host-config';
import { startHostRuntime, type HostRuntime } from '../../src/core/host-runtime';
import { startDemoBackend } from '../../src/simulator/demo-backend';
import { openConfStateFile, SETTINGS_FILE_NAME } from '../../src/core/persistence/state-file';
import { systemClock } from '../../src/core/ports';
import type { SecretBox } from '../../src/core/settings-model';
import { startSimulator, type Simulator } from '../../src/simulator/simulator';
import type { AppSnapshot } from '../../src/shared/bridge';
import type { ConversationView } from '../../src/shared/inbox';
import { quietLogger, waitForJoined } from './support';
import { inEnglish } from '../support/words';

const A = { token: 'token-a', organizationId: 'org-a' };
const B = { token: 'token-b', organizationId: 'org-b' };

let sim: Simulator | null = null;
let runtime: HostRuntime | null = null;

afterEach(async () => {
  await runtime?.shutdown();
  await sim?.close();
  runtime = null;
  sim = null;
});

/** A keychain stand-in: reversible, and visibly not the plain token. */
const fakeKeychain: SecretBox = {
  available: () => true,
  encrypt: async (plain) => Buffer.from(`sealed:${plain}`).toString('base64'),
  decrypt: async (sealed) => ({
    plain: Buffer.from(sealed, 'base64')
      .toString()
      .replace(/^sealed(v2)?:/, ''),
    // A token sealed under the old key opens, and asks to be sealed again (key rotation).
    reseal: !Buffer.from(sealed, 'base64').toString().startsWith('sealedv2:'),
  }),
};
const rotatedKeychain: SecretBox = {
  ...fakeKeychain,
  encrypt: async (plain) => Buffer.from(`sealedv2:${plain}`).toString('base64'),
};

async function start(dataDir: string, secretBox?: SecretBox, env: EnvSettings = {}, logger = quietLogger()) {
  return startHostRuntime({
    env,
    version: 'test',
    logger,
    clock: systemClock,
    tray: { update: () => undefined },
    notifier: { notify: () => undefined },
    stateFile: openConfStateFile(dataDir, logger),
    settingsFile: openConfStateFile(dataDir, logger, SETTINGS_FILE_NAME),
    secretBox,
    startDemoBackend,
  });
}

describe('host runtime', () => {
  it('switching organization stops the old one first: none of its events reach the new inbox', async () => {
    sim = await startSimulator({ accounts: [A, B], seedDemoData: false });
    const dataDir = mkdtempSync(join(tmpdir(), 'auzap-runtime-'));
    runtime = await start(dataDir, fakeKeychain);
    const rt = runtime;
    const switched = await rt.dispatch('settings:update-connection', [
      { serverUrl: sim.url, organizationId: A.organizationId, token: A.token },
    ]);
    expect(switched).toMatchObject({ ok: true, value: { tokenStorage: 'encrypted', organizationId: 'org-a' } });
    await waitForJoined(sim.url, A.organizationId);
    sim.injectMessage({ organizationId: A.organizationId, contactName: 'Cliente A', content: 'de A' });
    const snapshotUnread = async () => {
      const outcome = await rt.dispatch('app:get-snapshot', []);
      return outcome.ok ? (outcome.value as { inbox: { totalUnread: number } }).inbox.totalUnread : -1;
    };
    await expect.poll(snapshotUnread).toBe(1);

    const pushes: PushMessage[] = [];
    rt.onPush((p) => pushes.push(p));
    await rt.dispatch('settings:update-connection', [
      { serverUrl: sim.url, organizationId: B.organizationId, token: B.token },
    ]);
    await waitForJoined(sim.url, B.organizationId);
    // The old organization's socket is gone before anything else happens.
    const state = (await (await fetch(`${sim.url}/sim/state`)).json()) as {
      organizations: Array<{ id: string; sockets: { connected: number } }>;
    };
    expect(state.organizations.find((o) => o.id === A.organizationId)?.sockets.connected).toBe(0);
    expect(pushes.find((p) => p.channel === 'inbox:conversations')).toMatchObject({
      payload: { reset: true, upserts: [] },
    });

    sim.injectMessage({ organizationId: A.organizationId, contactName: 'Cliente A', content: 'ainda de A' });
    sim.injectMessage({ organizationId: B.organizationId, contactName: 'Cliente B', content: 'de B' });
    await expect.poll(snapshotUnread).toBe(1);
    const list = await rt.dispatch('inbox:get-conversations', []);
    expect(list.ok && (list.value as ConversationView[]).map((c) => c.contactName)).toEqual(['Cliente B']);
    const everything = JSON.stringify(pushes);
    expect(everything).not.toContain('ainda de A');

    // The token is stored sealed, never in clear.
    const saved = readFileSync(join(dataDir, `${SETTINGS_FILE_NAME}.json`), 'utf8');
    expect(saved).not.toContain(B.token);
    expect(JSON.parse(saved)).toMatchObject({ token: { storage: 'encrypted' } });
  });

  it('encrypts the saved token again when the keychain asks for it (key rotation), once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'auzap-runtime-'));
    const file = join(dataDir, `${SETTINGS_FILE_NAME}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        serverUrl: null,
        organizationId: null,
        token: { storage: 'encrypted', value: Buffer.from('sealed:old-key-token').toString('base64') },
        launchAtLogin: false,
        updateChannel: 'stable',
      }),
    );
    runtime = await start(dataDir, rotatedKeychain);
    const sealed = (JSON.parse(readFileSync(file, 'utf8')) as { token: { value: string } }).token.value;
    expect(Buffer.from(sealed, 'base64').toString()).toBe('sealedv2:old-key-token');
    expect(await runtime.dispatch('settings:get', [])).toMatchObject({ ok: true, value: { hasToken: true } });
  });

  it('refuses a malformed server address and keeps the current connection', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'auzap-runtime-'));
    runtime = await start(dataDir);
    const outcome = await runtime.dispatch('settings:update-connection', [
      { serverUrl: 'ftp://files.example.com', organizationId: 'x' },
    ]);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'failed' } });
    expect(!outcome.ok && inEnglish(outcome.error.message)).toContain('must start with https:// or http://');
    expect(runtime.demoBackendUrl()).not.toBeNull();
  });

  it('an AUZAP_SERVER_URL with a path is refused in words, in the window and in the log (never read as a refused sign-in)', async () => {
    const logger = quietLogger();
    const dataDir = mkdtempSync(join(tmpdir(), 'auzap-runtime-'));
    runtime = await start(
      dataDir,
      undefined,
      { serverUrl: 'https://api.auzap.com/api', token: 't', organizationId: 'o' },
      logger,
    );
    const snapshot = await runtime.dispatch('app:get-snapshot', []);
    const connection = snapshot.ok ? (snapshot.value as AppSnapshot).connection : null;
    const words =
      'The server address “https://api.auzap.com/api” must be the server’s address alone: use https://api.auzap.com.';
    expect(connection?.status).not.toBe('auth_failed');
    expect(inEnglish(connection?.detail)).toBe(words);
    expect(logger.lines).toContain(`WARN not connecting: ${words}`);
  });

  it('tells the tray whether notifications are paused and until when, as the tray menu pauses them', async () => {
    runtime = await start(mkdtempSync(join(tmpdir(), 'auzap-runtime-')));
    expect(runtime.notificationPause()).toEqual({ paused: false, pausedUntil: null });
    runtime.setNotificationsPaused(true, '1h');
    await expect.poll(() => runtime?.notificationPause().paused).toBe(true);
    const until = Date.parse(runtime.notificationPause().pausedUntil ?? '');
    expect(until - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(until - Date.now()).toBeLessThanOrEqual(60 * 60_000);
    runtime.setNotificationsPaused(true, 'until-resumed');
    await expect.poll(() => runtime?.notificationPause()).toEqual({ paused: true, pausedUntil: null });
    runtime.setNotificationsPaused(false);
    await expect.poll(() => runtime?.notificationPause().paused).toBe(false);
  });
});
