/**
 * Proof harness for native notifications: an isolated X display, session bus and
 * notification daemon, plus a monitor that records every
 * org.freedesktop.Notifications.Notify call made on that bus.
 *
 *   Xvfb -displayfd      a private display (dunst is an X client and will not start without one)
 *   dbus-daemon          a private session bus: our own config, socket in a temp dir, no
 *                        service activation (a second, default-configured dunst cannot be
 *                        auto-started behind our back)
 *   dunst                the daemon that owns org.freedesktop.Notifications, as on a user's desktop
 *   dbus-monitor --pcap  the recorder
 *
 * Processes under test get `session.env` (DISPLAY + DBUS_SESSION_BUS_ADDRESS) and their
 * notifications land on this bus. Used by vitest and Playwright alike.
 *
 * Why dbus-daemon rather than `dbus-run-session`: dbus-run-session runs exactly this
 * daemon, but hides the address inside its child; started directly, the daemon hands its
 * address over a pipe and every process has its own stdio and process group.
 *
 * Why `--pcap` rather than the text output: the text mode prints string arguments
 * verbatim between double quotes, with no escaping of `"` or newlines, so a message body
 * containing `"⏎   string "` is indistinguishable from the next argument. The pcap stream
 * carries the D-Bus wire format, where strings are length-prefixed: parsing it is exact
 * for any content (quotes, newlines, emoji, RTL) and only needs the first five arguments
 * of Notify (susss…).
 *
 * Cleanup: every process runs in its own process group, and stop() terminates the groups
 * (SIGTERM, then SIGKILL). If the test process dies without calling stop(), a small
 * reaper process, which watches a pipe from us, does the same.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Readable } from 'node:stream';

/** One org.freedesktop.Notifications.Notify call, as it travelled on the bus. */
export interface NotifyCall {
  appName: string;
  replacesId: number;
  icon: string;
  summary: string;
  /** The body as sent: markup, when the client escaped it for a body-markup daemon. */
  body: string;
  /** When dbus-monitor saw the call (ms since the epoch). */
  at: number;
}

/** A notification as dunst shows it (from dunst's history). */
export interface RenderedNotification {
  appName: string;
  summary: string;
  body: string;
  /** dunst's formatted Pango markup: `<b>summary</b>\nbody`. */
  markup: string;
  /** What a person reads on screen: the markup rendered as text. */
  text: string;
}

export interface NotificationSession {
  /** env to give to child processes so they talk to this session's bus & display */
  env: Record<string, string>;
  /** Every Notify call recorded since the session started (parsed so far). */
  calls(): NotifyCall[];
  /** Resolves with calls() once it holds at least n calls; rejects after timeoutMs (default 5 s). */
  waitForCalls(n: number, timeoutMs?: number): Promise<NotifyCall[]>;
  /** Closes what dunst shows and returns everything it has shown, oldest first (needs busctl). */
  rendered(): Promise<RenderedNotification[]>;
  /** The harness' processes (Xvfb, dbus-daemon, dunst, dbus-monitor), to prove they are gone. */
  pids: number[];
  /** The X display number, e.g. 7 for ":7". */
  display: number;
  stop(): Promise<void>;
}

/** What the harness runs; `busctl` (systemd) is only needed by rendered(). */
const REQUIRED_TOOLS = ['Xvfb', 'dbus-daemon', 'dbus-monitor', 'dbus-send', 'dunst', 'notify-send'];

export function missingNotificationTools(): string[] {
  if (process.platform !== 'linux') return ['a Linux desktop stack'];
  return REQUIRED_TOOLS.filter((tool) => !hasCommand(tool));
}

/** A sentence for `it.skipIf(...)` titles and logs; empty when the bus is available. */
export function notificationBusSkipReason(): string {
  const missing = missingNotificationTools();
  return missing.length === 0
    ? ''
    : `native notification proof skipped: ${missing.join(', ')} not installed (apt-get install xvfb dbus-x11 dunst libnotify-bin, as .ci/run does)`;
}

