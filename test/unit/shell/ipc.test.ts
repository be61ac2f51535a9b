// Every bridge command is checked to come from our page, in our window, in its main
// frame; anything else gets 'not_allowed' and never reaches the runtime.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  return {
    handlers,
    app: { isPackaged: true, on: vi.fn() },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    BrowserWindow: vi.fn(),
    ipcMain: {
      handle: vi.fn((channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => {
        handlers.set(channel, fn);
      }),
      removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
    },
  };
});
vi.mock('electron', () => electron);

import { COMMAND_CHANNELS, type CommandOutcome } from '../../../src/shared/bridge';
import type { PushMessage } from '../../../src/core/app-core';
import { isTrustedSender, NOT_ALLOWED, wireBridge } from '../../../src/main/shell/ipc';
import { isOurOrigin, isOurPage, rendererUrl } from '../../../src/main/shell/window';

const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
const OUR_URL = 'app://auzap/index.html';

function fakeWindow(url = OUR_URL) {
  const webContents = {
    send: vi.fn(),
    getURL: vi.fn(() => url),
    isDestroyed: () => false,
    mainFrame: null as unknown,
  };
  const win = { webContents, isDestroyed: vi.fn(() => false) };
  return win;
}

function eventFrom(sender: unknown, url: string | null, parent: unknown = null) {
  return { sender, senderFrame: url === null ? null : { url, parent } };
}

function fakeRuntime() {
  let listener: ((push: PushMessage) => void) | null = null;
  return {
    dispatch: vi.fn(async (): Promise<CommandOutcome> => ({ ok: true, value: null })),
    onPush: vi.fn((fn: (push: PushMessage) => void) => {
      listener = fn;
      return () => {
        listener = null;
      };
    }),
    push: (push: PushMessage) => listener?.(push),
  };
}

beforeEach(() => {
  electron.handlers.clear();
  vi.clearAllMocks();
  delete process.env.ELECTRON_RENDERER_URL;
  electron.app.isPackaged = true;
});

describe('our page', () => {
  it('is app://auzap/index.html when packaged', () => {
    expect(rendererUrl()).toBe(OUR_URL);
    expect(isOurPage(OUR_URL)).toBe(true);
    expect(isOurPage('app://auzap/index.html#/inbox')).toBe(true);
    expect(isOurPage('app://AUZAP/index.html')).toBe(true);
  });

  it.each([
    'app://auzap/other.html',
    'app://evil/index.html',
    'file:///work/main/out/renderer/index.html',
    'https://auzap/index.html',
    'https://evil.example/index.html',
    'about:blank',
    'not a url',
    '',
  ])('is not %s', (url) => {
    expect(isOurPage(url)).toBe(false);
  });

  it('is the dev server in an unpackaged dev run, and only then', () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/';
    electron.app.isPackaged = false;
    expect(isOurPage('http://localhost:5173/')).toBe(true);
    expect(isOurPage(OUR_URL)).toBe(false);
    electron.app.isPackaged = true;
    expect(isOurPage(OUR_URL)).toBe(true);
    expect(isOurPage('http://localhost:5173/')).toBe(false);
  });

  it('has the origin app://auzap', () => {
    expect(isOurOrigin('app://auzap')).toBe(true);
    expect(isOurOrigin('app://auzap/')).toBe(true);
    expect(isOurOrigin('app://evil')).toBe(false);
    expect(isOurOrigin('https://auzap.com')).toBe(false);
    expect(isOurOrigin('null')).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts the main frame of our page in our window', () => {
    const win = fakeWindow();
    expect(isTrustedSender(eventFrom(win.webContents, OUR_URL) as never, win as never)).toBe(true);
  });

  it('refuses another web contents, a sub-frame, a gone frame, a foreign page, no window', () => {
    const win = fakeWindow();
    const other = fakeWindow();
    expect(isTrustedSender(eventFrom(other.webContents, OUR_URL) as never, win as never)).toBe(false);
    expect(isTrustedSender(eventFrom(win.webContents, OUR_URL, {}) as never, win as never)).toBe(false);
    expect(isTrustedSender(eventFrom(win.webContents, null) as never, win as never)).toBe(false);
    expect(isTrustedSender(eventFrom(win.webContents, 'https://evil.example/') as never, win as never)).toBe(false);
    expect(isTrustedSender(eventFrom(win.webContents, OUR_URL) as never, null)).toBe(false);
    win.isDestroyed.mockReturnValue(true);
    expect(isTrustedSender(eventFrom(win.webContents, OUR_URL) as never, win as never)).toBe(false);
  });
});

