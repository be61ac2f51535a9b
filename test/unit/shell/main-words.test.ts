// Main's words follow the language (issue 11): the app menu handed to Electron is built in
// pt-BR, and again in English the moment the runtime says the language changed (a switch
// in Settings), with the tray and the window title relabelled at once; the first menu is
// in the system's language, and a saved Settings choice wins as soon as the runtime runs.
import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const built: MenuItemConstructorOptions[][] = [];
  const applied: unknown[] = [];
  return {
    built,
    applied,
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => {
        built.push(template);
        return { template };
      },
      setApplicationMenu: (menu: unknown) => applied.push(menu),
    },
  };
});
vi.mock('electron', () => electron);

import type { PushMessage } from '../../../src/core/app-core';
import type { Locale } from '../../../src/shared/i18n/locale';
import { createMainLocale, startLocale } from '../../../src/main/shell/system-locale';
import { createAppMenu, followRuntime } from '../../../src/main/wiring/words';

const topLabels = () => electron.built.at(-1)?.map((item) => item.label);

function fakeRuntime(locale: Locale) {
  const listeners = new Set<(push: PushMessage) => void>();
  return {
    locale: vi.fn(() => locale),
    onPush: (listener: (push: PushMessage) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(push: PushMessage) {
      for (const listener of listeners) listener(push);
    },
    setLocale(next: Locale) {
      locale = next;
      this.emit({ channel: 'locale:changed', payload: { locale: next, choice: next } });
    },
  };
}

function setUp(systemLocale: Locale, runtimeLocale: Locale) {
  const locale = createMainLocale(() => systemLocale);
  const showAppMenu = createAppMenu({ platform: 'linux', developerTools: false, quit: vi.fn() });
  showAppMenu(locale.current());
  const runtime = fakeRuntime(runtimeLocale);
  const tray = { refresh: vi.fn() };
  const badge = { relabel: vi.fn() };
  const stop = followRuntime(runtime, { locale, showAppMenu, tray, badge });
  return { locale, runtime, tray, badge, stop };
}

beforeEach(() => {
  electron.built.length = 0;
  electron.applied.length = 0;
});

describe('main speaks the app’s language', () => {
  it('builds the app menu in pt-BR, and in English right after a switch in Settings', () => {
    const { locale, runtime, tray, badge } = setUp('pt-BR', 'pt-BR');
    expect(topLabels()).toEqual(['Arquivo', 'Editar']);
    expect(electron.built.at(-1)?.[0]?.submenu).toEqual([expect.objectContaining({ label: 'Sair do AuZap' })]);
    expect(electron.applied).toHaveLength(1);

    runtime.setLocale('en');
    expect(topLabels()).toEqual(['File', 'Edit']);
    expect(electron.applied).toHaveLength(2);
    expect(locale.current()).toBe('en');
    expect(tray.refresh).toHaveBeenCalled();
    expect(badge.relabel).toHaveBeenCalled();

    runtime.setLocale('pt-BR');
    expect(topLabels()).toEqual(['Arquivo', 'Editar']);
  });

  it('switches to a saved Settings choice as soon as the runtime runs', () => {
    const { locale, badge } = setUp('en', 'pt-BR');
    expect(electron.built.map((template) => template[0]?.label)).toEqual(['File', 'Arquivo']);
    expect(locale.current()).toBe('pt-BR');
    expect(badge.relabel).toHaveBeenCalledTimes(1);
  });

  it('rebuilds the tray menu when the pause or the updater changes, and nothing else for other pushes', () => {
    const { runtime, tray, badge } = setUp('en', 'en');
    runtime.emit({
      channel: 'app:snapshot-patch',
      payload: { notifications: { paused: true, privacy: 'full' } },
    } as never);
    runtime.emit({ channel: 'updates:state', payload: { status: 'checking', channel: 'stable' } });
    expect(tray.refresh).toHaveBeenCalledTimes(2);
    runtime.emit({ channel: 'inbox:conversations', payload: { upserts: [], removedIds: [] } } as never);
    expect(tray.refresh).toHaveBeenCalledTimes(2);
    expect(badge.relabel).not.toHaveBeenCalled();
    expect(electron.applied).toHaveLength(1);
  });

  it('starts in AUZAP_LOCALE, else the system’s first language', () => {
    const system = (languages: string[]) => ({
      getPreferredSystemLanguages: () => languages,
      getLocale: () => 'en-US',
    });
    expect(startLocale(undefined, system(['pt-BR', 'en-US']))).toBe('pt-BR');
    expect(startLocale(undefined, system([]))).toBe('en');
    expect(startLocale('pt', system(['en-US']))).toBe('pt-BR');
    expect(
      startLocale(undefined, {
        getPreferredSystemLanguages: () => {
          throw new Error('not ready');
        },
        getLocale: () => 'x',
      }),
    ).toBe('en');
  });
});