export function hasCommand(name: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    if (dir === '') return false;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

const NOTIFY_RULE = "type='method_call',interface='org.freedesktop.Notifications',member='Notify'";
/** Readiness probes: method calls to dunst on an interface nobody implements (dunst answers
 * UnknownMethod). Seeing one in the capture proves the monitor records calls to dunst. */
const PROBE_INTERFACE = 'org.auzap.NotificationHarnessProbe';
const PROBE_RULE = `type='method_call',interface='${PROBE_INTERFACE}'`;

const DUNSTRC = `# Written by test/support/notification-bus.ts: the shipped defaults that matter, pinned.
[global]
    font = Monospace 8
    markup = full
    format = "<b>%s</b>\\n%b"
    # Every notification stays a separate entry in the history that rendered() reads.
    stack_duplicates = false
    history_length = 1000
    sticky_history = yes
    idle_threshold = 0
    show_age_threshold = -1
`;

const busConfig = (
  dir: string,
): string => `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=${dir}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`;

interface Managed {
  name: string;
  child: ChildProcess;
  exited: Promise<void>;
  /** Last few KB of stderr, for error messages. */
  stderr(): string;
}

export async function startNotificationSession(
  options: { startTimeoutMs?: number } = {},
): Promise<NotificationSession> {
  const missing = missingNotificationTools();
  if (missing.length > 0) throw new Error(notificationBusSkipReason());
  const deadline = Date.now() + (options.startTimeoutMs ?? 15_000);
  const dir = mkdtempSync(join(tmpdir(), 'auzap-notify-'));
  const managed: Managed[] = [];
  let reaper: ChildProcess | undefined;
  let stopped = false;

  const launch = (name: string, command: string, args: string[], env: NodeJS.ProcessEnv, fd3 = false): Managed => {
    // detached: its own process group, so stop() also ends what it spawned (Xvfb's xkbcomp).
    const child = spawn(command, args, {
      env,
      detached: true,
      stdio: fd3 ? ['ignore', 'ignore', 'pipe', 'pipe'] : ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      tail = (tail + chunk).slice(-4000);
    });
    const exited = new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.once('error', (error) => {
        tail += `\n${error.message}`;
        resolve();
      });
    });
    const entry: Managed = { name, child, exited, stderr: () => tail.trim() };
    managed.push(entry);
    return entry;
  };

  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    // The reaper first, so that it does not signal groups after their numbers are free again.
    reaper?.kill('SIGKILL');
    for (const entry of [...managed].reverse()) await terminate(entry);
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    const baseEnv: NodeJS.ProcessEnv = { ...process.env };
    // dunst would rather use Wayland; children must find only this session's bus and display.
    delete baseEnv.WAYLAND_DISPLAY;
    delete baseEnv.DBUS_SESSION_BUS_ADDRESS;
    delete baseEnv.DISPLAY;

    // 1. A display: -displayfd makes Xvfb pick a free number itself (no race with parallel
    // sessions) and write it once it accepts connections.
    const xvfb = launch(
      'Xvfb',
      'Xvfb',
      ['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', '800x600x24', '-noreset'],
      baseEnv,
      true,
    );
    const display = Number(await readLine(xvfb, xvfb.child.stdio[3] as Readable, deadline));
    if (!Number.isInteger(display)) throw new Error(`Xvfb reported no display number. ${xvfb.stderr()}`);

    // 2. A session bus.
    const busConf = join(dir, 'session.conf');
    writeFileSync(busConf, busConfig(dir));
    const bus = launch(
      'dbus-daemon',
      'dbus-daemon',
      ['--config-file', busConf, '--nofork', '--nopidfile', '--nosyslog', '--print-address'],
      baseEnv,
    );
    const address = (await readLine(bus, bus.child.stdout as Readable, deadline)).trim();
    if (!address.startsWith('unix:')) throw new Error(`dbus-daemon printed no address. ${bus.stderr()}`);

    const env = { DISPLAY: `:${display}`, DBUS_SESSION_BUS_ADDRESS: address };
    const childEnv: NodeJS.ProcessEnv = { ...baseEnv, ...env };

    // 3. The recorder, before the daemon, so nothing dunst is sent is missed.
    const capture = new NotifyCapture();
    const monitor = launch('dbus-monitor', 'dbus-monitor', ['--pcap', NOTIFY_RULE, PROBE_RULE], childEnv);
    monitor.child.stdout?.on('data', (chunk: Buffer) => capture.push(chunk));
    void monitor.exited.then(() => capture.fail(`dbus-monitor exited. ${monitor.stderr()}`));

    // 4. The notification daemon, with a pinned configuration.
    const dunstrc = join(dir, 'dunstrc');
    writeFileSync(dunstrc, DUNSTRC);
    const dunst = launch('dunst', 'dunst', ['-config', dunstrc], childEnv);

    reaper = spawnReaper(
      managed.map((entry) => entry.child.pid).filter((pid): pid is number => pid !== undefined),
      dir,
    );

    // 5. Ready when dunst answers on the bus and a probe call to it shows up in the capture.
    await until(
      deadline,
      async () => {
        if (dunst.child.exitCode !== null) throw new Error(`dunst exited at start. ${dunst.stderr()}`);
        return (
          (await dbusSend(childEnv, [
            '--print-reply',
            '--dest=org.freedesktop.Notifications',
            '/org/freedesktop/Notifications',
            'org.freedesktop.Notifications.GetServerInformation',
          ])) !== null
        );
      },
      () => `dunst did not take org.freedesktop.Notifications. ${dunst.stderr()}`,
    );
    await until(
      deadline,
      async () => {
        if (capture.probesSeen > 0) return true;
        await dbusSend(childEnv, [
          '--type=method_call',
          '--dest=org.freedesktop.Notifications',
          '/org/freedesktop/Notifications',
          `${PROBE_INTERFACE}.Ping`,
        ]);
        await sleep(50);
        return capture.probesSeen > 0;
      },
      () => `dbus-monitor recorded nothing. ${monitor.stderr()}`,
    );

    return {
      env,
      display,
      pids: managed.map((entry) => entry.child.pid).filter((pid): pid is number => pid !== undefined),
      calls: () => [...capture.calls],
      waitForCalls: (n, timeoutMs = 5_000) => capture.waitFor(n, timeoutMs),
      rendered: () => readDunstHistory(childEnv, address),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function terminate(entry: Managed): Promise<void> {
  const pid = entry.child.pid;
  if (pid === undefined) return;
  const exitedInTime = (ms: number) => Promise.race([entry.exited.then(() => true), sleep(ms).then(() => false)]);
  signalGroup(pid, 'SIGTERM'); // Xvfb removes its /tmp/.X11-unix socket on SIGTERM, not on SIGKILL
  if (!(await exitedInTime(3_000))) {
    signalGroup(pid, 'SIGKILL');
    await exitedInTime(1_000);
  }
  // Helpers the group leader started (Xvfb's xkbcomp) go with the group even if it is gone.
  signalGroup(pid, 'SIGKILL');
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

/**
 * A Node process that waits for our pipe to close (we died without stop()) and then does
 * stop()'s work: ends the harness' process groups and removes its temp dir.
 */
function spawnReaper(pgids: number[], dir: string): ChildProcess {
  const script = `
const [dir, ...groups] = process.argv.slice(1);
const hit = (signal) => groups.forEach((g) => { try { process.kill(-Number(g), signal); } catch {} });
process.stdin.on('data', () => {});
process.stdin.on('end', () => {
  hit('SIGTERM');
  setTimeout(() => {
    hit('SIGKILL');
    require('node:fs').rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }, 1000);
});
`;
  const reaper = spawn(process.execPath, ['-e', script, dir, ...pgids.map(String)], {
    stdio: ['pipe', 'ignore', 'ignore'],
    detached: true,
  });
  // Neither the reaper nor its pipe may keep our event loop alive.
  reaper.unref();
  (reaper.stdin as Socket | null)?.unref();
  return reaper;
}

function readLine(entry: Managed, stream: Readable, deadline: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    let done = false;
    const finish = (error: Error | undefined, line = '') => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      stream.off('data', onData);
      if (error) reject(error);
      else resolve(line);
    };
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const end = text.indexOf('\n');
      if (end >= 0) finish(undefined, text.slice(0, end));
    };
    const timer = setTimeout(
      () => finish(new Error(`${entry.name} did not start in time. ${entry.stderr()}`)),
      Math.max(0, deadline - Date.now()),
    );
    stream.on('data', onData);
    // `exited` also settles when the program could not be started at all.
    void entry.exited.then(() => finish(new Error(`${entry.name} exited at start. ${entry.stderr()}`)));
  });
}

