import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createOsNotifier,
  MAX_TEXT_LENGTH,
  toNotifySendBody,
  toNotifySendSummary,
  type NodeNotifierCallback,
  type NotifierBackend,
  type OsNotifierOptions,
} from '../../src/core/os-notifier';
import type { DesktopNotification, Logger } from '../../src/core/ports';

/** A node-notifier stand-in: records every call and lets the test answer it. */
function fakeNotifier(behaviour: 'manual' | 'ok' | { error: unknown } | 'throw' = 'manual') {
  const calls: Array<{ options: Record<string, unknown>; callback: NodeNotifierCallback }> = [];
  return {
    calls,
    notify(options: Record<string, unknown>, callback?: NodeNotifierCallback): unknown {
      if (behaviour === 'throw') throw new Error('spawn EAGAIN');
      const cb = callback ?? (() => undefined);
      calls.push({ options, callback: cb });
      if (behaviour === 'ok') cb(null, '');
      else if (typeof behaviour === 'object') cb(behaviour.error, '');
      return this;
    },
  };
}

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`INFO ${m}`),
    warn: (m) => lines.push(`WARN ${m}`),
    error: (m) => lines.push(`ERROR ${m}`),
  };
}

function setup(
  backend: NotifierBackend,
  behaviour: Parameters<typeof fakeNotifier>[0] = 'manual',
  extra: Partial<OsNotifierOptions> = {},
) {
  const notifier = fakeNotifier(behaviour);
  const logger = recordingLogger();
  const clicks: DesktopNotification[] = [];
  const os = createOsNotifier({
    appName: 'AuZap',
    appId: 'com.auzap.desktop',
    iconPath: '/opt/AuZap/icon.png',
    logger,
    onClick: (n) => clicks.push(n),
    notifier,
    backend,
    ...extra,
  });
  return { os, notifier, logger, clicks };
}

const message = (i: number): DesktopNotification => ({
  title: `Cliente ${i}`,
  body: `Mensagem ${i}`,
  conversationId: `c${i}`,
});

afterEach(() => {
  vi.useRealTimers();
});

describe('notify-send text rules', () => {
  it('escapes markup in the body so that it shows literally', () => {
    expect(toNotifySendBody('<b>bold</b> & <script>')).toBe('&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;');
    expect(toNotifySendBody('&amp; is already an entity')).toBe('&amp;amp; is already an entity');
    expect(toNotifySendBody('"quotes" and \'apostrophes\' stay')).toBe('"quotes" and \'apostrophes\' stay');
  });

  it("doubles backslashes, which notify-send's g_strcompress would otherwise eat", () => {
    expect(toNotifySendBody('C:\\new\\table \\n')).toBe('C:\\\\new\\\\table \\\\n');
  });

  it('shields a leading "-" of the body with a backslash (g_strcompress turns "\\-" into "-")', () => {
    expect(toNotifySendBody('-5 graus')).toBe('\\-5 graus');
    expect(toNotifySendBody('a -5')).toBe('a -5');
  });

  it('keeps newlines and tabs, drops other control characters, never sends an empty body', () => {
    expect(toNotifySendBody('one\r\ntwo\rthree\n\tfour\u0000\u0007\u001b[31m\u007f')).toBe(
      'one\ntwo\nthree\n\tfour[31m',
    );
    expect(toNotifySendBody('')).toBe(' ');
    expect(toNotifySendBody('\u0000')).toBe(' ');
  });

  it('keeps unicode, emoji and RTL text as they are', () => {
    const text = 'Café ☕ 👩‍👩‍👧‍👦 🇧🇷 مرحبا ‏שלום‎ 李雷';
    expect(toNotifySendBody(text)).toBe(text);
  });

  it('truncates very long text by code points, never halving an emoji', () => {
    const long = '😀'.repeat(MAX_TEXT_LENGTH + 10);
    const body = toNotifySendBody(long);
    expect(Array.from(body)).toHaveLength(MAX_TEXT_LENGTH);
    expect(body.endsWith('😀…')).toBe(true);
    expect(toNotifySendBody('x'.repeat(MAX_TEXT_LENGTH))).toHaveLength(MAX_TEXT_LENGTH);
  });

  it('leaves the summary unescaped (it is plain text for the daemon) but on one line', () => {
    expect(toNotifySendSummary('Ana <b> & Co', 'AuZap')).toBe('Ana <b> & Co');
    expect(toNotifySendSummary('C:\\dir', 'AuZap')).toBe('C:\\dir');
    expect(toNotifySendSummary(' two\r\n lines\tand a tab ', 'AuZap')).toBe('two lines and a tab');
  });

  it('shields a leading "-" of the summary with an invisible word joiner and never sends an empty one', () => {
    expect(toNotifySendSummary('-5 °C', 'AuZap')).toBe('\u2060-5 °C');
    expect(toNotifySendSummary('', 'AuZap')).toBe('AuZap');
    expect(toNotifySendSummary('\n', 'AuZap')).toBe('AuZap');
  });
});

