/**
 * Auto-update, end to end in plain Node: the REAL electron-updater (DebUpdater) talks
 * to an update feed this test serves on loopback, and its events drive our adapter
 * (src/main/shell/auto-updater.ts), the update controller and the state reducer.
 *
 * Only the `electron` module is replaced, and not with vi.mock: electron-updater is a
 * CommonJS dependency that vitest leaves to Node, and it calls `require("electron")`
 * itself — vi.mock only reaches ESM imports that vitest transforms. So the fake goes
 * into Node's require cache under the path `require("electron")` resolves to. It has
 * what electron-updater touches on this path:
 *   - app: getVersion, getName, isPackaged, whenReady, getAppPath (where the
 *     dev-app-update.yml lives), getPath('userData') (staging id), once('quit').
 *   - net.request: electron-updater's ElectronHttpExecutor sends every request through
 *     it; node's http.request has the same shape (response/error/socket events, end,
 *     abort), and builder-util-runtime follows 3xx itself when no 'redirect' event comes.
 *   - session.fromPartition: the executor asks for a cache-less session to pass along.
 *
 * Why DebUpdater and not the AppImageUpdater that electron-updater picks on Linux: the
 * AppImage one refuses to run without process.env.APPIMAGE and treats that file as the
 * running app (differential download against it, and install replaces it). DebUpdater's
 * download is the plain full download with the same sha512 verification, and nothing is
 * installed until quitAndInstall — which these tests never call.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire, Module } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import updater from 'electron-updater';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createElectronUpdaterPort, updateFeedUrl } from '../../src/main/shell/auto-updater';
import {
  createUpdateController,
  isPrerelease,
  type Schedule,
  type UpdateController,
  type UpdaterEventMap,
  type UpdaterPort,
} from '../../src/main/shell/update-controller';
import { describeUpdateError, reduceUpdateState, UPDATE_ERROR_WORDS } from '../../src/main/shell/update-state';
import { initialUpdateState, updateState, type UpdateState } from '../../src/shared/updates';
import { translator } from '../../src/shared/i18n/translate';
import { say } from '../../src/shared/i18n/user-text';

const NOW = Date.parse('2025-06-01T12:00:00.000Z');
const fixedClock = { now: () => NOW };
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

// ---- the fake `electron` module ----------------------------------------------------

const fakeApp = {
  version: '0.1.0',
  appPath: '',
  userData: '',
  quitHandlers: [] as Array<(...args: unknown[]) => void>,
  getVersion: () => fakeApp.version,
  getName: () => 'AuZap',
  isPackaged: false,
  whenReady: () => Promise.resolve(),
  getAppPath: () => fakeApp.appPath,
  getPath(name: string) {
    if (name === 'userData') return fakeApp.userData;
    throw new Error(`fake electron app.getPath(${name}) not provided`);
  },
  once(event: string, handler: (...args: unknown[]) => void) {
    if (event === 'quit') fakeApp.quitHandlers.push(handler);
    return fakeApp;
  },
};

const fakeElectron = {
  app: fakeApp,
  net: {
    request(options: http.RequestOptions & { session?: unknown; redirect?: unknown }) {
      const { session: _session, redirect: _redirect, ...nodeOptions } = options;
      // A connection per request, like Electron's net from node's point of view: no
      // keep-alive socket piling up electron-updater's per-request timeout listeners.
      return http.request({ ...nodeOptions, agent: false });
    },
  },
  session: { fromPartition: () => ({}) },
};

const requireFromUpdater = createRequire(createRequire(import.meta.url).resolve('electron-updater'));
const electronPath = requireFromUpdater.resolve('electron');

function installFakeElectron() {
  const fake = new Module(electronPath);
  fake.filename = electronPath;
  fake.loaded = true;
  fake.exports = fakeElectron;
  requireFromUpdater.cache[electronPath] = fake;
}

// ---- the update feed ---------------------------------------------------------------

/** electron-updater's channel file for this OS and arch (see Provider.getChannelFilePrefix). */
function channelFile(channel = 'latest'): string {
  if (process.platform === 'darwin') return `${channel}-mac.yml`;
  if (process.platform === 'win32') return `${channel}.yml`;
  return `${channel}-linux${process.arch === 'x64' ? '' : `-${process.arch}`}.yml`;
}

