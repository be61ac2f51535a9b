/**
 * The packaged app as electron-builder lays it out, built here for real: electron-builder's
 * own `build()` with electron-builder.yml, the Linux `dir` and `deb` targets, and a
 * stand-in for the Electron binary (electronDist) — a shell script carrying Electron's
 * fuse wire, so @electron/fuses flips it exactly as it would flip the real one. The deb
 * target stops right before running fpm (electron-builder's `effectiveOptionComputed`
 * hook), after it has written everything the .deb would contain.
 *
 * What this cannot prove (a real release machine can): that the real binary starts from
 * this layout, macOS signing/notarization and the dmg/zip, the NSIS installer and its
 * signature check, the AppImage runtime. See the README's Platforms section.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import asar from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { Arch, build, Platform } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { builtConnectionWorker } from '../../../src/core/connection-thread/built-worker';
import { threadedConnections } from '../../../src/core/connection-thread/threaded-connection';
import { systemClock } from '../../../src/core/ports';
import { startSimulator } from '../../../src/simulator/simulator';
import { joinedSockets } from '../../integration/support';
import { repoRoot } from './support/electron-package';
import { writeStandInElectron } from './support/electron-stand-in';

/** How the wire stores a fuse (@electron/fuses' FuseState, not exported). */
const FuseState = { DISABLE: '0'.charCodeAt(0), ENABLE: '1'.charCodeAt(0) };

let scratch: string;
let unpacked: string;
let resources: string;
let files: string[];
let debArgs: string[] = [];
let desktopEntry = '';
let afterInstall = '';

/** Runs electron-builder; resolves once the deb target has computed fpm's arguments. */
async function packageWithStandIn(): Promise<void> {
  const dist = writeStandInElectron(join(scratch, 'electron-dist'));
  await build({
    projectDir: repoRoot,
    targets: Platform.LINUX.createTarget(['dir', 'deb'], Arch.x64),
    publish: 'never',
    config: { electronDist: dist, directories: { output: join(scratch, 'dist') } },
    // Called by the deb target with [fpm arguments, the .desktop file]; true = stop here.
    effectiveOptionComputed: async (computed: unknown) => {
      const [args, desktopFile] = computed as [string[], string];
      debArgs = args;
      desktopEntry = readFileSync(desktopFile, 'utf8');
      afterInstall = readFileSync(args[args.indexOf('--after-install') + 1] ?? '', 'utf8');
      return true;
    },
  });
}