describe('os notifier on Linux (notify-send)', () => {
  it('passes app name, icon, category and the escaped text, and no `wait`', () => {
    const { os, notifier } = setup('notify-send', 'ok');
    os.notify({ title: 'Ana', body: '<i>oi</i>', conversationId: 'c1' });
    expect(notifier.calls.map((c) => c.options)).toEqual([
      {
        title: 'Ana',
        message: '&lt;i&gt;oi&lt;/i&gt;',
        'app-name': 'AuZap',
        category: 'im.received',
        icon: '/opt/AuZap/icon.png',
      },
    ]);
    expect(os.stats()).toEqual({ sent: 1, failed: 0, dropped: 0 });
  });

  it('leaves out the icon when there is none', () => {
    const { os, notifier } = setup('notify-send', 'ok', { iconPath: undefined });
    os.notify(message(1));
    expect(notifier.calls[0]?.options).not.toHaveProperty('icon');
  });

  it('runs one notify-send at a time, in the order notifications were raised', () => {
    const { os, notifier } = setup('notify-send');
    [1, 2, 3].forEach((i) => os.notify(message(i)));
    expect(notifier.calls.map((c) => c.options.title)).toEqual(['Cliente 1']);
    notifier.calls[0]?.callback(null, '');
    expect(notifier.calls.map((c) => c.options.title)).toEqual(['Cliente 1', 'Cliente 2']);
    notifier.calls[1]?.callback(null, '');
    notifier.calls[2]?.callback(null, '');
    expect(notifier.calls.map((c) => c.options.title)).toEqual(['Cliente 1', 'Cliente 2', 'Cliente 3']);
    expect(os.stats()).toEqual({ sent: 3, failed: 0, dropped: 0 });
  });

  it('logs the first failure once, in a sentence, and counts the rest silently', () => {
    const { os, logger } = setup('notify-send', {
      error: new Error('Command failed: notify-send "secret text"\nCould not connect: No such file or directory\n'),
    });
    [1, 2, 3].forEach((i) => os.notify(message(i)));
    expect(logger.lines).toEqual([
      'WARN Desktop notifications are not working (notify-send: Could not connect: No such file or directory). Install libnotify-bin and make sure a notification daemon runs. Further failures are counted, not logged.',
    ]);
    // The message text (in cp.exec's "Command failed" line) is not logged.
    expect(logger.lines.join('\n')).not.toContain('secret');
    expect(os.stats()).toEqual({ sent: 0, failed: 3, dropped: 0 });
  });

  it('never logs the message text, even when the error is only the failed command line', () => {
    const error = Object.assign(new Error('Command failed: notify-send "Ana" "my secret"'), { code: 127 });
    const { os, logger } = setup('notify-send', { error });
    os.notify(message(1));
    expect(logger.lines[0]).toContain('(notify-send: exit code 127)');
    expect(logger.lines[0]).not.toContain('secret');
  });

  it("treats notify-send's stderr (node-notifier's string 'error') as a failure, an empty one as success", () => {
    const failing = setup('notify-send', { error: 'GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown\n' });
    failing.os.notify(message(1));
    expect(failing.os.stats().failed).toBe(1);
    expect(failing.logger.lines[0]).toContain('GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown');
    const fine = setup('notify-send', { error: '' });
    fine.os.notify(message(1));
    expect(fine.os.stats()).toEqual({ sent: 1, failed: 0, dropped: 0 });
  });

  it('never throws when node-notifier itself throws', () => {
    const { os, logger } = setup('notify-send', 'throw');
    expect(() => [1, 2].forEach((i) => os.notify(message(i)))).not.toThrow();
    expect(os.stats()).toEqual({ sent: 0, failed: 2, dropped: 0 });
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toContain('spawn EAGAIN');
  });

  it('moves on when notify-send never answers', () => {
    vi.useFakeTimers();
    const { os, notifier, logger } = setup('notify-send', 'manual', { sendTimeoutMs: 1_000 });
    os.notify(message(1));
    os.notify(message(2));
    vi.advanceTimersByTime(1_000);
    expect(notifier.calls).toHaveLength(2);
    expect(os.stats().failed).toBe(1);
    expect(logger.lines[0]).toContain('gave no answer within 1000 ms');
    // A late answer for the abandoned send changes nothing.
    notifier.calls[0]?.callback(null, '');
    notifier.calls[1]?.callback(null, '');
    expect(os.stats()).toEqual({ sent: 1, failed: 1, dropped: 0 });
  });

  it('drops notifications beyond 20 waiting ones and says so once', () => {
    const { os, notifier, logger } = setup('notify-send');
    for (let i = 0; i < 25; i += 1) os.notify(message(i));
    expect(notifier.calls).toHaveLength(1);
    expect(os.stats()).toEqual({ sent: 0, failed: 0, dropped: 4 });
    expect(logger.lines).toEqual(['WARN Too many desktop notifications at once: dropping some (at most 20 wait).']);
  });

  it('reports no click on Linux: notify-send answers only "sent" through node-notifier', () => {
    const { os, notifier, clicks } = setup('notify-send');
    os.notify(message(1));
    notifier.calls[0]?.callback(null, 'timeout');
    expect(clicks).toEqual([]);
  });
});