const sha512 = (data: Buffer) => createHash('sha512').update(data).digest('base64');

interface Feed {
  url: string;
  requests: string[];
  publish(release: { version: string; artifact: Buffer; sha512?: string; notes?: string }): string;
  close(): Promise<void>;
}

async function startFeed(): Promise<Feed> {
  const files = new Map<string, Buffer>();
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://feed').pathname; // drops ?noCache=…
    requests.push(path);
    const body = files.get(path);
    if (!body) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-length': body.length, 'content-type': 'application/octet-stream' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    publish({ version, artifact, sha512: claimed, notes }) {
      const name = `AuZap-${version}-amd64.deb`;
      const checksum = claimed ?? sha512(artifact);
      files.set(`/${name}`, artifact);
      // What electron-builder writes next to the artifacts (latest-linux.yml).
      const yml = [
        `version: ${version}`,
        'files:',
        `  - url: ${name}`,
        `    sha512: ${checksum}`,
        `    size: ${artifact.length}`,
        `path: ${name}`,
        `sha512: ${checksum}`,
        `releaseDate: '2025-05-30T10:00:00.000Z'`,
        ...(notes ? [`releaseNotes: ${JSON.stringify(notes)}`] : []),
      ].join('\n');
      files.set(`/${channelFile()}`, Buffer.from(yml));
      return name;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** 300 KiB that are not all the same byte, so a wrong hash cannot match by accident. */
function artifactBytes(seed: number): Buffer {
  const data = Buffer.alloc(300 * 1024);
  for (let i = 0; i < data.length; i++) data[i] = (i * 31 + seed * 7 + (i >> 8)) & 0xff;
  return data;
}

// ---- one app "launch": a fresh updater, controller and data folders ----------------

interface Launch {
  controller: UpdateController;
  states: UpdateState[];
  deb: InstanceType<typeof updater.DebUpdater>;
  cacheDir: string;
  /** Resolves with the first state whose status is one of `statuses`. */
  until(...statuses: UpdateState['status'][]): Promise<UpdateState>;
}

const cleanups: Array<() => void> = [];

function launch(feed: Feed, opts: { version: string; env?: Record<string, string> }): Launch {
  const root = mkdtempSync(join(tmpdir(), 'auzap-updater-'));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  fakeApp.version = opts.version;
  fakeApp.appPath = join(root, 'app');
  fakeApp.userData = join(root, 'userData');
  // electron-updater keeps downloads in $XDG_CACHE_HOME/<updaterCacheDirName> on Linux.
  vi.stubEnv('XDG_CACHE_HOME', join(root, 'cache'));
  // What electron-builder would bake into the package as app-update.yml; unpackaged,
  // electron-updater reads dev-app-update.yml from the app path instead.
  mkdirSync(fakeApp.appPath, { recursive: true });
  writeFileSync(
    join(fakeApp.appPath, 'dev-app-update.yml'),
    `provider: generic\nurl: ${feed.url}\nupdaterCacheDirName: auzap-desktop-updater\n`,
  );

  const deb = new updater.DebUpdater();
  const port = createElectronUpdaterPort({
    updater: deb,
    env: opts.env ?? {},
    forceDevUpdateConfig: true,
    logger: silent,
  });
  const controller = createUpdateController({ port, channel: 'stable', clock: fixedClock, logger: silent });
  const states: UpdateState[] = [];
  const waiters: Array<{ statuses: UpdateState['status'][]; resolve: (s: UpdateState) => void }> = [];
  controller.onChange((state) => {
    states.push(state);
    for (const w of [...waiters]) {
      if (w.statuses.includes(state.status)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(state);
      }
    }
  });
  return {
    controller,
    states,
    deb,
    cacheDir: join(root, 'cache', 'auzap-desktop-updater'),
    until: (...statuses) =>
      new Promise((resolve) => {
        const done = states.find((s) => statuses.includes(s.status));
        if (done) resolve(done);
        else waiters.push({ statuses, resolve });
      }),
  };
}

/** The statuses in order, repeats folded (progress events repeat 'downloading'). */
const statusTrail = (states: UpdateState[]) =>
  states.map((s) => s.status).filter((status, i, all) => i === 0 || all[i - 1] !== status);

// ---- the real electron-updater ---------------------------------------------------

describe.skipIf(process.platform !== 'linux')('auto-update with the real electron-updater (Linux, deb)', () => {
  let feed: Feed;

  beforeAll(async () => {
    installFakeElectron();
    feed = await startFeed();
  });

  afterEach(() => {
    vi.unstubAllEnvs();
    while (cleanups.length) cleanups.pop()?.();
  });

  afterAll(async () => {
    await feed.close();
    delete requireFromUpdater.cache[electronPath];
  });

  it('finds a newer version, downloads it in the background and verifies its sha512', async () => {
    const artifact = artifactBytes(1);
    const name = feed.publish({ version: '0.2.0', artifact, notes: 'Faster inbox.' });
    const app = launch(feed, { version: '0.1.0', env: { AUZAP_UPDATE_URL: feed.url } });
    let downloadedFile = '';
    app.deb.on('update-downloaded', (event) => (downloadedFile = event.downloadedFile));

    app.controller.start();
    const done = await app.until('downloaded', 'error');

    expect(done).toEqual({
      status: 'downloaded',
      channel: 'stable',
      version: '0.2.0',
      releaseNotes: 'Faster inbox.',
      percent: 100,
      checkedAt: new Date(NOW).toISOString(),
      // A deb installs only on Restart to update (its install asks for the admin password): the offer says so.
      installsOnQuit: false,
    });
    expect(statusTrail(app.states)).toEqual(['checking', 'available', 'downloading', 'downloaded']);
    const progress = app.states.filter((s) => s.status === 'downloading').at(-1);
    expect(progress).toMatchObject({ percent: 100, transferred: artifact.length, total: artifact.length });
    for (const state of app.states) expect(updateState.safeParse(state).success).toBe(true);

    // The file on disk is the artifact: same bytes, same sha512 as the feed announced.
    expect(downloadedFile.startsWith(app.cacheDir)).toBe(true);
    const onDisk = readFileSync(downloadedFile);
    expect(sha512(onDisk)).toBe(sha512(artifact));
    expect(onDisk.equals(artifact)).toBe(true);
    expect(feed.requests).toEqual(expect.arrayContaining([`/${channelFile()}`, `/${name}`]));

    // "Later" hides the prompt. A deb is not installed at quit (pkexec would ask for the
    // admin password at every quit, and a shutdown could cut dpkg off): only on Restart.
    app.controller.later();
    expect(app.controller.state()).toMatchObject({ status: 'downloaded', dismissed: true });
    expect(app.deb.autoInstallOnAppQuit).toBe(false);
    expect(fakeApp.quitHandlers).toEqual([]);
    app.controller.stop();
  });

  it.each([
    ['equal to', '0.3.0'],
    ['lower than', '0.2.5'],
  ])('says "up to date" when the feed version is %s the running one', async (_how, feedVersion) => {
    feed.publish({ version: feedVersion, artifact: artifactBytes(2) });
    feed.requests.length = 0;
    // No AUZAP_UPDATE_URL here: the feed comes from the (dev-)app-update.yml, as in a package.
    const app = launch(feed, { version: '0.3.0' });

    await app.controller.checkNow();
    const done = await app.until('not-available', 'error');

    expect(done).toEqual({ status: 'not-available', channel: 'stable', checkedAt: new Date(NOW).toISOString() });
    expect(statusTrail(app.states)).toEqual(['checking', 'not-available']);
    expect(feed.requests).toEqual([`/${channelFile()}`]); // nothing downloaded
  });

  it('rejects a download whose sha512 does not match the feed, in words, and keeps working', async () => {
    const artifact = artifactBytes(3);
    const wrong = sha512(artifactBytes(4));
    feed.publish({ version: '0.4.0', artifact, sha512: wrong });
    const app = launch(feed, { version: '0.1.0', env: { AUZAP_UPDATE_URL: feed.url } });

    await app.controller.checkNow();
    const done = await app.until('downloaded', 'error');

    expect(done).toMatchObject({
      status: 'error',
      version: '0.4.0',
      error: { key: 'updates.error.checksum' },
    });
    expect(statusTrail(app.states)).toEqual(['checking', 'available', 'downloading', 'error']);
    // Nothing damaged is left for install-on-quit to pick up.
    const pending = join(app.cacheDir, 'pending');
    const leftovers = existsSync(pending) ? readdirSync(pending).filter((f) => f.endsWith('.deb')) : [];
    expect(leftovers).toEqual([]);
    expect(app.controller.restartToUpdate()).toBe(false);

    // The app keeps working: once the feed is fixed, the next check gets the update.
    feed.publish({ version: '0.4.0', artifact });
    app.states.length = 0;
    await app.controller.checkNow();
    expect(await app.until('downloaded', 'error')).toMatchObject({ status: 'downloaded', version: '0.4.0' });
  });

  it('says the update server cannot be reached when nothing listens there', async () => {
    // A port that was just free: the connection is refused (electron-updater retries 3×).
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const app = launch(feed, { version: '0.1.0', env: { AUZAP_UPDATE_URL: `http://127.0.0.1:${port}/` } });

    await app.controller.checkNow();

    expect(app.controller.state()).toMatchObject({ status: 'error', error: { key: 'updates.error.network' } });
  });
});

// ---- the pieces on their own ---------------------------------------------------------

describe('update state reducer', () => {
  const at = new Date(NOW);
  const reduce = (events: Parameters<typeof reduceUpdateState>[1][], start = initialUpdateState('stable')) =>
    events.reduce((state, event) => reduceUpdateState(state, event, at), start);

  it('puts errors into words a person understands', () => {
    const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
    expect(describeUpdateError(withCode('sha512 checksum mismatch, expected a, got b', 'ERR_CHECKSUM_MISMATCH'))).toBe(
      UPDATE_ERROR_WORDS.checksum,
    );
    expect(describeUpdateError(new Error('net::ERR_INTERNET_DISCONNECTED'))).toBe(UPDATE_ERROR_WORDS.network);
    expect(describeUpdateError(withCode('connect ECONNREFUSED 127.0.0.1:1', 'ECONNREFUSED'))).toBe(
      UPDATE_ERROR_WORDS.network,
    );
    expect(describeUpdateError(withCode('getaddrinfo ENOTFOUND updates.auzap.com', 'ENOTFOUND'))).toBe(
      UPDATE_ERROR_WORDS.network,
    );
    expect(describeUpdateError(Object.assign(new Error('404 Not Found'), { statusCode: 404 }))).toBe(
      UPDATE_ERROR_WORDS.notFound,
    );
    expect(describeUpdateError(Object.assign(new Error('503'), { statusCode: 503 }))).toBe(UPDATE_ERROR_WORDS.server);
    expect(describeUpdateError(withCode('disk full', 'ENOSPC'))).toBe(UPDATE_ERROR_WORDS.diskFull);
    expect(describeUpdateError(undefined)).toBe(UPDATE_ERROR_WORDS.unknown);
    expect(describeUpdateError(new Error(''))).toBe(UPDATE_ERROR_WORDS.unknown);
  });

  it('sends codes, not sentences: the window words them in its language, quoting what the updater said', () => {
    // The state crosses the bridge: it must parse as the contract says.
    const error = describeUpdateError(new Error('weird thing\n    at stack (x.js:1)'));
    expect(error).toEqual({ key: 'updates.error.unknownSaying', params: { detail: 'weird thing' } });
    expect(updateState.parse({ status: 'error', channel: 'stable', error }).error).toEqual(error);
    expect(say(translator('pt-BR'), error)).toBe(
      'A atualização não pôde ser concluída (o atualizador disse “weird thing”). O aplicativo continua funcionando e tenta de novo mais tarde.',
    );
    expect(say(translator('en'), UPDATE_ERROR_WORDS.network)).toBe('Could not reach the update server.');
    expect(say(translator('pt-BR'), UPDATE_ERROR_WORDS.network)).toBe(
      'Não foi possível falar com o servidor de atualizações.',
    );
    const long = describeUpdateError('x'.repeat(500));
    expect(String(long.params?.detail)).toHaveLength(200);
  });

  it('keeps a downloaded update on offer through later checks', () => {
    const downloaded = reduce([
      { type: 'checking-for-update' },
      { type: 'update-available', info: { version: '1.1.0' } },
      { type: 'download-progress', progress: { percent: 50, bytesPerSecond: Infinity, transferred: 5, total: 10 } },
      { type: 'update-downloaded', info: { version: '1.1.0', releaseNotes: [{ version: '1.1.0', note: 'New' }] } },
    ]);
    expect(downloaded).toMatchObject({ status: 'downloaded', version: '1.1.0', releaseNotes: '1.1.0: New' });
    const later = reduce(
      [
        { type: 'checking-for-update' },
        { type: 'update-available', info: { version: '1.1.0' } },
        { type: 'update-not-available' },
      ],
      downloaded,
    );
    expect(later).toMatchObject({ status: 'downloaded', version: '1.1.0' });
  });

  it('never produces a state the schema rejects', () => {
    const states = [
      reduce([{ type: 'download-progress', progress: { percent: NaN, bytesPerSecond: -1, transferred: 0, total: 0 } }]),
      reduce([{ type: 'error', error: new Error('x') }]),
      reduce([{ type: 'update-available', info: { version: '2.0.0', releaseNotes: null } }]),
    ];
    for (const state of states) expect(updateState.parse(state)).toBeTruthy();
  });
});

describe('update controller (fake updater port)', () => {
  function fakePort(autoDownload: boolean) {
    const listeners = new Map<string, Array<(...args: never[]) => void>>();
    const calls: string[] = [];
    let checkResult: () => Promise<void> = () => Promise.resolve();
    const port: UpdaterPort = {
      autoDownload,
      installsOnQuit: true,
      checkForUpdates: () => (calls.push('check'), checkResult()),
      downloadUpdate: () => (calls.push('download'), Promise.resolve()),
      quitAndInstall: () => void calls.push('quitAndInstall'),
      setChannel: (channel) => void calls.push(`channel:${channel}`),
      setInstallOnQuit: (enabled) => void calls.push(`installOnQuit:${enabled}`),
      on(event, listener) {
        listeners.set(event, [...(listeners.get(event) ?? []), listener as (...args: never[]) => void]);
      },
    };
    const emit = <E extends keyof UpdaterEventMap>(event: E, ...args: Parameters<UpdaterEventMap[E]>) => {
      for (const l of listeners.get(event) ?? []) (l as (...a: Parameters<UpdaterEventMap[E]>) => void)(...args);
    };
    return { port, calls, emit, failChecksWith: (e: unknown) => (checkResult = () => Promise.reject(e)) };
  }

  function manualSchedule() {
    const pending: Array<{ task: () => void; ms: number }> = [];
    const schedule: Schedule = (task, ms) => {
      const entry = { task, ms };
      pending.push(entry);
      return () => pending.splice(pending.indexOf(entry), 1);
    };
    return { schedule, pending };
  }

  it('checks at start, then again one interval after each check, until stopped', async () => {
    const { port, calls } = fakePort(true);
    const timers = manualSchedule();
    const c = createUpdateController({ port, channel: 'beta', schedule: timers.schedule, intervalMs: 1234 });
    c.start();
    expect(calls).toEqual(['channel:beta']);
    expect(timers.pending.map((p) => p.ms)).toEqual([0]);
    timers.pending.shift()?.task();
    await vi.waitFor(() => expect(timers.pending.map((p) => p.ms)).toEqual([1234]));
    expect(calls).toEqual(['channel:beta', 'check']);
    c.stop();
    expect(timers.pending).toEqual([]);
  });

  it('downloads itself when the port does not, and installs only a downloaded update', async () => {
    const { port, calls, emit } = fakePort(false);
    const c = createUpdateController({ port, channel: 'stable', schedule: manualSchedule().schedule });
    expect(c.restartToUpdate()).toBe(false);
    emit('update-available', { version: '3.0.0' });
    expect(calls).toContain('download');
    emit('update-downloaded', { version: '3.0.0' });
    await c.checkNow(); // nothing to check while an update waits for the restart
    expect(calls.filter((x) => x === 'check')).toEqual([]);
    expect(c.restartToUpdate()).toBe(true);
    expect(calls.at(-1)).toBe('quitAndInstall');
  });

  it('shows a failed check as an error state and never throws', async () => {
    const { port, failChecksWith } = fakePort(true);
    failChecksWith(Object.assign(new Error('getaddrinfo EAI_AGAIN updates.auzap.com'), { code: 'EAI_AGAIN' }));
    const c = createUpdateController({ port, channel: 'stable', schedule: manualSchedule().schedule });
    await expect(c.checkNow()).resolves.toBeUndefined();
    expect(c.state()).toMatchObject({ status: 'error', error: UPDATE_ERROR_WORDS.network });
  });

  it('keeps "later" for the whole launch and re-checks when the channel changes', async () => {
    const { port, calls, emit } = fakePort(true);
    const c = createUpdateController({ port, channel: 'stable', schedule: manualSchedule().schedule });
    emit('update-available', { version: '3.0.0' });
    c.later();
    emit('download-progress', { percent: 10, bytesPerSecond: 1, transferred: 1, total: 10 });
    expect(c.state()).toMatchObject({ status: 'downloading', dismissed: true });
    emit('error', new Error('boom'));
    await c.setChannel('beta');
    expect(calls).toEqual(['channel:beta', 'check']);
    expect(c.state()).toMatchObject({ channel: 'beta', dismissed: true });
  });
});

describe('leaving the beta channel', () => {
  it('drops a beta build downloaded or still downloading: neither offered nor installed at quit', async () => {
    const listeners = new Map<string, (info: { version: string }) => void>();
    const calls: string[] = [];
    const port: UpdaterPort = {
      autoDownload: true,
      installsOnQuit: true,
      checkForUpdates: () => (calls.push('check'), Promise.resolve()),
      downloadUpdate: () => Promise.resolve(),
      quitAndInstall: () => void calls.push('quitAndInstall'),
      setChannel: (channel) => void calls.push(`channel:${channel}`),
      setInstallOnQuit: (enabled) => void calls.push(`installOnQuit:${enabled}`),
      on: (event, listener) => void listeners.set(event, listener as (info: { version: string }) => void),
    };
    const downloaded = (version: string) => listeners.get('update-downloaded')?.({ version });
    const c = createUpdateController({ port, channel: 'beta', schedule: () => () => undefined });
    downloaded('3.0.0-beta.1');
    expect(c.state()).toMatchObject({ status: 'downloaded', version: '3.0.0-beta.1' });
    expect(calls).toEqual(['installOnQuit:true']);

    // The beta broke something: the user goes back to stable.
    await c.setChannel('stable');
    expect(c.state()).toMatchObject({ status: 'idle', channel: 'stable' });
    expect(c.state().version).toBeUndefined();
    expect(calls.slice(1)).toEqual(['channel:stable', 'installOnQuit:false', 'check']);
    expect(c.restartToUpdate()).toBe(false);

    // A beta download that was still running when the channel changed finishes: ignored too.
    downloaded('3.0.0-beta.2');
    expect(c.state().status).toBe('idle');
    expect(calls.at(-1)).toBe('installOnQuit:false');

    // The next stable release is offered, and installs at quit again.
    downloaded('3.0.0');
    expect(c.state()).toMatchObject({ status: 'downloaded', version: '3.0.0' });
    expect(calls.at(-1)).toBe('installOnQuit:true');
  });

  it('tells a pre-release version from a release', () => {
    expect(isPrerelease('2.1.0-beta.3')).toBe(true);
    expect(isPrerelease('2.1.0')).toBe(false);
    expect(isPrerelease(undefined)).toBe(false);
  });
});

describe('update feed URL', () => {
  it('takes https, or http on loopback only', () => {
    expect(updateFeedUrl({ AUZAP_UPDATE_URL: 'https://updates.example.com/desktop' })).toBe(
      'https://updates.example.com/desktop',
    );
    expect(updateFeedUrl({ AUZAP_UPDATE_URL: 'http://127.0.0.1:8080/' })).toBe('http://127.0.0.1:8080/');
    expect(updateFeedUrl({ AUZAP_UPDATE_URL: 'http://updates.example.com/' }, silent)).toBeNull();
    expect(updateFeedUrl({ AUZAP_UPDATE_URL: 'not a url' }, silent)).toBeNull();
    expect(updateFeedUrl({})).toBeNull();
  });
});
