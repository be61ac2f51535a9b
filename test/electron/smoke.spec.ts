/**
 * The Electron smoke suite: the real desktop app, launched as `npm start` launches it (the
 * project folder, so Electron reads package.json: name, version, desktopName), against the
 * simulator. What the browser-host e2e suite cannot prove: the app's identity and data
 * folder, the window opens on app://auzap/ with no DevTools menu, the bridge works over
 * real IPC, the tray and the badge follow the connection and the unread count, closing
 * hides to the tray (or minimizes where the desktop has none), and notifications go out
 * and open their conversation. The main process is read through `electronApp.evaluate`
 * and the test hooks the app exposes with AUZAP_TEST_HOOKS=1 (src/main/wiring/test-hooks.ts).
 *
 * The global setup obtains the binary (downloading it on first use); the suite is skipped,
 * saying so, only where ELECTRON_SKIP_BINARY_DOWNLOAD forbids that (support/electron-binary.ts).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { DEFAULT_ACCOUNT } from '../../src/simulator/initial-state';
import { startSimulator, type Simulator } from '../../src/simulator/simulator';
import { BINARY_ENV, electronLaunchArgs, SKIP_ENV } from './support/electron-binary';

const root = resolve(import.meta.dirname, '../..');
const mainScript = join(root, 'out/main/index.js');
const binary = process.env[BINARY_ENV];
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { productName: string; version: string };

test.skip(!binary, process.env[SKIP_ENV] ?? 'skipped: the global setup found no Electron binary');
test.describe.configure({ mode: 'serial' });

interface TrayStateSeen {
  badgeCount: number;
  tooltip: string;
  attention: 'none' | 'offline' | 'sign_in';
}
interface TrayViewSeen {
  state: TrayStateSeen;
  tooltip: string;
  menu: { status: string; paused: boolean; update: unknown };
}
interface NotificationSeen {
  title: string;
  body: string;
  conversationId?: string;
}

let sim: Simulator;
let app: ElectronApplication;
let page: Page;
let dataDir: string;
let output = '';

/** Calls one of the main process' test hooks (globalThis.__auzapShell[method](...args)). */
function hook<T>(method: string, ...args: unknown[]): Promise<T> {
  return app.evaluate(
    (_electron, [name, params]) => {
      const hooks = (globalThis as unknown as Record<string, Record<string, (...a: unknown[]) => unknown> | undefined>)
        .__auzapShell;
      if (!hooks) throw new Error('the test hooks are not there yet');
      const fn = hooks[name as string];
      if (!fn) throw new Error(`no test hook "${String(name)}"`);
      return fn(...(params as unknown[]));
    },
    [method, args] as const,
  ) as Promise<T>;
}

test.beforeAll(async () => {
  if (!binary) return;
  if (!existsSync(mainScript)) throw new Error(`${mainScript} is missing: run "npm run build" first.`);
  sim = await startSimulator();
  dataDir = mkdtempSync(join(tmpdir(), 'auzap-electron-'));
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  delete env.ELECTRON_RENDERER_URL;
  delete env.ELECTRON_RUN_AS_NODE;
  Object.assign(env, {
    AUZAP_SERVER_URL: sim.url,
    AUZAP_TOKEN: DEFAULT_ACCOUNT.token,
    AUZAP_ORGANIZATION_ID: DEFAULT_ACCOUNT.organizationId,
    AUZAP_DATA_DIR: dataDir,
    AUZAP_TEST_HOOKS: '1',
  });
  // Chromium refuses to run as root with its sandbox (CI containers); the renderer's own
  // sandbox flag (webPreferences) is what the app sets and is unaffected.
  const noSandbox = process.env.AUZAP_ELECTRON_NO_SANDBOX === '1' || process.getuid?.() === 0;
  app = await electron.launch({
    executablePath: binary,
    args: electronLaunchArgs(root, noSandbox),
    cwd: root,
    env,
    timeout: 60_000,
  });
  app.process().stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  app.process().stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  page = await app.firstWindow();
});