describe('os notifier on Windows and macOS', () => {
  it('passes the AppUserModelId, the icon and the raw text to SnoreToast, and waits for clicks', () => {
    const { os, notifier } = setup('windows-toaster');
    os.notify({ title: 'Ana', body: '<b>oi</b> & tchau' });
    expect(notifier.calls[0]?.options).toEqual({
      title: 'Ana',
      message: '<b>oi</b> & tchau',
      icon: '/opt/AuZap/icon.png',
      wait: true,
      appID: 'com.auzap.desktop',
    });
  });

  it('reports a click with the original notification, and only a click', () => {
    const { os, notifier, clicks } = setup('windows-toaster');
    os.notify(message(1));
    os.notify(message(2));
    // Not serialized: both toasts are up while the user decides.
    expect(notifier.calls).toHaveLength(2);
    notifier.calls[0]?.callback(null, 'timeout');
    notifier.calls[1]?.callback(null, 'activate', { activationType: 'clicked' });
    expect(clicks).toEqual([message(2)]);
    expect(os.stats()).toEqual({ sent: 2, failed: 0, dropped: 0 });
  });

  it('waits for clicks on macOS too, where the title is plain', () => {
    const { os, notifier, clicks } = setup('notification-center');
    os.notify({ title: 'Ana\nSouza', body: '' });
    expect(notifier.calls[0]?.options).toEqual({
      title: 'Ana Souza',
      message: ' ',
      icon: '/opt/AuZap/icon.png',
      wait: true,
    });
    notifier.calls[0]?.callback(null, 'activate', { activationType: 'contentsClicked' });
    expect(clicks).toHaveLength(1);
  });

  it('survives a click handler that throws', () => {
    const { os, notifier, logger } = setup('windows-toaster', 'manual', {
      onClick: () => {
        throw new Error('window gone');
      },
    });
    os.notify(message(1));
    expect(() => notifier.calls[0]?.callback(null, 'activate')).not.toThrow();
    expect(logger.lines).toEqual(['ERROR The notification click handler failed: window gone.']);
  });
});
