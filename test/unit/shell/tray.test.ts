// The tray adapter: the icon is redrawn (with the count) only when what it shows
// changed, the tooltip follows the runtime, the menu items call the runtime, and the
// menu is rebuilt only when its content changed.
import { beforeEach, describe, expect, it, vi } from 'vitest';

interface FakeImage {
  buffer: Buffer;
  scaleFactor: number;
  representations: { scaleFactor?: number; buffer?: Buffer }[];
  addRepresentation(options: { scaleFactor?: number; buffer?: Buffer }): void;
}
interface FakeItem {
  id?: string;
  label?: string;
  type?: string;
  checked?: boolean;
  enabled?: boolean;
  submenu?: FakeItem[];
  click?: (item: { checked: boolean }) => void;
}
interface FakeMenu {
  template: FakeItem[];
  getMenuItemById(id: string): unknown;
}

const electron = vi.hoisted(() => {
  const themeListeners = new Set<() => void>();
  const trays: FakeTray[] = [];
  class FakeTray {
    image: unknown;
    images: unknown[] = [];
    tooltips: string[] = [];
    menus: unknown[] = [];
    listeners = new Map<string, () => void>();
    destroyed = false;
    constructor(image: unknown) {
      this.image = image;
      this.images.push(image);
      trays.push(this);
    }
    setImage(image: unknown) {
      this.image = image;
      this.images.push(image);
    }
    setToolTip(text: string) {
      this.tooltips.push(text);
    }
    setContextMenu(menu: unknown) {
      this.menus.push(menu);
    }
    setIgnoreDoubleClickEvents() {}
    on(event: string, listener: () => void) {
      this.listeners.set(event, listener);
      return this;
    }
    destroy() {
      this.destroyed = true;
    }
  }
  return {
    trays,
    themeListeners,
    Tray: FakeTray,
    Menu: {
      buildFromTemplate: (template: FakeMenu['template']): FakeMenu => ({
        template,
        getMenuItemById: (id: string) => template.find((item) => item.id === id),
      }),
    },
    nativeImage: {
      createFromBuffer: (buffer: Buffer, options?: { scaleFactor?: number }): FakeImage => {
        const image: FakeImage = {
          buffer,
          scaleFactor: options?.scaleFactor ?? 1,
          representations: [],
          addRepresentation(rep) {
            image.representations.push(rep);
          },
        };
        return image;
      },
    },
    nativeTheme: {
      shouldUseDarkColors: false,
      shouldUseDarkColorsForSystemIntegratedUI: false,
      on: (event: string, listener: () => void) => themeListeners.add(listener),
      removeListener: (event: string, listener: () => void) => themeListeners.delete(listener),
    },
  };
});
vi.mock('electron', () => electron);

import type { Locale } from '../../../src/shared/i18n/locale';
import type { UpdateState } from '../../../src/shared/updates';
import type { TrayState } from '../../../src/core/ports';
import { renderTrayIcon } from '../../../src/main/shell/tray-icon';
import {
  createTrayController,
  panelTheme,
  trayImageSpecs,
  trayTooltip,
  type TrayControllerOptions,
} from '../../../src/main/shell/tray';
import { updateMenuEntry, type PauseState } from '../../../src/main/shell/tray-menu';

type Tray = (typeof electron.trays)[number];
const pngWidth = (png: Buffer) => png.readUInt32BE(16);

/** 2026-03-02 10:00 local time: the pause's "tomorrow morning" is 08:00 the next day. */
const NOW = new Date(2026, 2, 2, 10, 0).getTime();
const HOUR = 3_600_000;

function setUp(overrides: Partial<TrayControllerOptions> = {}) {
  let pause: PauseState = { paused: false, pausedUntil: null };
  let locale: Locale = 'en';
  let now = NOW;
  const render = vi.fn(renderTrayIcon);
  const options = {
    platform: 'linux' as NodeJS.Platform,
    onOpen: vi.fn(),
    onQuit: vi.fn(),
    locale: () => locale,
    notificationPause: vi.fn(() => pause),
    setNotificationsPaused: vi.fn(),
    render,
    now: () => now,
    ...overrides,
  };
  const controller = createTrayController(options);
  const tray = electron.trays.at(-1) as Tray;
  const lastMenu = () => tray.menus.at(-1) as FakeMenu;
  const all = (items: FakeItem[]): FakeItem[] => items.flatMap((entry) => [entry, ...all(entry.submenu ?? [])]);
  const item = (id: string) => all(lastMenu().template).find((entry) => entry.id === id);
  const pauseLabels = () => (item('pause')?.submenu ?? []).map((entry) => entry.label ?? entry.type);
  return {
    controller,
    tray,
    options,
    render,
    lastMenu,
    item,
    pauseLabels,
    setPause: (next: PauseState) => (pause = next),
    setLocale: (next: Locale) => (locale = next),
    setNow: (next: number) => (now = next),
  };
}