describe('wireBridge', () => {
  it('handles every command channel', () => {
    const win = fakeWindow();
    wireBridge(fakeRuntime(), () => win as never, logger);
    expect([...electron.handlers.keys()].sort()).toEqual([...COMMAND_CHANNELS].sort());
  });

  it('hands a trusted command to the runtime with its arguments', async () => {
    const win = fakeWindow();
    const runtime = fakeRuntime();
    wireBridge(runtime, () => win as never, logger);
    const handler = electron.handlers.get('inbox:send');
    const outcome = await handler?.(eventFrom(win.webContents, OUR_URL), { conversationId: 'c1', text: 'hi' });
    expect(outcome).toEqual({ ok: true, value: null });
    expect(runtime.dispatch).toHaveBeenCalledWith('inbox:send', [{ conversationId: 'c1', text: 'hi' }]);
  });

  it.each([
    [
      'a foreign page in our window',
      (win: ReturnType<typeof fakeWindow>) => eventFrom(win.webContents, 'https://evil.example/index.html'),
    ],
    [
      'a file:// page in our window',
      (win: ReturnType<typeof fakeWindow>) => eventFrom(win.webContents, 'file:///tmp/index.html'),
    ],
    [
      'another app:// host',
      (win: ReturnType<typeof fakeWindow>) => eventFrom(win.webContents, 'app://evil/index.html'),
    ],
    [
      'a sub-frame of our page',
      (win: ReturnType<typeof fakeWindow>) => eventFrom(win.webContents, OUR_URL, { url: OUR_URL }),
    ],
    ['another window', () => eventFrom(fakeWindow().webContents, OUR_URL)],
    ['a destroyed frame', (win: ReturnType<typeof fakeWindow>) => eventFrom(win.webContents, null)],
  ])('refuses %s with not_allowed', async (_name, makeEvent) => {
    const win = fakeWindow();
    const runtime = fakeRuntime();
    wireBridge(runtime, () => win as never, logger);
    const outcome = await electron.handlers.get('settings:update-connection')?.(makeEvent(win), {
      serverUrl: 'https://evil.example',
      organizationId: 'x',
    });
    expect(outcome).toEqual(NOT_ALLOWED);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(runtime.dispatch).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('untrusted sender'));
  });

  it('refuses everything while there is no window', async () => {
    const runtime = fakeRuntime();
    wireBridge(runtime, () => null, logger);
    const outcome = await electron.handlers.get('app:get-snapshot')?.(eventFrom({}, OUR_URL));
    expect(outcome).toEqual(NOT_ALLOWED);
    expect(runtime.dispatch).not.toHaveBeenCalled();
  });

  it('logs a refusal once per channel and page, not once per message', async () => {
    const win = fakeWindow();
    wireBridge(fakeRuntime(), () => win as never, logger);
    const handler = electron.handlers.get('app:get-snapshot');
    for (let i = 0; i < 5; i++) await handler?.(eventFrom(win.webContents, 'https://evil.example/'));
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });

  it('sends pushes to our page only', () => {
    const win = fakeWindow();
    const runtime = fakeRuntime();
    wireBridge(runtime, () => win as never, logger);
    runtime.push({ channel: 'ui:open-conversation', payload: { conversationId: 'c1' } });
    expect(win.webContents.send).toHaveBeenCalledWith('ui:open-conversation', { conversationId: 'c1' });

    win.webContents.getURL.mockReturnValue('https://evil.example/');
    runtime.push({ channel: 'ui:open-conversation', payload: { conversationId: 'c2' } });
    expect(win.webContents.send).toHaveBeenCalledTimes(1);
  });

  it('unwires: handlers removed, pushes stop', () => {
    const win = fakeWindow();
    const runtime = fakeRuntime();
    const unwire = wireBridge(runtime, () => win as never, logger);
    unwire();
    expect(electron.handlers.size).toBe(0);
    runtime.push({ channel: 'ui:open-conversation', payload: { conversationId: 'c1' } });
    expect(win.webContents.send).not.toHaveBeenCalled();
  });
});
