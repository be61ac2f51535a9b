// The app's own menu: Edit roles everywhere, the macOS app menu there, a Quit that really
// quits, and Reload / DevTools only in unpackaged builds (Electron's default menu has them
// in every build).
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { appMenuTemplate } from '../../../src/main/shell/app-menu';
import type { Locale } from '../../../src/shared/i18n/locale';

const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((item) => [
    ...(item.role ? [String(item.role)] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
const menu = (platform: NodeJS.Platform, developerTools: boolean, quit = vi.fn(), locale: Locale = 'en') =>
  appMenuTemplate({ platform, appName: 'AuZap', developerTools, quit, locale });
const labels = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((item) => [
    ...(item.label ? [item.label] : []),
    ...(Array.isArray(item.submenu) ? labels(item.submenu) : []),
  ]);

describe('appMenuTemplate', () => {
  it('has no reload and no DevTools in a packaged build, on any OS', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const all = roles(menu(platform, false));
      expect(all).not.toContain('reload');
      expect(all).not.toContain('forceReload');
      expect(all).not.toContain('toggleDevTools');
    }
    expect(roles(menu('linux', true))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('gives text fields their shortcuts (Edit roles), and macOS its app menu', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      expect(roles(menu(platform, false))).toEqual(
        expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']),
      );
    }
    const mac = menu('darwin', false);
    expect(mac[0]?.label).toBe('AuZap');
    expect(roles([mac[0] as MenuItemConstructorOptions])).toEqual([
      'about',
      'services',
      'hide',
      'hideOthers',
      'unhide',
    ]);
    expect(menu('win32', false).map((m) => m.label)).toEqual(['File', 'Edit']);
    // Cmd+W closes the window (the role's own accelerator), as in every Mac app.
    const window = mac.find((m) => m.label === 'Window');
    expect(roles([window as MenuItemConstructorOptions])).toEqual(['close', 'minimize', 'zoom', 'front']);
    expect(labels([window as MenuItemConstructorOptions])).toEqual([
      'Window',
      'Close Window',
      'Minimize',
      'Zoom',
      'Bring All to Front',
    ]);
  });

  it('Quit AuZap (Ctrl/Cmd+Q) quits for real: with no tray it is the way out', () => {
    const quit = vi.fn();
    for (const platform of ['darwin', 'linux'] as const) {
      const items = menu(platform, false, quit)[0]?.submenu as MenuItemConstructorOptions[];
      const item = items.find((i) => i.id === 'quit');
      expect(item).toMatchObject({ label: 'Quit AuZap', accelerator: 'CmdOrCtrl+Q' });
      item?.click?.({} as never, undefined, {} as never);
    }
    expect(quit).toHaveBeenCalledTimes(2);
  });

  it('is in Portuguese when the app speaks it, role items included (Electron names them in English)', () => {
    const linux = menu('linux', true, vi.fn(), 'pt-BR');
    expect(linux.map((m) => m.label)).toEqual(['Arquivo', 'Editar', 'Desenvolvimento']);
    expect(labels(linux)).toEqual([
      'Arquivo',
      'Sair do AuZap',
      'Editar',
      'Desfazer',
      'Refazer',
      'Recortar',
      'Copiar',
      'Colar',
      'Apagar',
      'Selecionar tudo',
      'Desenvolvimento',
      'Recarregar',
      'Forçar recarregamento',
      'Ferramentas do desenvolvedor',
    ]);
    const mac = menu('darwin', false, vi.fn(), 'pt-BR');
    expect(labels([mac[0] as MenuItemConstructorOptions])).toEqual([
      'AuZap',
      'Sobre o AuZap',
      'Serviços',
      'Ocultar o AuZap',
      'Ocultar os outros',
      'Mostrar tudo',
      'Sair do AuZap',
    ]);
    // Every item but the separators has a label: none is left to Electron's English.
    const unlabelled = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
      items.flatMap((item) => [
        ...(item.type !== 'separator' && !item.label ? [item] : []),
        ...(Array.isArray(item.submenu) ? unlabelled(item.submenu) : []),
      ]);
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      expect(unlabelled(menu(platform, true, vi.fn(), 'pt-BR'))).toEqual([]);
    }
  });
});