const online = (badgeCount: number): TrayState => ({
  badgeCount,
  tooltip: `AuZap — Online, ${badgeCount} unread messages`,
  attention: 'none',
});

beforeEach(() => {
  electron.trays.length = 0;
  electron.themeListeners.clear();
  electron.nativeTheme.shouldUseDarkColors = false;
  electron.nativeTheme.shouldUseDarkColorsForSystemIntegratedUI = false;
});

describe('the tray icon', () => {
  it('starts with an icon, a tooltip and a menu', () => {
    const { tray, render, lastMenu } = setUp();
    expect(tray.images).toHaveLength(1);
    expect(render).toHaveBeenCalledWith(expect.objectContaining({ count: 0, attention: 'offline' }));
    expect(tray.tooltips).toHaveLength(1);
    expect(lastMenu().template.map((entry) => entry.label ?? entry.type)).toEqual([
      'Open AuZap',
      tray.tooltips[0],
      'Pause notifications',
      'separator',
      'Quit AuZap',
    ]);
    expect(tray.tooltips[0]).toBe('AuZap — Connecting…, no unread messages');
  });

  it('is redrawn with the unread count, and the tooltip and status line follow', () => {
    const { controller, tray, render, item } = setUp();
    render.mockClear();
    controller.update(online(3));
    expect(render).toHaveBeenCalledWith(expect.objectContaining({ count: 3, attention: 'none' }));
    expect(tray.images).toHaveLength(2);
    expect(tray.tooltips.at(-1)).toBe('AuZap — Online, 3 unread messages');
    expect(item('status')).toMatchObject({ label: 'AuZap — Online, 3 unread messages', enabled: false });
    expect(controller.view().state.badgeCount).toBe(3);
  });

  it('does nothing when nothing visible changed', () => {
    const { controller, tray, render } = setUp();
    controller.update(online(3));
    render.mockClear();
    const counts = [tray.images.length, tray.tooltips.length, tray.menus.length];
    controller.update(online(3));
    controller.refresh();
    expect(render).not.toHaveBeenCalled();
    expect([tray.images.length, tray.tooltips.length, tray.menus.length]).toEqual(counts);
  });

  it('draws "99+" once for every count above 99', () => {
    const { controller, tray } = setUp();
    controller.update({ ...online(120), tooltip: 'x' });
    const images = tray.images.length;
    controller.update({ ...online(150), tooltip: 'x' });
    expect(tray.images).toHaveLength(images);
  });

  it('looks different when offline and when sign-in is needed', () => {
    const { controller, render } = setUp();
    controller.update(online(2));
    controller.update({ badgeCount: 2, tooltip: 'AuZap — Sign-in needed', attention: 'sign_in' });
    expect(render).toHaveBeenLastCalledWith(expect.objectContaining({ count: 2, attention: 'sign_in' }));
    controller.update({ badgeCount: 2, tooltip: 'AuZap — Offline', attention: 'offline' });
    expect(render).toHaveBeenLastCalledWith(expect.objectContaining({ attention: 'offline' }));
  });

  it('is redrawn for the panel colour when the OS theme changes', () => {
    const { tray, render } = setUp();
    expect(render).toHaveBeenLastCalledWith(expect.objectContaining({ theme: 'light-panel' }));
    electron.nativeTheme.shouldUseDarkColors = true;
    for (const listener of electron.themeListeners) listener();
    expect(render).toHaveBeenLastCalledWith(expect.objectContaining({ theme: 'dark-panel' }));
    expect(tray.images).toHaveLength(2);
  });

  it('carries every size of the platform at its scale factor', () => {
    const { tray } = setUp({ platform: 'win32' });
    const image = tray.image as FakeImage;
    expect(pngWidth(image.buffer)).toBe(16);
    expect(image.scaleFactor).toBe(1);
    expect(image.representations.map((r) => [r.scaleFactor, pngWidth(r.buffer as Buffer)])).toEqual([
      [1.5, 24],
      [2, 32],
    ]);
    expect(trayImageSpecs('darwin')).toEqual([
      { size: 16, scaleFactor: 1 },
      { size: 32, scaleFactor: 2 },
    ]);
    // Linux: 22 px and, at 2×, exactly twice that (a 48 px image would be scaled, blurred).
    expect(trayImageSpecs('linux')).toEqual([
      { size: 22, scaleFactor: 1 },
      { size: 44, scaleFactor: 2 },
    ]);
    const linux = setUp().tray.image as FakeImage;
    expect(pngWidth(linux.buffer)).toBe(22);
    expect(linux.representations.map((r) => [r.scaleFactor, pngWidth(r.buffer as Buffer)])).toEqual([[2, 44]]);
  });

  it('reads the taskbar colour on Windows and the OS mode elsewhere', () => {
    const theme = { shouldUseDarkColors: true, shouldUseDarkColorsForSystemIntegratedUI: false };
    expect(panelTheme('win32', theme)).toBe('light-panel');
    expect(panelTheme('darwin', theme)).toBe('dark-panel');
    expect(panelTheme('linux', { ...theme, shouldUseDarkColors: false })).toBe('light-panel');
  });

  it('keeps the tooltip within what Windows shows', () => {
    expect(trayTooltip('a'.repeat(200))).toHaveLength(127);
    expect(trayTooltip('short')).toBe('short');
  });

  it('opens the window on click and on "Open AuZap"; quits on "Quit AuZap"', () => {
    const { tray, item, options } = setUp();
    tray.listeners.get('click')?.();
    item('open')?.click?.({ checked: false });
    expect(options.onOpen).toHaveBeenCalledTimes(2);
    item('quit')?.click?.({ checked: false });
    expect(options.onQuit).toHaveBeenCalledTimes(1);
  });

  it('stops listening to the theme and removes the icon on destroy', () => {
    const { controller, tray } = setUp();
    controller.destroy();
    expect(tray.destroyed).toBe(true);
    expect(electron.themeListeners.size).toBe(0);
    controller.update(online(5));
    expect(tray.images).toHaveLength(1);
  });
});

