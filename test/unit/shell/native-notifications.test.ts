// The Electron-Notification notifier: the app's own name and icon, a click that opens the
// conversation on every OS (Linux included, unlike notify-send), text shown as typed, and
// node-notifier only where Electron has no notifications.
import { describe, expect, it, vi } from 'vitest';
import type { NotificationConstructorOptions } from 'electron';
import type { DesktopNotification } from '../../../src/core/ports';
import {
  chooseNotifier,
  createNativeNotifier,
  MAX_HELD,
  notificationText,
  type NativeNotifierOptions,
  type NotificationApi,
  type ShownNotification,
} from '../../../src/main/shell/native-notifications';

class FakeNotification implements ShownNotification {
  listeners = new Map<string, (...args: unknown[]) => void>();
  shown = false;
  constructor(public options: NotificationConstructorOptions) {}
  on(event: string, listener: (...args: unknown[]) => void) {
    this.listeners.set(event, listener);
    return this;
  }
  show() {
    this.shown = true;
  }
  emit(event: string, ...args: unknown[]) {
    this.listeners.get(event)?.(...args);
  }
}

function fakeApi(supported = true) {
  const created: FakeNotification[] = [];
  const api: NotificationApi = {
    isSupported: () => supported,
    create: (options) => {
      const n = new FakeNotification(options);
      created.push(n);
      return n;
    },
  };
  return { api, created };
}

const logger = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });
/** A notifier on Windows with quiet defaults; `options` says what a test looks at. */
const nativeNotifier = (api: NotificationApi, options: Partial<NativeNotifierOptions> = {}) =>
  createNativeNotifier({ api, platform: 'win32', appName: 'AuZap', logger: logger(), onClick: vi.fn(), ...options });
const joana: DesktopNotification = {
  title: 'Joana',
  body: 'Chegou meu pedido?',
  conversationId: 'c-1',
  instanceId: 'i-1',
};

