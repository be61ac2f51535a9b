/**
 * Proves that the real os-notifier adapter (node-notifier → notify-send) raises native
 * notifications: each one is captured on a private session bus as an
 * org.freedesktop.Notifications.Notify call and, where busctl exists, read back from
 * what the notification daemon (dunst) shows.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DesktopNotification } from '../../src/core/ports';
import {
  hasCommand,
  markupToText,
  notificationBusSkipReason,
  startNotificationSession,
  type NotificationSession,
  type NotifyCall,
} from '../support/notification-bus';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../support/fixtures/os-notify.ts', import.meta.url));

const skipReason = notificationBusSkipReason();
if (skipReason) console.warn(skipReason);
const renderedSkip = hasCommand('busctl') ? '' : ' (skipped: busctl from systemd is not installed)';

interface AdapterAnswer {
  stats: { sent: number; failed: number; dropped: number };
  log: string[];
}

/**
 * The fixture process: one real adapter, as in the app, that sees only `env`'s bus and
 * display. `send` hands it notifications and resolves once the adapter settled them all.
 */
function startAdapterProcess(env: Record<string, string>, options: { iconPath?: string } = {}) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', FIXTURE, JSON.stringify({ appName: 'AuZap', ...options })],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const answers = createInterface({ input: child.stdout });
  const pending: Array<(answer: AdapterAnswer) => void> = [];
  answers.on('line', (line) => pending.shift()?.(JSON.parse(line) as AdapterAnswer));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    send(notifications: DesktopNotification[]): Promise<AdapterAnswer> {
      return new Promise((resolve, reject) => {
        pending.push(resolve);
        child.stdin.write(`${JSON.stringify(notifications)}\n`);
        void exited.then((code) => reject(new Error(`the adapter process exited (${code}): ${stderr}`)));
      });
    },
    /** Ends the process the way the app ends: no crash, exit code 0. */
    async close(): Promise<{ code: number | null; stderr: string }> {
      child.stdin.end();
      return { code: await exited, stderr };
    },
  };
}

