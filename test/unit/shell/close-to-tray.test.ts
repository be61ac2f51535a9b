// Closing hides to the tray (with a notice shown once ever); a real quit closes.
import { describe, expect, it, vi } from 'vitest';
import {
  attachCloseToTray,
  closeToTrayNotice,
  createQuitFlag,
  storedNotice,
} from '../../../src/main/shell/close-to-tray';
import type { KeyValueStore } from '../../../src/main/shell/window-state';

function fakeWindow(fullScreen = false) {
  const listeners = new Map<string, Array<(event: { preventDefault(): void }) => void>>();
  const add = (event: string, listener: (event: { preventDefault(): void }) => void) => {
    listeners.set(event, [...(listeners.get(event) ?? []), listener]);
  };
  const win = {
    on: vi.fn((event: string, listener: (e: { preventDefault(): void }) => void) => (add(event, listener), win)),
    once: vi.fn((event: string, listener: (e: { preventDefault(): void }) => void) => (add(event, listener), win)),
    hide: vi.fn(),
    minimize: vi.fn(),
    isFullScreen: vi.fn(() => fullScreen),
    setFullScreen: vi.fn(),
  };
  /** Emits `close` the way Electron does; returns whether the close was prevented. */
  const close = () => {
    let prevented = false;
    for (const listener of listeners.get('close') ?? []) listener({ preventDefault: () => (prevented = true) });
    return prevented;
  };
  const emit = (event: string) => {
    for (const listener of listeners.get(event) ?? []) listener({ preventDefault: () => undefined });
  };
  return { win, close, emit };
}

type CloseToTrayOptions = Parameters<typeof attachCloseToTray>[1];

/** Attaches to a Linux window in English with a fresh quit flag and notice store, unless `options` says otherwise. */
function attach(win: ReturnType<typeof fakeWindow>['win'], options: Partial<CloseToTrayOptions> = {}): void {
  attachCloseToTray(win as never, {
    quit: createQuitFlag(),
    notice: storedNotice(memoryStore()),
    notify: vi.fn(),
    platform: 'linux',
    locale: () => 'en' as const,
    ...options,
  });
}

function memoryStore(): KeyValueStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return { data, get: (k) => data.get(k), set: (k, v) => void data.set(k, v) };
}

describe('close to tray', () => {
  it('hides the window instead of closing it, and says so once', () => {
    const { win, close } = fakeWindow();
    const quit = createQuitFlag();
    const notify = vi.fn();
    attach(win, { quit, notify });

    expect(close()).toBe(true);
    expect(win.hide).toHaveBeenCalledTimes(1);
    expect(notify).toHaveBeenCalledWith({
      title: 'AuZap keeps running in the tray',
      body: expect.stringContaining('Quit AuZap'),
    });

    expect(close()).toBe(true);
    expect(win.hide).toHaveBeenCalledTimes(2);
    expect(notify).toHaveBeenCalledTimes(1);
  });

  it('where the desktop has no tray (stock GNOME), minimizes instead, and says so truthfully', () => {
    const { win, close } = fakeWindow();
    const notify = vi.fn();
    let tray = false;
    attach(win, { notify, trayAvailable: () => tray });
    expect(close()).toBe(true);
    expect(win.minimize).toHaveBeenCalledTimes(1);
    expect(win.hide).not.toHaveBeenCalled();
    const notice = notify.mock.calls[0]?.[0] as { title: string; body: string };
    expect(notice.title).toBe('AuZap is still running, minimized');
    expect(notice.body).toContain('no tray');
    expect(notice.body).toContain('Ctrl+Q');
    expect(`${notice.title} ${notice.body}`).not.toMatch(/in the tray|tray icon’s menu/);
    // The watcher appeared later (an extension was enabled): hiding works again.
    tray = true;
    close();
    expect(win.hide).toHaveBeenCalledTimes(1);
  });

  it('remembers the notice across runs', () => {
    const store = memoryStore();
    const first = fakeWindow();
    const notify = vi.fn();
    attach(first.win, { notice: storedNotice(store), notify, platform: 'win32' });
    first.close();
    expect(store.data.get('closeToTrayNoticeShown')).toBe(true);

    // Next launch: a new window, the same store.
    const second = fakeWindow();
    attach(second.win, { notice: storedNotice(store), notify, platform: 'win32' });
    second.close();
    expect(second.win.hide).toHaveBeenCalled();
    expect(notify).toHaveBeenCalledTimes(1);
  });

  it('lets the window close once the app is quitting', () => {
    const { win, close } = fakeWindow();
    const quit = createQuitFlag();
    const notify = vi.fn();
    attach(win, { quit, notify });
    quit.markQuitting();
    expect(close()).toBe(false);
    expect(win.hide).not.toHaveBeenCalled();
    expect(notify).not.toHaveBeenCalled();
  });

  it('hides again after a quit was called off', () => {
    const { win, close } = fakeWindow();
    const quit = createQuitFlag();
    attach(win, { quit });
    quit.markQuitting();
    expect(quit.quitting).toBe(true);
    quit.cancel();
    expect(quit.quitting).toBe(false);
    expect(close()).toBe(true);
  });

  it('leaves full screen first on macOS, then hides', () => {
    const { win, close, emit } = fakeWindow(true);
    const notify = vi.fn();
    attach(win, { notify, platform: 'darwin' });
    expect(close()).toBe(true);
    expect(win.setFullScreen).toHaveBeenCalledWith(false);
    expect(win.hide).not.toHaveBeenCalled();
    emit('leave-full-screen');
    expect(win.hide).toHaveBeenCalledTimes(1);
    expect(notify).toHaveBeenCalledWith(closeToTrayNotice('darwin', 'en'));
    expect(closeToTrayNotice('darwin', 'en').title).toBe('AuZap keeps running in the menu bar');
  });

  it('still hides when the notice cannot be saved', () => {
    const { win, close } = fakeWindow();
    const store = memoryStore();
    store.set = () => {
      throw new Error('read-only disk');
    };
    attach(win, { notice: storedNotice(store) });
    expect(close()).toBe(true);
    expect(win.hide).toHaveBeenCalled();
  });

  it('says it in the language of the moment the window is closed', () => {
    const { win, close } = fakeWindow();
    const notify = vi.fn();
    attach(win, { notify, locale: () => 'pt-BR' as const });
    close();
    expect(notify).toHaveBeenCalledWith({
      title: 'O AuZap continua aberto na bandeja',
      body: expect.stringContaining('Sair do AuZap'),
    });
    expect(closeToTrayNotice('linux', 'pt-BR', false).title).toBe('O AuZap continua aberto, minimizado');
  });
});