describe('createNativeNotifier', () => {
  for (const platform of ['linux', 'darwin', 'win32'] as const) {
    it(`on ${platform}: shows it with the app's icon, and a click opens the conversation`, () => {
      const { api, created } = fakeApi();
      const onClick = vi.fn();
      const notifier = createNativeNotifier({
        api,
        platform,
        appName: 'AuZap',
        icon: '/app/icon.png',
        logger: logger(),
        onClick,
      });
      notifier.notify(joana);
      expect(created).toHaveLength(1);
      expect(created[0]?.shown).toBe(true);
      expect(created[0]?.options).toMatchObject({
        title: 'Joana',
        body: 'Chegou meu pedido?',
        icon: '/app/icon.png',
        groupId: 'c-1',
      });
      created[0]?.emit('click', {});
      expect(onClick).toHaveBeenCalledWith(joana);
    });
  }

  it('holds every shown notification until clicked or closed, so its click is not lost to GC', () => {
    const { api, created } = fakeApi();
    const onClick = vi.fn();
    const notifier = createNativeNotifier({ api, platform: 'darwin', appName: 'AuZap', logger: logger(), onClick });
    notifier.notify(joana);
    notifier.notify(joana);
    expect(notifier.held()).toBe(2);
    created[0]?.emit('click', {});
    created[1]?.emit('close', {});
    expect(notifier.held()).toBe(0);
    // Bounded: a day of unread notifications does not pile up.
    for (let i = 0; i < MAX_HELD + 5; i += 1) notifier.notify({ ...joana, conversationId: `c-${i}` });
    expect(notifier.held()).toBe(MAX_HELD);
    created.at(-1)?.emit('click', {});
    expect(onClick).toHaveBeenLastCalledWith(expect.objectContaining({ conversationId: `c-${MAX_HELD + 4}` }));
  });

  it('on Windows, keeps holding a toast that timed out into the Action Center: a click there still opens the chat', () => {
    const { api, created } = fakeApi();
    const onClick = vi.fn();
    const notifier = createNativeNotifier({ api, platform: 'win32', appName: 'AuZap', logger: logger(), onClick });
    notifier.notify(joana);
    notifier.notify({ ...joana, conversationId: 'c-2' });
    // Electron's close details (NotificationCloseEventParams): the first timed out, the second the user dismissed.
    created[0]?.emit('close', { reason: 'timedOut' });
    created[1]?.emit('close', { reason: 'userCanceled' });
    expect(notifier.held()).toBe(1);
    created[0]?.emit('click', {});
    expect(onClick).toHaveBeenCalledWith(joana);
    expect(notifier.held()).toBe(0);
  });

  it('on Windows, a toast clicked in the Action Center after a restart (no object holds it) shows the window', () => {
    const { api } = fakeApi();
    let activate: (() => void) | null = null;
    api.handleActivation = (callback) => {
      activate = callback;
    };
    const onActivated = vi.fn();
    nativeNotifier(api, { onActivated });
    expect(activate).not.toBeNull();
    activate!();
    expect(onActivated).toHaveBeenCalledOnce();
  });

  it('registers for Action Center clicks only on Windows, and survives the call failing', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      const { api } = fakeApi();
      api.handleActivation = vi.fn();
      nativeNotifier(api, { platform, onActivated: vi.fn() });
      expect(api.handleActivation).not.toHaveBeenCalled();
    }
    const { api, created } = fakeApi();
    api.handleActivation = () => {
      throw new Error('no COM activator');
    };
    const log = logger();
    const notifier = nativeNotifier(api, { logger: log, onActivated: vi.fn() });
    notifier.notify(joana);
    expect(created[0]?.shown).toBe(true);
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('no COM activator'));
  });

  it('logs the first failure once, in words, and never throws', () => {
    const log = logger();
    const broken: NotificationApi = {
      isSupported: () => true,
      create: () => {
        throw new Error('no notification service');
      },
    };
    const notifier = nativeNotifier(broken, { logger: log });
    expect(() => notifier.notify(joana)).not.toThrow();
    notifier.notify(joana);
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('no notification service'));

    const { api, created } = fakeApi();
    const log2 = logger();
    createNativeNotifier({ api, platform: 'darwin', appName: 'AuZap', logger: log2, onClick: vi.fn() }).notify(joana);
    created[0]?.emit('failed', {}, 'Notifications are not allowed for this application');
    expect(log2.warn).toHaveBeenCalledWith(expect.stringContaining('not allowed'));
  });

  it('a failing click handler is logged, not thrown into Electron', () => {
    const { api, created } = fakeApi();
    const log = logger();
    const notifier = nativeNotifier(api, {
      platform: 'linux',
      logger: log,
      onClick: () => {
        throw new Error('boom');
      },
    });
    notifier.notify(joana);
    expect(() => created[0]?.emit('click', {})).not.toThrow();
    expect(log.error).toHaveBeenCalled();
  });
});

describe('notificationText', () => {
  it('escapes the body for Linux daemons that read markup, and only there', () => {
    const text = { title: '<b>Ana</b> & co', body: 'use <b>bold</b> & see' };
    expect(notificationText(text, 'linux', 'AuZap')).toEqual({
      title: '<b>Ana</b> & co',
      body: 'use &lt;b&gt;bold&lt;/b&gt; &amp; see',
    });
    expect(notificationText(text, 'darwin', 'AuZap').body).toBe('use <b>bold</b> & see');
  });

  it('is one clean line, bounded, and never an empty title', () => {
    const text = notificationText(
      { title: '\u0000\n', body: `line one\nline two ${'x'.repeat(900)}` },
      'win32',
      'AuZap',
    );
    expect(text.title).toBe('AuZap');
    expect(text.body.startsWith('line one line two')).toBe(true);
    expect(Array.from(text.body).length).toBeLessThanOrEqual(500);
  });
});

describe('chooseNotifier', () => {
  it('uses Electron’s notifications where supported, node-notifier where not', () => {
    const fallback = { notify: vi.fn() };
    const options = (supported: boolean) => ({
      api: fakeApi(supported).api,
      platform: 'linux' as const,
      appName: 'AuZap',
      logger: logger(),
      onClick: vi.fn(),
    });
    expect(chooseNotifier(options(true), () => fallback).kind).toBe('electron');
    const chosen = chooseNotifier(options(false), () => fallback);
    expect(chosen.kind).toBe('node-notifier');
    expect(chosen.notifier).toBe(fallback);
  });
});
