/**
 * The tray icon (the menu-bar item on macOS): the core's TraySink drawn with
 * renderTrayIcon — unread count on the icon, a greyed look when offline, an amber "!"
 * when sign-in is needed — plus the tooltip and the context menu:
 *
 * (tray-menu.ts), all in the app's language and rebuilt when it changes.
 *
 * Work is done only when something visible changed: the icon is re-rendered when the
 * badge text, the attention state or the panel theme changed; the menu is rebuilt when
 * its content changed (rebuilding an open menu on Linux closes it under the cursor).
 */
import { Menu, nativeImage, nativeTheme, Tray, type NativeImage } from 'electron';
import type { Locale } from '../../shared/i18n/locale';
import type { PauseDuration } from '../../shared/quiet-time';
import type { UpdatesPort } from '../../core/host-runtime';
import type { TraySink, TrayState } from '../../core/ports';
import { describeTray } from '../../core/tray-state';
import { renderTrayIcon, trayBadgeText, type TrayIconSize, type TrayPanelTheme } from './tray-icon';
import { pauseEntries, trayMenuTemplate, updateMenuEntry, type PauseState, type TrayMenuView } from './tray-menu';

/** A timed pause's label says the time left: the menu is looked at again this often. */
const MINUTE = 60_000;

export interface TrayImageSpec {
  size: TrayIconSize;
  scaleFactor: number;
}

/**
 * Pixel sizes per platform: Windows' notification area is 16 px at 100 % (24 at 150 %,
 * 32 at 200 %); the macOS menu bar wants 16 pt (@2x 32 px); Linux panels 22 px (GNOME,
 * KDE, XFCE defaults), and exactly twice that, 44 px, at 2×: a 48 px image would be
 * scaled down by 22/24 and come out blurred.
 */
export function trayImageSpecs(platform: NodeJS.Platform): TrayImageSpec[] {
  switch (platform) {
    case 'win32':
      return [
        { size: 16, scaleFactor: 1 },
        { size: 24, scaleFactor: 1.5 },
        { size: 32, scaleFactor: 2 },
      ];
    case 'darwin':
      return [
        { size: 16, scaleFactor: 1 },
        { size: 32, scaleFactor: 2 },
      ];
    default:
      return [
        { size: 22, scaleFactor: 1 },
        { size: 44, scaleFactor: 2 },
      ];
  }
}

type ThemeLike = Pick<typeof nativeTheme, 'shouldUseDarkColors' | 'shouldUseDarkColorsForSystemIntegratedUI'>;

/**
 * The colour of the panel the icon sits on. Windows' taskbar follows the "system"
 * colour mode, which may differ from the apps' mode; elsewhere the OS dark mode.
 */
export function panelTheme(platform: NodeJS.Platform, theme: ThemeLike): TrayPanelTheme {
  const dark = platform === 'win32' ? theme.shouldUseDarkColorsForSystemIntegratedUI : theme.shouldUseDarkColors;
  return dark ? 'dark-panel' : 'light-panel';
}

export type RenderTrayIcon = typeof renderTrayIcon;

/** One NativeImage holding every size for this platform, each at its scale factor. */
export function buildTrayImage(
  state: Pick<TrayState, 'badgeCount' | 'attention'>,
  platform: NodeJS.Platform,
  theme: TrayPanelTheme,
  render: RenderTrayIcon = renderTrayIcon,
): NativeImage {
  const [first, ...rest] = trayImageSpecs(platform);
  const draw = (size: TrayIconSize) => render({ count: state.badgeCount, attention: state.attention, size, theme });
  const spec = first ?? { size: 16 as const, scaleFactor: 1 };
  const image = nativeImage.createFromBuffer(draw(spec.size), { scaleFactor: spec.scaleFactor });
  for (const more of rest) image.addRepresentation({ scaleFactor: more.scaleFactor, buffer: draw(more.size) });
  return image;
}

/** Windows' tooltip holds 127 characters; longer text is cut by the OS mid-word. */
const MAX_TOOLTIP = 127;

export function trayTooltip(text: string): string {
  return text.length <= MAX_TOOLTIP ? text : `${text.slice(0, MAX_TOOLTIP - 1)}…`;
}

export interface TrayView {
  state: TrayState;
  theme: TrayPanelTheme;
  tooltip: string;
  menu: TrayMenuView;
  /** How many times the icon was drawn and the menu built (tests, and the electron suite). */
  iconRenders: number;
  menuBuilds: number;
}