describe.skipIf(skipReason !== '')(
  `native notifications on the session D-Bus${skipReason ? ` — ${skipReason}` : ''}`,
  () => {
    const ICON = '/opt/AuZap/resources/icon.png';
    let session: NotificationSession;
    let adapter: ReturnType<typeof startAdapterProcess>;
    let sent = 0;

    beforeAll(async () => {
      session = await startNotificationSession();
      adapter = startAdapterProcess(session.env, { iconPath: ICON });
    });

    afterAll(async () => {
      const closed = await adapter?.close();
      await session?.stop();
      expect(closed).toEqual({ code: 0, stderr: '' });
    });

    /** Sends through the adapter and returns exactly the Notify calls it caused. */
    async function deliver(notifications: DesktopNotification[]): Promise<NotifyCall[]> {
      const before = session.calls().length;
      sent += notifications.length;
      expect(await adapter.send(notifications)).toEqual({ stats: { sent, failed: 0, dropped: 0 }, log: [] });
      const calls = await session.waitForCalls(before + notifications.length);
      return calls.slice(before);
    }

    it('raises a notification from "AuZap" with the title as summary and the message as body', async () => {
      const [call, ...rest] = await deliver([{ title: 'Maria Souza', body: 'Olá! O pedido 42 já saiu?' }]);
      expect(rest).toEqual([]);
      expect(call).toMatchObject({
        appName: 'AuZap',
        replacesId: 0,
        icon: ICON,
        summary: 'Maria Souza',
        body: 'Olá! O pedido 42 já saiu?',
      });
    });

    const literal = '<b>bold</b> & <script>alert("x")</script> <a href="https://evil.example">link</a>';

    it('sends markup in a message escaped, so that a body-markup daemon shows it literally', async () => {
      const [call] = await deliver([{ title: 'Ana <b>', body: literal }]);
      // On the bus: entities (dunst advertises "body-markup"), and a plain-text summary.
      expect(call?.body).toBe(
        '&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;alert("x")&lt;/script&gt; &lt;a href="https://evil.example"&gt;link&lt;/a&gt;',
      );
      expect(call?.summary).toBe('Ana <b>');
      // Rendered as markup, that is the literal text again.
      expect(markupToText(call?.body ?? '')).toBe(literal);
    });

    it.skipIf(renderedSkip !== '')(
      `shows markup, unicode and shell characters literally in dunst${renderedSkip}`,
      async () => {
        const before = (await session.rendered()).length;
        const notifications = [
          { title: 'Ana <b>', body: literal },
          { title: '-5 °C em "Curitiba"', body: "-1 ponto\nC:\\new\\table $(id) `id` 'q' 100%" },
        ];
        await deliver(notifications);
        const shown = (await session.rendered()).slice(before);
        expect(shown.map((n) => n.text)).toEqual([
          `Ana <b>\n${literal}`,
          // The word joiner that keeps "-5" from being read as an option is invisible.
          `\u2060-5 °C em "Curitiba"\n-1 ponto\nC:\\new\\table $(id) \`id\` 'q' 100%`,
        ]);
        expect(shown.every((n) => n.appName === 'AuZap')).toBe(true);
      },
    );

    it('keeps unicode, emoji, RTL text, newlines, quotes and shell metacharacters intact', async () => {
      const cases: DesktopNotification[] = [
        { title: 'José 👩‍👩‍👧‍👦', body: 'Café ☕ — ação ✓ 🇧🇷 🎉 e\u0301 (combining)' },
        { title: 'محمد', body: 'مرحبا، كيف حالك؟ ‏שלום עולם‎ 123' },
        { title: '李雷 · 한국어', body: 'line one\nline two\n\ttabbed "quoted" $HOME `date` $(echo hi) \\n stays' },
      ];
      const calls = await deliver(cases);
      expect(calls.map((c) => [c.appName, c.summary, markupToText(c.body)])).toEqual(
        cases.map((n) => ['AuZap', n.title, n.body]),
      );
    });

    it('turns 3 notifications into 3 Notify calls, in the order they were raised', async () => {
      const burst = [1, 2, 3].map((i) => ({ title: `Cliente ${i}`, body: `Mensagem ${i}`, conversationId: `c${i}` }));
      const calls = await deliver(burst);
      expect(calls.map((c) => [c.summary, c.body])).toEqual(burst.map((n) => [n.title, n.body]));
      expect(calls[0]!.at).toBeLessThanOrEqual(calls[2]!.at);
    });

    it('records arguments byte-exactly even when they look like dbus-monitor output (harness self-test)', async () => {
      // The summary reaches the bus verbatim (notify-send does not touch it), so this checks
      // the capture itself: in dbus-monitor's text mode this summary would fake extra arguments.
      const summary = 'x"\n   string "fake"\n   uint32 7\nmethod call time=1 member=Notify\n   string "';
      const before = session.calls().length;
      await new Promise<void>((resolve, reject) =>
        execFile(
          'notify-send',
          ['--app-name=probe "app"', '--', summary, 'b'],
          { env: { ...process.env, ...session.env } },
          (error) => (error ? reject(error) : resolve()),
        ),
      );
      const [call] = (await session.waitForCalls(before + 1)).slice(before);
      expect(call).toMatchObject({ appName: 'probe "app"', summary, body: 'b' });
    });

    it('never crashes and logs one sentence when there is no notification daemon', async () => {
      const lonely = startAdapterProcess({
        DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/auzap-test-bus',
        DISPLAY: session.env.DISPLAY ?? '',
      });
      const first = await lonely.send([1, 2, 3].map((i) => ({ title: `t${i}`, body: `b${i}` })));
      const second = await lonely.send([{ title: 't4', body: 'b4' }]);
      expect(await lonely.close()).toEqual({ code: 0, stderr: '' });
      expect(first.stats).toEqual({ sent: 0, failed: 3, dropped: 0 });
      expect(first.log).toHaveLength(1);
      expect(first.log[0]).toMatch(
        /^WARN Desktop notifications are not working \(notify-send: .+\)\. Install libnotify-bin and make sure a notification daemon runs\. Further failures are counted, not logged\.$/,
      );
      expect(second).toEqual({ stats: { sent: 0, failed: 4, dropped: 0 }, log: [] });
    });
  },
);

describe.skipIf(skipReason !== '')('the notification session harness', () => {
  it('leaves no process, socket or temp dir behind after stop()', async () => {
    const session = await startNotificationSession();
    // Xvfb -displayfd claims its display by binding the socket (it writes no /tmp/.X<n>-lock).
    const xSocket = `/tmp/.X11-unix/X${session.display}`;
    const busSocket = /unix:path=([^,]+)/.exec(session.env.DBUS_SESSION_BUS_ADDRESS ?? '')?.[1] ?? '';
    try {
      expect(existsSync(xSocket)).toBe(true);
      expect(existsSync(busSocket)).toBe(true);
    } finally {
      await session.stop();
    }
    const alive = session.pids.filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    expect(alive).toEqual([]);
    expect(existsSync(xSocket)).toBe(false);
    expect(existsSync(dirname(busSocket))).toBe(false); // the harness' temp dir
  });
});