test.afterAll(async () => {
  await app?.close().catch(() => undefined);
  await sim?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test.afterEach(async () => {
  const info = test.info();
  if (info.status !== info.expectedStatus && output) await info.attach('main process output', { body: output });
});

test('the app is AuZap, as package.json names it, launched from the project folder', async () => {
  const identity = await hook<{ name: string; version: string; appPath: string }>('identity');
  expect(identity).toEqual({ name: pkg.productName, version: pkg.version, appPath: root });
  // The app's own menu: no View menu with Reload / Toggle DevTools in what users get.
  const menu = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((item) => item.label) ?? []);
  expect(menu).not.toContain('View');
  expect(await hook<string>('logFile')).toBe(join(dataDir, 'logs', 'main.log'));
});

test('the window opens on app://auzap/ and shows itself', async () => {
  await expect(page).toHaveURL('app://auzap/index.html');
  await expect.poll(() => hook<boolean>('windowVisible')).toBe(true);
  await expect(page.getByTestId('connection-status')).toBeVisible();
  // The page got the bridge from the preload, and nothing else.
  expect(await page.evaluate(() => typeof (window as unknown as { auzap?: unknown }).auzap)).toBe('object');
  expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
});

test('the connection reaches "online"', async () => {
  await expect(page.locator('[data-testid="connection-status"][data-status="online"]')).toBeVisible();
});

test('the tray shows the connection and the unread count', async () => {
  await expect.poll(async () => (await hook<TrayStateSeen>('trayState')).attention).toBe('none');
  const state = await hook<TrayStateSeen>('trayState');
  expect(state.tooltip).toContain('Online');
  const view = await hook<TrayViewSeen>('tray');
  expect(view.state).toEqual(state);
  expect(view.menu.status).toBe(state.tooltip);
  expect(view.menu.paused).toBe(false);
  const badge = await hook<{ count: number; title: string }>('badge');
  expect(badge.count).toBe(state.badgeCount);
  expect(badge.title).toBe(
    state.badgeCount > 0 ? `(${state.badgeCount > 99 ? '99+' : state.badgeCount}) AuZap` : 'AuZap',
  );
});

test('a new message raises a native notification; clicking it opens the conversation', async () => {
  const before = (await hook<TrayStateSeen>('trayState')).badgeCount;
  // Not looking at the window: the core only notifies then.
  await page.evaluate(() => {
    document.hasFocus = () => false;
    window.dispatchEvent(new Event('blur'));
  });
  sim.injectMessage({ contactName: 'Joana', content: 'Chegou meu pedido?' });
  await expect
    .poll(async () => (await hook<NotificationSeen[]>('notifications')).filter((n) => n.title === 'Joana').length)
    .toBe(1);
  const notifications = await hook<NotificationSeen[]>('notifications');
  const index = notifications.findIndex((n) => n.title === 'Joana');
  expect(notifications[index]).toMatchObject({ title: 'Joana', body: 'Chegou meu pedido?' });
  await expect.poll(async () => (await hook<TrayStateSeen>('trayState')).badgeCount).toBe(before + 1);
  await expect.poll(async () => (await hook<TrayViewSeen>('tray')).state.badgeCount).toBe(before + 1);

  expect(await hook<boolean>('clickNotification', index)).toBe(true);
  await expect(page.getByTestId('thread')).toBeVisible();
  await expect(page.getByTestId('message-text').last()).toHaveText('Chegou meu pedido?');
});

test('Pause notifications (until turned back on) in the tray menu reaches the window, and back', async () => {
  expect(await hook<boolean>('clickTrayMenuItem', 'pause-until-resumed')).toBe(true);
  await expect.poll(async () => (await hook<TrayViewSeen>('tray')).menu.paused).toBe(true);
  await expect(page.getByTestId('pause-state')).toHaveText('Notifications paused');
  await page.getByTestId('pause-resume').click();
  await expect.poll(async () => (await hook<TrayViewSeen>('tray')).menu.paused).toBe(false);
});

test('closing the window hides it to the tray (or minimizes it, with no tray), with a notice shown once', async () => {
  const tray = await hook<boolean>('traySupported');
  const notice = (list: NotificationSeen[]) =>
    list.filter((n) => n.title.startsWith(tray ? 'AuZap keeps running' : 'AuZap is still running')).length;
  if (!tray) {
    // A desktop without a tray (the suite's own Xvfb session has none): minimized, not hidden.
    await hook('closeWindow');
    await expect.poll(async () => notice(await hook<NotificationSeen[]>('notifications'))).toBe(1);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isMinimized())).toBe(true);
    await hook('showWindow');
    return;
  }
  await hook('closeWindow');
  await expect.poll(() => hook<boolean>('windowVisible')).toBe(false);
  await expect.poll(async () => notice(await hook<NotificationSeen[]>('notifications'))).toBe(1);
  // Still running, still connected.
  expect((await hook<TrayStateSeen>('trayState')).attention).toBe('none');

  expect(await hook<boolean>('clickTrayMenuItem', 'open')).toBe(true);
  await expect.poll(() => hook<boolean>('windowVisible')).toBe(true);
  await hook('closeWindow');
  await expect.poll(() => hook<boolean>('windowVisible')).toBe(false);
  expect(notice(await hook<NotificationSeen[]>('notifications'))).toBe(1);
  await hook('showWindow');
  await expect.poll(() => hook<boolean>('windowVisible')).toBe(true);
});

test('the data lives in AUZAP_DATA_DIR', async () => {
  expect(resolve(await hook<string>('userData'))).toBe(resolve(dataDir));
  await expect.poll(() => existsSync(join(dataDir, 'auzap-window.json'))).toBe(true);
  expect(readFileSync(join(dataDir, 'logs', 'main.log'), 'utf8')).toContain(`AuZap ${pkg.version} started`);
});