async function until(deadline: number, check: () => Promise<boolean>, describe: () => string): Promise<void> {
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(25);
  }
  throw new Error(describe());
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs dbus-send on the session bus; resolves stdout, or null when it failed. */
function dbusSend(env: NodeJS.ProcessEnv, args: string[]): Promise<string | null> {
  return run('dbus-send', ['--session', ...args], env).then(
    (out) => out,
    () => null,
  );
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { env, timeout: 5_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} failed: ${String(stderr).trim() || error.message}`));
      else resolve(String(stdout));
    });
  });
}

// ---------------------------------------------------------------------------------------
// dunst's view: what it actually shows

interface BusctlVariant {
  type: string;
  data: unknown;
}

async function readDunstHistory(env: NodeJS.ProcessEnv, address: string): Promise<RenderedNotification[]> {
  if (!hasCommand('busctl')) throw new Error('rendered() needs busctl (systemd) to read dunst history');
  // dunst lists only closed notifications in its history: close everything on screen.
  await run(
    'dbus-send',
    [
      '--session',
      '--print-reply',
      '--dest=org.freedesktop.Notifications',
      '/org/freedesktop/Notifications',
      'org.dunstproject.cmd0.NotificationCloseAll',
    ],
    env,
  );
  const out = await run(
    'busctl',
    [
      `--address=${address}`,
      '--json=short',
      '--no-pager',
      'call',
      'org.freedesktop.Notifications',
      '/org/freedesktop/Notifications',
      'org.dunstproject.cmd0',
      'NotificationListHistory',
    ],
    env,
  );
  const reply = JSON.parse(out) as { data: Array<Array<Record<string, BusctlVariant>>> };
  const field = (entry: Record<string, BusctlVariant>, key: string): string => String(entry[key]?.data ?? '');
  return (reply.data[0] ?? [])
    .map((entry) => ({ id: Number(entry.id?.data ?? 0), entry }))
    .sort((a, b) => a.id - b.id)
    .map(({ entry }) => ({
      appName: field(entry, 'appname'),
      summary: field(entry, 'summary'),
      body: field(entry, 'body'),
      markup: field(entry, 'message'),
      text: markupToText(field(entry, 'message')),
    }));
}

/** Pango markup as a person reads it: tags apply styles (gone), entities are characters. */
export function markupToText(markup: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
  return markup.replace(/<[^>]*>/g, '').replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return named[name] ?? whole;
  });
}

// ---------------------------------------------------------------------------------------
// The capture: pcap records → D-Bus messages → Notify calls

class NotifyCapture {
  readonly calls: NotifyCall[] = [];
  probesSeen = 0;
  private readonly pcap = new PcapStream();
  private failure: string | undefined;
  private waiters: Array<{ n: number; resolve: (calls: NotifyCall[]) => void; reject: (error: Error) => void }> = [];

  push(chunk: Buffer): void {
    let records: Array<{ at: number; data: Buffer }>;
    try {
      records = this.pcap.push(chunk);
    } catch (error) {
      // Inside a stream handler a throw would take the whole test process down.
      this.fail(error instanceof Error ? error.message : String(error));
      return;
    }
    for (const record of records) {
      const message = parseDbusMessage(record.data);
      if (!message) continue;
      if (message.interface === PROBE_INTERFACE) this.probesSeen += 1;
      else if (message.interface === 'org.freedesktop.Notifications' && message.member === 'Notify') {
        const call = parseNotifyBody(message, record.at);
        if (call) this.calls.push(call);
      }
    }
    this.settle();
  }

  fail(reason: string): void {
    this.failure ??= reason;
    this.settle();
  }

  waitFor(n: number, timeoutMs: number): Promise<NotifyCall[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter !== entry);
        reject(
          new Error(
            `expected ${n} Notify call(s) on the bus within ${timeoutMs} ms, saw ${this.calls.length}: ${JSON.stringify(this.calls)}`,
          ),
        );
      }, timeoutMs);
      const entry = {
        n,
        resolve: (calls: NotifyCall[]) => {
          clearTimeout(timer);
          resolve(calls);
        },
        reject: (error: Error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.waiters.push(entry);
      this.settle();
    });
  }

  private settle(): void {
    this.waiters = this.waiters.filter((waiter) => {
      if (this.calls.length >= waiter.n) waiter.resolve([...this.calls]);
      else if (this.failure !== undefined) waiter.reject(new Error(this.failure));
      else return true;
      return false;
    });
  }
}

/** libpcap's file format: a 24-byte header, then per record 16 bytes of header + the data. */
export class PcapStream {
  private buffer: Buffer = Buffer.alloc(0);
  private little: boolean | undefined;

  push(chunk: Buffer): Array<{ at: number; data: Buffer }> {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const records: Array<{ at: number; data: Buffer }> = [];
    if (this.little === undefined) {
      if (this.buffer.length < 24) return records;
      if (this.buffer.readUInt32LE(0) === 0xa1b2c3d4) this.little = true;
      else if (this.buffer.readUInt32BE(0) === 0xa1b2c3d4) this.little = false;
      else throw new Error('dbus-monitor --pcap output does not start with a pcap header');
      this.buffer = this.buffer.subarray(24);
    }
    const u32 = (offset: number) => (this.little ? this.buffer.readUInt32LE(offset) : this.buffer.readUInt32BE(offset));
    while (this.buffer.length >= 16) {
      const length = u32(8);
      if (this.buffer.length < 16 + length) break;
      const at = u32(0) * 1000 + Math.floor(u32(4) / 1000);
      records.push({ at, data: Buffer.from(this.buffer.subarray(16, 16 + length)) });
      this.buffer = this.buffer.subarray(16 + length);
    }
    return records;
  }
}

export interface DbusMessage {
  type: number;
  interface: string | undefined;
  member: string | undefined;
  signature: string;
  little: boolean;
  /** The whole message; body offsets are relative to its start (that is how D-Bus aligns). */
  bytes: Buffer;
  bodyStart: number;
}

/** Parses a D-Bus message's header (the wire format of the D-Bus specification). */
export function parseDbusMessage(bytes: Buffer): DbusMessage | undefined {
  try {
    const endian = String.fromCharCode(bytes[0] ?? 0);
    if (endian !== 'l' && endian !== 'B') return undefined;
    const reader = new WireReader(bytes, endian === 'l', 12);
    const fieldsLength = reader.uint32();
    const fieldsEnd = reader.pos + fieldsLength;
    const fields = new Map<number, string>();
    while (reader.pos < fieldsEnd) {
      reader.align(8);
      const code = reader.byte();
      const signature = reader.signature();
      if (signature === 's' || signature === 'o') fields.set(code, reader.string());
      else if (signature === 'g') fields.set(code, reader.signature());
      else if (signature === 'u') fields.set(code, String(reader.uint32()));
      else return undefined; // not in the specification's header fields
    }
    reader.align(8);
    return {
      type: bytes[1] ?? 0,
      interface: fields.get(2),
      member: fields.get(3),
      signature: fields.get(8) ?? '',
      little: endian === 'l',
      bytes,
      bodyStart: reader.pos,
    };
  } catch {
    return undefined; // truncated or malformed: not something a daemon would have accepted either
  }
}

/** Notify(app_name s, replaces_id u, app_icon s, summary s, body s, actions as, hints a{sv}, expire_timeout i). */
export function parseNotifyBody(message: DbusMessage, at: number): NotifyCall | undefined {
  if (!message.signature.startsWith('susss')) return undefined;
  try {
    const reader = new WireReader(message.bytes, message.little, message.bodyStart);
    const appName = reader.string();
    const replacesId = reader.uint32();
    const icon = reader.string();
    const summary = reader.string();
    const body = reader.string();
    return { appName, replacesId, icon, summary, body, at };
  } catch {
    return undefined;
  }
}

class WireReader {
  constructor(
    private readonly bytes: Buffer,
    private readonly little: boolean,
    public pos: number,
  ) {}

  align(n: number): void {
    this.pos = Math.ceil(this.pos / n) * n;
  }

  byte(): number {
    const value = this.bytes.readUInt8(this.pos);
    this.pos += 1;
    return value;
  }

  uint32(): number {
    this.align(4);
    const value = this.little ? this.bytes.readUInt32LE(this.pos) : this.bytes.readUInt32BE(this.pos);
    this.pos += 4;
    return value;
  }

  /** STRING / OBJECT_PATH: uint32 length, UTF-8 bytes, NUL. */
  string(): string {
    const length = this.uint32();
    return this.text(length);
  }

  /** SIGNATURE: byte length, ASCII, NUL. */
  signature(): string {
    return this.text(this.byte());
  }

  private text(length: number): string {
    if (this.pos + length + 1 > this.bytes.length) throw new RangeError('string runs past the message');
    const value = this.bytes.toString('utf8', this.pos, this.pos + length);
    this.pos += length + 1;
    return value;
  }
}