beforeAll(async () => {
  for (const built of ['out/main/index.js', 'out/connection-thread/connection-worker.cjs']) {
    if (!existsSync(join(repoRoot, built))) throw new Error(`${built} is missing: run "npm run build" first.`);
  }
  scratch = mkdtempSync(join(tmpdir(), 'auzap-package-'));
  await packageWithStandIn();
  unpacked = join(scratch, 'dist', 'linux-unpacked');
  resources = join(unpacked, 'resources');
  files = asar.listPackage(join(resources, 'app.asar'), { isPack: false }).map((file) => file.replace(/\\/g, '/'));
}, 240_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe.runIf(process.platform === 'linux')('the packaged app (Linux dir + deb, Electron stand-in)', () => {
  it('app.asar holds the built app, the runtime assets and production dependencies only', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        '/package.json',
        '/out/main/index.js',
        '/out/connection-thread/connection-worker.cjs',
        '/out/preload/index.cjs',
        '/out/renderer/index.html',
        '/resources/icon.png',
        '/node_modules/electron-updater/package.json',
        '/node_modules/node-notifier/package.json',
        '/node_modules/electron-store/package.json',
      ]),
    );
    const modules = new Set(files.filter((f) => f.startsWith('/node_modules/')).map((f) => f.split('/')[2]));
    for (const devOnly of ['electron', 'electron-builder', 'vitest', 'react', '@playwright', 'typescript', 'tsx']) {
      expect(modules.has(devOnly), devOnly).toBe(false);
    }
    expect(files.filter((f) => /^\/(src|test|scripts|build|bench)\//.test(f) || f.startsWith('/out/host-web'))).toEqual(
      [],
    );
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
  });

  it('the connection thread runs from the script inside app.asar, needing nothing else from it', async () => {
    // What desktop-app.ts does: the main thread reads the script (Electron's fs reads inside
    // app.asar), the worker evaluates it. Here in plain Node, the archive read by @electron/asar.
    const spawn = builtConnectionWorker('out/connection-thread/connection-worker.cjs', (path) =>
      asar.extractFile(join(resources, 'app.asar'), path).toString('utf8'),
    );
    const sim = await startSimulator({ accounts: [{ token: 't', organizationId: 'o' }], seedDemoData: false });
    const events: string[] = [];
    const states: string[] = [];
    const connection = threadedConnections(spawn)({
      serverUrl: sim.url,
      token: 't',
      organizationId: 'o',
      logger: { info: () => undefined, warn: () => undefined, error: (line) => states.push(`error: ${line}`) },
      clock: systemClock,
      onState: (state) => states.push(state.status),
      onEvent: (name, payload) => events.push(`${name} ${JSON.stringify(payload).includes('from the server')}`),
    });
    try {
      connection.start();
      await vi.waitFor(() => expect(states).toContain('online'), { timeout: 10_000 });
      await vi.waitFor(async () => expect(await joinedSockets(sim.url, 'o')).toBe(1), { timeout: 5_000 });
      sim.injectMessage({ organizationId: 'o', content: 'from the server' });
      await vi.waitFor(() => expect(events).toEqual(['whatsapp:message true']), { timeout: 5_000 });
      // No fallback to the main thread happened.
      expect(states.filter((s) => s.startsWith('error'))).toEqual([]);
    } finally {
      connection.stop();
      await sim.close();
    }
  });

  it('the packaged package.json gives the app its name, version and desktop id', () => {
    const pkg = JSON.parse(asar.extractFile(join(resources, 'app.asar'), 'package.json').toString('utf8')) as Record<
      string,
      unknown
    >;
    const source = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg).toMatchObject({
      productName: 'AuZap',
      desktopName: 'auzap.desktop',
      version: source.version,
      main: './out/main/index.js',
    });
  });

  it('unpacks only what the OS opens by path: the icon and node-notifier’s helpers', () => {
    const outside = join(resources, 'app.asar.unpacked');
    expect(readdirSync(outside).sort()).toEqual(['node_modules', 'resources']);
    expect(readdirSync(join(outside, 'node_modules'))).toEqual(['node-notifier']);
    expect(readFileSync(join(outside, 'resources', 'icon.png'))).toEqual(
      readFileSync(join(repoRoot, 'resources', 'icon.png')),
    );
    expect(existsSync(join(outside, 'node_modules', 'node-notifier', 'vendor'))).toBe(true);
  });

  it('app-update.yml points electron-updater at the generic HTTPS feed', () => {
    const yml = readFileSync(join(resources, 'app-update.yml'), 'utf8');
    expect(yml).toContain('provider: generic');
    expect(yml).toContain('url: https://updates.auzap.com/desktop');
    expect(readFileSync(join(resources, 'package-type'), 'utf8')).toBe('deb');
  });

  it('the executable is named auzap and its fuses are flipped to the hardened values', async () => {
    expect(readdirSync(unpacked).sort()).toEqual(['auzap', 'resources']);
    const fuses = (await getCurrentFuseWire(join(unpacked, 'auzap'))) as unknown as Record<number, number>;
    expect(fuses[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
  });

  it('the deb installs auzap.desktop (= desktopName), launching /opt/AuZap/auzap, grouped by the same id', () => {
    expect(debArgs.filter((a) => a.endsWith('=/usr/share/applications/auzap.desktop'))).toHaveLength(1);
    const entry = Object.fromEntries(
      desktopEntry
        .split('\n')
        .filter((line) => line.includes('='))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    expect(entry).toMatchObject({
      Name: 'AuZap',
      Exec: '/opt/AuZap/auzap %U',
      Icon: 'auzap',
      StartupWMClass: 'auzap',
      Type: 'Application',
      Categories: 'Network;Chat;InstantMessaging;',
    });
    expect(entry.Comment).toContain('WhatsApp');
    expect(debArgs).toEqual(
      expect.arrayContaining(['--url', 'https://auzap.com', '--maintainer', 'AuZap <desktop@auzap.com>']),
    );
    expect(debArgs).toContain(`${unpacked}/=/opt/AuZap`);
  });

  it('the deb ships the AppArmor profile Ubuntu 24.04+ needs, and installs it', () => {
    const profile = readFileSync(join(resources, 'apparmor-profile'), 'utf8');
    expect(profile).toContain('profile "auzap" "/opt/AuZap/auzap"');
    expect(profile).toMatch(/^\s*userns,$/m);
    expect(afterInstall).toContain("APPARMOR_PROFILE_SOURCE='/opt/AuZap/resources/apparmor-profile'");
    expect(afterInstall).toContain("APPARMOR_PROFILE_TARGET='/etc/apparmor.d/auzap'");
  });
});
