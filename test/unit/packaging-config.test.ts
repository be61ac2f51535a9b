/**
 * The packaging config, read the way `electron-builder` reads it: its own loader finds
 * and parses electron-builder.yml, and its own JSON schema validates it (the same calls
 * its CLI makes before building). Then the settings that matter for security and
 * updates are pinned here, so a careless edit fails CI instead of shipping.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderAppIcon } from '../../src/main/shell/tray-icon';

const root = join(import.meta.dirname, '../..');
const CONFIG = 'electron-builder.yml';

async function load(overrides?: Record<string, unknown>): Promise<Configuration> {
  // Overrides play the CLI's `-c.some.key=value`, which arrive as strings.
  const config = await getConfig(root, join(root, CONFIG), (overrides ?? null) as Configuration | null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value == null ? [] : [value]);
const targetNames = (target: unknown) =>
  asList(target).map((t) => (typeof t === 'string' ? t : (t as { target: string }).target));

describe('electron-builder.yml', () => {
  let config: Configuration;

  beforeAll(async () => {
    config = await load();
  });

  it('is valid for electron-builder and names the app', () => {
    expect(config.appId).toBe('com.auzap.desktop');
    expect(config.productName).toBe('AuZap');
  });

  it('gives the app the identity the OS and the deb target need (package.json)', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      productName?: string;
      desktopName?: string;
      homepage?: string;
      author?: { name?: string; email?: string };
    };
    // Electron's app.name (window class, userData default, keychain entry) is productName.
    expect(pkg.productName).toBe(config.productName);
    // The .desktop file the deb and the AppImage install is named after desktopName, and
    // Electron reports the same name as the app id: launcher badges and window grouping.
    expect(config.linux?.syncDesktopName).toBe(true);
    expect(pkg.desktopName).toBe(`${config.linux?.executableName}.desktop`);
    // Without these the deb target stops ("Please specify project homepage", "author email").
    expect(new URL(pkg.homepage ?? '').protocol).toBe('https:');
    expect(pkg.author?.email).toMatch(/^[^@\s]+@[^@\s]+$/);
  });

  it('sets every Electron fuse explicitly, to the hardened value', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
      // Unsigned Apple-silicon builds with flipped fuses would not launch without it.
      resetAdHocDarwinSignature: true,
    });
  });

  it('lets an end-to-end build flip only the inspect fuse from the command line', async () => {
    const e2e = await load({ electronFuses: { enableNodeCliInspectArguments: 'true' } });
    expect(e2e.electronFuses).toEqual({ ...config.electronFuses, enableNodeCliInspectArguments: true });
  });

  it('packs the app into asar and unpacks only what the OS must open by path', () => {
    expect(config.asar).not.toBe(false);
    expect(asList(config.asarUnpack)).toEqual(['node_modules/node-notifier/vendor/**', 'resources/**']);
    // The patterns must match something real, or notifications silently break when packaged.
    expect(existsSync(join(root, 'node_modules/node-notifier/vendor'))).toBe(true);
    expect(existsSync(join(root, 'resources/icon.png'))).toBe(true);
    // The loader normalises `files` to [{ filter: [...] }].
    const patterns = asList(config.files).flatMap((f) =>
      typeof f === 'string' ? [f] : asList((f as { filter?: unknown }).filter),
    );
    expect(patterns).toEqual(expect.arrayContaining(['out/**', '!out/host-web/**', 'resources/**']));
  });

  it('publishes updates to a generic HTTPS feed', () => {
    const [publish, ...more] = asList(config.publish) as Array<{ provider: string; url: string }>;
    expect(more).toEqual([]);
    expect(publish?.provider).toBe('generic');
    expect(new URL(publish?.url ?? '').protocol).toBe('https:');
    expect(config.generateUpdatesFilesForAllChannels).toBe(true);
  });

  it('builds AppImage + deb, NSIS, and dmg + zip (MacUpdater updates only from the zip)', () => {
    expect(targetNames(config.linux?.target).sort()).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category?.split(';')).toEqual(expect.arrayContaining(['Network', 'Chat']));
    expect(targetNames(config.win?.target)).toEqual(['nsis']);
    expect(targetNames(config.mac?.target).sort()).toEqual(['dmg', 'zip']);
  });

  it('never starts the AppImage with Chromium’s sandbox off (the legacy AppImage’s default)', () => {
    expect(config.appImage?.executableArgs).toEqual([]);
  });

  it('verifies Windows updates against the publisher, and signs from the environment only', () => {
    expect(config.win?.signtoolOptions?.publisherName).toBe('AuZap');
    expect(config.win?.verifyUpdateCodeSignature).not.toBe(false);
    // Certificates and passwords come from CSC_LINK / WIN_CSC_LINK and friends, never from the file.
    expect(config.win?.signtoolOptions?.certificateFile ?? null).toBeNull();
    expect(config.win?.signtoolOptions?.certificatePassword ?? null).toBeNull();
    expect(config.mac?.identity).toBeUndefined();
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.mac?.notarize).toBe(true);
    expect(config.forceCodeSigning ?? false).toBe(false);
  });

  it('keeps in build/ only what electron-builder needs', () => {
    expect(readdirSync(join(root, 'build'))).toEqual(['icon.png']);
  });

  it('has the app icon, drawn by the same code as the tray icon', () => {
    // Regenerate after changing the glyph:
    //   npx tsx -e "import('./src/main/shell/tray-icon.ts').then(m => require('node:fs').writeFileSync('build/icon.png', m.renderAppIcon(512)))"
    const onDisk = PNG.sync.read(readFileSync(join(root, config.directories?.buildResources ?? 'build', 'icon.png')));
    const drawn = PNG.sync.read(renderAppIcon(512));
    expect([onDisk.width, onDisk.height]).toEqual([512, 512]);
    expect(onDisk.data.equals(drawn.data)).toBe(true);
  });

  it('has a dist script per platform', () => {
    const scripts = (
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    expect(scripts).toMatchObject({
      dist: 'npm run build && electron-builder',
      'dist:linux': 'npm run build && electron-builder --linux',
      'dist:win': 'npm run build && electron-builder --win',
      'dist:mac': 'npm run build && electron-builder --mac',
    });
  });
});