export interface TrayControllerOptions {
  platform: NodeJS.Platform;
  /** Show and focus the main window. */
  onOpen(): void;
  /** Quit for real (sets the quitting flag first). */
  onQuit(): void;
  /** The language of the menu (the tooltip and status come in the core's words already). */
  locale(): Locale;
  notificationPause(): PauseState;
  setNotificationsPaused(paused: boolean, pauseFor?: PauseDuration): void;
  /** The updater, when this build has one. */
  updates?: Pick<UpdatesPort, 'state' | 'checkNow' | 'restartToUpdate'>;
  render?: RenderTrayIcon;
  now?: () => number;
}

export interface TrayController extends TraySink {
  /** Re-reads what the tray does not get through update(): the pause, the update state, the language, the theme. */
  refresh(): void;
  view(): TrayView;
  /** The context menu as last built (the electron suite clicks its items). */
  menu(): Menu | null;
  destroy(): void;
}

/** Creates the tray icon. Call once the app is ready. */
export function createTrayController(options: TrayControllerOptions): TrayController {
  const { platform } = options;
  const render = options.render ?? renderTrayIcon;
  const now = options.now ?? Date.now;
  let state: TrayState = describeTray({ status: 'connecting', detail: null }, 0, false, options.locale());
  let theme = panelTheme(platform, nativeTheme);
  let iconKey = '';
  let tooltip = '';
  let menuKey = '';
  let menuView: TrayMenuView = { locale: options.locale(), status: '', paused: false, pause: [], update: null };
  let builtMenu: Menu | null = null;
  let iconRenders = 0;
  let menuBuilds = 0;
  let destroyed = false;

  const tray = new Tray(buildTrayImage(state, platform, theme, render));
  iconRenders += 1;
  iconKey = `${trayBadgeText(state.badgeCount)}|${state.attention}|${theme}`;
  if (platform === 'darwin') tray.setIgnoreDoubleClickEvents(true);
  tray.on('click', () => options.onOpen());

  const buildMenu = (view: TrayMenuView): Menu =>
    Menu.buildFromTemplate(
      trayMenuTemplate(
        view,
        {
          open: () => options.onOpen(),
          quit: () => options.onQuit(),
          // The runtime then publishes a snapshot, and refresh() rebuilds the menu from its answer.
          pause: (duration) => options.setNotificationsPaused(true, duration),
          resume: () => options.setNotificationsPaused(false),
          update: (action) => (action === 'restart' ? options.updates?.restartToUpdate() : options.updates?.checkNow()),
        },
        platform,
      ),
    );

  const apply = () => {
    if (destroyed) return;
    const nextIconKey = `${trayBadgeText(state.badgeCount)}|${state.attention}|${theme}`;
    if (nextIconKey !== iconKey) {
      iconKey = nextIconKey;
      tray.setImage(buildTrayImage(state, platform, theme, render));
      iconRenders += 1;
    }
    const nextTooltip = trayTooltip(state.tooltip);
    if (nextTooltip !== tooltip) {
      tooltip = nextTooltip;
      tray.setToolTip(tooltip);
    }
    const locale = options.locale();
    const pause = options.notificationPause();
    const nextView: TrayMenuView = {
      locale,
      status: state.tooltip,
      paused: pause.paused,
      pause: pauseEntries(pause, locale, now()),
      update: updateMenuEntry(options.updates?.state(), locale),
    };
    const nextMenuKey = JSON.stringify(nextView);
    if (nextMenuKey !== menuKey) {
      menuKey = nextMenuKey;
      menuView = nextView;
      builtMenu = buildMenu(nextView);
      // Linux (StatusNotifierItem) only picks up a changed menu when it is set again.
      tray.setContextMenu(builtMenu);
      menuBuilds += 1;
    }
  };

  const onThemeUpdated = () => {
    theme = panelTheme(platform, nativeTheme);
    apply();
  };
  nativeTheme.on('updated', onThemeUpdated);
  apply();
  // Cheap when nothing changed (the view is compared first); keeps "3 h left" true. While a
  // timed pause runs the label changes each minute, so a menu open on Linux closes then: rare, and harmless.
  const ticker = setInterval(apply, MINUTE);
  ticker.unref?.();

  return {
    update(next) {
      state = { ...next };
      apply();
    },
    refresh: apply,
    view: () => ({ state: { ...state }, theme, tooltip, menu: menuView, iconRenders, menuBuilds }),
    menu: () => builtMenu,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      clearInterval(ticker);
      nativeTheme.removeListener('updated', onThemeUpdated);
      tray.destroy();
    },
  };
}