describe('Pause notifications', () => {
  it('is a submenu of durations that pause through the runtime', () => {
    const { item, pauseLabels, options } = setUp();
    expect(pauseLabels()).toEqual([
      'Pause for 1 hour',
      'Pause until tomorrow morning (8:00 AM)',
      'Pause until I turn them back on',
    ]);
    item('pause-1h')?.click?.({ checked: false });
    expect(options.setNotificationsPaused).toHaveBeenLastCalledWith(true, '1h');
    item('pause-morning')?.click?.({ checked: false });
    expect(options.setNotificationsPaused).toHaveBeenLastCalledWith(true, 'morning');
    item('pause-until-resumed')?.click?.({ checked: false });
    expect(options.setNotificationsPaused).toHaveBeenLastCalledWith(true, 'until-resumed');
  });

  it('offers Resume first while paused, with the time left, kept true as time passes', () => {
    const { controller, tray, item, pauseLabels, options, setPause, setNow } = setUp();
    setPause({ paused: true, pausedUntil: new Date(NOW + HOUR).toISOString() });
    // The runtime publishes a snapshot; the host calls refresh().
    controller.refresh();
    expect(pauseLabels()).toEqual([
      'Resume notifications (1 h left)',
      'separator',
      'Pause for 1 hour',
      'Pause until tomorrow morning (8:00 AM)',
      'Pause until I turn them back on',
    ]);
    expect(controller.view().menu.paused).toBe(true);
    item('pause-resume')?.click?.({ checked: false });
    expect(options.setNotificationsPaused).toHaveBeenLastCalledWith(false);
    setNow(NOW + 20 * 60_000);
    controller.refresh();
    expect(item('pause-resume')?.label).toBe('Resume notifications (40 min left)');
    // Nothing changed since: not rebuilt again.
    const menus = tray.menus.length;
    controller.refresh();
    expect(tray.menus).toHaveLength(menus);
    setPause({ paused: true, pausedUntil: null });
    controller.refresh();
    expect(item('pause-resume')?.label).toBe('Resume notifications');
    setPause({ paused: false, pausedUntil: null });
    controller.refresh();
    expect(item('pause-resume')).toBeUndefined();
  });

  it('follows the time left by itself, once a minute', () => {
    vi.useFakeTimers();
    try {
      let now = NOW;
      const { item, setPause } = setUp({ now: () => now });
      setPause({ paused: true, pausedUntil: new Date(NOW + HOUR).toISOString() });
      now += 5 * 60_000;
      vi.advanceTimersByTime(60_000);
      expect(item('pause-resume')?.label).toBe('Resume notifications (55 min left)');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the language', () => {
  it('builds the menu in pt-BR, and again in English after a switch in Settings', () => {
    const { controller, lastMenu, pauseLabels, setLocale, setPause } = setUp();
    setLocale('pt-BR');
    setPause({ paused: true, pausedUntil: new Date(NOW + 3 * HOUR).toISOString() });
    controller.refresh();
    expect(lastMenu().template.map((entry) => entry.label ?? entry.type)).toEqual([
      'Abrir o AuZap',
      expect.any(String),
      'Pausar notificações',
      'separator',
      'Sair do AuZap',
    ]);
    expect(pauseLabels()).toEqual([
      'Reativar notificações (faltam 3 h)',
      'separator',
      'Pausar por 1 hora',
      'Pausar até amanhã de manhã (08:00)',
      'Pausar até eu reativar',
    ]);
    setLocale('en');
    controller.refresh();
    expect(lastMenu().template[0]?.label).toBe('Open AuZap');
    expect(pauseLabels()[0]).toBe('Resume notifications (3 h left)');
  });

  it('starts with a tooltip in the language of the moment', () => {
    const { tray } = setUp({ locale: () => 'pt-BR' });
    expect(tray.tooltips[0]).toBe('AuZap — Conectando…, nenhuma mensagem não lida');
  });

  it('says the update entry in pt-BR', () => {
    expect(updateMenuEntry({ status: 'downloaded', version: '1.2.3', channel: 'stable' }, 'pt-BR')?.label).toBe(
      'Reiniciar e atualizar para a versão 1.2.3',
    );
    expect(updateMenuEntry({ status: 'idle', channel: 'stable' }, 'pt-BR')?.label).toBe('Procurar atualizações');
  });
});

describe('the update entry', () => {
  const updatesWith = (state: UpdateState) => ({
    state: vi.fn(() => state),
    checkNow: vi.fn(),
    restartToUpdate: vi.fn(),
  });

  it('is absent without an updater', () => {
    const { item } = setUp();
    expect(item('update')).toBeUndefined();
  });

  it('checks for updates', () => {
    const updates = updatesWith({ status: 'idle', channel: 'stable' });
    const { item, lastMenu } = setUp({ updates });
    expect(lastMenu().template.map((e) => e.label ?? e.type)).toEqual([
      'Open AuZap',
      expect.any(String),
      'Pause notifications',
      'Check for updates',
      'separator',
      'Quit AuZap',
    ]);
    item('update')?.click?.({ checked: false });
    expect(updates.checkNow).toHaveBeenCalled();
    expect(updates.restartToUpdate).not.toHaveBeenCalled();
  });

  it('offers the restart once an update is downloaded', () => {
    const updates = updatesWith({ status: 'idle', channel: 'stable' });
    const { controller, item } = setUp({ updates });
    updates.state.mockReturnValue({ status: 'downloaded', version: '1.2.3', channel: 'stable' });
    controller.refresh();
    expect(item('update')?.label).toBe('Restart to update to 1.2.3');
    item('update')?.click?.({ checked: false });
    expect(updates.restartToUpdate).toHaveBeenCalled();
  });

  it('is disabled while checking or downloading', () => {
    expect(updateMenuEntry({ status: 'checking', channel: 'stable' }, 'en')).toMatchObject({ enabled: false });
    expect(updateMenuEntry({ status: 'downloading', percent: 40, channel: 'beta' }, 'en')).toMatchObject({
      enabled: false,
    });
    expect(
      updateMenuEntry({ status: 'error', error: { key: 'updates.error.network' }, channel: 'stable' }, 'en'),
    ).toMatchObject({
      label: 'Check for updates',
      enabled: true,
    });
    expect(updateMenuEntry(undefined, 'en')).toBeNull();
  });
});
