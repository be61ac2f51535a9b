// The hardened window: sandboxed, isolated, no Node, no DevTools when packaged; nothing
// navigates away from our page, opens a window or attaches a webview; a link goes to the
// system browser only after the user saw its address and agreed (https and mailto only).
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

const electron = vi.hoisted(() => {
  const appListeners = new Map<string, Listener>();
  const windows: Array<{ options: Record<string, unknown>; listeners: Map<string, Listener>; loaded: string[] }> = [];
  class FakeBrowserWindow {
    listeners = new Map<string, Listener>();
    loaded: string[] = [];
    constructor(public options: Record<string, unknown>) {
      windows.push(this);
    }
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
      return this;
    }
    once(event: string, listener: Listener) {
      return this.on(event, listener);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    show = vi.fn();
    maximize = vi.fn();
  }
  return {
    appListeners,
    windows,
    app: {
      isPackaged: true,
      on: vi.fn((event: string, listener: Listener) => void appListeners.set(event, listener)),
    },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    dialog: { showMessageBox: vi.fn(async () => ({ response: 2, checkboxChecked: false })) },
    clipboard: { writeText: vi.fn() },
    BrowserWindow: Object.assign(FakeBrowserWindow, { fromWebContents: () => null }),
  };
});
vi.mock('electron', () => electron);

import { createMainWindow, hardenAllWebContents } from '../../../src/main/shell/window';

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  return {
    listeners,
    open: (url: string) => openHandler?.({ url }),
    on: vi.fn((event: string, listener: Listener) => void listeners.set(event, listener)),
    setWindowOpenHandler: vi.fn((handler: typeof openHandler) => void (openHandler = handler)),
  };
}

function prevented(fire: (event: { preventDefault(): void }) => void): boolean {
  let was = false;
  fire({ preventDefault: () => (was = true) });
  return was;
}

beforeEach(() => {
  electron.windows.length = 0;
  electron.shell.openExternal.mockClear();
  electron.dialog.showMessageBox.mockClear();
});
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('hardenAllWebContents', () => {
  const contents = fakeContents();
  hardenAllWebContents(() => 'en');
  electron.appListeners.get('web-contents-created')?.({}, contents);

  it('keeps navigation on our page', () => {
    const navigate = contents.listeners.get('will-navigate') as Listener;
    expect(prevented((e) => navigate(e, 'https://evil.example/'))).toBe(true);
    expect(prevented((e) => navigate(e, 'file:///etc/passwd'))).toBe(true);
    expect(prevented((e) => navigate(e, 'app://auzap/index.html'))).toBe(false);
    const redirect = contents.listeners.get('will-redirect') as Listener;
    expect(prevented((e) => redirect(e, 'https://evil.example/'))).toBe(true);
    const frame = contents.listeners.get('will-frame-navigate') as Listener;
    expect(prevented((e) => frame({ ...e, isMainFrame: false, url: 'https://evil.example/' }))).toBe(true);
  });

  it('attaches no webview', () => {
    expect(prevented((e) => (contents.listeners.get('will-attach-webview') as Listener)(e))).toBe(true);
  });

  it('opens no window; a link goes to the system browser after the user saw it and agreed', async () => {
    expect(contents.open('https://shop.example/pedido')).toEqual({ action: 'deny' });
    await settle();
    expect(electron.dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ detail: expect.stringContaining('https://shop.example/pedido') }),
    );
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://shop.example/pedido');

    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    contents.open('https://shop.example/other');
    await settle();
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(1);

    for (const url of ['http://shop.example/', 'file:///etc/passwd', 'javascript:alert(1)']) {
      expect(contents.open(url)).toEqual({ action: 'deny' });
    }
    await settle();
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(1);
  });
});

describe('createMainWindow', () => {
  it('is sandboxed and isolated, loads app://auzap/index.html, and keeps its own title', () => {
    createMainWindow({
      show: true,
      minWidth: 720,
      minHeight: 480,
      title: 'AuZap',
      bounds: { x: 5, y: 6, width: 800, height: 600 },
    });
    const win = electron.windows[0];
    expect(win?.options).toMatchObject({ x: 5, y: 6, width: 800, height: 600, show: false, minWidth: 720 });
    expect(win?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      // Packaged (app.isPackaged is true here): no DevTools, whatever the keyboard says.
      devTools: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(String((win?.options.webPreferences as { preload: string }).preload)).toMatch(/preload[/\\]index\.cjs$/);
    expect(win?.loaded).toEqual(['app://auzap/index.html']);
    expect(prevented((e) => (win?.listeners.get('page-title-updated') as Listener)(e))).toBe(true);
  });

  it('shows itself once painted, unless started in the tray', () => {
    const shown = createMainWindow({ show: true, minWidth: 720, minHeight: 480, maximized: true, title: 'AuZap' });
    (electron.windows[0]?.listeners.get('ready-to-show') as Listener)();
    expect(shown.show).toHaveBeenCalled();
    expect(shown.maximize).toHaveBeenCalled();
    const hidden = createMainWindow({ show: false, minWidth: 720, minHeight: 480, title: 'AuZap' });
    (electron.windows[1]?.listeners.get('ready-to-show') as Listener)();
    expect(hidden.show).not.toHaveBeenCalled();
  });
});
